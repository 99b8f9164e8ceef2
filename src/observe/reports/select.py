"""Which visit, walk or cycle a report is for: an id, or ``latest``."""

from __future__ import annotations

from sqlalchemy import select

from observe.errors import UsageError
from observe.store import Store
from observe.store.models import CoachingCycle, SyncRecord, Visit, Walk

LATEST = "latest"


def _resolve(store: Store, model: type[SyncRecord], ref: str, order: object, what: str) -> str:
    ref = ref.strip()
    with store.read() as s:
        if ref.lower() == LATEST:
            found = s.scalars(
                select(model.id).where(model.deleted.is_(False)).order_by(order).limit(1)  # type: ignore[arg-type]
            ).first()
            if found is None:
                raise UsageError(f"This profile has no {what}s yet, so there is nothing to report.")
            return found
        row = s.get(model, ref)
        if row is None or row.deleted:
            raise UsageError(
                f'No {what} has the id "{ref}". Use "latest", or copy the id from `observe export`.'
            )
        return row.id


def resolve_visit(store: Store, ref: str) -> str:
    return _resolve(store, Visit, ref, Visit.started_at.desc(), "visit")


def resolve_walk(store: Store, ref: str) -> str:
    return _resolve(store, Walk, ref, Walk.started_at.desc(), "learning walk")


def resolve_cycle(store: Store, ref: str) -> str:
    return _resolve(store, CoachingCycle, ref, CoachingCycle.created_at.desc(), "coaching cycle")
