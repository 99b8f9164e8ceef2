"""Push: outbox rows to ops, and the server's per-op results back into the store.

Rules (docs/sync-protocol.md, "Push"):

- An outbox row is deleted only when its own ``op_id`` comes back with a status, never because
  the request as a whole succeeded.
- A batch carries at most one op per record: the record's earliest pending row. Every outbox
  row of a record was written on the version the record had then, so a second edit made
  offline carries the same ``base_version`` as the first; sent together, the second would
  conflict with the first. Sending the earliest, then rebasing the record's later rows on the
  version the server gave it, keeps a coach's own edits from colliding with each other.
- ``applied``/``duplicate`` set the local record's version. ``conflict``/``rejected`` become
  one entry in the conflicts list holding both versions; the record's remaining rows are folded
  into that entry (its "mine" side is the record's current local state).
- Recovery ops (after a server restore) are outbox rows with ``base_version`` -1 (a change
  of ours that was pending) or -2 (a copy the old server had acknowledged), sent as ``null``;
  their snapshot's ``version`` is the ``client_version``.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from observe.clock import utcnow
from observe.protocol import MAX_PUSH_OPS, PushReply, ServerRecord, encode_op
from observe.store.models import MODEL_BY_KIND, OutboxOp, SyncConflict
from observe.sync.records import local_snapshot, table

log = logging.getLogger(__name__)

RECOVERY_BASE = -1
#: A recovery op for a record with no change of ours pending: the copy the old server had
#: acknowledged. If the server now holds a later version of it, ours is just older, not in
#: conflict, and the pull brings the newer one.
RECOVERY_UNCHANGED = -2
_outbox = OutboxOp.__table__
_conflict = SyncConflict.__table__


@dataclass
class PushStats:
    pushed: int = 0
    conflicts: int = 0
    rejected: int = 0
    unanswered: int = 0

    def add(self, other: PushStats) -> None:
        self.pushed += other.pushed
        self.conflicts += other.conflicts
        self.rejected += other.rejected
        self.unanswered += other.unanswered


@dataclass
class Batch:
    rows: list[Any]
    after: int  # the last seq looked at
    skipped: int  # rows left for a later pass (a record's later edits)


_SNAPSHOT_TYPE = sa.case(
    (sa.func.json_valid(_outbox.c.snapshot), sa.func.json_type(_outbox.c.snapshot)),
    else_=sa.case((_outbox.c.snapshot.is_(None), None), else_="invalid"),
)
_BATCH_COLUMNS = (
    _outbox.c.seq,
    _outbox.c.op_id,
    _outbox.c.record_kind,
    _outbox.c.record_id,
    _outbox.c.op,
    _outbox.c.base_version,
    # The snapshot as its JSON text, sent as it is (see build_ops), and the two fields the op
    # itself needs from it, read by SQLite.
    sa.type_coerce(_outbox.c.snapshot, sa.Text).label("snapshot_json"),
    _SNAPSHOT_TYPE.label("snapshot_type"),
    sa.case(
        (_SNAPSHOT_TYPE == "object", sa.func.json_extract(_outbox.c.snapshot, "$.visibility"))
    ).label("snapshot_visibility"),
    sa.case(
        (_SNAPSHOT_TYPE == "object", sa.func.json_extract(_outbox.c.snapshot, "$.version"))
    ).label("snapshot_version"),
)


def next_batch(
    conn: Connection,
    after: int,
    seen: set[tuple[str, str]],
    limit: int = MAX_PUSH_OPS,
    held: Collection[tuple[str, str]] = (),
) -> Batch:
    """Up to ``limit`` rows after seq ``after``, at most one per record not yet ``seen``;
    records in ``held`` (waiting for an image that can't be sent) are left in the outbox."""
    picked: list[Any] = []
    skipped = 0
    while len(picked) < limit:
        rows = list(
            conn.execute(
                select(*_BATCH_COLUMNS)
                .where(_outbox.c.seq > after)
                .order_by(_outbox.c.seq)
                .limit(limit)
            )
        )
        if not rows:
            break
        for row in rows:
            after = row.seq
            key = (row.record_kind, row.record_id)
            if key in held:
                continue
            if key in seen:
                skipped += 1
            else:
                seen.add(key)
                picked.append(row)
                if len(picked) >= limit:
                    break
    return Batch(picked, after, skipped)


def _visibilities(conn: Connection, rows: list[Any]) -> dict[tuple[str, str], str]:
    """The record's own visibility, for rows whose snapshot does not say (deletes)."""
    wanted: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if not row.snapshot_visibility and row.record_kind in MODEL_BY_KIND:
            wanted[row.record_kind].append(row.record_id)
    out: dict[tuple[str, str], str] = {}
    for kind, ids in wanted.items():
        t = table(MODEL_BY_KIND[kind])
        for rid, vis in conn.execute(select(t.c.id, t.c.visibility).where(t.c.id.in_(ids))):
            out[(kind, rid)] = getattr(vis, "value", vis)
    return out


def build_ops(conn: Connection, rows: list[Any]) -> tuple[list[bytes], list[tuple[Any, str]]]:
    """Ops for ``rows`` (from ``next_batch``), encoded for the wire, plus rows that can't be
    sent at all (with a reason)."""
    vis = _visibilities(conn, rows)
    ops: list[bytes] = []
    bad: list[tuple[Any, str]] = []
    for row in rows:
        recovery = row.base_version in (RECOVERY_BASE, RECOVERY_UNCHANGED)
        kind = row.snapshot_type
        try:
            if kind not in (None, "null", "object"):
                raise ValueError(f"the snapshot is not a JSON object ({kind})")
            client_version = int(row.snapshot_version or 0) if recovery else row.base_version
            visibility = row.snapshot_visibility or vis.get((row.record_kind, row.record_id))
            op = {
                "op_id": row.op_id,
                "kind": row.record_kind,
                "id": row.record_id,
                "op": row.op,
                "base_version": None if recovery else row.base_version,
                "client_version": max(client_version, 0),
                "visibility": visibility or "private",
            }
            # Deletes carry their snapshot too: it names the record's author, which a server
            # that lost the record in a restore needs to know who may recreate it.
            ops.append(encode_op(op, row.snapshot_json if kind == "object" else None))
        except (ValueError, TypeError) as exc:
            log.warning("outbox row %s can't be sent: %s", row.op_id, exc)
            bad.append((row, "Observe could not send this change (it is not in a valid form)."))
    return ops, bad


def record_results(
    conn: Connection, rows: list[Any], reply: PushReply | None, bad: list[tuple[Any, str]] = ()
) -> PushStats:
    """Acts on each op's result, in one transaction with the caller's connection."""
    stats = PushStats()
    results = {r.op_id: r for r in reply.results} if reply is not None else {}
    for row, reason in bad:
        _to_conflict(conn, row, "rejected", reason, None)
        stats.rejected += 1
    bad_ids = {row.op_id for row, _ in bad}
    acks: list[tuple[Any, int]] = []
    for row in rows:
        if row.op_id in bad_ids:
            continue
        res = results.get(row.op_id)
        if res is None:
            stats.unanswered += 1
            continue
        if res.status in ("applied", "duplicate") and res.version is not None:
            acks.append((row, res.version))
        elif _older_copy(row, res):
            # Keeps our version, so the pull (from zero after a recovery) brings the newer one.
            acks.append((row, int(row.snapshot_version or 0)))
        elif res.status in ("applied", "duplicate"):
            _to_conflict(
                conn,
                row,
                "conflict",
                "The server had already received this change but did not say which version "
                "it kept; compare the two and choose.",
                res.server,
            )
            stats.conflicts += 1
        else:
            _to_conflict(conn, row, res.status, res.reason, res.server)
            if res.status == "rejected":
                stats.rejected += 1
            else:
                stats.conflicts += 1
    _acknowledge(conn, acks)
    stats.pushed += len(acks)
    return stats


def _older_copy(row: Any, res: Any) -> bool:
    """An unchanged copy re-pushed after a restore, answered with a later version of the
    record (another device re-pushed its newer copy first): nothing of ours is lost."""
    return (
        row.base_version == RECOVERY_UNCHANGED
        and res.status == "conflict"
        and res.server is not None
        and res.server.version > int(row.snapshot_version or 0)
    )


def _acknowledge(conn: Connection, acks: list[tuple[Any, int]]) -> None:
    """Deletes acknowledged rows and stores the versions the server gave, in a few statements."""
    if not acks:
        return
    # Plain driver executemany: SQLAlchemy's per-row parameter handling cost more than SQLite's
    # own work here (a push acknowledges 500 rows at a time).
    conn.exec_driver_sql(
        f"DELETE FROM {_outbox.name} WHERE op_id = ?", [(row.op_id,) for row, _ in acks]
    )
    by_kind: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for row, version in acks:
        by_kind[row.record_kind].append((version, row.record_id))
    for kind, values in by_kind.items():
        model = MODEL_BY_KIND.get(kind)
        if model is None:
            continue
        conn.exec_driver_sql(f"UPDATE {table(model).name} SET version = ? WHERE id = ?", values)
    # A record's later rows were written on top of the change just acknowledged, recovery
    # rows too: once the server holds the record's earlier state, they are ordinary edits on
    # top of it (sent as recovery ops with their old versions, they would conflict with it).
    conn.exec_driver_sql(
        f"UPDATE {_outbox.name} SET base_version = ? WHERE record_id = ? AND record_kind = ?",
        [(version, row.record_id, row.record_kind) for row, version in acks],
    )


def _to_conflict(
    conn: Connection, row: Any, status: str, reason: str | None, server: ServerRecord | None
) -> None:
    mine = local_snapshot(conn, row.record_kind, row.record_id)
    mine_deleted = mine is None or bool(mine.get("deleted"))
    now = utcnow()
    values = {
        "record_kind": row.record_kind,
        "record_id": row.record_id,
        "status": status,
        "reason": reason,
        "mine": mine,
        "mine_deleted": mine_deleted,
        "theirs": server.data if server else None,
        "theirs_deleted": bool(server.deleted) if server else False,
        "theirs_version": server.version if server else None,
        "theirs_owner_id": server.owner_id if server else None,
        "created_at": now,
        "updated_at": now,
    }
    stmt = sqlite_insert(_conflict).values(**values)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[_conflict.c.record_kind, _conflict.c.record_id],
            set_={
                k: v
                for k, v in values.items()
                if k not in ("record_kind", "record_id", "created_at")
            },
        )
    )
    # Every pending row of the record is folded into the entry: "mine" is its latest state.
    conn.execute(
        delete(_outbox).where(
            _outbox.c.record_kind == row.record_kind, _outbox.c.record_id == row.record_id
        )
    )
