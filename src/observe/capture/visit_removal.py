"""Deleting a visit: the coach started one by mistake (wrong class, a test), or should not keep it.

Everything is tombstoned rather than removed, in one transaction, so the deletion syncs to the
coach's other devices and the server like any other change, and a sync that fails half-way
never leaves evidence pointing at a visit that is gone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from observe.capture.drafts import capture_key
from observe.errors import UsageError
from observe.store import Store
from observe.store.models import (
    CoachingLogEntry,
    Draft,
    Evidence,
    Feedback,
    ParticipationEvent,
    SyncRecord,
    Visit,
)

_CHILDREN: tuple[type[SyncRecord], ...] = (Evidence, ParticipationEvent, Feedback)


@dataclass(frozen=True)
class VisitContents:
    evidence: int
    participation: int
    feedback: int

    def sentence(self) -> str:
        """ "its 12 evidence items, 30 participation marks and its feedback sheet"."""
        bits = []
        if self.evidence:
            bits.append(_count(self.evidence, "evidence item"))
        if self.participation:
            bits.append(_count(self.participation, "participation mark"))
        if self.feedback:
            bits.append("its feedback sheet" if self.feedback == 1 else "its feedback sheets")
        if not bits:
            return "nothing recorded in it yet"
        listed = bits[0] if len(bits) == 1 else ", ".join(bits[:-1]) + " and " + bits[-1]
        return listed if listed.startswith("its") else "its " + listed


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _contents(s: Session, visit_id: str) -> VisitContents:
    counts = [
        s.scalar(
            select(func.count())
            .select_from(model)
            .where(model.visit_id == visit_id, model.deleted.is_(False))  # type: ignore[attr-defined]
        )
        or 0
        for model in _CHILDREN
    ]
    return VisitContents(*counts)


def visit_contents(store: Store, visit_id: str) -> VisitContents:
    """What deleting the visit would delete with it, for the question asked first."""
    with store.read() as s:
        return _contents(s, visit_id)


def delete_visit(store: Store, visit_id: str) -> VisitContents:
    """Tombstones the visit, its evidence, participation marks and feedback; returns what went.

    The coaching log keeps an entry the coach edited (without its link to the visit) and drops
    the one written automatically when the visit ended: that time was the visit's. The capture
    line's draft for the visit goes too."""
    with store.write() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.deleted:
            raise UsageError("That visit is no longer in this profile; it may have been deleted.")
        gone = _contents(s, visit_id)
        for model in _CHILDREN:
            for record in s.scalars(
                select(model).where(model.visit_id == visit_id, model.deleted.is_(False))  # type: ignore[attr-defined]
            ):
                record.deleted = True
        for entry in s.scalars(
            select(CoachingLogEntry).where(
                CoachingLogEntry.visit_id == visit_id, CoachingLogEntry.deleted.is_(False)
            )
        ):
            if entry.auto_minutes is not None and entry.minutes == entry.auto_minutes:
                entry.deleted = True
            else:
                entry.visit_id = None
        visit.deleted = True
        s.execute(delete(Draft).where(Draft.key == capture_key(visit_id)))
    return gone
