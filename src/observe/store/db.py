"""Opening a profile: checks, engine and pragmas, migrations, and sessions.

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

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.orm import Session, sessionmaker

from observe.errors import ProfileError
from observe.ids import new_id
from observe.paths import ProfilePaths
from observe.store import migrate, outbox
from observe.store.models import SYNC_MODELS, OutboxOp, ProfileSetting, SyncRecord
from observe.store.outbox import Identity
from observe.store.schema import HEAD_REVISION, KNOWN_REVISIONS
from observe.store.sqlite_file import Damaged, NotSQLite, backup_to, inspect_file

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


class ObserveSession(Session):
    """Session class carrying the outbox hooks, so only Observe's sessions queue changes."""


outbox.install(ObserveSession)


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module; the "begin" hook issues BEGIN.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _begin(conn: Any) -> None:
    # Writers take the lock up front so a read-then-write transaction can't fail half-way
    # with SQLITE_BUSY when another connection (a backup, the sync worker) is writing.
    if conn.get_execution_options().get("immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(database: Path) -> Engine:
    engine = create_engine(f"sqlite:///{database}", future=True)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


class Store:
    """An open profile: the engine, session factories and who is writing."""

    def __init__(self, paths: ProfilePaths, engine: Engine) -> None:
        self.paths = paths
        self.engine = engine
        self._read = sessionmaker(engine, class_=ObserveSession, expire_on_commit=False)
        self._immediate = engine.execution_options(immediate=True)
        self._write = sessionmaker(
            self._immediate,
            class_=ObserveSession,
            expire_on_commit=False,
        )
        self.identity = self._ensure_identity()

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
        """A write transaction: committed (durably, synchronous=FULL) when the block ends."""
        with self._write() as session:
            session.info["identity"] = getattr(self, "identity", None)
            with session.begin():
                yield session

    @contextlib.contextmanager
    def write_core(self) -> Iterator[Connection]:
        """A write transaction on a bare Connection, for the hottest paths (saving evidence).

        Skips the ORM's unit of work, so the outbox hooks do not run: callers must write their
        outbox rows themselves (``observe.store.outbox.outbox_row``), as ``save_evidence`` does.
        """
        with self._immediate.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    # -- profile facts ----------------------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        with self.read() as s:
            row = s.get(ProfileSetting, key)
            return row.value if row else default

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

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()

    def counts(self) -> dict[str, int]:
        """Live (non-deleted) records per kind, plus pending outbox operations."""
        out: dict[str, int] = {}
        with self.read() as s:
            for model in SYNC_MODELS:
                out[model.kind] = (
                    s.scalar(
                        select(func.count()).select_from(model).where(model.deleted.is_(False))
                    )
                    or 0
                )
            out["outbox"] = s.scalar(select(func.count()).select_from(OutboxOp)) or 0
        return out

    def is_empty(self) -> bool:
        with self.read() as s:
            return all(s.scalar(select(model.id).limit(1)) is None for model in SYNC_MODELS)


def _check_folder(data_dir: Path) -> None:
    if data_dir.exists() and not data_dir.is_dir():
        raise ProfileError(
            f"The profile folder {data_dir} is a file, not a folder. "
            "Choose another folder with --data-dir."
        )
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        # os.access lies for root and for read-only mounts; writing a file is the real test.
        with tempfile.NamedTemporaryFile(dir=data_dir, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise ProfileError(
            f"Observe can't write to the profile folder {data_dir} ({exc.strerror or exc}). "
            "Check its permissions or choose another folder with --data-dir.",
            detail=repr(exc),
        ) from exc


def _backup_before_migration(paths: ProfilePaths, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = paths.backups / f"observe-{stamp}-before-upgrade-from-{revision}.sqlite3"
    try:
        return backup_to(paths.database, dest)
    except (OSError, sqlite3.Error) as exc:
        raise ProfileError(
            "Observe needs to update your database to a new format, but could not first make "
            f"a backup copy in {paths.backups} ({exc}). Nothing was changed. "
            "Free some disk space or check the folder's permissions, then try again.",
            detail=repr(exc),
        ) from exc


def open_profile(data_dir: Path | str | None = None) -> Store:
    """Opens (creating or upgrading as needed) the profile in ``data_dir``."""
    paths = ProfilePaths.at(data_dir)
    _check_folder(paths.data_dir)
    db = paths.database
    try:
        state = inspect_file(db)
    except NotSQLite as exc:
        raise ProfileError(
            f"{db} is not an Observe database (it isn't a SQLite file at all). "
            "It was left as it is; move it aside or choose another folder with --data-dir.",
            detail=str(exc),
        ) from exc
    except Damaged as exc:
        raise ProfileError(
            f"The database {db} is damaged and can't be opened ({exc}). It was left as it is. "
            f"Restore a copy from {paths.backups} or from your own backups.",
            detail=str(exc),
        ) from exc
    except PermissionError as exc:
        raise ProfileError(
            f"Observe can't read {db}. Check the file's permissions.", detail=repr(exc)
        ) from exc

    if not state.is_empty:
        if state.revision is None:
            raise ProfileError(
                f"{db} is a SQLite database but not one made by Observe. "
                "It was left as it is; move it aside or choose another folder with --data-dir."
            )
        if state.revision not in KNOWN_REVISIONS:
            raise ProfileError(
                f"{db} was written by a newer version of Observe (schema {state.revision}). "
                "It was left as it is; install the newer Observe to open it."
            )

    needs_migration = state.is_empty or state.revision != HEAD_REVISION
    if needs_migration and not state.is_empty and state.revision is not None:
        backup = _backup_before_migration(paths, state.revision)
        log.info("backed up %s to %s before migrating", db, backup)

    engine = make_engine(db)
    try:
        if needs_migration:
            migrate.upgrade(engine)
        return Store(paths, engine)
    except sqlite3.DatabaseError as exc:
        engine.dispose()
        raise ProfileError(
            f"The database {db} could not be opened ({exc}). Restore a copy from {paths.backups}.",
            detail=repr(exc),
        ) from exc
    except Exception:
        engine.dispose()
        raise


def live(model: type[SyncRecord]) -> Any:
    """The ``WHERE`` clause for records that are not tombstoned."""
    return model.deleted.is_(False)


def database_size(paths: ProfilePaths) -> int:
    return sum(
        os.path.getsize(p) for p in (paths.database, Path(f"{paths.database}-wal")) if p.exists()
    )
