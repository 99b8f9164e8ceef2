"""Reading local records as wire snapshots with Core (no ORM unit of work, no outbox hooks).

Sync touches tens of thousands of rows at a time; loading them as ORM objects would be slow
and would risk the outbox hooks queueing changes that came from the server.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, select

from observe.store.models import MODEL_BY_KIND, Evidence, SyncRecord, evidence_lookfor
from observe.store.snapshot import snapshot_values

T = TypeVar("T")
CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit

MODEL_BY_TABLE: dict[str, type[SyncRecord]] = {m.__tablename__: m for m in MODEL_BY_KIND.values()}


def table(model: type[SyncRecord]) -> Table:
    return model.__table__  # type: ignore[return-value]


def chunks(items: Sequence[T] | Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def tags_of(conn: Connection, evidence_ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {i: [] for i in evidence_ids}
    for part in chunks(evidence_ids):
        rows = conn.execute(
            select(evidence_lookfor.c.evidence_id, evidence_lookfor.c.lookfor_id).where(
                evidence_lookfor.c.evidence_id.in_(part)
            )
        )
        for evidence_id, lookfor_id in rows:
            out[evidence_id].append(lookfor_id)
    return out


def snapshots(
    conn: Connection, model: type[SyncRecord], rows: Sequence[Any]
) -> list[dict[str, Any]]:
    """Snapshots (the outbox's shape) of rows selected from ``model``'s table."""
    values = [dict(r._mapping) if hasattr(r, "_mapping") else dict(r) for r in rows]
    if model is Evidence:
        tags = tags_of(conn, [v["id"] for v in values])
        for v in values:
            v["lookfor_ids"] = tags[v["id"]]
    return [snapshot_values(model, v) for v in values]


def local_snapshot(conn: Connection, kind: str, record_id: str) -> dict[str, Any] | None:
    model = MODEL_BY_KIND.get(kind)
    if model is None:
        return None
    t = table(model)
    row = conn.execute(select(t).where(t.c.id == record_id)).first()
    return snapshots(conn, model, [row])[0] if row is not None else None
