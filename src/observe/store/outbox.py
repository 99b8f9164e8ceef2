"""Writes an outbox row for every change to a syncable record, in the change's own transaction.

This is DESIGN.md sync rule 1. It hangs off SQLAlchemy's flush events rather than living in each
service function, so no code path (capture, imports, the demo generator's ORM path, future
screens) can change a record and forget to queue it. Rows are inserted with Core on the flush's
own connection: the record and its outbox row commit together or not at all.

Changes applied *from* the server set ``session.info["applying_remote"]`` and are not queued.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, insert, update
from sqlalchemy.orm import Session, UOWTransaction

from observe.clock import utcnow
from observe.ids import new_id
from observe.store.models import OutboxOp, SyncRecord
from observe.store.snapshot import snapshot, snapshot_values

_QUEUED = "observe.outbox.queued"
UPSERT = "upsert"
DELETE = "delete"


@dataclass(frozen=True)
class Identity:
    """Who and which laptop a new record belongs to."""

    author_id: str
    device_id: str


def outbox_row(
    record_kind: str, record_id: str, op: str, base_version: int, snap: dict[str, Any] | None
) -> dict[str, Any]:
    return {
        "op_id": new_id(),
        "record_kind": record_kind,
        "record_id": record_id,
        "op": op,
        "base_version": base_version,
        "snapshot": snap,
        "created_at": utcnow(),
    }


def bulk_outbox_rows(
    model: type[SyncRecord], rows: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Outbox rows for records inserted with Core (bulk paths such as demo data)."""
    return [
        outbox_row(
            model.kind, row["id"], UPSERT, row.get("version", 0), snapshot_values(model, row)
        )
        for row in rows
    ]


def _stamp(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    if session.info.get("applying_remote"):
        return
    identity: Identity | None = session.info.get("identity")
    now = utcnow()
    for obj in session.new:
        if not isinstance(obj, SyncRecord):
            continue
        if obj.id is None:
            obj.id = new_id()
        if identity is not None:
            if obj.author_id is None:
                obj.author_id = identity.author_id
            if obj.device_id is None:
                obj.device_id = identity.device_id
        obj.created_at = obj.created_at or now
        obj.updated_at = now
        if obj.version is None:
            obj.version = 0
        if obj.deleted is None:
            obj.deleted = False
    for obj in session.dirty:
        if isinstance(obj, SyncRecord) and session.is_modified(obj):
            obj.updated_at = now


def _queue(session: Session, flush_context: UOWTransaction) -> None:
    if session.info.get("applying_remote"):
        return
    rows = _changes(session)
    if not rows:
        return
    # Several flushes in one transaction (autoflush before a query, say) describe one change:
    # the record's row queued earlier in this transaction is brought up to date instead.
    queued: dict[tuple[str, str], str] = session.info.setdefault(_QUEUED, {})
    fresh: list[dict[str, Any]] = []
    conn = session.connection()
    table = OutboxOp.__table__
    for row in rows:
        key = (row["record_kind"], row["record_id"])
        if key in queued:
            conn.execute(
                update(table)
                .where(table.c.op_id == queued[key])
                .values(op=row["op"], snapshot=row["snapshot"], created_at=row["created_at"])
            )
        else:
            queued[key] = row["op_id"]
            fresh.append(row)
    if fresh:
        conn.execute(insert(table), fresh)


def _forget_queued(session: Session, *args: object) -> None:
    session.info.pop(_QUEUED, None)


def _changes(session: Session) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, SyncRecord):
            op = DELETE if obj.deleted else UPSERT
            rows.append(outbox_row(obj.kind, obj.id, op, obj.version, snapshot(obj)))
    for obj in session.dirty:
        if isinstance(obj, SyncRecord) and session.is_modified(obj):
            if obj.deleted:
                rows.append(outbox_row(obj.kind, obj.id, DELETE, obj.version, None))
            else:
                rows.append(outbox_row(obj.kind, obj.id, UPSERT, obj.version, snapshot(obj)))
    for obj in session.deleted:
        if isinstance(obj, SyncRecord):
            rows.append(outbox_row(obj.kind, obj.id, DELETE, obj.version, None))
    return rows


def install(session_class: type[Session]) -> None:
    """Attaches the outbox hooks to a Session class (idempotent)."""
    if not event.contains(session_class, "before_flush", _stamp):
        event.listen(session_class, "before_flush", _stamp)
        event.listen(session_class, "after_flush", _queue)
        event.listen(session_class, "after_commit", _forget_queued)
        event.listen(session_class, "after_rollback", _forget_queued)
