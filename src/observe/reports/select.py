"""Which visit, walk or cycle a report is for: an id, or ``latest``."""

from __future__ import annotations

from sqlalchemy import select

from observe.errors import UsageError
from observe.i18n import N_, _
from observe.store import Store
from observe.store.models import CoachingCycle, CycleStatus, SyncRecord, Teacher, Visit, Walk

LATEST = "latest"


# What a report is about, in the sentences below (one sentence per kind: the words around the
# noun change with it in other languages).
_NONE_YET = {
    "visit": N_("This profile has no visits yet, so there is nothing to report."),
    "learning walk": N_("This profile has no learning walks yet, so there is nothing to report."),
    "coaching cycle": N_("This profile has no coaching cycles yet, so there is nothing to report."),
}
_NO_SUCH = {
    "visit": N_('No visit has the id "{ref}". Use "latest", or copy the id from `observe export`.'),
    "learning walk": N_(
        'No learning walk has the id "{ref}". Use "latest", or copy the id from `observe export`.'
    ),
    "coaching cycle": N_(
        'No coaching cycle has the id "{ref}". Use "latest", or copy the id from `observe export`.'
    ),
}


def _resolve(store: Store, model: type[SyncRecord], ref: str, order: object, what: str) -> str:
    ref = ref.strip()
    with store.read() as s:
        if ref.lower() == LATEST:
            found = s.scalars(
                select(model.id).where(model.deleted.is_(False)).order_by(order).limit(1)  # type: ignore[arg-type]
            ).first()
            if found is None:
                raise UsageError(_(_NONE_YET[what]))
            return found
        row = s.get(model, ref)
        if row is None or row.deleted:
            raise UsageError(_(_NO_SUCH[what]).format(ref=ref))
        return row.id


def resolve_visit(store: Store, ref: str) -> str:
    return _resolve(store, Visit, ref, Visit.started_at.desc(), "visit")


def resolve_walk(store: Store, ref: str) -> str:
    return _resolve(store, Walk, ref, Walk.started_at.desc(), "learning walk")


def resolve_cycle(store: Store, ref: str) -> str:
    """A cycle by id; ``latest`` is the active cycle (the one the coach is working in, most
    recently started first), and only without an active one the most recently created."""
    if ref.strip().lower() == LATEST:
        with store.read() as s:
            active = s.scalars(
                select(CoachingCycle.id)
                .where(
                    CoachingCycle.deleted.is_(False),
                    CoachingCycle.status == CycleStatus.ACTIVE,
                )
                .order_by(
                    CoachingCycle.started_on.desc().nulls_last(), CoachingCycle.created_at.desc()
                )
                .limit(1)
            ).first()
        if active is not None:
            return active
    return _resolve(store, CoachingCycle, ref, CoachingCycle.created_at.desc(), "coaching cycle")


def walk_of_visit(store: Store, visit_id: str | None) -> str | None:
    """The learning walk a visit was part of, if any (and still there)."""
    if not visit_id:
        return None
    with store.read() as s:
        visit = s.get(Visit, visit_id)
        return visit.walk_id if visit is not None and not visit.deleted else None


def cycle_of_visit(store: Store, visit_id: str | None) -> str | None:
    """The coaching cycle a visit belongs to, if any."""
    if not visit_id:
        return None
    with store.read() as s:
        visit = s.get(Visit, visit_id)
        return visit.cycle_id if visit is not None and not visit.deleted else None


def walk_label(store: Store, walk_id: str) -> tuple[str, str]:
    """(title, ISO date) of a walk, for window titles and file names."""
    with store.read() as s:
        walk = s.get_one(Walk, walk_id)
        return walk.title, f"{walk.started_at:%Y-%m-%d}"


def cycle_label(store: Store, cycle_id: str) -> tuple[str, str]:
    """("teacher, focus", ISO date it started or was made) of a cycle."""
    with store.read() as s:
        cycle = s.get_one(CoachingCycle, cycle_id)
        teacher = s.get(Teacher, cycle.teacher_id)
        name = teacher.display_name if teacher is not None else ""
        day = cycle.started_on or cycle.created_at
        return (f"{name}, {cycle.focus}" if name else cycle.focus), f"{day:%Y-%m-%d}"
