"""Applying records from the server to the local store, inside the caller's transaction.

Rules (docs/sync-protocol.md, "Pull"):

- Writes go through Core, never the ORM session, so nothing is queued in the outbox.
- A record with a pending outbox op is left alone: the next push reports the conflict.
- A record with an open conflict is left alone too, but the conflict's "theirs" side is brought
  up to date, so the coach compares against the server's newest copy.
- A record whose parent rows are missing (another coach's shared evidence in a private visit,
  or a child that arrived a page before its parent) is parked and applied when the parent
  arrives. At the end of a complete pull, another coach's parked record whose only missing
  references are optional (a private walk, a private look-for tag) is shown without them.
- Values are validated against the local columns; a record that can't be stored is kept in
  the parked table as invalid (logged), never silently dropped and never allowed to fail the
  whole page.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError, StatementError

from observe.clock import as_utc, utcnow
from observe.protocol import ServerRecord
from observe.store.models import (
    MODEL_BY_KIND,
    SYNC_MODELS,
    Evidence,
    OutboxOp,
    SyncConflict,
    SyncParked,
    SyncRecord,
    evidence_lookfor,
)
from observe.store.types import UTCDateTime
from observe.sync.record_values import InvalidRecord, record_values
from observe.sync.records import chunks, table
from observe.sync.references import REFS, Ref

log = logging.getLogger(__name__)

INVALID = "invalid"
ORPHANED = "orphaned"
"""Status of a conflict entry about live records under a deleted parent (``sync.orphans``).
Such an entry holds nothing back: the parent and its records keep taking the server's changes."""
_outbox = OutboxOp.__table__
_conflict = SyncConflict.__table__
_parked = SyncParked.__table__


@dataclass
class ApplyStats:
    applied: int = 0
    deleted: int = 0  # live local records the server deleted
    unchanged: int = 0
    kept_pending: int = 0
    conflicts_updated: int = 0
    parked: int = 0
    invalid: int = 0
    unknown_kind: int = 0
    applied_ids: set[str] = field(default_factory=set)

    def add(self, other: ApplyStats) -> None:
        for name in (
            "applied",
            "deleted",
            "unchanged",
            "kept_pending",
            "conflicts_updated",
            "parked",
            "invalid",
            "unknown_kind",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.applied_ids |= other.applied_ids


@dataclass
class _Candidate:
    rec: ServerRecord
    values: dict[str, Any]
    tags: list[str] | None
    missing: list[tuple[Ref, str]] = field(default_factory=list)


def _keys_in(conn: Connection, tbl: sa.Table, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    ids = sorted({i for _, i in keys})
    for part in chunks(ids):
        query = select(tbl.c.record_kind, tbl.c.record_id).where(tbl.c.record_id.in_(part))
        if tbl is _conflict:
            query = query.where(tbl.c.status != ORPHANED)
        rows = conn.execute(query)
        found.update((k, i) for k, i in rows if (k, i) in keys)
    return found


def _existing_ids(conn: Connection, kind: str, ids: set[str]) -> set[str]:
    t = table(MODEL_BY_KIND[kind])
    found: set[str] = set()
    for part in chunks(sorted(ids)):
        found.update(conn.scalars(select(t.c.id).where(t.c.id.in_(part))))
    return found


def count_deletions(conn: Connection, records: Iterable[ServerRecord]) -> int:
    """How many live local records applying ``records`` would delete (the mass-delete guard)."""
    by_kind: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        if rec.deleted and rec.kind in MODEL_BY_KIND:
            by_kind[rec.kind].add(rec.id)
    total = 0
    for kind, ids in by_kind.items():
        t = table(MODEL_BY_KIND[kind])
        keys = {(kind, i) for i in ids}
        protected = {i for _, i in _keys_in(conn, _outbox, keys) | _keys_in(conn, _conflict, keys)}
        for part in chunks(sorted(ids - protected)):
            total += (
                conn.scalar(select(func.count()).where(t.c.id.in_(part), t.c.deleted.is_(False)))
                or 0
            )
    return total


def live_record_count(conn: Connection) -> int:
    return sum(
        conn.scalar(select(func.count()).select_from(table(m)).where(table(m).c.deleted.is_(False)))
        or 0
        for m in SYNC_MODELS
    )


class Applier:
    """Applies pages of server records on one open write connection (the caller commits)."""

    def __init__(self, conn: Connection, user_id: str | None) -> None:
        self.conn = conn
        self.user_id = user_id

    # -- pages ------------------------------------------------------------------------------

    def apply(self, records: Iterable[ServerRecord]) -> ApplyStats:
        stats = ApplyStats()
        latest: dict[tuple[str, str], ServerRecord] = {}
        for rec in records:
            if rec.kind not in MODEL_BY_KIND:
                log.warning("skipping a %s record from the server: unknown kind", rec.kind)
                stats.unknown_kind += 1
                continue
            key = (rec.kind, rec.id)
            if key not in latest or latest[key].server_seq <= rec.server_seq:
                latest[key] = rec
        if not latest:
            return stats
        keys = set(latest)
        pending = _keys_in(self.conn, _outbox, keys)
        conflicted = _keys_in(self.conn, _conflict, keys)
        parked = _keys_in(self.conn, _parked, keys)
        for key in conflicted:
            self._refresh_conflict(latest[key])
            stats.conflicts_updated += 1
        stats.kept_pending += len(pending - conflicted)
        by_kind: dict[str, list[ServerRecord]] = defaultdict(list)
        for key, rec in latest.items():
            if key not in pending and key not in conflicted:
                by_kind[rec.kind].append(rec)
        for model in SYNC_MODELS:  # parents before children
            recs = by_kind.get(model.kind)
            if recs:
                self._apply_kind(model, recs, parked, stats)
        if stats.applied_ids:
            stats.add(self._unpark(stats.applied_ids))
        return stats

    def _apply_kind(
        self,
        model: type[SyncRecord],
        recs: list[ServerRecord],
        parked: set[tuple[str, str]],
        stats: ApplyStats,
    ) -> None:
        t = table(model)
        local: dict[str, Any] = {}
        for part in chunks([r.id for r in recs]):
            for row in self.conn.execute(
                select(t.c.id, t.c.version, t.c.deleted, t.c.updated_at).where(t.c.id.in_(part))
            ):
                local[row.id] = row
        tombstones: list[dict[str, Any]] = []
        candidates: list[_Candidate] = []
        unpark: list[str] = []
        for rec in recs:
            loc = local.get(rec.id)
            if rec.deleted:
                if (model.kind, rec.id) in parked:
                    unpark.append(rec.id)
                if loc is None:
                    continue  # never had it: nothing to delete
                if not loc.deleted:
                    stats.deleted += 1
                tombstones.append(
                    {"rid": rec.id, "v": rec.version, "u": rec.updated_at, "o": rec.owner_id}
                )
                continue
            try:
                values, tags = record_values(model, rec)
            except InvalidRecord as exc:
                log.warning("can't store a record from the server (%s); parked as invalid", exc)
                self._park(rec, INVALID, str(exc)[:36])
                stats.invalid += 1
                continue
            if (
                loc is not None
                and (model.kind, rec.id) not in parked
                and loc.version == rec.version
                and bool(loc.deleted) == rec.deleted
                and as_utc(loc.updated_at) == as_utc(values["updated_at"])
            ):
                stats.unchanged += 1
                continue
            candidates.append(_Candidate(rec, values, tags))
        self._find_missing(model, candidates)
        ready = [c for c in candidates if not c.missing]
        for c in candidates:
            if c.missing:
                ref, missing_id = c.missing[0]
                self._park(c.rec, ref.kind, missing_id)
                stats.parked += 1
        if tombstones:
            self.conn.execute(
                update(t)
                .where(t.c.id == sa.bindparam("rid"))
                .values(
                    deleted=True,
                    version=sa.bindparam("v"),
                    updated_at=sa.bindparam("u", type_=UTCDateTime()),
                    author_id=sa.bindparam("o"),
                ),
                tombstones,
            )
        stored = self._upsert(model, ready)
        stats.invalid += len(ready) - len(stored)
        stats.applied += len(stored)
        stats.applied_ids.update(c.rec.id for c in stored)
        unpark.extend(c.rec.id for c in stored)
        for part in chunks(unpark):
            self.conn.execute(
                delete(_parked).where(
                    _parked.c.record_kind == model.kind, _parked.c.record_id.in_(part)
                )
            )

    def _find_missing(self, model: type[SyncRecord], candidates: list[_Candidate]) -> None:
        refs = REFS[model.kind]
        if not refs or not candidates:
            return
        wanted: dict[str, set[str]] = defaultdict(set)
        for c in candidates:
            for ref in refs:
                for target in self._targets(c, ref):
                    wanted[ref.kind].add(target)
        present = {kind: _existing_ids(self.conn, kind, ids) for kind, ids in wanted.items()}
        for c in candidates:
            c.missing = [
                (ref, target)
                for ref in refs
                for target in self._targets(c, ref)
                if target not in present[ref.kind]
            ]

    @staticmethod
    def _targets(c: _Candidate, ref: Ref) -> list[str]:
        if ref.column is None:
            return list(c.tags or [])
        value = c.values.get(ref.column)
        return [value] if value else []

    def _upsert(self, model: type[SyncRecord], ready: list[_Candidate]) -> list[_Candidate]:
        """Inserts new records and updates known ones (separately, not with SQLite's UPSERT:
        an UPSERT overrides the ``OR IGNORE`` inside the search-index triggers)."""
        if not ready:
            return []
        try:
            with self.conn.begin_nested():
                self._write(model, ready)
            return ready
        except (IntegrityError, StatementError) as exc:
            log.warning("a page of %s failed as a whole (%r); storing one by one", model.kind, exc)
        stored = []
        for c in ready:
            try:
                with self.conn.begin_nested():
                    self._write(model, [c])
                stored.append(c)
            except (IntegrityError, StatementError) as exc:
                log.warning("can't store %s %s (%r); parked as invalid", model.kind, c.rec.id, exc)
                self._park(c.rec, INVALID, "constraint")
        return stored

    def _write(self, model: type[SyncRecord], ready: list[_Candidate]) -> None:
        t = table(model)
        known = _existing_ids(self.conn, model.kind, {c.rec.id for c in ready})
        fresh = [c.values for c in ready if c.rec.id not in known]
        if fresh:
            self.conn.execute(sa.insert(t), fresh)
        changed = [{f"p_{k}": v for k, v in c.values.items()} for c in ready if c.rec.id in known]
        if changed:
            stmt = (
                update(t)
                .where(t.c.id == sa.bindparam("p_id"))
                .values(
                    {
                        col.name: sa.bindparam(f"p_{col.name}", type_=col.type)
                        for col in t.columns
                        if col.name != "id"
                    }
                )
            )
            self.conn.execute(stmt, changed)
        self._write_tags(model, ready)

    def _write_tags(self, model: type[SyncRecord], ready: list[_Candidate]) -> None:
        if model is not Evidence:
            return
        ids = [c.rec.id for c in ready]
        for part in chunks(ids):
            self.conn.execute(
                delete(evidence_lookfor).where(evidence_lookfor.c.evidence_id.in_(part))
            )
        rows = [{"evidence_id": c.rec.id, "lookfor_id": t} for c in ready for t in c.tags or []]
        if rows:
            self.conn.execute(sa.insert(evidence_lookfor), rows)

    # -- conflicts and parking --------------------------------------------------------------

    def _refresh_conflict(self, rec: ServerRecord) -> None:
        self.conn.execute(
            update(_conflict)
            .where(
                _conflict.c.record_kind == rec.kind,
                _conflict.c.record_id == rec.id,
                sa.or_(
                    _conflict.c.theirs_version.is_(None),
                    _conflict.c.theirs_version <= rec.version,
                ),
            )
            .values(
                theirs=rec.data,
                theirs_deleted=rec.deleted,
                theirs_version=rec.version,
                theirs_owner_id=rec.owner_id,
                updated_at=utcnow(),
            )
        )

    def _park(self, rec: ServerRecord, waiting_kind: str, waiting_id: str) -> None:
        stmt = sqlite_insert(_parked).values(
            record_kind=rec.kind,
            record_id=rec.id,
            record=rec.model_dump(mode="json"),
            waiting_kind=waiting_kind,
            waiting_id=waiting_id,
            partial=False,
            parked_at=utcnow(),
        )
        self.conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[_parked.c.record_kind, _parked.c.record_id],
                set_={
                    "record": stmt.excluded.record,
                    "waiting_kind": stmt.excluded.waiting_kind,
                    "waiting_id": stmt.excluded.waiting_id,
                    "partial": False,
                    "parked_at": stmt.excluded.parked_at,
                },
            )
        )

    def _unpark(self, arrived: set[str]) -> ApplyStats:
        """Applies parked records that were waiting for one of ``arrived``."""
        stats = ApplyStats()
        waiting = waiting_for(self.conn, arrived)
        if waiting:
            stats.add(self.apply(waiting))
        return stats

    def apply_partial(self) -> int:
        """Shows other coaches' parked records without the optional references we can't see.

        Called at the end of a complete pull, when every parent we may see has arrived. The
        parked row stays (marked partial), so the full record is applied if the parent ever
        becomes visible.
        """
        shown = 0
        rows = list(
            self.conn.execute(
                select(_parked.c.record).where(
                    _parked.c.waiting_kind != INVALID, _parked.c.partial.is_(False)
                )
            )
        )
        for (record,) in rows:
            rec = ServerRecord.model_validate(record)
            if rec.owner_id == self.user_id or rec.deleted:
                continue
            model = MODEL_BY_KIND[rec.kind]
            try:
                values, tags = record_values(model, rec)
            except InvalidRecord:
                continue
            c = _Candidate(rec, values, tags)
            self._find_missing(model, [c])
            if not c.missing or any(not ref.nullable for ref, _ in c.missing):
                continue
            lost = {target for _, target in c.missing}
            for ref, _ in c.missing:
                if ref.column is not None:
                    c.values[ref.column] = None
            c.tags = [t for t in c.tags or [] if t not in lost]
            if self._upsert(model, [c]):
                self.conn.execute(
                    update(_parked)
                    .where(_parked.c.record_kind == rec.kind, _parked.c.record_id == rec.id)
                    .values(partial=True)
                )
                shown += 1
        return shown


def waiting_for(conn: Connection, arrived: set[str]) -> list[ServerRecord]:
    """Parked records waiting for one of ``arrived`` (in the order both apply paths use)."""
    waiting: list[ServerRecord] = []
    for part in chunks(sorted(arrived)):
        for (record,) in conn.execute(
            select(_parked.c.record).where(
                _parked.c.waiting_id.in_(part), _parked.c.waiting_kind != INVALID
            )
        ):
            waiting.append(ServerRecord.model_validate(record))
    return waiting


def parked_count(conn: Connection) -> int:
    return conn.scalar(select(func.count()).select_from(_parked)) or 0
