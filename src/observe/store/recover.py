"""Saving what can still be read from a damaged profile into a new one.

A damaged file is never written to. Each table is read from the damaged file (read-only) in
rowid order; when a damaged page stops the scan, it is read again from the other end, and the
rows in between are tried one by one, so one bad page costs only the records on it. What was
read goes into a freshly created profile; records whose parent (a visit, a teacher) was on a
damaged page are kept in a JSON file next to it instead of being dropped.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from observe.errors import DamagedProfile, UsageError
from observe.i18n import _
from observe.paths import ProfilePaths
from observe.store.blobs import copy_blobs
from observe.store.check import noun
from observe.store.models import SYNC_MODELS, Base
from observe.store.sqlite_file import inspect_file, is_storage_error, readonly_connect

#: Kept in the new profile's folder: readable records whose parent could not be read.
UNLINKED_FILE = "unlinked-records.json"
#: Rows tried one by one past the last readable one when the table's end is damaged too.
_MAX_PROBE = 2_000_000
_EMPTY_RUN = 1_000
#: Settings and sync bookkeeping the new profile keeps from the old one rather than its own.
_REPLACE = {"profile_setting", "sync_state"}

KINDS = {model.__tablename__: model.kind for model in SYNC_MODELS}
_OTHER_NOUNS = {
    "outbox": ("change waiting to sync", "changes waiting to sync"),
    "draft": ("draft", "drafts"),
    "profile_setting": ("setting", "settings"),
    "sync_state": ("sync setting", "sync settings"),
    "sync_conflict": ("sync conflict", "sync conflicts"),
    "sync_parked": ("parked sync change", "parked sync changes"),
}

Row = tuple[Any, ...]


@dataclass
class Recovery:
    """How many records of each table were saved, unreadable, or readable but unlinked."""

    out: Path
    saved: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)
    unlinked: dict[str, int] = field(default_factory=dict)
    #: Images of student work copied from the damaged profile's blobs folder.
    images: int = 0

    @property
    def complete(self) -> bool:
        return not any(self.unreadable.values())

    def sentences(self) -> list[str]:
        saved = _phrase({t: n for t, n in self.saved.items() if t in KINDS and n})
        lines = [f"Saved into {self.out}: {saved or 'no records'}."]
        lost = _phrase({t: n for t, n in self.unreadable.items() if n})
        lines.append(
            f"Could not be read (on damaged pages): {lost}."
            if lost
            else "Every record could be read."
        )
        unlinked = _phrase({t: n for t, n in self.unlinked.items() if n})
        if unlinked:
            lines.append(
                f"Readable but belonging to a record that could not be read: {unlinked}. "
                f"They are kept in {self.out / UNLINKED_FILE}."
            )
        if self.images:
            lines.append(
                f"Copied {self.images:,} image{'s' if self.images != 1 else ''} of student work."
            )
        return lines


def _noun(table: str, n: int) -> str:
    if table in _OTHER_NOUNS:
        return _OTHER_NOUNS[table][0 if n == 1 else 1]
    return noun(table, n)


def _phrase(counts: dict[str, int]) -> str:
    return ", ".join(f"{n:,} {_noun(t, n)}" for t, n in counts.items())


def _scan(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...], rows: list[Row]) -> bool:
    """Appends rows until the scan ends (True) or hits a damaged page (False)."""
    try:
        cur = conn.execute(sql, args)
        while (row := cur.fetchone()) is not None:
            rows.append(row)
    except sqlite3.DatabaseError:
        return False
    return True


def read_table(conn: sqlite3.Connection, table: str, columns: list[str]) -> tuple[list[Row], int]:
    """Every readable row of ``table`` (columns in that order) and how many could not be read."""
    cols = ", ".join(f'"{c}"' for c in columns)
    forward: list[Row] = []
    if _scan(conn, f'SELECT rowid, {cols} FROM "{table}" ORDER BY rowid', (), forward):
        return [r[1:] for r in forward], 0
    low = forward[-1][0] if forward else 0
    backward: list[Row] = []
    _scan(
        conn,
        f'SELECT rowid, {cols} FROM "{table}" WHERE rowid > ? ORDER BY rowid DESC',
        (low,),
        backward,
    )
    high = backward[-1][0] if backward else None
    one = f'SELECT rowid, {cols} FROM "{table}" WHERE rowid = ?'
    indexed = _indexed_rowids(conn, table)
    if indexed is not None:
        # An intact index lists every row the table had: try exactly those rowids.
        wanted: Iterable[int] = sorted(r for r in indexed if r > low and (high is None or r < high))
    else:
        wanted = _rowids_after(low, high)
    middle: list[Row] = []
    unreadable = 0
    failures_in_a_row = 0
    for rowid in wanted:
        try:
            row = conn.execute(one, (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            unreadable += 1
            failures_in_a_row += 1
            if indexed is None and high is None and failures_in_a_row >= _EMPTY_RUN:
                break  # the rest of the table is gone; don't guess how far it went
            continue
        failures_in_a_row = 0
        if row is not None:
            middle.append(row)
        elif indexed is not None:
            unreadable += 1  # the index knows the row; its page doesn't give it back
        elif high is None and _gave_up(rowid, low, middle):
            break
    rows = forward + middle + list(reversed(backward))
    return [r[1:] for r in rows], unreadable


def _rowids_after(low: int, high: int | None) -> Iterator[int]:
    rowid = low + 1
    while (high is None or rowid < high) and rowid - low <= _MAX_PROBE:
        yield rowid
        rowid += 1


def _gave_up(rowid: int, low: int, found: list[Row]) -> bool:
    """Past the last readable row by a long run of empty rowids: the table has ended."""
    last = found[-1][0] if found else low
    return rowid - last >= _EMPTY_RUN


def _indexed_rowids(conn: sqlite3.Connection, table: str) -> set[int] | None:
    """The table's rowids as one of its indexes lists them, if one can be read in full."""
    try:
        indexes = [r[1] for r in conn.execute(f'PRAGMA index_list("{table}")') if not r[4]]
    except sqlite3.DatabaseError:
        return None
    for index in indexes:
        try:
            return {r[0] for r in conn.execute(f'SELECT rowid FROM "{table}" INDEXED BY "{index}"')}
        except sqlite3.DatabaseError:
            continue
    return None


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def recover_profile(
    source: Path, out_dir: Path, *, progress: Callable[[str], None] | None = None
) -> Recovery:
    """Copies every readable record of the database ``source`` into a new profile in ``out_dir``.

    ``source`` is only ever opened read-only. Raises UsageError if ``out_dir`` already holds a
    profile, DamagedProfile if not even the list of tables can be read.
    """
    from observe.store.db import open_profile

    out_paths = ProfilePaths.at(out_dir)
    if out_paths.database.resolve() == source.resolve():
        raise UsageError(
            _("Recover into a new, empty folder, not into the damaged profile itself.")
        )
    if out_paths.database.exists() and inspect_file(out_paths.database).has_tables:
        raise UsageError(
            _(
                "{data_dir} already holds an Observe profile; recover into a new, empty "
                "folder so nothing in it is overwritten."
            ).format(data_dir=out_paths.data_dir)
        )
    try:
        src = readonly_connect(source)
        present = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        if is_storage_error(exc):
            raise
        raise DamagedProfile(
            _(
                "The database {source} is so badly damaged that not even its list of "
                "tables can be read ({exc}), so no records could be saved. Restore a "
                "copy from the backups folder or from your own backups."
            ).format(source=source, exc=exc),
            detail=repr(exc),
        ) from exc
    try:
        open_profile(out_paths.data_dir).close()
        report = Recovery(out=out_paths.data_dir)
        unlinked: dict[str, list[dict[str, Any]]] = {}
        dest = sqlite3.connect(out_paths.database, isolation_level=None)
        try:
            dest.execute("PRAGMA foreign_keys = ON")
            dest.execute("BEGIN IMMEDIATE")
            for table in Base.metadata.sorted_tables:
                if table.name not in present:
                    continue
                if progress is not None:
                    progress(table.name)
                try:
                    have = _columns(src, table.name)
                except sqlite3.DatabaseError:
                    have = []
                columns = [c.name for c in table.columns if c.name in have]
                if not columns:
                    continue
                rows, report.unreadable[table.name] = read_table(src, table.name, columns)
                verb = "INSERT OR REPLACE" if table.name in _REPLACE else "INSERT"
                sql = (
                    f'{verb} INTO "{table.name}" ({", ".join(columns)}) '
                    f"VALUES ({', '.join('?' * len(columns))})"
                )
                saved = 0
                for row in rows:
                    try:
                        dest.execute(sql, row)
                    except sqlite3.IntegrityError:
                        kept = dict(zip(columns, row, strict=True))
                        unlinked.setdefault(table.name, []).append(kept)
                        continue
                    saved += 1
                report.saved[table.name] = saved
                report.unlinked[table.name] = len(unlinked.get(table.name, []))
            if not report.complete:
                # Records on damaged pages may be on the sync server: pull everything again.
                dest.execute("UPDATE sync_state SET cursor = 0")
            dest.execute("COMMIT")
        finally:
            dest.close()
        if unlinked:
            (out_paths.data_dir / UNLINKED_FILE).write_text(
                json.dumps(unlinked, indent=1, default=str, ensure_ascii=False), encoding="utf-8"
            )
        report.images, _damaged = copy_blobs(source.parent / "blobs", None, out_paths.blobs)
        return report
    finally:
        src.close()
