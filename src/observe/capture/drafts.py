"""Saving and restoring half-typed text.

The capture line calls ``save_draft`` at least once a second and on focus loss; after a crash
the app finds what was being typed with ``load_drafts`` and offers it back. An empty text
clears the draft, so a saved evidence item leaves no stale draft behind.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert

from observe.clock import utcnow
from observe.store import Store
from observe.store.models import Draft


def capture_key(visit_id: str) -> str:
    return f"capture:{visit_id}"


def save_draft(store: Store, key: str, text: str, meta: dict[str, Any] | None = None) -> None:
    with store.write_core() as conn:
        if not text.strip():
            conn.execute(delete(Draft).where(Draft.key == key))
            return
        stmt = insert(Draft).values(key=key, text=text, meta=meta, updated_at=utcnow())
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[Draft.key],
                set_={
                    "text": stmt.excluded.text,
                    "meta": stmt.excluded.meta,
                    "updated_at": stmt.excluded.updated_at,
                },
            )
        )


def clear_draft(store: Store, key: str) -> None:
    save_draft(store, key, "")


def load_draft(store: Store, key: str) -> Draft | None:
    with store.read() as s:
        return s.get(Draft, key)


def load_drafts(store: Store, prefix: str = "") -> list[Draft]:
    with store.read() as s:
        stmt = select(Draft).order_by(Draft.updated_at)
        if prefix:
            stmt = stmt.where(Draft.key.startswith(prefix))
        return list(s.scalars(stmt))
