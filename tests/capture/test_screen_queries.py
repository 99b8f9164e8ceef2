"""The queries the capture window's screens call: plain frozen values from a real profile.

The screens' own tests cover what a coach sees; these pin what the core hands them, so a
screen never gets an ORM row that could lazy-load after its session closed.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import select

from observe.capture.evidence import delete_evidence, save_evidence
from observe.capture.participation import SeatSpec, save_seating, summarize, tally
from observe.capture.participation_view import chart_class, chart_seats, visit_tallies
from observe.capture.timeline import load_item, visit_items
from observe.capture.visit_choices import open_walks, visit_on_walk
from observe.capture.visits import end_visit, end_walk, reopen_visit, start_visit, start_walk
from observe.clock import utcnow
from observe.coaching.open_visit import visit_info
from observe.coaching.visit_lookfors import visit_lookfors
from observe.feedback import FeedbackDraft, Glow
from observe.feedback.service import save_feedback, shared_with_teacher
from observe.store import Store
from observe.store.models import EvidenceKind, ParticipationKind, Teacher, Visit, VisitType
from observe.store.search import SearchFilters
from observe.store.search_choices import filter_choices, search
from tests.store.helpers import make_visit


def _frozen(value: object) -> None:
    assert dataclasses.is_dataclass(value)
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.id = "changed"  # type: ignore[attr-defined]


def _classroom(store: Store, visit_id: str) -> str:
    with store.read() as s:
        return s.get_one(Visit, visit_id).classroom_id


def test_the_timeline_in_time_order_with_tags_and_a_deleted_item_gone(store: Store):
    visit_id, (_, d2) = make_visit(store)
    now = utcnow()
    late = save_evidence(
        store, visit_id, EvidenceKind.STUDENT_TALK, "Pairs compare", observed_at=now
    )
    early = save_evidence(
        store,
        visit_id,
        EvidenceKind.STUDENT_ACTION,
        "Students sort cards",
        lookfor_ids=[d2],
        lookfor_marks={d2: "seen"},
        observed_at=now - timedelta(minutes=3),
    )

    items = visit_items(store, visit_id)
    assert [(i.text, i.lookfor_ids, i.marks) for i in items] == [
        ("Students sort cards", (d2,), ((d2, "seen"),)),
        ("Pairs compare", (), ()),
    ]
    _frozen(items[0])

    delete_evidence(store, early.id)
    assert [i.id for i in visit_items(store, visit_id)] == [late.id]
    assert load_item(store, early.id) == (visit_id, None)  # the pane drops it from view


def test_the_open_visit_header_names_the_class_and_the_keys_of_the_set_in_use(store: Store):
    visit_id, (_, d2) = make_visit(store)
    info = visit_info(store, visit_id)
    assert info.title == "Zoë Okafor · Science · period 2"
    assert [(t.code, t.hotkey) for t in info.tags] == [("D1", 1), ("D2", 2)]
    assert info.tag_for_hotkey(2) is not None and info.tag_for_hotkey(2).id == d2
    assert info.ended_at is None
    end_visit(store, visit_id)
    assert visit_info(store, visit_id).ended_at is not None
    reopen_visit(store, visit_id)  # undo of End visit
    assert visit_info(store, visit_id).ended_at is None

    lookfors = visit_lookfors(store, visit_id)
    assert lookfors.set_name == "Discourse"
    assert [r.code for r in lookfors.rows] == ["D1", "D2"]


def test_walks_on_offer_and_where_the_open_visit_stands(store: Store):
    visit_id, _ = make_visit(store)
    room = _classroom(store, visit_id)
    older = start_walk(store, "Week 5")
    newer = start_walk(store, "Week 6")
    assert [w.title for w in open_walks(store)] == ["Week 6", "Week 5"]
    end_walk(store, older.id)
    assert [w.title for w in open_walks(store)] == ["Week 6"]
    assert [w.title for w in open_walks(store, include=older.id)] == ["Week 6", "Week 5"]

    off = visit_on_walk(store, visit_id)
    assert (off.walk_id, off.ended) == (None, False)  # Ctrl+Shift+N has no "next" here
    on = start_visit(store, room, VisitType.LEARNING_WALK, walk_id=newer.id)
    end_visit(store, on.id)
    ended = visit_on_walk(store, on.id)
    assert (ended.walk_id, ended.ended) == (newer.id, True)


def test_the_tally_panel_reads_the_chart_only_when_asked(store: Store):
    visit_id, _ = make_visit(store)
    room = _classroom(store, visit_id)
    save_seating(store, room, 1, 2, {(0, 0): SeatSpec("A1", "Table 1"), (0, 1): SeatSpec("A2")})
    seats = chart_seats(store, room)
    assert [(s.label, s.group_label) for s in seats] == [("A1", "Table 1"), ("A2", None)]
    tally(store, visit_id, seats[0].id, ParticipationKind.VOLUNTEERED)
    tally(store, visit_id, seats[0].id, ParticipationKind.CALLED_ON)

    tallies = visit_tallies(store, visit_id, with_shape=False)
    assert tallies is not None and tallies.shape is None and len(tallies.tallies) == 2
    shaped = visit_tallies(store, visit_id, with_shape=True)
    assert shaped is not None and shaped.shape is not None
    assert (shaped.shape.rows, shaped.shape.cols) == (1, 2)
    summary = summarize(seats, tallies.tallies)  # frozen copies count as the ORM rows did
    assert (summary.contributions, summary.distinct_voices) == (2, 1)
    assert chart_class(store, room).label == "Science, grade 6, period 2"


def test_search_choices_and_a_search_in_a_read_of_its_own(store: Store):
    visit_id, (d1, _) = make_visit(store)
    save_evidence(store, visit_id, EvidenceKind.STUDENT_TALK, "Students explain the ratio")
    choices = filter_choices(store)
    assert [name for _, name in choices.teachers] == ["Zoë Okafor"]
    assert (d1, "D1 · Students explain (Discourse)") in choices.lookfors
    hits = search(store, "ratio", SearchFilters(teacher_id=choices.teachers[0][0]))
    assert [h.visit_id for h in hits] == [visit_id]
    assert search(store, "nothing-like-this") == []


def test_the_composer_learns_whether_saved_feedback_is_shared(store: Store):
    visit_id, _ = make_visit(store)
    with store.write() as s:  # sharing needs the teacher's email
        for teacher in s.scalars(select(Teacher)):
            teacher.email = "zoe@school.org"
    evidence = save_evidence(store, visit_id, EvidenceKind.STUDENT_TALK, "Students explain")
    draft = FeedbackDraft(visit_id=visit_id, glows=[Glow("Clear thinking aloud", evidence.id)])
    kept = save_feedback(store, draft, share=False)
    assert shared_with_teacher(store, kept) is False
    shared = save_feedback(store, dataclasses.replace(draft, feedback_id=kept), share=True)
    assert shared_with_teacher(store, shared) is True
