"""A fast path for pulled pages of records this profile has never seen (a first sync).

A new or repaired laptop downloads years of records in pages of up to 1,000. The normal path
(``observe.sync.apply.Applier``) is built for the general case: it looks each record up, checks
its parents, parks, compares versions, and lets the search-index triggers index each evidence
item as it is inserted. For a page of records that are all new here none of that can apply,
and the triggers alone were two thirds of the store's time (FTS5 indexing one row at a time).

So a page takes this path only when it holds nothing the bulk path can't settle the same way:

- every record is of a kind this version knows, and none is known here yet (live or deleted);
- none has a pending local change or a conflict entry;
- every value converts, with the same rules as ``record_values`` (a record that must be
  refused sends the whole page the normal way, which parks it as invalid).

Within the page, a record whose parent is neither here nor accepted earlier in the page is
parked, waiting for the first missing one, exactly as the normal path parks it; a parked copy
of an accepted record is settled; a deletion of a record never seen here is skipped; records
waiting for the page's records are applied after it (in bulk too when there are many).
SQLite's own foreign keys check every reference as the rows go in: if anything still fails,
the page's writes are rolled back to a savepoint and the normal path applies it.

Search: within the page's own savepoint the evidence insert trigger is dropped, the rows go in,
the page's live evidence is indexed with two set statements (same search keys, in the same
order, as the trigger would give), and the trigger is created again from its stored SQL. It is
one transaction with the page and the cursor: a crash leaves either all of it or none, so
there is never a half-built index to repair, and other connections never see the trigger
missing (they can't write while this one holds the write lock). The impact view's count
triggers are paused the same way (``observe.sync.bulk_counts``).
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, StatementError

from observe.protocol import ServerRecord
from observe.store.changes import note_written
from observe.store.models import (
    MODEL_BY_KIND,
    SYNC_MODELS,
    Evidence,
    ParticipationEvent,
    SyncRecord,
)
from observe.sync import bulk_counts
from observe.sync.apply import Applier, ApplyStats, waiting_for
from observe.sync.bulk_rows import layout, row_maker
from observe.sync.record_values import InvalidRecord
from observe.sync.records import table
from observe.sync.references import REFS, Ref

log = logging.getLogger(__name__)

BULK_MIN = 100
"""Smaller pages (an everyday sync) go the normal way: too few rows to gain anything."""

FTS_TRIGGER = "evidence_fts_insert"


class _NotBulk(Exception):
    """This page needs the normal path (the reason is logged at debug level)."""


@contextlib.contextmanager
def frozen_gc() -> Iterator[None]:
    """Leaves the objects that exist before a pull out of the garbage collector's full
    passes until it ends (``gc.freeze``). Each page makes some 20,000 objects that live until
    it is applied, so full collections kept running, each walking every object of the
    process (the app's widgets, SQLAlchemy's metadata): a pull of 20,000 records took about a
    fifth longer. Nothing is lost: collection goes on for new objects, and everything is
    collected normally again afterwards."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def apply_page(
    conn: Connection, user_id: str | None, records: Sequence[ServerRecord]
) -> ApplyStats:
    """Applies one pulled page on ``conn`` (the caller's transaction), the fast way if it can."""
    if len(records) >= BULK_MIN:
        stats = try_bulk(conn, user_id, records)
        if stats is not None:
            return stats
    return Applier(conn, user_id).apply(records)


def try_bulk(
    conn: Connection, user_id: str | None, records: Sequence[ServerRecord]
) -> ApplyStats | None:
    """The page's stats when it went in the bulk way; None (nothing written) when it can't."""
    try:
        plan = _prepare(conn, records)
    except _NotBulk as exc:
        log.debug("pulled page takes the normal path: %s", exc)
        return None
    try:
        with conn.begin_nested():
            _write(conn, user_id, plan)
    except (DBAPIError, StatementError, ValueError, TypeError) as exc:
        # A constraint the checks above did not foresee: the normal path sorts it out.
        log.debug("pulled page takes the normal path: %r", exc)
        return None
    plan.stats.add(_unpark(conn, user_id, plan.stats.applied_ids))
    return plan.stats


@dataclass
class _Plan:
    rows: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    tags: list[tuple[str, str]] = field(default_factory=list)
    park: list[tuple[ServerRecord, str, str]] = field(default_factory=list)
    """Records whose parents are not here, with the first missing one (as the normal path)."""
    unpark: dict[str, list[str]] = field(default_factory=dict)
    """Per kind, ids whose parked copy (if any) is settled by this page."""
    stats: ApplyStats = field(default_factory=ApplyStats)


# -- checks and conversion ------------------------------------------------------------------


def _ids_json(ids: Iterable[str]) -> str:
    return json.dumps(list(ids))


def _any(conn: Connection, sql: str, *params: Any) -> bool:
    return conn.exec_driver_sql(sql, params).first() is not None


def _present(conn: Connection, kind: str, ids: set[str]) -> set[str]:
    """Which of ``ids`` are stored here (live or deleted)."""
    if not ids:
        return set()
    name = table(MODEL_BY_KIND[kind]).name
    return {
        i
        for (i,) in conn.exec_driver_sql(
            f"SELECT id FROM {name} WHERE id IN (SELECT value FROM json_each(?))",
            (_ids_json(ids),),
        )
    }


@cache
def _ref_slots(model: type[SyncRecord]) -> tuple[tuple[Ref, int | None], ...]:
    """Each reference with its column's place in the row (None: evidence's tags)."""
    names = [c.name for c in table(model).columns]
    return tuple(
        (ref, None if ref.column is None else names.index(ref.column)) for ref in REFS[model.kind]
    )


def _prepare(conn: Connection, records: Sequence[ServerRecord]) -> _Plan:
    if not _foreign_keys_cover_refs(conn):
        raise _NotBulk("the schema's foreign keys do not cover every reference")
    latest: dict[tuple[str, str], ServerRecord] = {}
    for rec in records:
        if rec.kind not in MODEL_BY_KIND:
            raise _NotBulk(f"unknown kind {rec.kind}")
        key = (rec.kind, rec.id)
        if key not in latest or latest[key].server_seq <= rec.server_seq:
            latest[key] = rec
    by_kind: dict[str, list[ServerRecord]] = {}
    for rec in latest.values():
        by_kind.setdefault(rec.kind, []).append(rec)
    # One look at the bookkeeping tables: on a first sync they are empty, and the checks
    # of every id against them can be left out.
    outbox_any, conflict_any, parked_any = conn.exec_driver_sql(
        "SELECT EXISTS (SELECT 1 FROM outbox), EXISTS (SELECT 1 FROM sync_conflict), "
        "EXISTS (SELECT 1 FROM sync_parked)"
    ).one()
    if outbox_any or conflict_any:
        every = _ids_json(rec.id for rec in latest.values())
        for sql in (
            "SELECT 1 FROM outbox WHERE record_id IN (SELECT value FROM json_each(?)) LIMIT 1",
            "SELECT 1 FROM sync_conflict WHERE record_id IN (SELECT value FROM json_each(?)) "
            "LIMIT 1",
        ):
            if _any(conn, sql, every):
                raise _NotBulk("a record has a local change or a conflict")
    for kind, recs in by_kind.items():
        if _present(conn, kind, {r.id for r in recs}):
            raise _NotBulk(f"a {kind} is already here")

    converted: list[tuple[type[SyncRecord], ServerRecord, tuple[Any, ...], list[str] | None]] = []
    wanted: dict[str, set[str]] = {}
    for model in SYNC_MODELS:  # parents before children, as the normal path inserts them
        make = row_maker(model, conn.dialect)
        refs = _ref_slots(model)
        for rec in by_kind.get(model.kind, ()):
            if rec.deleted:
                continue  # never had it: nothing to delete (as the normal path)
            try:
                row, tags = make(rec)
            except InvalidRecord as exc:
                raise _NotBulk(str(exc)) from exc
            converted.append((model, rec, row, tags))
            for ref, slot in refs:
                targets = wanted.setdefault(ref.kind, set())
                if slot is None:
                    if tags:
                        targets.update(tags)
                elif row[slot]:
                    targets.add(row[slot])
    here = {kind: _present(conn, kind, ids) for kind, ids in wanted.items()}
    accepted: dict[str, set[str]] = defaultdict(set)

    plan = _Plan()
    for model, rec, row, tags in converted:
        missing = _first_missing(_ref_slots(model), row, tags, here, accepted)
        if missing is not None:
            plan.park.append((rec, *missing))
            plan.stats.parked += 1
            continue
        plan.rows.setdefault(model.kind, []).append(row)
        if tags:
            plan.tags.extend((rec.id, t) for t in tags)
        accepted[model.kind].add(rec.id)
        plan.stats.applied_ids.add(rec.id)
        if parked_any:
            plan.unpark.setdefault(model.kind, []).append(rec.id)
    if parked_any:
        for rec in latest.values():
            if rec.deleted:
                plan.unpark.setdefault(rec.kind, []).append(rec.id)
    plan.stats.applied = len(plan.stats.applied_ids)
    return plan


def _first_missing(
    refs: tuple[tuple[Ref, int | None], ...],
    row: tuple[Any, ...],
    tags: list[str] | None,
    here: dict[str, set[str]],
    accepted: dict[str, set[str]],
) -> tuple[str, str] | None:
    """The first reference (in the normal path's order) that is neither stored here nor
    accepted earlier in the page: what the record must wait for."""
    for ref, slot in refs:
        kind = ref.kind
        if slot is None:
            targets: Iterable[str] = tags or ()
        else:
            value = row[slot]
            if not value:
                continue
            targets = (value,)
        known, earlier = here[kind], accepted[kind]
        for target in targets:
            if target not in known and target not in earlier:
                return kind, target
    return None


# -- writing --------------------------------------------------------------------------------


def _write(conn: Connection, user_id: str | None, plan: _Plan) -> None:
    rows = plan.rows
    evidence, tallies = rows.get(Evidence.kind), rows.get(ParticipationEvent.kind)
    pausing = [FTS_TRIGGER, *bulk_counts.ITEM_TRIGGERS] if evidence else []
    paused = bulk_counts.pause(conn, pausing + ([bulk_counts.TALLY_TRIGGER] if tallies else []))
    if evidence and FTS_TRIGGER not in paused:
        raise ValueError("the search index trigger is missing")
    written: dict[str, list[str]] = {}
    for model in SYNC_MODELS:
        batch = rows.get(model.kind)
        if not batch:
            continue
        names, _ = layout(model, conn.dialect)
        conn.exec_driver_sql(
            f"INSERT INTO {table(model).name} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(names))})",
            batch,
        )
        if model is Evidence:
            _index(conn, batch, names)
        id_at = names.index("id")
        written[model.kind] = [row[id_at] for row in batch]
        note_written(conn, model.kind, written[model.kind])
    if plan.tags:
        conn.exec_driver_sql(
            "INSERT INTO evidence_lookfor (evidence_id, lookfor_id) VALUES (?, ?)", plan.tags
        )
    items, events = (_ids_json(written.get(m.kind, ())) for m in (Evidence, ParticipationEvent))
    bulk_counts.count_page(conn, paused, items, events)
    for kind, ids in plan.unpark.items():
        conn.exec_driver_sql(
            "DELETE FROM sync_parked WHERE record_kind = ? "
            "AND record_id IN (SELECT value FROM json_each(?))",
            (kind, _ids_json(ids)),
        )
    if plan.park:
        applier = Applier(conn, user_id)
        for rec, waiting_kind, waiting_id in plan.park:
            applier._park(rec, waiting_kind, waiting_id)


def _index(conn: Connection, batch: list[tuple[Any, ...]], names: tuple[str, ...]) -> None:
    """What the insert trigger does for each live item, as two set statements over the
    page's ids in insert order (so the search keys, and search's newest-first order, are the
    ones the trigger would have given)."""
    id_at, deleted_at = names.index("id"), names.index("deleted")
    live = _ids_json(row[id_at] for row in batch if not row[deleted_at])
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO evidence_search_key (evidence_id) "
        "SELECT value FROM json_each(?) ORDER BY key",
        (live,),
    )
    conn.exec_driver_sql(
        "INSERT INTO evidence_fts (rowid, text) SELECT k.rowid, e.text FROM json_each(?) j "
        "JOIN evidence_search_key k ON k.evidence_id = j.value "
        "JOIN evidence e ON e.id = j.value ORDER BY j.key",
        (live,),
    )


def _unpark(conn: Connection, user_id: str | None, arrived: set[str]) -> ApplyStats:
    """Records parked by earlier pages that were waiting for one of ``arrived``, applied as
    the normal path does at the end of each page (in bulk too when there are many: a school
    renamed late in the year parks all of its records until the school's page arrives)."""
    if not arrived or not _any(conn, "SELECT 1 FROM sync_parked LIMIT 1"):
        return ApplyStats()
    waiting = waiting_for(conn, arrived)
    return apply_page(conn, user_id, waiting) if waiting else ApplyStats()


_FK_CHECKED: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()


def _foreign_keys_cover_refs(conn: Connection) -> bool:
    """Worked out once per engine (the schema is migrated before a profile opens)."""
    known = _FK_CHECKED.get(conn.engine)
    if known is None:
        known = _FK_CHECKED[conn.engine] = _check_foreign_keys(conn)
    return known


def _check_foreign_keys(conn: Connection) -> bool:
    """Whether SQLite's own foreign keys check every reference the normal path checks (so a
    missing parent fails the insert instead of leaving an orphan that should have been
    parked). True for every schema so far; this keeps a future table honest."""
    for model in SYNC_MODELS:
        name = table(model).name
        fks = {(r[3], r[2]) for r in conn.exec_driver_sql(f"PRAGMA foreign_key_list({name})")}
        for ref in REFS[model.kind]:
            target = table(MODEL_BY_KIND[ref.kind]).name
            if ref.column is None:
                link = {
                    (r[3], r[2])
                    for r in conn.exec_driver_sql("PRAGMA foreign_key_list(evidence_lookfor)")
                }
                if ("lookfor_id", target) not in link:
                    return False
            elif (ref.column, target) not in fks:
                return False
    return bool(conn.exec_driver_sql("PRAGMA foreign_keys").scalar())
