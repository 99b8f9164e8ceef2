"""Alembic environment for observe-server's own database (SQLite or PostgreSQL).

``observe.server.migrate`` passes a connection in ``config.attributes["connection"]``; batch
mode lets SQLite alter tables by copy-and-move in later revisions.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from observe.server.schema import metadata

config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # command-line use: alembic -x url=sqlite:///path upgrade head
        url = context.get_x_argument(as_dictionary=True).get("url")
        with create_engine(url).begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
