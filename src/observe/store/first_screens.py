"""What the window shows first, read with the standard library's ``sqlite3`` (issue 18: window
ready).

Importing SQLAlchemy and declaring the mapped classes is about half of the desktop app's
start-up. The window's first screen (the welcome panel's record counts, the profile, the look
the coach chose) needs none of it: it is read here, through a read-only connection, so the
window can be painted with real figures while the :class:`~observe.store.db.Store` loads
behind it. Only a profile that today's start-up would open without a question qualifies:
anything else (missing, new, a migration due, an unclean close to check, a visit to reopen,
a file that doesn't read cleanly) gets ``None``, and the app starts as it always did.

The statements here are the store's own: :meth:`observe.store.db.Store.counted_from_indexes`
and :meth:`~observe.store.db.Store.setting` run the same SQL text (one home per query).
No Qt and no SQLAlchemy in this module: a test checks it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from observe.paths import ProfilePaths
from observe.store.markers import crashed_sessions
from observe.store.schema import HEAD_REVISION
from observe.store.sqlite_file import inspect_file, readonly_connect

log = logging.getLogger(__name__)

#: (record kind, table) of every synced model, in ``observe.store.models.SYNC_MODELS`` order
#: (a test checks they agree): the window counts each.
COUNTED_TABLES: tuple[tuple[str, str], ...] = (
    ("school", "school"),
    ("teacher", "teacher"),
    ("classroom", "classroom"),
    ("seat", "seat"),
    ("lookfor_set", "lookfor_set"),
    ("lookfor", "lookfor"),
    ("walk", "walk"),
    ("coaching_cycle", "coaching_cycle"),
    ("visit", "visit"),
    ("evidence", "evidence"),
    ("participation_event", "participation_event"),
    ("feedback", "feedback"),
    ("reflection", "reflection"),
    ("cycle_step", "cycle_step"),
    ("coaching_log_entry", "coaching_log_entry"),
    ("cycle_survey", "cycle_survey"),
    ("cycle_assessment", "cycle_assessment"),
    ("sample_score", "sample_score"),
)
OUTBOX_TABLE = "outbox"

#: One preference's stored text (``observe.store.models.ProfileSetting``).
SETTING_SQL = "SELECT value FROM profile_setting WHERE key = ?"

#: The visit the coach had open when the app last closed (or crashed): the window reopens it.
OPEN_VISIT_KEY = "ui.open_visit_id"


class Connection(Protocol):
    """What both ``sqlite3`` and SQLAlchemy's DB-API connection offer."""

    def execute(self, sql: str, parameters: Sequence[object] = ..., /) -> Any: ...


def count_statement(*, outbox: bool) -> str:
    """``SELECT`` of every table's row count and deleted-row count (then the outbox's).

    ``deleted = 1`` is written as the partial indexes of migration 0011 are, so SQLite answers
    it from them; a table's bare ``count(*)`` it answers from the table's smallest index.
    """
    figures = []
    for _kind, name in COUNTED_TABLES:
        figures.append(f'(SELECT count(*) FROM "{name}")')
        figures.append(f'(SELECT count(*) FROM "{name}" WHERE deleted = 1)')
    if outbox:
        figures.append(f'(SELECT count(*) FROM "{OUTBOX_TABLE}")')
    return "SELECT " + ", ".join(figures)


@dataclass(frozen=True)
class Counted:
    """What :func:`counted` found."""

    #: Live records per kind (and "outbox", when asked for).
    live: dict[str, int]
    #: No record at all, deleted ones included: the same answer as ``Store.is_empty``.
    empty: bool


def counted_from_row(row: Iterable[int], *, outbox: bool) -> Counted:
    """The figures of one :func:`count_statement` row."""
    figures = iter(row)
    live: dict[str, int] = {}
    empty = True
    for kind, _name in COUNTED_TABLES:
        every, gone = next(figures), next(figures)
        live[kind] = every - gone
        empty = empty and every == 0
    if outbox:
        live["outbox"] = next(figures)
    return Counted(live, empty)


def counted(conn: Connection, *, outbox: bool) -> Counted:
    """Live records per kind, from indexes, in one statement (issue 18)."""
    return counted_from_row(conn.execute(count_statement(outbox=outbox)).fetchone(), outbox=outbox)


def setting(conn: Connection, key: str) -> str | None:
    """One preference's stored text, or None when it was never set."""
    row = conn.execute(SETTING_SQL, (key,)).fetchone()
    return None if row is None else row[0]


@dataclass(frozen=True)
class FirstScreens:
    """The window's first screen, read before the store is open."""

    paths: ProfilePaths
    #: Live records per kind (the outbox not counted: whether it is shown depends on the sync
    #: state, which the store reads; its figure comes with the store).
    counts: dict[str, int]
    #: Stored text of each preference asked for ("" when never set).
    settings: dict[str, str]


def _writable(path: Path) -> bool:
    # os.access answers for read-only mounts even as root (EROFS), unlike permission bits.
    return os.access(path, os.W_OK)


def read_first_screens(
    data_dir: Path | str | None, setting_keys: Iterable[str] = ()
) -> FirstScreens | None:
    """The first screen of a profile that is ready to use as it is, or None.

    None means "start as always": no database yet, a folder or file that can't be written, a
    schema other than this build's head (a migration due, or a newer Observe), an unclean
    close (the store checks the file before anything reads it), an empty profile (the welcome
    may open), a visit to reopen, or any error reading the file. Reading never writes: the
    file is opened with SQLite's ``mode=ro``.
    """
    try:
        paths = ProfilePaths.at(data_dir)
        db = paths.database
        if not (db.is_file() and _writable(paths.data_dir) and _writable(db)):
            return None
        if crashed_sessions(paths):
            return None
        state = inspect_file(db)
        if state.revision != HEAD_REVISION:
            return None
        conn = readonly_connect(db)
        try:
            found = counted(conn, outbox=False)
            stored = {key: setting(conn, key) or "" for key in (*setting_keys, OPEN_VISIT_KEY)}
        finally:
            conn.close()
    except Exception:  # anything at all: the store's own opening says what it is
        log.info("first screens not read early; opening as usual", exc_info=True)
        return None
    if found.empty or stored.pop(OPEN_VISIT_KEY):
        return None
    return FirstScreens(paths, found.live, stored)
