"""Opening a profile: checks, migrations, and sessions (the engine and its pragmas are in
``observe.store.engine``).

``open_profile`` is the single door to a coach's data. It refuses, with a sentence and without
touching the file, anything it can't safely use: a folder it can't write, a file that isn't
SQLite, one written by a newer Observe, a damaged one. Before migrating an older file it copies
it to the profile's backups folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from observe.durable import fsync_dir
from observe.errors import (
    DamagedProfile,
    ProfileError,
    StorageError,
    damaged_sentence,
    explain_storage_error,
    read_only_sentence,
)
from observe.i18n import _
from observe.ids import new_id
from observe.paths import ProfilePaths
from observe.store import changes, first_screens, migrate, outbox
from observe.store.engine import BULK_CHECKPOINT_PAGES, _synchronous, make_engine
from observe.store.first_screens import Counted
from observe.store.markers import CREATING, SESSION_MARKER, crashed_sessions, pid_alive, pid_of
from observe.store.models import SYNC_MODELS, OutboxOp, ProfileSetting, SyncRecord
from observe.store.outbox import Identity
from observe.store.schema import HEAD_REVISION, KNOWN_REVISIONS
from observe.store.sqlite_file import (
    Damaged,
    FileState,
    NotSQLite,
    backup_to,
    inspect_file,
    quick_check,
)

log = logging.getLogger(__name__)


class ObserveSession(Session):
    """Session class carrying the outbox hooks, so only Observe's sessions queue changes."""


outbox.install(ObserveSession)
changes.install_orm(ObserveSession)


class Store:
    """An open profile: the engine, session factories and who is writing."""

    def __init__(self, paths: ProfilePaths, engine: Engine, *, read_only: bool = False) -> None:
        self.paths = paths
        self.engine = engine
        #: Opened with SQLite's mode=ro because the file or its disk can't be written.
        self.read_only = read_only
        self._marker: Path | None = None
        #: Change news: subscribers hear which record kinds each committed write changed.
        self.changes = changes.ChangeFeed()
        changes.watch(engine)
        self._read = sessionmaker(engine, class_=ObserveSession, expire_on_commit=False)
        self._immediate = engine.execution_options(immediate=True)
        self._write = sessionmaker(
            self._immediate,
            class_=ObserveSession,
            expire_on_commit=False,
        )
        self.identity = self._read_identity() if read_only else self._ensure_identity()
        if not read_only:
            self._marker = _mark_session_open(paths)

    # -- sessions ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed.

        Closing (not rolling back) ends it, so loaded objects stay readable afterwards.
        """
        with self._read() as session:
            session.info["identity"] = getattr(self, "identity", None)
            yield session

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed (durably, synchronous=FULL) when the block ends.

        Once committed, subscribers of ``changes`` hear which record kinds it changed.
        """
        changes.forget_committed()
        with self._write() as session:
            session.info["identity"] = getattr(self, "identity", None)
            with session.begin():
                yield session
        changes.publish_committed(self.changes)

    @contextlib.contextmanager
    def write_core(self, *, remote: bool = False, durable: bool = True) -> Iterator[Connection]:
        """A write transaction on a bare Connection, for the hottest paths (saving evidence).

        Skips the ORM's unit of work, so the outbox hooks do not run: callers must write their
        outbox rows themselves (``observe.store.outbox.outbox_row``), as ``save_evidence`` does.
        Change news is published after the commit all the same. ``remote`` says the block
        applies what the sync server sent (or records its answers), so the news says so too.

        ``durable=False`` commits without waiting for the disk (SQLite's ``synchronous=NORMAL``
        for this one transaction; WAL keeps it atomic). A crash of the program loses nothing;
        a power cut may undo the transaction, never part of it; and the next durable commit
        (any other write) flushes it too, since the log is written in order. Only for writes
        that can be made again from elsewhere: a pulled page, whose cursor moves in the same
        transaction, so an undone page is simply pulled again. A first sync commits a page
        every few dozen milliseconds, and waiting for the disk each time was a sixth of it.
        Such a commit also lets the log grow to ``BULK_CHECKPOINT_PAGES`` before copying it
        into the database file (SQLite's automatic checkpoint, every 1,000 pages otherwise):
        a pulled page writes about 300, and each checkpoint rewrote the same index pages and
        flushed the file, half of a page's commit. ``checkpoint`` folds the log afterwards.
        """
        changes.forget_committed()
        if durable:
            with self._immediate.begin() as conn:
                if remote:
                    changes.mark_remote(conn)
                yield conn
        else:
            with self._immediate.connect() as conn:
                _synchronous(conn, "NORMAL", checkpoint_pages=BULK_CHECKPOINT_PAGES)
                try:
                    with conn.begin():
                        if remote:
                            changes.mark_remote(conn)
                        yield conn
                finally:
                    try:
                        _synchronous(conn, "FULL")
                    except Exception:
                        conn.invalidate()  # never hand a non-durable connection to others
                        raise
        changes.publish_committed(self.changes)

    def checkpoint(self) -> None:
        """Copies what the write-ahead log holds into the database file now, as far as it can
        without waiting for anyone (SQLite's PASSIVE checkpoint), so that after a long run of
        non-durable commits (a first sync) the next small write, such as the coach's next
        evidence item, does not pay for copying it."""
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def close(self) -> None:
        self.engine.dispose()
        if self._marker is not None:  # a clean close: the next start needn't check the file
            with contextlib.suppress(OSError):
                self._marker.unlink()
            self._marker = None

    def ensure_sound(self) -> None:
        """Refuses (DamagedProfile) to go on if SQLite's quick check finds damaged pages.

        Called before batches of writes (an import, demo data) so they never go into a damaged
        file: a few hundred milliseconds on a large profile, nothing next to the batch itself.
        """
        problems = quick_check(self.paths.database)
        if problems:
            raise DamagedProfile(
                damaged_sentence(self.paths.database, problems[0]), detail="; ".join(problems)
            )

    # -- profile facts ----------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        # The same statement the window's first screen reads before the store exists.
        with self.engine.connect() as conn:
            value = first_screens.setting(conn.connection.driver_connection, key)
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self.write() as s:
            s.merge(ProfileSetting(key=key, value=value))

    def _ensure_identity(self) -> Identity:
        with self.write() as s:
            values = {k: s.get(ProfileSetting, k) for k in ("author_id", "device_id")}
            for key, row in values.items():
                if row is None:
                    s.add(ProfileSetting(key=key, value=new_id()))
        return Identity(
            author_id=self.setting("author_id") or "", device_id=self.setting("device_id") or ""
        )

    def _read_identity(self) -> Identity:
        return Identity(
            author_id=self.setting("author_id") or "", device_id=self.setting("device_id") or ""
        )

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    def counts(self, *, from_indexes: bool = False) -> dict[str, int]:
        """Live (non-deleted) records per kind, plus pending outbox operations.

        By default every row is read, which also proves the rows readable: ``observe info``
        refuses a profile with damaged pages this way. ``from_indexes`` (the window's figures)
        counts all rows less the deleted ones instead: SQLite answers the first from the
        table's smallest index and the second from the partial index of deleted rows
        (migration 0011), where ``deleted = 0`` reads the whole table (seconds on years of
        evidence).
        """
        if from_indexes:
            return self.counted_from_indexes().live
        out: dict[str, int] = {}
        with self.read() as s:
            for model in SYNC_MODELS:
                table = model.__table__
                live = select(func.count()).select_from(table).where(table.c.deleted.is_(False))
                out[model.kind] = s.scalar(live) or 0
            out["outbox"] = s.scalar(select(func.count()).select_from(OutboxOp)) or 0
        return out

    def counted_from_indexes(self, *, outbox: bool = True) -> Counted:
        """The window's figures in one statement: live records per kind (all rows less the
        deleted ones, both from indexes), pending outbox operations unless ``outbox`` is
        False, and whether the profile holds no record at all (:meth:`is_empty`).

        One statement instead of forty: the window asks this as it opens, when compiling and
        running forty small statements cost more than the counting itself (issue 18).
        """
        with self.engine.connect() as conn:
            return first_screens.counted(conn.connection.driver_connection, outbox=outbox)

    def is_empty(self) -> bool:
        with self.read() as s:
            return all(s.scalar(select(model.id).limit(1)) is None for model in SYNC_MODELS)


def _check_folder(data_dir: Path) -> None:
    if data_dir.exists() and not data_dir.is_dir():
        raise ProfileError(
            _(
                "The profile folder {data_dir} is a file, not a folder. Choose another "
                "folder with --data-dir."
            ).format(data_dir=data_dir)
        )
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        # os.access lies for root and for read-only mounts; writing a file is the real test.
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise ProfileError(
            _(
                "Observe can't write to the profile folder {data_dir} ({value}). Check "
                "its permissions or choose another folder with --data-dir."
            ).format(data_dir=data_dir, value=exc.strerror or exc),
            detail=repr(exc),
        ) from exc


def _backup_before_migration(paths: ProfilePaths, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = paths.backups / f"observe-{stamp}-before-upgrade-from-{revision}.sqlite3"
    try:
        return backup_to(paths.database, dest)
    except (OSError, sqlite3.Error) as exc:
        raise ProfileError(
            _(
                "Observe needs to update your database to a new format, but could not "
                "first make a backup copy in {backups} ({exc}). Nothing was changed. "
                "Free some disk space or check the folder's permissions, then try again."
            ).format(backups=paths.backups, exc=exc),
            detail=repr(exc),
        ) from exc


def _mark_session_open(paths: ProfilePaths) -> Path | None:
    """A file that exists while this process has the profile open; left behind by a crash.

    One per open store (not one per profile) so the app and a CLI command can both have the
    profile open and neither's clean close hides the other's crash.
    """
    marker = paths.data_dir / f"{SESSION_MARKER}{os.getpid()}-{new_id()[-8:]}"
    try:
        marker.touch()
    except OSError:  # a full disk: the profile still works, only the next start checks less
        log.warning("could not write the open-session marker %s", marker, exc_info=True)
        return None
    return marker


def _remove_abandoned_builds(paths: ProfilePaths) -> None:
    for tmp in paths.data_dir.glob(f"{CREATING}*"):
        pid = pid_of(tmp, CREATING)
        if pid is None or not pid_alive(pid):
            with contextlib.suppress(OSError):
                tmp.unlink()


def _create_database(paths: ProfilePaths, *, replace: bool) -> None:
    """Builds the database under a temporary name and renames it into place once migrated.

    A crash (or power loss) part-way leaves only the temporary file, removed on the next start,
    so a new profile is either complete or absent. ``replace`` is for an unfinished file left
    by an older Observe (empty, or SQLite without tables), which holds nothing to keep.
    """
    _remove_abandoned_builds(paths)
    db = paths.database
    tmp = paths.data_dir / f"{CREATING}{os.getpid()}-{new_id()[-8:]}.sqlite3"
    engine = make_engine(tmp, wal=False)
    try:
        migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    engine.dispose()
    try:
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        if replace:
            # A stale WAL next to the new file would be replayed into it: remove it first.
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            os.replace(tmp, db)
        else:
            try:
                os.link(tmp, db)  # fails if another process created the profile meanwhile
            except FileExistsError:
                log.info("%s was created by another process meanwhile", db)
            except OSError:  # a filesystem without hard links
                if not db.exists():
                    os.replace(tmp, db)
            tmp.unlink(missing_ok=True)
        fsync_dir(paths.data_dir)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _damage_check_after_crash(paths: ProfilePaths) -> None:
    """After a session that didn't close cleanly, SQLite's quick check before anything writes."""
    crashed = crashed_sessions(paths)
    if not crashed:
        return
    problems = quick_check(paths.database)
    if problems:
        raise DamagedProfile(
            damaged_sentence(paths.database, problems[0]), detail="; ".join(problems)
        )
    log.info("checked %s after %d unclean close(s): sound", paths.database, len(crashed))
    for marker in crashed:
        with contextlib.suppress(OSError):
            marker.unlink()


def _writable_file(db: Path) -> bool:
    # os.access answers for read-only mounts even as root (EROFS), unlike permission bits.
    return not db.exists() or os.access(db, os.W_OK)


def open_profile(data_dir: Path | str | None = None, *, read_only_ok: bool = False) -> Store:
    """Opens (creating or upgrading as needed) the profile in ``data_dir``.

    ``read_only_ok`` is for commands that only read (info, export, reports): a profile on a
    read-only disk or in a read-only file is then opened with SQLite's ``mode=ro`` instead of
    being refused. Writes to such a store fail with the read-only sentence.
    """
    paths = ProfilePaths.at(data_dir)
    db = paths.database
    read_only = False
    try:
        _check_folder(paths.data_dir)
    except ProfileError:
        if not (read_only_ok and db.is_file()):
            raise
        read_only = True
    if not read_only and not _writable_file(db):
        if not read_only_ok:
            raise ProfileError(read_only_sentence(db))
        read_only = True
    try:
        state = inspect_file(db)
    except NotSQLite as exc:
        raise ProfileError(
            _(
                "{db} is not an Observe database (it isn't a SQLite file at all). It was "
                "left as it is; move it aside or choose another folder with --data-dir."
            ).format(db=db),
            detail=str(exc),
        ) from exc
    except Damaged as exc:
        raise DamagedProfile(damaged_sentence(db, str(exc)), detail=str(exc)) from exc
    except PermissionError as exc:
        raise ProfileError(
            _("Observe can't read {db}. Check the file's permissions.").format(db=db),
            detail=repr(exc),
        ) from exc
    except sqlite3.Error as exc:  # the disk, not the file (full, unreadable)
        raise explain_storage_error(exc, db) or ProfileError(
            _("Observe can't read {db} ({exc}).").format(db=db, exc=exc), detail=repr(exc)
        ) from exc

    # An empty file, or SQLite without a single table, is a profile whose creation was cut
    # short (older versions built it in place): there is nothing in it to keep.
    unfinished = state.is_empty or not state.has_tables
    if not unfinished:
        if state.revision is None:
            raise ProfileError(
                _(
                    "{db} is a SQLite database but not one made by Observe. It was left as "
                    "it is; move it aside or choose another folder with --data-dir."
                ).format(db=db)
            )
        if state.revision not in KNOWN_REVISIONS:
            raise ProfileError(
                _(
                    "{db} was written by a newer version of Observe (schema {revision}). It "
                    "was left as it is; install the newer Observe to open it."
                ).format(db=db, revision=state.revision)
            )

    if read_only:
        return _open_read_only(paths, state, unfinished)

    if unfinished:
        if state.exists:
            log.info("finishing the unfinished profile database %s", db)
        _create_database(paths, replace=state.exists)
    else:
        _damage_check_after_crash(paths)

    needs_migration = not unfinished and state.revision != HEAD_REVISION
    if needs_migration and state.revision is not None:
        backup = _backup_before_migration(paths, state.revision)
        log.info("backed up %s to %s before migrating", db, backup)

    engine = make_engine(db)
    try:
        if needs_migration:
            migrate.upgrade(engine)
        return Store(paths, engine)
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        known = explain_storage_error(exc, db)
        if isinstance(known, StorageError) and read_only_ok and not needs_migration:
            return _open_read_only(paths, state, unfinished)
        if known is not None:
            raise known from exc
        raise ProfileError(
            _(
                "The database {db} could not be opened ({exc}). Restore a copy from {backups}."
            ).format(db=db, exc=exc, backups=paths.backups),
            detail=repr(exc),
        ) from exc
    except Exception as exc:
        engine.dispose()
        known = explain_storage_error(exc, db)
        if isinstance(known, StorageError) and read_only_ok and not needs_migration:
            # A full disk can't take even the WAL index: reading still works, read-only.
            log.info("opening %s read-only: %s", db, known.detail)
            return _open_read_only(paths, state, unfinished)
        if known is not None:
            raise known from exc
        raise


def _open_read_only(paths: ProfilePaths, state: FileState, unfinished: bool) -> Store:
    db = paths.database
    if unfinished or state.revision != HEAD_REVISION:
        raise ProfileError(
            _("{read_only_sentence} This version of Observe also needs to ").format(
                read_only_sentence=read_only_sentence(db)
            )
            + ("set it up" if unfinished else "update its format")
            + " before it can be read."
        )
    engine = make_engine(db, read_only=True)
    try:
        return Store(paths, engine, read_only=True)
    except Exception as exc:
        engine.dispose()
        known = explain_storage_error(exc, db)
        if known is not None:
            raise known from exc
        raise


def live(model: type[SyncRecord]) -> Any:
    """The ``WHERE`` clause for records that are not tombstoned."""
    return model.deleted.is_(False)


def database_size(paths: ProfilePaths) -> int:
    return sum(
        os.path.getsize(p) for p in (paths.database, Path(f"{paths.database}-wal")) if p.exists()
    )
