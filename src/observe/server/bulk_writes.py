"""Writing a push's rows: every column of a table in one executemany, and the push's writes
sent to PostgreSQL together.

A push of five records wrote with five statements (records, conflicts resolved, op ids,
counts, the school's head), each a round trip that the worker thread and PostgreSQL both wake
for. None of them returns anything the push reads, so on PostgreSQL they go in one pipeline
(psycopg's pipeline mode) and cost one round trip. A failure among them is the same
SQLAlchemy error a statement of its own would have raised, whether it surfaces at a later
statement (SQLAlchemy's own handling, a lost connection included) or when the pipeline ends
(``pipelined``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert
from sqlalchemy.exc import DBAPIError


@contextlib.contextmanager
def pipelined(conn: Connection) -> Iterator[None]:
    """Statements run inside are sent together and answered at the end (PostgreSQL only).

    Only for statements whose results nobody reads: SQLAlchemy reads a statement's columns
    as soon as it runs, before a pipelined statement has any."""
    if conn.dialect.name != "postgresql":
        yield
        return
    import psycopg  # the server extra's driver, there whenever the dialect is PostgreSQL

    raw = conn.connection.driver_connection
    try:
        with raw.pipeline():  # type: ignore[union-attr]
            yield
    except psycopg.Error as exc:
        lost = bool(raw.broken)  # type: ignore[union-attr]
        if lost:
            conn.invalidate(exc)  # as SQLAlchemy does on a lost connection: not back in the pool
        raise DBAPIError.instance(
            None, None, exc, psycopg.Error, connection_invalidated=lost
        ) from exc


class BulkInsert:
    """An INSERT of every column of a table, compiled once per dialect and run with the
    driver's executemany; the columns' own bind processors convert the values, as
    ``conn.execute(insert(table), rows)`` would, without its per-row parameter building
    (a third of a 500-op push's time)."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self._plans: dict[Any, tuple[str, list[str], list[Any], bool]] = {}

    def _plan(self, dialect: Dialect) -> tuple[str, list[str], list[Any], bool]:
        plan = self._plans.get(dialect)
        if plan is None:
            compiled = insert(self.table).compile(dialect=dialect)
            positional = compiled.positiontup is not None
            names = list(compiled.positiontup) if positional else list(compiled.binds)
            procs = [
                compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
                for name in names
            ]
            plan = self._plans[dialect] = (compiled.string, names, procs, positional)
        return plan

    def run(self, conn: Connection, rows: list[dict[str, Any]], json_texts: dict[int, str]) -> None:
        """``json_texts``: JSON already serialized (by ``_storable``) for dicts in ``rows``;
        SQLite stores JSON as that text, other databases get the column's own conversion."""
        sql, names, procs, positional = self._plan(conn.dialect)
        texts = json_texts if conn.dialect.name == "sqlite" else {}

        def converter(proc: Any) -> Any:
            """One column's conversion. A batch's times and flags are a few values, each
            converted once; a dict whose JSON text ``_storable`` kept is stored as that text."""
            done: dict[Any, Any] = {}

            def convert(raw: Any) -> Any:
                kind = type(raw)
                if kind is dict and texts:
                    text = texts.get(id(raw))
                    return proc(raw) if text is None else text
                if kind is datetime or kind is bool:
                    key = (kind, raw)
                    if key not in done:
                        done[key] = proc(raw)
                    return done[key]
                return proc(raw)

            return convert

        # All values fetched by one C-level itemgetter; only the few columns with a bind
        # processor (times, JSON, booleans) go through Python per row: building 32 values a
        # row one by one was a fifth of a push's time.
        fetch = itemgetter(*names)
        converted = [(i, converter(p)) for i, p in enumerate(procs) if p]
        params: list[Any] = []
        for row in rows:
            values = list(fetch(row)) if len(names) > 1 else [fetch(row)]
            for i, convert in converted:
                values[i] = convert(values[i])
            params.append(tuple(values) if positional else dict(zip(names, values, strict=True)))
        conn.exec_driver_sql(sql, params)
