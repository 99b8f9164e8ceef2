"""Errors that reach people.

Every failure a coach can cause or meet (a bad file, a full disk, a folder they can't write)
is raised as an :class:`ObserveError` carrying one plain sentence that says what happened and
what to do. The CLI prints that sentence and the GUI shows it in a dialog; technical details go
to the log file, never to the person.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from observe.i18n import _


class ObserveError(Exception):
    """A failure explained in a sentence meant for the person using Observe."""

    exit_code = 1

    def __init__(self, sentence: str, *, detail: str | None = None) -> None:
        super().__init__(sentence)
        self.sentence = sentence
        self.detail = detail

    def __str__(self) -> str:
        return self.sentence


class ProfileError(ObserveError):
    """The profile (data folder or database file) can't be used as it is."""

    exit_code = 3


class UsageError(ObserveError):
    """The request itself doesn't make sense (a refused command, a bad option value)."""

    exit_code = 2


class StorageError(ObserveError):
    """The disk refused a write (full, read-only) or the file under the profile is damaged.

    Raised by :func:`explain_storage_error`, the one place that turns SQLite's and the OS's
    codes into sentences, so the CLI, the app and the core say the same thing.
    """

    exit_code = 1


class DamagedProfile(ProfileError):
    """The database file is damaged: reads may fail and nothing may be written into it."""


# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

#: Below this much free space an I/O error is most likely the disk being full.
_NEARLY_FULL = 1024 * 1024


def disk_full_sentence(where: Path | None = None) -> str:
    if where:
        return _(
            "The disk is full, so Observe could not finish writing {path}; what was saved "
            "before is unchanged. Free some space on that disk and try again."
        ).format(path=where)
    return _(
        "The disk is full, so Observe could not finish writing; what was saved before is "
        "unchanged. Free some space on that disk and try again."
    )


def _the_database(database: Path | None) -> str:
    if database:
        return _("The database {path}").format(path=database)
    return _("The profile's database")


def read_only_sentence(database: Path | None = None) -> str:
    return _(
        "{what} is read-only, so Observe can't save changes to it. You can still look at, "
        "export and back up the profile; to change it, make the file and its folder writable "
        "(or copy the profile to a writable folder) and try again."
    ).format(what=_the_database(database))


def damaged_sentence(database: Path | None = None, reason: str | None = None) -> str:
    why = f" ({reason})" if reason else ""
    return _(
        "{what} is damaged{why}, so Observe won't write into it; it was left as it is. "
        "Run “observe recover NEW-FOLDER” (in the app: File › Recover records into a new "
        "profile) to save every readable record, or restore a copy from the backups folder."
    ).format(what=_the_database(database), why=why)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        # SQLAlchemy keeps the driver's exception in ``orig``.
        todo.extend([getattr(e, "orig", None), e.__cause__, e.__context__])


def _nearly_full(where: Path | None) -> bool:
    if where is None:
        return False
    for folder in (where, *where.parents):
        if folder.exists():
            try:
                return shutil.disk_usage(folder).free < _NEARLY_FULL
            except OSError:
                return False
    return False


def explain_storage_error(exc: BaseException, database: Path | None = None) -> ObserveError | None:
    """The sentence for a full disk, a read-only or damaged file, or None if ``exc`` isn't one.

    ``database`` is the profile's database file, named in the sentence and used to tell an
    I/O error on a full disk from other I/O errors.
    """
    for e in _chain(exc):
        if isinstance(e, ObserveError):
            return e
        code = getattr(e, "sqlite_errorcode", None)
        if isinstance(e, sqlite3.Error) and code is not None:
            primary = code & 0xFF
            if primary == SQLITE_FULL or (primary == SQLITE_IOERR and _nearly_full(database)):
                return StorageError(disk_full_sentence(database), detail=repr(e))
            if primary == SQLITE_READONLY:
                return StorageError(read_only_sentence(database), detail=repr(e))
            if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
                return DamagedProfile(damaged_sentence(database, str(e)), detail=repr(e))
            if primary == SQLITE_IOERR:
                return StorageError(
                    _(
                        "Observe could not read or write {path} ({reason}). Check the disk it "
                        "is on, then try again."
                    ).format(path=database or _("the database"), reason=e),
                    detail=repr(e),
                )
        if isinstance(e, OSError) and e.errno is not None:
            if e.errno == errno.ENOSPC:
                return StorageError(disk_full_sentence(_path_of(e) or database), detail=repr(e))
            if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                sentence = (
                    _(
                        "Observe is not allowed to write {path}. Check the permissions or "
                        "choose another place."
                    ).format(path=e.filename)
                    if e.filename
                    else _(
                        "Observe is not allowed to write. Check the permissions or choose "
                        "another place."
                    )
                )
                return StorageError(sentence, detail=repr(e))
    return None


def _path_of(e: OSError) -> Path | None:
    return Path(e.filename) if isinstance(e.filename, str) else None


def explain_write_error(exc: BaseException, target: Path) -> ObserveError | None:
    """Like :func:`explain_storage_error` for writing ``target`` (an export, a backup copy):
    a full disk is named by the file that could not be written, not a temporary name."""
    for e in _chain(exc):
        full = isinstance(e, OSError) and e.errno == errno.ENOSPC
        code = getattr(e, "sqlite_errorcode", None)
        if full or (
            isinstance(e, sqlite3.Error) and code is not None and code & 0xFF == SQLITE_FULL
        ):
            return StorageError(disk_full_sentence(target), detail=repr(e))
    return explain_storage_error(exc, target)
