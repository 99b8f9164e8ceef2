"""Opening the server's database: URL checks, engines and pragmas, errors as sentences.

SQLite (the default, one school on one machine) and PostgreSQL (a district) run the same code.
On SQLite, transaction control is taken from the sqlite3 module so writers can say
``BEGIN IMMEDIATE`` (via the ``immediate`` execution option) and hold the write lock from their
first statement: that is what keeps ``server_seq`` gap-free across worker processes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from observe.errors import ObserveError, UsageError

log = logging.getLogger(__name__)

ENV_DATABASE_URL = "OBSERVE_SERVER_DATABASE_URL"
DATABASE_FILENAME = "observe-server.sqlite3"
BUSY_TIMEOUT_MS = 15000


class DatabaseError(ObserveError):
    """The database can't be reached or used as it is."""

    exit_code = 3


def default_database_url() -> str:
    """``$OBSERVE_SERVER_DATABASE_URL``, else a SQLite file in the site data folder."""
    env = os.environ.get(ENV_DATABASE_URL)
    if env:
        return env
    folder = Path(platformdirs.site_data_dir("Observe", appauthor=False))
    return f"sqlite:///{folder / DATABASE_FILENAME}"


def parse_url(text: str) -> URL:
    """Checks a database URL and names the driver we use for it (psycopg 3 for PostgreSQL)."""
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise UsageError(
            f"{text!r} is not a database URL. Use sqlite:///PATH or "
            "postgresql+psycopg://USER:PASSWORD@HOST/DBNAME."
        ) from exc
    backend = url.get_backend_name()
    if backend == "postgresql":
        if url.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
            url = url.set(drivername="postgresql+psycopg")
        if url.drivername != "postgresql+psycopg":
            raise UsageError("For PostgreSQL use a URL starting with postgresql+psycopg://.")
        if not url.database:
            raise UsageError("The PostgreSQL URL names no database (…/DBNAME at the end).")
        return url
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise UsageError("The SQLite URL needs a file path, e.g. sqlite:////srv/observe.db.")
        return url
    raise UsageError(f"Observe's server runs on SQLite or PostgreSQL, not {backend!r}.")


def describe(url: URL) -> str:
    """The URL without its password, for messages and logs."""
    return url.render_as_string(hide_password=True)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    if conn.get_execution_options().get("immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(url_text: str, *, pool_size: int = 5, max_overflow: int = 15) -> Engine:
    url = parse_url(url_text)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "").expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"The folder {path.parent} for the database can't be created "
                f"({exc.strerror}). Choose another place with --database-url."
            ) from exc
        if path.exists() and path.is_dir():
            raise DatabaseError(f"{path} is a folder, not a database file.")
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    url, prepare = _prepare_threshold(url)
    try:
        return create_engine(
            url,
            pool_size=pool_size,
            max_overflow=max_overflow,
            # No pre-ping (a round trip per request): a connection broken by a database
            # restart fails one request with 503 and is replaced; clients retry.
            pool_recycle=3600,
            pool_timeout=30,
            connect_args={
                "connect_timeout": 10,
                "application_name": "observe-server",
                **prepare,
            },
        )
    except NoSuchModuleError as exc:  # pragma: no cover - psycopg comes with the server extra
        raise DatabaseError(
            "The PostgreSQL driver is missing; install Observe with the server extra."
        ) from exc


PREPARE_OPTION = "prepare_threshold"


def _prepare_threshold(url: URL) -> tuple[URL, dict[str, Any]]:
    """``?prepare_threshold=none`` in a PostgreSQL URL: psycopg's automatic server-side
    prepared statements off, for PgBouncer before 1.21 in transaction pooling (a statement
    prepared on one server connection is unknown to the next one PgBouncer hands out).
    A number sets after how many runs on a connection a statement is prepared (psycopg's
    default is 5). The option is psycopg's, not libpq's, so it leaves the URL here."""
    if PREPARE_OPTION not in url.query:
        return url, {}
    value = url.query[PREPARE_OPTION]
    text = (value[-1] if isinstance(value, tuple) else value).strip().lower()
    url = url.difference_update_query([PREPARE_OPTION])
    if text in ("none", "off"):
        return url, {PREPARE_OPTION: None}
    if text.isdigit() and len(text) <= 6:
        return url, {PREPARE_OPTION: int(text)}
    raise UsageError(
        f"{PREPARE_OPTION} in the database URL must be a number or none (none for PgBouncer "
        f"in transaction pooling mode before version 1.21), not {text[:20]!r}."
    )


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def connection_sentence(engine: Engine, exc: BaseException) -> str:
    """Why a connection failed, in words (the driver's own text goes to the log)."""
    where = describe(engine.url)
    text = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else ""
    log.info("database connection failed: %s: %s", where, text)
    if is_sqlite(engine):
        return f"The database file in {where} can't be opened ({text})."
    if "password authentication failed" in text or "authentication failed" in text:
        return f"PostgreSQL refused the user name or password in {where}."
    if "does not exist" in text:
        return f"PostgreSQL says the database or role in {where} does not exist ({text})."
    return (
        f"The PostgreSQL server for {where} can't be reached. Check that it is running and "
        "that the host, port and database in --database-url are right."
    )


def read_connection(engine: Engine) -> Connection:
    """A connection for a request that only reads: on PostgreSQL in autocommit mode, which
    saves the BEGIN and ROLLBACK round trips (each statement still sees committed data only)."""
    if is_sqlite(engine):
        return engine.connect()
    return engine.connect().execution_options(isolation_level="AUTOCOMMIT")
