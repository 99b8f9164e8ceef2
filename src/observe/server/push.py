"""Applying a batch of ops: per-op results, stored for idempotent retries, conflicts kept.

The whole batch runs in one transaction that first locks its school's counter row
(``school_seq``, ``FOR UPDATE`` on PostgreSQL; on SQLite the transaction starts with
``BEGIN IMMEDIATE``). Pushes of one school are therefore serialized, and the ``server_seq``
values they hand out are gap-free in commit order within the school: a pull can never see a
school's seq N+1 before its N is committed. Pushes of different schools don't wait on each
other (on PostgreSQL). Stored op ids, records touched by the batch, and the
writes are each done with one statement (``IN`` lookups and executemany), so a 500-op push costs
a handful of round trips, not thousands.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic_core import PydanticSerializationError, to_json
from sqlalchemy import Connection, Engine, bindparam, func, insert, select, update

from observe.protocol import KINDS, Op, same_content
from observe.server.accounts import Principal
from observe.server.blob_refs import blob_ref_of
from observe.server.bulk_writes import BulkInsert, pipelined
from observe.server.facts import facts_of
from observe.server.readers import (
    MAX_REFLECTION_CHARS,
    REFLECTION,
    may_read,
    reader_of,
    reflection_target,
)
from observe.server.rollup import Tally
from observe.server.schema import applied_op, conflict, record, school_seq, utcnow
from observe.server.state import read_state

log = logging.getLogger(__name__)

_KINDS = frozenset(KINDS)
_RECORD_COLUMNS = [c.name for c in record.columns]

WAITING_FOR_AUTHOR = (
    "Another coach wrote this record, and the server lost its copy when it was restored from "
    "a backup. Your change waits here until its author syncs again; then you can compare."
)


def server_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored record as the wire's ServerRecord (the school column stays on the server)."""
    return {
        "kind": row["kind"],
        "id": row["id"],
        "owner_id": row["owner_id"],
        "visibility": row["visibility"],
        "version": int(row["version"]),
        "server_seq": int(row["server_seq"]),
        "deleted": bool(row["deleted"]),
        "updated_at": row["updated_at"],
        "data": row["data"],
    }


def _result(
    op_id: str,
    status: str,
    *,
    version: int | None = None,
    seq: int | None = None,
    reason: str | None = None,
    server: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "op_id": op_id,
        "status": status,
        "version": version,
        "server_seq": seq,
        "reason": reason,
        "server": server,
    }


@dataclass
class _Batch:
    """What one push will write, gathered in memory and flushed with a few statements."""

    principal: Principal
    conn: Connection
    heads: dict[str, int]  # school id -> its last seq handed out (its counter row is locked)
    records: dict[str, dict[str, Any]]
    inserts: dict[str, dict[str, Any]] = field(default_factory=dict)
    updates: dict[str, dict[str, Any]] = field(default_factory=dict)
    stored: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    resolved: set[str] = field(default_factory=set)
    now: datetime = field(default_factory=utcnow)  # one push, one transaction, one time
    json_texts: dict[int, str] = field(default_factory=dict)  # id(op.data) -> its JSON text
    addressees: dict[str, str | None] = field(default_factory=dict)  # reflection id -> coach
    tally: Tally = field(default_factory=Tally)  # the figures' counts, moved with the records

    def store(self, op: Op, result: dict[str, Any]) -> dict[str, Any]:
        self.stored.append(
            {
                "op_id": op.op_id,
                "user_id": self.principal.user_id,
                "record_id": op.id,
                "status": result["status"],
                "version": result["version"],
                "server_seq": result["server_seq"],
                "reason": result["reason"],
                "created_at": self.now,
            }
        )
        return result

    def next_seq(self, school_id: str) -> int:
        """The school's next seq. A record stays in its school, so one of another school (a
        case accounts can't reach today: nobody changes school) takes that school's lock too."""
        if school_id not in self.heads:
            self.heads[school_id] = lock_school(self.conn, school_id)
        self.heads[school_id] += 1
        return self.heads[school_id]

    def apply(self, op: Op, current: dict[str, Any] | None, version: int) -> dict[str, Any]:
        school_id = current["school_id"] if current else self.principal.school_id
        seq = self.next_seq(school_id)
        deleted = op.op == "delete"
        data = None if deleted else op.data
        row = {
            "id": op.id,
            "kind": op.kind,
            "owner_id": self.principal.user_id,
            "school_id": school_id,
            "visibility": op.visibility,
            "version": version,
            "server_seq": seq,
            "deleted": deleted,
            "updated_at": self.now,
            "data": data,
            "audience": "team"
            if op.visibility == "team" or (current and current.get("audience") == "team")
            else None,
            "reader": reader_of(op.kind, op.visibility, data, deleted),
            "addressee_id": self.addressees.get(op.id) if op.kind == REFLECTION else None,
            **facts_of(op.kind, data, deleted),
            "blob_ref": blob_ref_of(data, deleted),
        }
        self.tally.change(current, row)
        self.records[op.id] = row
        if current is None or op.id in self.inserts:
            self.inserts[op.id] = row
        else:
            self.updates[op.id] = row
        self.resolved.add(op.id)
        return self.store(op, _result(op.op_id, "applied", version=version, seq=seq))

    def keep_sibling(self, op: Op) -> None:
        """Stores an op the server did not apply as a conflict sibling: nothing is dropped."""
        deleted = op.op == "delete"
        self.conflicts.append(
            {
                "id": str(uuid.uuid4()),
                "record_id": op.id,
                "kind": op.kind,
                "op_id": op.op_id,
                "user_id": self.principal.user_id,
                "device_id": self.principal.device_id,
                "base_version": op.base_version,
                "deleted": deleted,
                "visibility": op.visibility,
                "data": None if deleted else op.data,
                "created_at": self.now,
            }
        )

    def conflict(self, op: Op, current: dict[str, Any]) -> dict[str, Any]:
        self.keep_sibling(op)
        stored = self.store(
            op,
            _result(
                op.op_id,
                "conflict",
                version=int(current["version"]),
                seq=int(current["server_seq"]),
                reason="Someone changed this record on the server first; both versions are kept.",
            ),
        )
        return {**stored, "server": server_record(current)}

    def hold(self, op: Op) -> dict[str, Any]:
        """A create naming another author, kept as a conflict sibling and answered as a
        conflict without a server copy: the client keeps the change in its conflicts list,
        where the author's copy shows up as "theirs" once the author syncs again."""
        self.keep_sibling(op)
        return self.store(op, _result(op.op_id, "conflict", reason=WAITING_FOR_AUTHOR))

    def reject(self, op: Op, reason: str) -> dict[str, Any]:
        stored = self.store(op, _result(op.op_id, "rejected", reason=reason))
        return {**stored, "server": self.readable_copy(op.id)}

    def readable_copy(self, record_id: str) -> dict[str, Any] | None:
        """The server's copy for a refused op, if the caller may read it (else None)."""
        current = self.records.get(record_id)
        if current is None:
            return None
        p = self.principal
        readable = may_read(p.user_id, p.role, p.email, p.school_id, current)
        return server_record(current) if readable else None


def _storable(batch: _Batch, data: dict[str, Any]) -> bool:
    """True when every database can store the snapshot (stdlib JSON lets lone surrogates,
    NaN and Infinity in; PostgreSQL takes none of them).

    Keeps the JSON text, so the insert on SQLite stores it instead of serializing again.
    pydantic-core serializes about five times faster than ``json.dumps``, and it refuses lone
    surrogates itself; NaN and Infinity it writes as bare words, which only a number can
    produce outside a string, so the rare text that holds those words is checked again
    with the standard library."""
    try:
        encoded = to_json(data)
        if (b"NaN" in encoded or b"Infinity" in encoded) and not _finite(data):
            return False
    except (PydanticSerializationError, ValueError, TypeError):
        return False
    batch.json_texts[id(data)] = encoded.decode("utf-8")
    return True


def _finite(data: dict[str, Any]) -> bool:
    try:
        json.dumps(data, allow_nan=False)
    except ValueError:
        return False
    return True


def _decide(batch: _Batch, op: Op) -> dict[str, Any]:
    if op.kind not in _KINDS:
        return batch.reject(op, f"The server does not know records of kind {op.kind[:40]!r}.")
    if op.op == "upsert" and op.data is None:
        return batch.reject(op, "An upsert must carry the record's data.")
    if op.data is not None and not _storable(batch, op.data):
        return batch.reject(op, "The record's data holds text that is not valid Unicode.")
    current = batch.records.get(op.id)
    if current is not None and current["kind"] != op.kind:
        return batch.reject(op, "This record id already belongs to a record of another kind.")
    if batch.principal.role == "teacher" or (op.kind == REFLECTION and current is None):
        refusal = _teacher_rule(batch, op, current)
        if refusal is not None:
            return batch.reject(op, refusal)
    if current is None and _names_another_author(batch, op):
        return batch.hold(op)
    if current is not None and current["owner_id"] != batch.principal.user_id:
        if not _reclaims(batch, current):
            return batch.reject(op, "This record belongs to someone else, so you can't change it.")
        if _same_as_stored(op, current):  # the copy is right; only its owner was wrong
            return batch.apply(op, current, int(current["version"]))
    if current is None:
        # The server never had it (or lost it in a restore): nothing to conflict with. A
        # recovery op keeps the version the old server gave (or would have given) it, so the
        # same copy re-pushed by another device is the same version, and an older copy
        # pushed first is still older than a newer one pushed next.
        if op.base_version is None:
            return batch.apply(op, None, max(op.client_version, 1))
        return batch.apply(op, None, op.base_version + 1)
    stored_version = int(current["version"])
    if op.base_version == stored_version:
        return batch.apply(op, current, stored_version + 1)
    if _same_as_stored(op, current):
        # A re-push of what the server holds (a recovery op from the coach's second device
        # after a restore, a change made on an older version that ended up the same): it is
        # acknowledged with the server's version, so every device converges on one version
        # and the coach gets no conflict whose two sides say the same thing.
        return batch.store(
            op,
            _result(op.op_id, "duplicate", version=stored_version, seq=int(current["server_seq"])),
        )
    if op.base_version is None and stored_version < op.client_version:
        # Recovery after a server change: newer than what the server holds, so it applies.
        return batch.apply(op, current, op.client_version)
    return batch.conflict(op, current)


def _teacher_rule(batch: _Batch, op: Op, current: dict[str, Any] | None) -> str | None:
    """Why a teacher's op (or anyone's new reflection) is refused, or None when it may go on.

    A teacher writes only reflections, only in their own name, only on what a coach shared
    with them; the reflection is addressed to the coach who owns what it reflects on. A coach
    never writes a reflection: editing one they received is refused by the ownership rule
    ("belongs to someone else") like any colleague's record."""
    principal = batch.principal
    if principal.role != "teacher":
        if _names_another_author(batch, op):
            return None  # a copy of someone's reflection after a restore: held for its author
        return "Only teachers write reflections; your changes to their words are not kept."
    if op.kind != REFLECTION:
        return "Teachers write reflections only; everything else comes from their coach."
    if current is not None and current["owner_id"] != principal.user_id:
        return "This record belongs to someone else, so you can't change it."
    if op.visibility != "teacher":
        return "A reflection is shared with its teacher and coach only (visibility teacher)."
    if op.op == "delete":
        if current is None:
            return "There is no reflection of yours with this id to delete."
        batch.addressees[op.id] = current.get("addressee_id")
        return None
    data = op.data or {}
    if data.get("author_id") != principal.user_id:
        return "You can only write reflections in your own name."
    text = data.get("text")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_REFLECTION_CHARS:
        return f"A reflection needs some text, at most {MAX_REFLECTION_CHARS:,} characters."
    target = reflection_target(data)
    shared = batch.records.get(target[1]) if target is not None else None
    if (
        target is None
        or shared is None
        or shared["kind"] != target[0]
        or not may_read(principal.user_id, "teacher", principal.email, principal.school_id, shared)
        or shared["owner_id"] == principal.user_id
    ):
        return "You can only reflect on a sheet or cycle a coach shared with you."
    batch.addressees[op.id] = shared["owner_id"]
    return None


def _same_as_stored(op: Op, current: dict[str, Any]) -> bool:
    """True when the op says what the server's copy says (bookkeeping fields aside)."""
    return current["visibility"] == op.visibility and same_content(
        current["data"], bool(current["deleted"]), op.data, op.op == "delete"
    )


def _snapshot_author(data: dict[str, Any] | None) -> str | None:
    author = (data or {}).get("author_id")
    return author if isinstance(author, str) and author else None


def _names_another_author(batch: _Batch, op: Op) -> bool:
    """A create whose snapshot names someone else as author: after a restore the server no
    longer knows who owned a record it lost, and whoever pushed first would become its owner
    (a colleague's shared record taken over). Such an op waits for the author instead."""
    author = _snapshot_author(op.data)
    return author is not None and author != batch.principal.user_id


def _reclaims(batch: _Batch, current: dict[str, Any]) -> bool:
    """The author taking back a record that someone else created from the author's own
    snapshot (possible before creates were checked against the snapshot's author)."""
    return _snapshot_author(current["data"]) == batch.principal.user_id


def _replay(batch: _Batch, stored: Any) -> dict[str, Any]:
    """The answer for an op id seen before. Only an applied op becomes "duplicate": a stored
    conflict or rejection is answered as such again, so a client whose first reply was lost
    still learns that its change did not win (and never adopts the server's version for it)."""
    status = "duplicate" if stored.status == "applied" else stored.status
    result = _result(
        stored.op_id,
        status,
        version=stored.version,
        seq=stored.server_seq,
        reason=stored.reason,
    )
    if status in ("conflict", "rejected"):
        result["server"] = batch.readable_copy(stored.record_id)
    return result


def _listed(column: Any) -> Any:
    """``column IN (the ids)`` as one cached statement per dialect: on SQLite the ids travel as
    one JSON array (``json_each``), so a 500-op push neither compiles nor binds 500
    parameters per lookup (three lookups were a tenth of its time); elsewhere an expanding
    ``IN``."""
    ids = select(func.json_each(bindparam("ids")).table_valued("value").c.value)
    return column.in_(ids.scalar_subquery()), column.in_(bindparam("ids", expanding=True))


_SEEN = [select(applied_op).where(w) for w in _listed(applied_op.c.op_id)]
_RECORDS = [select(record).where(w) for w in _listed(record.c.id)]
_RESOLVE = [
    update(conflict)
    .where(w, conflict.c.resolved_at.is_(None))
    .values(resolved_at=bindparam("resolved_at"))
    for w in _listed(conflict.c.record_id)
]


def _lookup(conn: Connection, statements: list[Any], ids: list[str], **params: Any) -> Any:
    """Runs one of ``_listed``'s statements (SQLite's or the other) for ``ids``."""
    if conn.dialect.name == "sqlite":
        return conn.execute(statements[0], {"ids": json.dumps(ids), **params})
    return conn.execute(statements[1], {"ids": ids, **params})


_LOCK_SCHOOL = (
    select(school_seq.c.head_seq)
    .where(school_seq.c.school_id == bindparam("school"))
    .with_for_update()
)


def lock_school(conn: Connection, school_id: str) -> int:
    """Takes the school's push lock (its counter row, held until the transaction ends) and
    returns its head seq. A school without a counter (made by hand) gets one at 0."""
    head = conn.execute(_LOCK_SCHOOL, {"school": school_id}).scalar()
    if head is None:
        conn.execute(insert(school_seq).values(school_id=school_id, head_seq=0))
        head = conn.execute(_LOCK_SCHOOL, {"school": school_id}).scalar_one()
    return int(head)


def lock_state(conn: Connection, school_id: str) -> dict[str, Any]:
    """Takes the school's push lock and returns the server's state with the school's head.

    The push's reply carries this state with its new head. The identity is read after the
    lock, so a push that commits after a new epoch answers with that epoch."""
    head = lock_school(conn, school_id)
    return {**read_state(conn, school_id), "head_seq": head}


def apply_ops(
    conn: Connection, principal: Principal, ops: list[Op], heads: dict[str, int]
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Applies one push inside a transaction that holds its school's push lock (``heads``:
    school id -> head seq, for the locked schools); returns (results, the heads after)."""
    op_ids = list({op.op_id for op in ops})
    seen = {r.op_id: r for r in _lookup(conn, _SEEN, op_ids)}
    ids = list({op.id for op in ops})
    # What teachers' reflections reflect on, read with the batch: the push checks the teacher
    # may read it and addresses the reflection to its owner.
    ids += list(
        {
            target[1]
            for op in ops
            if op.kind == REFLECTION and (target := reflection_target(op.data)) is not None
        }
        - set(ids)
    )
    records = {r.id: dict(r._mapping) for r in _lookup(conn, _RECORDS, ids)}
    old_heads = dict(heads)
    batch = _Batch(principal=principal, conn=conn, heads=dict(heads), records=records)
    answered: dict[str, dict[str, Any]] = {}
    results = []
    for op in ops:
        if op.op_id in answered:  # the same op twice in one batch
            first = answered[op.op_id]
            status = "duplicate" if first["status"] == "applied" else first["status"]
            results.append({**first, "status": status})
            continue
        previous = seen.get(op.op_id)
        if previous is not None and previous.user_id != principal.user_id:
            result = _result(
                op.op_id, "rejected", reason="This op id was already used by someone else."
            )
        elif previous is not None:
            result = _replay(batch, previous)
        else:
            result = _decide(batch, op)
        answered[op.op_id] = result
        results.append(result)
    _flush(conn, batch, old_heads)
    log.info(
        "push by %s: %d ops, %d applied, %d conflicts, %d rejected",
        principal.user_id,
        len(ops),
        sum(1 for r in results if r["status"] == "applied"),
        sum(1 for r in results if r["status"] == "conflict"),
        sum(1 for r in results if r["status"] == "rejected"),
    )
    return results, batch.heads


def push(engine: Engine, principal: Principal, ops: list[Op]) -> dict[str, Any]:
    """One push in its own transaction (see ``group_commit`` for the shared one)."""
    school_id = principal.school_id
    if not ops:
        with engine.connect() as conn:
            return {**read_state(conn, school_id), "results": []}
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        state = lock_state(conn, school_id)
        results, heads = apply_ops(conn, principal, ops, {school_id: state["head_seq"]})
    return {**state, "head_seq": heads[school_id], "results": results}


_insert_records = BulkInsert(record)
_insert_applied = BulkInsert(applied_op)


_SET_HEAD = (
    update(school_seq)
    .where(school_seq.c.school_id == bindparam("b_school"))
    .values(head_seq=bindparam("b_head"))
)


def _flush(conn: Connection, batch: _Batch, old_heads: dict[str, int]) -> None:
    with pipelined(conn):
        _write(conn, batch, old_heads)


def _write(conn: Connection, batch: _Batch, old_heads: dict[str, int]) -> None:
    if batch.inserts:
        _insert_records.run(conn, list(batch.inserts.values()), batch.json_texts)
    if batch.updates:
        conn.execute(
            update(record)
            .where(record.c.id == bindparam("b_id"))
            .values({c: bindparam(f"b_{c}") for c in _RECORD_COLUMNS if c != "id"}),
            [{f"b_{k}": v for k, v in row.items()} for row in batch.updates.values()],
        )
    if batch.resolved:
        _lookup(conn, _RESOLVE, list(batch.resolved), resolved_at=batch.now)
    if batch.conflicts:
        conn.execute(insert(conflict), batch.conflicts)
    if batch.stored:
        _insert_applied.run(conn, batch.stored, {})
    batch.tally.flush(conn)
    moved = [
        {"b_school": school_id, "b_head": head}
        for school_id, head in batch.heads.items()
        if old_heads.get(school_id) != head
    ]
    if moved:
        conn.execute(_SET_HEAD, moved)
