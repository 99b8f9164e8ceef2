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
from observe.i18n import _
from observe.store import Store
from observe.store.models import (
    MODEL_BY_KIND,
    CoachingLogEntry,
    Draft,
    Evidence,
    Feedback,
    ParticipationEvent,
    SyncRecord,
    Visit,
)

_CHILDREN: tuple[type[SyncRecord], ...] = (Evidence, ParticipationEvent, Feedback)
KINDS = ("visit", "evidence", "participation_event", "feedback", "coaching_log_entry")
"""Every kind of record a visit's deletion (or its undo) changes, for views to reload."""


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


@dataclass(frozen=True)
class RemovedVisit:
    """What ``delete_visit`` changed, so that ``restore_visit`` (undo) puts back exactly that."""

    visit_id: str
    contents: VisitContents
    tombstoned: tuple[tuple[str, str], ...]  # (kind, id), the visit's own records
    unlinked_log: tuple[str, ...]  # log entries the coach edited, which lost their link


def delete_visit(store: Store, visit_id: str) -> RemovedVisit:
    """Tombstones the visit, its evidence, participation marks and feedback.

    The coaching log keeps an entry the coach edited (without its link to the visit) and drops
    the one written automatically when the visit ended: that time was the visit's. The capture
    line's draft for the visit goes too."""
    tombstoned: list[tuple[str, str]] = []
    unlinked: list[str] = []

    def tombstone(record: SyncRecord) -> None:
        record.deleted = True
        tombstoned.append((record.kind, record.id))

    with store.write() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.deleted:
            raise UsageError(
                _("That visit is no longer in this profile; it may have been deleted.")
            )
        counts = []
        for model in _CHILDREN:
            live = select(model).where(model.visit_id == visit_id, model.deleted.is_(False))  # type: ignore[attr-defined]
            records = list(s.scalars(live))
            for record in records:
                tombstone(record)
            counts.append(len(records))
        gone = VisitContents(*counts)  # counted from what was deleted, not by a second query
        for entry in s.scalars(
            select(CoachingLogEntry).where(
                CoachingLogEntry.visit_id == visit_id, CoachingLogEntry.deleted.is_(False)
            )
        ):
            if entry.auto_minutes is not None and entry.minutes == entry.auto_minutes:
                tombstone(entry)
            else:
                entry.visit_id = None
                unlinked.append(entry.id)
        tombstone(visit)
        s.execute(delete(Draft).where(Draft.key == capture_key(visit_id)))
    return RemovedVisit(visit_id, gone, tuple(tombstoned), tuple(unlinked))


def restore_visit(store: Store, removed: RemovedVisit) -> None:
    """Undo of ``delete_visit``: the same records come back, as a change that syncs."""
    with store.write() as s:
        for kind, record_id in removed.tombstoned:
            record = s.get(MODEL_BY_KIND[kind], record_id)
            if record is not None and record.deleted:
                record.deleted = False
        for entry_id in removed.unlinked_log:
            entry = s.get(CoachingLogEntry, entry_id)
            if entry is not None and entry.visit_id is None:
                entry.visit_id = removed.visit_id
