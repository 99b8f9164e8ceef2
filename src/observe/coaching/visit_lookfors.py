"""The look-fors a visit is looking for, as the capture window's look-for panel lists them.

A walk visit uses its walk's set, any other visit the set in use (``set_for_visit``); the
panel shows them in their set order with their Ctrl+1…9 keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from observe.coaching.frameworks import set_for_visit
from observe.store import Store
from observe.store.models import LookFor, LookForSet, Visit, Walk


@dataclass(frozen=True)
class LookForRow:
    id: str
    code: str
    title: str
    category: str | None
    hotkey: int | None
    description: str | None


@dataclass(frozen=True)
class VisitLookFors:
    """The set's name (None when there is no set at all) and its live look-fors in order."""

    set_name: str | None
    rows: tuple[LookForRow, ...]


def visit_lookfors(store: Store, visit_id: str | None) -> VisitLookFors:
    """The walk's set for a walk visit, else the set in use; items in their set order."""
    with store.read() as s:
        visit = s.get(Visit, visit_id) if visit_id else None
        walk = s.get(Walk, visit.walk_id) if visit is not None and visit.walk_id else None
        set_id = set_for_visit(s, walk.lookfor_set_id if walk is not None else None)
        chosen = s.get(LookForSet, set_id) if set_id else None
        if chosen is None:
            return VisitLookFors(None, ())
        rows = s.execute(
            select(
                LookFor.id,
                LookFor.code,
                LookFor.title,
                LookFor.category,
                LookFor.hotkey,
                LookFor.description,
            )
            .where(LookFor.set_id == chosen.id, LookFor.deleted.is_(False))
            .order_by(LookFor.position, LookFor.code)
        ).all()
        return VisitLookFors(chosen.name, tuple(LookForRow(*r) for r in rows))
