"""A teacher's reflection reaches the coach through the ordinary pull and shows where the
coach prepares the next conversation: the visit's feedback and the cycle summary PDF.

Until the server knows the teacher role (branch i16-server), a second account of the same
school stands in for the teacher and writes the reflection with visibility "team" so the
server's pull hands it to the coach; after the merge this test should write it through
``observe.server.teacher_view.write_reflection`` with a real teacher account instead.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from observe.feedback import draft_for, save_feedback
from observe.feedback.reflections import cycle_reflections, visit_reflections
from observe.reports.cycle_summary import cycle_summary_pdf
from observe.store.models import (
    Classroom,
    CoachingCycle,
    Reflection,
    Teacher,
    Visibility,
    Visit,
)
from tests.reports.helpers import ARABIC, build_visit, flat, pdf_text

ON_FEEDBACK = f"I noticed table 2 waited for me 🤔. Next time I will ask them first. {ARABIC}"
ON_CYCLE = "The cycle helped me hear more voices; I'll keep the turn-and-talk."


def _shared_visit_in_a_cycle(store) -> tuple[str, str, str]:
    built = build_visit(store, email="anh@school.org")
    with store.write() as s:
        visit = s.get_one(Visit, built.visit_id)
        teacher = s.get_one(Teacher, s.get_one(Classroom, visit.classroom_id).teacher_id)
        cycle = CoachingCycle(
            teacher_id=teacher.id, focus="Equity of voice", started_on=date(2026, 10, 1)
        )
        s.add(cycle)
        s.flush()
        visit.cycle_id = cycle.id
    feedback_id = save_feedback(store, draft_for(store, built.visit_id), share=True)
    return built.visit_id, cycle.id, feedback_id


def test_a_pulled_reflection_shows_in_the_visit_and_the_cycle_summary(sqlite_server, devices):
    coach = sqlite_server.add_user(school="Lincoln High")
    stand_in = sqlite_server.add_user(school="Lincoln High")
    laptop, web = devices.new("laptop"), devices.new("web")
    laptop.login(sqlite_server, coach)
    web.login(sqlite_server, stand_in)
    visit_id, cycle_id, feedback_id = _shared_visit_in_a_cycle(laptop.store)
    laptop.sync()
    with web.store.write() as s:
        s.add_all(
            [
                Reflection(
                    target_kind="feedback",
                    target_id=feedback_id,
                    text=ON_FEEDBACK,
                    visibility=Visibility.TEAM,
                ),
                Reflection(
                    target_kind="coaching_cycle",
                    target_id=cycle_id,
                    text=ON_CYCLE,
                    visibility=Visibility.TEAM,
                ),
            ]
        )
    web.sync()
    assert visit_reflections(laptop.store, visit_id) == []

    result = laptop.sync()  # the real pull and apply
    assert result is not None
    with laptop.store.read() as s:
        authors = set(s.scalars(select(Reflection.author_id)))
    assert authors == {stand_in.id}  # the writer's, never the coach's own
    assert laptop.outbox() == 0  # a pulled reflection is never pushed back

    on_visit = visit_reflections(laptop.store, visit_id)
    assert [r.text for r in on_visit] == [ON_FEEDBACK]
    assert on_visit[0].teacher == "Nguyễn Thị Ánh"
    both = cycle_reflections(laptop.store, cycle_id)
    assert {r.text for r in both} == {ON_FEEDBACK, ON_CYCLE}

    text = flat(pdf_text(cycle_summary_pdf(laptop.store, cycle_id, "letter").data))
    assert flat("The teacher's reflections") in text
    assert flat(ON_CYCLE) in text
    assert flat("I noticed table 2 waited for me") in text
    assert flat("on the visit of 6 Oct 2026") in text

    # A deleted reflection disappears from both places on the next pull.
    with web.store.write() as s:
        for r in s.scalars(select(Reflection)):
            if r.target_kind == "coaching_cycle":
                r.deleted = True
    web.sync()
    laptop.sync()
    assert [r.text for r in cycle_reflections(laptop.store, cycle_id)] == [ON_FEEDBACK]
    text = flat(pdf_text(cycle_summary_pdf(laptop.store, cycle_id, "letter").data))
    assert flat(ON_CYCLE) not in text
