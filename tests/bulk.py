"""Many evidence items in one INSERT, as the demo writes them: for tests and benchmarks that
need a long visit or a big outbox, where saving items one by one would take most of the run."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import insert

from observe.clock import utcnow
from observe.ids import new_id
from observe.store import Store
from observe.store.models import Evidence, EvidenceKind, OutboxOp, Visibility
from observe.store.outbox import bulk_outbox_rows


def table_talk(i: int) -> str:
    return f"Students at table {i % 8} compare answers, item {i}"


def add_evidence(
    store: Store,
    visit_id: str,
    count: int,
    *,
    text: Callable[[int], str] = table_talk,
    kind: EvidenceKind = EvidenceKind.NOTE,
    outbox: bool = False,
) -> list[dict[str, Any]]:
    """``count`` items a second apart from now; ``outbox``: queued for sync too."""
    start = utcnow()
    rows = [
        {
            "id": new_id(),
            "author_id": store.identity.author_id,
            "device_id": store.identity.device_id,
            "created_at": start,
            "updated_at": start,
            "version": 0,
            "deleted": False,
            "visibility": Visibility.PRIVATE,
            "visit_id": visit_id,
            "observed_at": start + timedelta(seconds=i),
            "evidence_kind": kind,
            "text": text(i),
            "prompt_index": None,
        }
        for i in range(count)
    ]
    with store.write_core() as conn:
        conn.execute(insert(Evidence.__table__), rows)
        if outbox:
            conn.execute(insert(OutboxOp.__table__), bulk_outbox_rows(Evidence, rows))
    return rows
