"""The server's migrations build exactly the tables its code uses, on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from observe.server import migrate
from observe.server.db import make_engine
from observe.server.schema import metadata


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'schema.sqlite3'}"
    return request.getfixturevalue("pg_cluster").new_database()


def test_migrations_match_the_tables_in_code(empty_url):
    engine = make_engine(empty_url)
    assert migrate.schema_state(engine) is migrate.SchemaState.EMPTY
    migrate.check_before_serving(engine)  # an empty database is set up on the spot
    assert migrate.schema_state(engine) is migrate.SchemaState.CURRENT
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    assert diff == []
    engine.dispose()
