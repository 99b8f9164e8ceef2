"""A teacher's reflection reaches the coach through the ordinary pull and shows where the
coach prepares the next conversation: the visit's feedback and the cycle summary PDF.

Everything is real: an observe-server process (SQLite and PostgreSQL), the coach's profile
sharing feedback with the roster teacher's email, a teacher account made with
``observe-server user add --role teacher``, and the reflection written through
``observe.server.teacher_view.write_reflection`` (the code the teacher's web page calls,
which goes through the server's push path) against the server's own database.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from observe.feedback import draft_for, save_feedback
from observe.feedback.reflections import cycle_reflections, visit_reflections
from observe.ids import new_id
from observe.protocol import Op
from observe.reports.cycle_summary import cycle_summary_pdf
from observe.server import push as server_push
from observe.server import teacher_view
from observe.server.accounts import Principal, principal_of
from observe.server.errors import ApiError
from observe.server.schema import account
from observe.store.models import Classroom, CoachingCycle, Reflection, Teacher, Visit
from tests.reports.helpers import ARABIC, build_visit, flat, pdf_text
from tests.serverfixtures import DEFAULT_PASSWORD, ServerProcess

ON_FEEDBACK = f"I noticed table 2 waited for me 🤔. Next time I will ask them first. {ARABIC}"
SECOND = "And I will time the turn-and-talk."
TEACHER_EMAIL = "anh@school.org"


def _shared_visit_in_a_cycle(store) -> tuple[str, str, str]:
    built = build_visit(store, email=TEACHER_EMAIL)
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


def _teacher(server: ServerProcess, school: str) -> Principal:
    """A teacher account made the way an administrator would, as the server sees it."""
    made = server.cli(
        "user", "add", "--role", "teacher", "--email", TEACHER_EMAIL.upper(),
        "--name", "Ánh Nguyễn", "--school", school, "--password-stdin",
        input=DEFAULT_PASSWORD + "\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    with server.engine.connect() as conn:
        user_id = conn.execute(
            select(account.c.id).where(account.c.email == TEACHER_EMAIL)
        ).scalar_one()
        return principal_of(conn, user_id)


def test_a_pulled_reflection_shows_in_the_visit_and_the_cycle_summary(observe_server, devices):
    server = observe_server
    coach = server.add_user(school="Lincoln High")
    laptop = devices.new("laptop")
    laptop.login(server, coach)
    visit_id, cycle_id, feedback_id = _shared_visit_in_a_cycle(laptop.store)
    laptop.sync()
    teacher = _teacher(server, "Lincoln High")
    with server.engine.connect() as conn:
        assert [i.record_id for i in teacher_view.shared_with(conn, teacher)] == [feedback_id]

    reflection_id = teacher_view.write_reflection(
        server.engine, teacher, "feedback", feedback_id, ON_FEEDBACK
    )
    # The cycle is private (not shared with the teacher), so the server refuses a reflection.
    with pytest.raises(ApiError):
        teacher_view.write_reflection(server.engine, teacher, "coaching_cycle", cycle_id, "x")
    assert visit_reflections(laptop.store, visit_id) == []

    assert laptop.sync() is not None  # the real pull and apply
    with laptop.store.read() as s:
        authors = set(s.scalars(select(Reflection.author_id)))
    assert authors == {teacher.user_id}  # the teacher's, never the coach's own
    assert laptop.outbox() == 0  # a pulled reflection is never pushed back

    on_visit = visit_reflections(laptop.store, visit_id)
    assert [r.text for r in on_visit] == [ON_FEEDBACK]
    assert on_visit[0].teacher == "Nguyễn Thị Ánh"  # the roster's name for them
    assert [r.text for r in cycle_reflections(laptop.store, cycle_id)] == [ON_FEEDBACK]
    text = flat(pdf_text(cycle_summary_pdf(laptop.store, cycle_id, "letter").data))
    assert flat("The teacher's reflections") in text
    assert flat("I noticed table 2 waited for me") in text
    assert flat("on the visit of 6 Oct 2026") in text

    # The teacher changes their words: the next pull brings the new version, not a second one.
    teacher_view.write_reflection(
        server.engine, teacher, "feedback", feedback_id, f"{ON_FEEDBACK} {SECOND}", reflection_id
    )
    laptop.sync()
    assert [r.text for r in visit_reflections(laptop.store, visit_id)] == [
        f"{ON_FEEDBACK} {SECOND}"
    ]

    # The teacher deletes it (a delete op through the server's push, the web pages' path):
    # it disappears from the visit and the summary on the next pull.
    with server.engine.connect() as conn:
        version = teacher_view.reflections_on(conn, teacher, feedback_id)[0].version
    gone = Op.model_validate(
        {
            "op_id": new_id(),
            "kind": "reflection",
            "id": reflection_id,
            "op": "delete",
            "base_version": version,
            "client_version": version,
            "visibility": "teacher",
        }
    )
    result = server_push.push(server.engine, teacher, [gone])["results"][0]
    assert result["status"] == "applied", result
    laptop.sync()
    assert visit_reflections(laptop.store, visit_id) == []
    assert cycle_reflections(laptop.store, cycle_id) == []
    text = flat(pdf_text(cycle_summary_pdf(laptop.store, cycle_id, "letter").data))
    assert flat("I noticed table 2 waited for me") not in text
    assert laptop.outbox() == 0


ON_CYCLE = "Our partner talk routine is sticking; I want to try it in period 4 too."


def test_a_cycle_shared_from_the_app_reaches_its_teacher_and_their_reflection_comes_back(
    observe_server, devices
):
    """The desktop's sync client pushes the cycle's published copy; the teacher reads only
    that, reflects, and the coach's next pull brings the reflection to the cycle summary.
    Un-sharing takes the cycle away from the teacher; the reflection stays with the coach."""
    from observe.coaching import cycle_share

    server = observe_server
    coach = server.add_user(school="Lincoln Cycles")
    laptop = devices.new("laptop")
    laptop.login(server, coach)
    _visit_id, cycle_id, feedback_id = _shared_visit_in_a_cycle(laptop.store)
    cycle_share.share_cycle(laptop.store, cycle_id, True)
    laptop.sync()
    teacher = _teacher(server, "Lincoln Cycles")
    with server.engine.connect() as conn:
        shared = {i.record_id: i for i in teacher_view.shared_with(conn, teacher)}
    assert set(shared) == {feedback_id, cycle_id}
    cycle = shared[cycle_id]
    assert cycle.kind == "coaching_cycle" and cycle.published["focus"] == "Equity of voice"
    assert cycle.published["teacher_email"] == TEACHER_EMAIL

    teacher_view.write_reflection(server.engine, teacher, "coaching_cycle", cycle_id, ON_CYCLE)
    laptop.sync()
    assert ON_CYCLE in [r.text for r in cycle_reflections(laptop.store, cycle_id)]
    text = flat(pdf_text(cycle_summary_pdf(laptop.store, cycle_id, "letter").data))
    assert flat("Our partner talk routine is sticking") in text
    assert laptop.outbox() == 0

    cycle_share.share_cycle(laptop.store, cycle_id, False)
    laptop.sync()
    with server.engine.connect() as conn:
        assert [i.record_id for i in teacher_view.shared_with(conn, teacher)] == [feedback_id]
    with pytest.raises(ApiError):
        teacher_view.write_reflection(server.engine, teacher, "coaching_cycle", cycle_id, "x")
    assert ON_CYCLE in [r.text for r in cycle_reflections(laptop.store, cycle_id)]
