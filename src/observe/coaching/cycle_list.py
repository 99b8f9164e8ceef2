"""What the coaching screens show about cycles and their choices, as plain frozen rows.

The cycle window, the cycle editor and the time-log form used to query the store themselves;
these answers live here so the screens hold no SQL and the rules (which cycles may still take
time, which look-for set comes first) have one home.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from observe.coaching.frameworks import set_in_use
from observe.coaching.log import LogRow
from observe.store import Store
from observe.store.models import (
    CoachingCycle,
    CoachingLogEntry,
    CycleStatus,
    LookFor,
    LookForSet,
    Teacher,
)

#: A choice label longer than this is cut, so a long focus doesn't stretch a combo box.
CHOICE_LABEL_MAX = 80


@dataclass(frozen=True)
class Choice:
    """One entry of a combo box: the record's id and the words the coach sees."""

    id: str
    label: str


@dataclass(frozen=True)
class CycleHeading:
    """Who a cycle is with and whether it is over: the cycle view's first line and buttons."""

    teacher_name: str
    status: CycleStatus

    @property
    def completed(self) -> bool:
        return self.status is CycleStatus.COMPLETED


def open_cycle_choices(store: Store) -> list[Choice]:
    """Planned and active cycles as "Teacher: focus", for linking logged time to a cycle."""
    with store.read() as s:
        rows = s.execute(
            select(CoachingCycle.id, Teacher.display_name, CoachingCycle.focus)
            .join(Teacher, Teacher.id == CoachingCycle.teacher_id)
            .where(
                CoachingCycle.deleted.is_(False),
                CoachingCycle.status != CycleStatus.COMPLETED,
            )
            .order_by(Teacher.display_name)
        ).all()
    return [Choice(r[0], f"{r[1]}: {r[2]}"[:CHOICE_LABEL_MAX]) for r in rows]


def measure_lookfor_choices(store: Store) -> list[Choice]:
    """Look-fors as "CODE title", the set in use first, others naming their set."""
    with store.read() as s:
        first = set_in_use(s)
        rows = s.execute(
            select(LookFor.id, LookFor.code, LookFor.title, LookFor.set_id, LookForSet.name)
            .join(LookForSet, LookForSet.id == LookFor.set_id)
            .where(LookFor.deleted.is_(False), LookForSet.deleted.is_(False))
            .order_by(LookForSet.name, LookFor.position)
        ).all()
    rows.sort(key=lambda r: r[3] != first)
    return [Choice(r[0], f"{r[1]} {r[2]}" + ("" if r[3] == first else f" ({r[4]})")) for r in rows]


def cycle_heading(store: Store, cycle_id: str) -> CycleHeading | None:
    """None when the cycle is gone (deleted here or by sync)."""
    with store.read() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            return None
        return CycleHeading(teacher_name=cycle.teacher.display_name, status=cycle.status)


def log_entry(store: Store, entry_id: str) -> LogRow | None:
    """One time-log entry to edit; None when it is gone."""
    with store.read() as s:
        e = s.get(CoachingLogEntry, entry_id)
        if e is None:
            return None
        return LogRow(e.id, e.occurred_on, e.minutes, e.activity, e.note, e.visit_id, e.cycle_id)
