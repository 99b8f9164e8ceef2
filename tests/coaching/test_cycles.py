"""Coaching cycles saved whole, with steps, visits linked and a closing reflection."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from observe.capture.visits import end_visit, start_visit
from observe.coaching import cycles
from observe.coaching.cycles import CycleDraft, StepDraft
from observe.demo import load_demo
from observe.errors import UsageError
from observe.store.models import (
    CoachingCycle,
    CoachingLogEntry,
    CycleStatus,
    CycleStep,
    MeasureKind,
    OutboxOp,
    StepKind,
    StepStatus,
    VisitType,
)
from tests.coaching.helpers import T0, make_room


def _draft(teacher_id: str, **kw) -> CycleDraft:
    base: dict = {
        "teacher_id": teacher_id,
        "focus": "Widen participation in whole-class discussion",
        "student_goal": "At least 18 of 24 students contribute aloud in each discussion.",
        "measure_kind": MeasureKind.DISTINCT_VOICES,
        "baseline": 9.0,
        "target": 18.0,
        "started_on": date(2026, 9, 14),
        "steps": (
            StepDraft(StepKind.OBSERVE, "Baseline observation", date(2026, 9, 15)),
            StepDraft(StepKind.CO_PLAN, "Co-plan partner talk", date(2026, 9, 17)),
            StepDraft(StepKind.MODEL, "Model think-pair-share", date(2026, 9, 22)),
            StepDraft(StepKind.DEBRIEF, "Debrief", date(2026, 9, 23)),
        ),
    }
    base.update(kw)
    return CycleDraft(**base)


def _count(store, model) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_save_and_load_a_cycle_with_its_steps(store):
    teacher, _room, _seats = make_room(store)
    cycle_id = cycles.save_cycle(store, _draft(teacher))
    loaded = cycles.load_cycle(store, cycle_id)
    assert loaded.focus == "Widen participation in whole-class discussion"
    assert (loaded.measure_kind, loaded.baseline, loaded.target) == (
        MeasureKind.DISTINCT_VOICES,
        9.0,
        18.0,
    )
    assert [(s.kind, s.title) for s in loaded.steps] == [
        (StepKind.OBSERVE, "Baseline observation"),
        (StepKind.CO_PLAN, "Co-plan partner talk"),
        (StepKind.MODEL, "Model think-pair-share"),
        (StepKind.DEBRIEF, "Debrief"),
    ]
    [row] = cycles.list_cycles(store)
    assert (row.teacher_name, row.status, row.steps_done, row.steps_total) == (
        "Ana Reyes",
        CycleStatus.ACTIVE,
        0,
        4,
    )


def test_editing_steps_keeps_ids_and_tombstones_removed_ones(store):
    teacher, _room, _seats = make_room(store)
    cycle_id = cycles.save_cycle(store, _draft(teacher))
    first, second, third, fourth = cycles.load_cycle(store, cycle_id).steps
    done = StepDraft(
        first.kind,
        first.title,
        first.due_on,
        StepStatus.DONE,
        date(2026, 9, 15),
        "Went well",
        first.id,
    )
    cycles.save_cycle(
        store,
        _draft(teacher, steps=(done, third, fourth, StepDraft(StepKind.CO_TEACH, "Co-teach"))),
        cycle_id,
    )
    steps = cycles.load_cycle(store, cycle_id).steps
    assert [s.id for s in steps[:3]] == [first.id, third.id, fourth.id]
    assert steps[0].status is StepStatus.DONE and steps[0].done_on == date(2026, 9, 15)
    assert steps[3].title == "Co-teach" and steps[3].id not in {first.id, second.id}
    with store.read() as s:
        removed = s.get(CycleStep, second.id)
        assert removed is not None and removed.deleted


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"focus": "   "}, "Give the cycle a focus"),
        ({"teacher_id": ""}, "Choose the teacher"),
        ({"measure_kind": MeasureKind.LOOKFOR_FREQUENCY}, "Choose the look-for"),
        ({"measure_kind": None}, "Choose a success measure before"),
        ({"ended_on": date(2026, 9, 1)}, "can't end before it starts"),
        ({"baseline": -1.0}, "0 or more"),
        ({"steps": (StepDraft(StepKind.MODEL, "  "),)}, "Action step 1 needs a title"),
    ],
)
def test_an_invalid_cycle_is_refused_and_nothing_is_written(store, change, words):
    teacher, _room, _seats = make_room(store)
    before = (_count(store, CoachingCycle), _count(store, CycleStep), _count(store, OutboxOp))
    draft = _draft(**{"teacher_id": teacher, **change})
    with pytest.raises(UsageError) as err:
        cycles.save_cycle(store, draft)
    assert words in err.value.sentence
    assert (
        _count(store, CoachingCycle),
        _count(store, CycleStep),
        _count(store, OutboxOp),
    ) == before


def test_link_visits_moves_them_and_their_log_entries(store):
    teacher, room, _seats = make_room(store)
    _other_teacher, other_room, _ = make_room(store, name="Ben Okafor")
    cycle_id = cycles.save_cycle(store, _draft(teacher))
    visits = []
    for day in range(3):
        v = start_visit(
            store, room, VisitType.COACHING_OBSERVATION, started_at=T0 + timedelta(days=day)
        )
        end_visit(store, v.id, T0 + timedelta(days=day, minutes=30))
        visits.append(v.id)
    choices = cycles.visit_choices(store, cycle_id)
    assert [c.id for c in choices] == list(reversed(visits))  # newest first

    cycles.link_visits(store, cycle_id, visits[:2])
    assert cycles.list_cycles(store)[0].visits == 2
    with store.read() as s:
        linked = s.scalars(
            select(CoachingLogEntry.visit_id).where(CoachingLogEntry.cycle_id == cycle_id)
        ).all()
    assert sorted(linked) == sorted(visits[:2])

    cycles.link_visits(store, cycle_id, visits[1:])
    assert {c.id for c in cycles.visit_choices(store, cycle_id) if c.cycle_id} == set(visits[1:])

    stranger = start_visit(store, other_room, VisitType.COACHING_OBSERVATION, started_at=T0)
    with pytest.raises(UsageError, match="this teacher's classes"):
        cycles.link_visits(store, cycle_id, [visits[0], stranger.id])
    assert {c.id for c in cycles.visit_choices(store, cycle_id) if c.cycle_id} == set(visits[1:])


def test_closing_a_cycle_needs_a_reflection(store):
    teacher, _room, _seats = make_room(store)
    cycle_id = cycles.save_cycle(store, _draft(teacher))
    with pytest.raises(UsageError, match="reflection"):
        cycles.close_cycle(store, cycle_id, "  ", date(2026, 10, 30))
    assert cycles.load_cycle(store, cycle_id).status is CycleStatus.ACTIVE
    cycles.close_cycle(
        store, cycle_id, "Partner rehearsal widened participation.", date(2026, 10, 30)
    )
    closed = cycles.load_cycle(store, cycle_id)
    assert closed.status is CycleStatus.COMPLETED and closed.ended_on == date(2026, 10, 30)


def test_deleting_a_cycle_unlinks_its_visits(store):
    teacher, room, _seats = make_room(store)
    cycle_id = cycles.save_cycle(store, _draft(teacher))
    v = start_visit(store, room, VisitType.CO_TEACHING, cycle_id=cycle_id, started_at=T0)
    cycles.delete_cycle(store, cycle_id)
    assert cycles.list_cycles(store) == []
    assert [c.cycle_id for c in cycles.visit_choices(store, cycle_id)] == [None]
    assert v.id


def test_demo_cycles_are_listed_active_first(store):
    load_demo(store, "small")
    rows = cycles.list_cycles(store)
    assert [r.status for r in rows] == sorted(
        (r.status for r in rows),
        key=[CycleStatus.ACTIVE, CycleStatus.PLANNED, CycleStatus.COMPLETED].index,
    )
    completed = next(r for r in rows if r.status is CycleStatus.COMPLETED)
    assert completed.visits >= 2 and completed.steps_total >= completed.steps_done > 0
