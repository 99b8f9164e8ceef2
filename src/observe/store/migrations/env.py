"""Alembic environment for the desktop store.

Observe runs migrations in-process on a connection it already configured (pragmas, WAL), passed
in ``config.attributes["connection"]``; batch mode lets SQLite alter tables by copy-and-move.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from observe.store.models import Base
from observe.store.schema import include_in_autogenerate

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # command-line use: alembic -x url=sqlite:///path upgrade head
        url = context.get_x_argument(as_dictionary=True).get("url")
        engine = create_engine(url)
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_in_autogenerate,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
