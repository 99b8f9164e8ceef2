"""Looking at a SQLite file before trusting it, and copying it safely.

Everything here opens the file read-only or copies it through SQLite's online backup API, so
inspecting a foreign, damaged or newer file never changes it, and a backup taken while the app
is writing is still consistent.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    """What is in a database file, as far as opening it is concerned."""

    exists: bool
    is_empty: bool
    revision: str | None = None
    has_tables: bool = False


class NotSQLite(Exception):
    pass


class Damaged(Exception):
    pass


def readonly_uri(path: Path, *, immutable: bool = False) -> str:
    uri = path.absolute().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


#: SQLite result codes for "could not open or map the file": a read-only or full disk.
_CANT_OPEN_CODES = {10, 13, 14}  # SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN


def readonly_connect(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection that reads ``path`` without writing to it, even on a read-only or full disk.

    A WAL database needs its ``-shm`` file, which can't be created on a read-only or full disk.
    When that is what fails and there is no ``-wal`` content (so no other connection is open
    and the main file holds everything), SQLite may read the file as immutable instead.
    """
    conn = sqlite3.connect(
        readonly_uri(path), uri=True, timeout=5, check_same_thread=check_same_thread
    )
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError as exc:
        conn.close()
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        wal = Path(f"{path}-wal")
        if code not in _CANT_OPEN_CODES or (wal.exists() and wal.stat().st_size > 0):
            raise
        conn = sqlite3.connect(
            readonly_uri(path, immutable=True),
            uri=True,
            timeout=5,
            check_same_thread=check_same_thread,
        )
    return conn


def _readonly_connect(path: Path) -> sqlite3.Connection:
    return readonly_connect(path)


def is_storage_error(exc: sqlite3.Error) -> bool:
    """True for "the disk refused" (full, read-only, I/O), as opposed to a damaged file."""
    return ((getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF) in (*_CANT_OPEN_CODES, 8)


def quick_check(path: Path) -> list[str]:
    """SQLite's quick structural check of every page, read-only; empty when the file is sound."""
    conn = _readonly_connect(path)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def inspect_file(path: Path) -> FileState:
    """Reads the header, the schema and the Alembic revision without writing anything."""
    if not path.exists():
        return FileState(exists=False, is_empty=True)
    if path.is_dir():
        raise NotSQLite(f"{path} is a folder")
    size = path.stat().st_size
    if size == 0:
        return FileState(exists=True, is_empty=True)
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotSQLite(f"header {header!r}")
    try:
        conn = _readonly_connect(path)
        try:
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            # Touch the first page of every table: cheap, and catches most truncation damage.
            for name in tables:
                conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if is_storage_error(exc):
            raise  # the disk, not the file: said as such by observe.errors
        raise Damaged(str(exc)) from exc
    return FileState(exists=True, is_empty=False, revision=revision, has_tables=bool(tables))


def backup_to(src: Path, dest: Path) -> Path:
    """Copies ``src`` to ``dest`` with the online backup API; ``dest`` appears only when complete.

    The copy is switched to rollback-journal mode so it is one self-contained file.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    source = _readonly_connect(src)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target, pages=4096)
            target.execute("PRAGMA journal_mode=DELETE")
            target.commit()
        finally:
            target.close()
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    finally:
        source.close()
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    return dest


def integrity_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    """SQLite's own integrity check; an empty list means the file is sound."""
    rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
    return [] if rows == ["ok"] else rows


def foreign_key_problems(conn: sqlite3.Connection, limit: int = 20) -> list[tuple[str, int, str]]:
    """Rows pointing at parents that don't exist: (table, rowid, parent table)."""
    return [(r[0], r[1], r[2]) for r in conn.execute("PRAGMA foreign_key_check")][:limit]
