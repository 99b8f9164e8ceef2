"""The server's Alembic migrations, run in-process, and the schema check done before serving.

``serve`` refuses a database whose schema is older (run ``observe-server migrate``) or newer
(written by a newer observe-server) than this code, and one that holds tables that are not an
Observe server's. An empty database is migrated on the spot, so a first ``serve`` just works.
"""

from __future__ import annotations

import logging
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

from observe.server.db import DatabaseError, connection_sentence, describe

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class SchemaState(Enum):
    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"
    FOREIGN = "foreign"


def alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_revisions() -> list[str]:
    """Revisions in the migration scripts, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def head_revision() -> str:
    return script_revisions()[-1]


def current_revision(engine: Engine) -> tuple[str | None, list[str]]:
    """(alembic revision or None, table names) of the database."""
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            return revision, tables
    except OperationalError as exc:
        raise DatabaseError(connection_sentence(engine, exc)) from exc


def schema_state(engine: Engine) -> SchemaState:
    revision, tables = current_revision(engine)
    if revision is None:
        return SchemaState.FOREIGN if tables else SchemaState.EMPTY
    known = script_revisions()
    if revision == known[-1]:
        return SchemaState.CURRENT
    if revision in known:
        return SchemaState.OLDER
    return SchemaState.NEWER


def upgrade(engine: Engine) -> str:
    """Migrates to the newest schema; returns the revision. Refuses newer or foreign databases."""
    state = schema_state(engine)
    refuse_unusable(engine, state)
    if state is SchemaState.CURRENT:
        return head_revision()
    from alembic import command

    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise DatabaseError(connection_sentence(engine, exc)) from exc
    log.info("migrated %s to %s", describe(engine.url), head_revision())
    return head_revision()


def refuse_unusable(engine: Engine, state: SchemaState) -> None:
    where = describe(engine.url)
    if state is SchemaState.NEWER:
        raise DatabaseError(
            f"The database {where} was written by a newer observe-server; "
            "upgrade observe-server before using it."
        )
    if state is SchemaState.FOREIGN:
        raise DatabaseError(
            f"The database {where} already holds tables that are not an Observe server's; "
            "give observe-server a database of its own."
        )


def check_before_serving(engine: Engine) -> None:
    """Serve only a current schema; migrate an empty database on the spot."""
    state = schema_state(engine)
    refuse_unusable(engine, state)
    if state is SchemaState.OLDER:
        raise DatabaseError(
            f"The database {describe(engine.url)} needs upgrading first: "
            "run observe-server migrate with the same --database-url."
        )
    if state is SchemaState.EMPTY:
        log.info("empty database: creating the schema")
        upgrade(engine)
