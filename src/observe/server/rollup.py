"""Evidence items and participation events counted per school, owner, date, visit, seat and
facet (the ``fact_count`` table), so the figures read a few rows per visit instead of every item.

A school's year is ~200,000 evidence items and events; SQL counting them from the record index
on each first load after a push took most of a second at district size (issue 16,
"Measured"). The push adds and takes away each record's count in its own transaction (the
record's facts before and after the change, see :class:`Tally`), so the table is always what
:func:`rebuild` would make of ``record``; a restore and migration ``0008`` rebuild it.

A record counts when it is an evidence item or participation event with a ``day`` or a
``visit_ref`` (the records some figure reads: dated ones for the week figures, any with a
visit for cycle measures); tombstones have neither.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from observe.server.schema import fact_count, record

COUNTED_KINDS = ("evidence", "participation_event")
KEY_COLUMNS = ("school_id", "owner_id", "kind", "day", "visit_ref", "seat_ref", "facet")
Key = tuple[Any, ...]


_KEY = itemgetter(*KEY_COLUMNS)


def key_of(row: Mapping[str, Any]) -> Key | None:
    """The count a record adds to (its key columns), or None when it counts nowhere."""
    if row.get("kind") not in COUNTED_KINDS:
        return None
    if row.get("day") is None and row.get("visit_ref") is None:
        return None
    try:
        return _KEY(row)  # a push's rows have every column: one C-level call per record
    except KeyError:
        return tuple(row.get(c) for c in KEY_COLUMNS)


def _id(key: Key) -> str:
    return hashlib.sha256(
        json.dumps(list(key), separators=(",", ":")).encode("utf-8", "surrogatepass")
    ).hexdigest()


def _add(dialect: Any) -> Any:
    stmt = dialect.insert(fact_count)
    return stmt.on_conflict_do_update(
        index_elements=[fact_count.c.id], set_={"n": fact_count.c.n + stmt.excluded.n}
    )


_ADD = (_add(postgresql), _add(sqlite))
"""The counts' upsert (index: the database is SQLite), built once: building ``excluded``
proxies every column of the table, 2 ms of each push."""


class Tally:
    """What one push changes in the counts: minus the record as it was, plus as it is now."""

    def __init__(self) -> None:
        self.delta: Counter[Key] = Counter()

    def change(self, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> None:
        if before is not None and (old := key_of(before)) is not None:
            self.delta[old] -= 1
        if (new := key_of(after)) is not None:
            self.delta[new] += 1

    def flush(self, conn: Connection) -> None:
        rows = [
            {"id": _id(key), **dict(zip(KEY_COLUMNS, key, strict=True)), "n": n}
            for key, n in self.delta.items()
            if n
        ]
        if not rows:
            return
        conn.execute(_ADD[conn.dialect.name == "sqlite"], rows)
        emptied = [r["id"] for r in rows if r["n"] < 0]
        for offset in range(0, len(emptied), 500):
            conn.execute(
                delete(fact_count).where(
                    fact_count.c.id.in_(emptied[offset : offset + 500]), fact_count.c.n <= 0
                )
            )
        self.delta.clear()


def rebuild(conn: Connection) -> None:
    """Counts every record again (after a restore, and in migration ``0008``)."""
    conn.execute(delete(fact_count))
    columns = [record.c[c] for c in KEY_COLUMNS]
    query = (
        select(*columns, func.count())
        .where(
            record.c.kind.in_(COUNTED_KINDS),
            (record.c.day.is_not(None)) | (record.c.visit_ref.is_not(None)),
        )
        .group_by(*columns)
    )
    batch: list[dict[str, Any]] = []
    for *key, n in conn.execute(query):
        batch.append({"id": _id(tuple(key)), **dict(zip(KEY_COLUMNS, key, strict=True)), "n": n})
        if len(batch) >= 5000:
            conn.execute(insert(fact_count), batch)
            batch = []
    if batch:
        conn.execute(insert(fact_count), batch)
