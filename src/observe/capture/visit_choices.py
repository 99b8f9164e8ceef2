"""What the quick-visit dialog offers besides classrooms: the walks under way, and where the
open visit stands on its walk (Ctrl+Shift+N ends it and moves on only when it is on one)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from observe.store import Store
from observe.store.models import Visit, Walk


@dataclass(frozen=True)
class WalkChoice:
    """One entry of the dialog's walk list."""

    id: str
    title: str


@dataclass(frozen=True)
class VisitOnWalk:
    """The walk a visit belongs to (None off a walk) and whether the visit has ended."""

    walk_id: str | None
    ended: bool


def open_walks(store: Store, include: str | None = None) -> list[WalkChoice]:
    """Walks still under way, newest first, plus ``include`` even if ended (the walk in hand)."""
    query = select(Walk.id, Walk.title).where(Walk.deleted.is_(False))
    if include:
        query = query.where((Walk.ended_at.is_(None)) | (Walk.id == include))
    else:
        query = query.where(Walk.ended_at.is_(None))
    with store.read() as s:
        rows = s.execute(query.order_by(Walk.started_at.desc())).all()
    return [WalkChoice(r.id, r.title) for r in rows]


def visit_on_walk(store: Store, visit_id: str) -> VisitOnWalk:
    with store.read() as s:
        row = s.execute(select(Visit.walk_id, Visit.ended_at).where(Visit.id == visit_id)).one()
    return VisitOnWalk(row.walk_id, row.ended_at is not None)
