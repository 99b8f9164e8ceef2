"""What one aggregates request may count, read once and shared by every figure it computes,
and kept for the next request while the school's records stand still.

The school's small kinds (visits, rooms, seats, look-fors, cycles, log entries) are read as
snapshots; evidence and participation events, the bulk of a school's year, only as counts SQL
makes of their fact columns (``observe.server.facts``), never decoded one by one.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import Engine, case, func, select

from observe.server.accounts import Principal
from observe.server.facts import PARTICIPATION_KINDS, read_facet, tags_of
from observe.server.schema import fact_count, record


@functools.lru_cache(maxsize=4096)
def day_from(text: str) -> date:
    """A fact column's day (``YYYY-MM-DD``) as a date; a school's records share a few hundred."""
    return date.fromisoformat(text)


class Scope:
    """The records the caller may count, limited to one date range, read once per request:
    the school's small kinds (visits, rooms, seats, look-fors, cycles, log entries) as
    snapshots, kept for every figure of the request; evidence and participation events, the
    bulk of a school's year, only as the counts SQL makes of their fact columns
    (``observe.server.facts``), never decoded one by one."""

    def __init__(self, engine: Engine, principal: Principal, start: date | None, end: date | None):
        self.engine = engine
        self.principal = principal
        self.start = start
        self.end = end
        self._records: dict[str, list[tuple[dict[str, Any], str]]] = {}
        self._memo: dict[str, Any] = {}

    def in_range(self, day: date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def snapshots(self, kind: str) -> Iterator[dict[str, Any]]:
        for data, _visibility in self.records(kind):
            yield data

    def records(self, kind: str) -> list[tuple[dict[str, Any], str]]:
        """(snapshot, visibility) of each record of ``kind`` the caller may count."""
        found = self._records.get(kind)
        if found is None:
            query = self.where(select(record.c.data, record.c.visibility), kind)
            with self.engine.connect() as conn:
                found = [(d, vis) for d, vis in conn.execute(query) if isinstance(d, dict)]
            self._records[kind] = found
        return found

    def where(self, query: Any, kind: str, dated: bool = False, by_facts: bool = False) -> Any:
        """``by_facts``: the query keeps to records with facts (a ``day`` or a ``visit_ref``),
        which are live ones, so ``deleted`` need not be read (the index holds the rest)."""
        query = query.where(record.c.school_id == self.principal.school_id, record.c.kind == kind)
        if not (dated or by_facts):
            query = query.where(record.c.deleted.is_(False))
        if self.principal.role == "coach":
            query = query.where(record.c.owner_id == self.principal.user_id)
        if dated:
            # ``day`` is NULL for an unreadable date, which no range ever counted.
            query = query.where(record.c.day.is_not(None))
            if self.start is not None:
                query = query.where(record.c.day >= self.start.isoformat())
            if self.end is not None:
                query = query.where(record.c.day <= self.end.isoformat())
        return query

    def where_counted(self, query: Any, kind: str, dated: bool = False) -> Any:
        """``where`` for the counts kept per visit (``fact_count``, ``observe.server.rollup``)."""
        query = query.where(fact_count.c.school_id == self.principal.school_id)
        query = query.where(fact_count.c.kind == kind)
        if self.principal.role == "coach":
            query = query.where(fact_count.c.owner_id == self.principal.user_id)
        if dated:
            query = query.where(fact_count.c.day.is_not(None))
            if self.start is not None:
                query = query.where(fact_count.c.day >= self.start.isoformat())
            if self.end is not None:
                query = query.where(fact_count.c.day <= self.end.isoformat())
        return query

    def visits(self) -> list[Any]:
        """Every visit the caller may count, as its fact columns (id, day, label = its type,
        minutes, room_ref, cycle_ref): no snapshot decoded."""
        query = select(
            record.c.id,
            record.c.day,
            record.c.label,
            record.c.minutes,
            record.c.room_ref,
            record.c.cycle_ref,
        )
        return self.counted("visits", self.where(query, "visit"))

    def visit_rooms(self) -> dict[str, str | None]:
        return self.memo("visit-rooms", lambda: {v.id: v.room_ref for v in self.visits()})

    def cycle_visits(self, cycle_refs: set[str]) -> list[dict[str, Any]]:
        """Snapshots of the visits of these cycles (by ``cycle_ref``): only those are decoded,
        for their exact start."""
        if not cycle_refs:
            return []

        def make() -> list[dict[str, Any]]:
            refs, out = sorted(cycle_refs), []
            with self.engine.connect() as conn:
                for offset in range(0, len(refs), 500):
                    query = self.where(
                        select(record.c.data).where(
                            record.c.cycle_ref.in_(refs[offset : offset + 500])
                        ),
                        "visit",
                    )
                    out += [d for (d,) in conn.execute(query) if isinstance(d, dict)]
            return out

        return self.memo(f"cycle-visits:{hash(frozenset(cycle_refs))}", make)

    def seats(self) -> list[Any]:
        """(id, room_ref) of every seat the caller may count."""
        return self.counted("seats", self.where(select(record.c.id, record.c.room_ref), "seat"))

    def counted(self, key: str, query: Any) -> list[Any]:
        """The rows of an aggregate ``query``, once per request under ``key``."""
        if key not in self._memo:
            with self.engine.connect() as conn:
                self._memo[key] = conn.execute(query).all()
        return self._memo[key]

    def memo(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def ids(self, kind: str, field: str) -> dict[str, Any]:
        return self.memo(
            f"ids:{kind}:{field}", lambda: {d.get("id"): d.get(field) for d in self.snapshots(kind)}
        )

    def evidence_in_range(self) -> list[tuple[str | None, int]]:
        """(facet, items) of the evidence in range: items with the same look-fors and marks
        counted together, from the counts kept per visit."""
        query = self.where_counted(
            select(fact_count.c.facet, func.sum(fact_count.c.n)).group_by(fact_count.c.facet),
            "evidence",
            dated=True,
        )
        return [(f, int(n)) for f, n in self.counted("evidence", query)]

    def evidence_visits(self) -> set[Any]:
        """The distinct visits the evidence in range names."""
        query = self.where_counted(select(fact_count.c.visit_ref).distinct(), "evidence", True)
        return {v for (v,) in self.counted("evidence-visits", query)}

    def facet(self, text: str | None) -> tuple[list[str], list[str]]:
        """(tags, seen) of an evidence facet; a hashed one is read from a snapshot with it."""
        found = read_facet(text)
        if found is not None:
            return found

        def make() -> tuple[list[str], list[str]]:
            query = self.where(
                select(record.c.data).where(record.c.facet == text).limit(1), "evidence", True
            )
            with self.engine.connect() as conn:
                data = conn.execute(query).scalar()
            return tags_of(data) if isinstance(data, dict) else ([], [])

        return self.memo(f"facet:{text}", make)

    def talk_in_range(self) -> dict[str, tuple[date, int, int, tuple[int, ...]]]:
        """Per visit named by a participation event in range: its first day, its distinct
        seats, its events, and its events of each of PARTICIPATION_KINDS (a kind outside
        them counts among the events only)."""

        def make() -> dict[str, tuple[date, int, int, tuple[int, ...]]]:
            n = fact_count.c.n
            kinds = [
                func.sum(case((fact_count.c.facet == kind, n), else_=0))
                for kind in PARTICIPATION_KINDS
            ]
            query = self.where_counted(
                select(
                    fact_count.c.visit_ref,
                    func.min(fact_count.c.day),
                    func.count(fact_count.c.seat_ref.distinct()),
                    func.sum(n),
                    *kinds,
                )
                .where(fact_count.c.visit_ref.is_not(None))
                .group_by(fact_count.c.visit_ref),
                "participation_event",
                dated=True,
            )
            with self.engine.connect() as conn:
                return {
                    visit_id: (day_from(first), seats, int(events), tuple(map(int, counts)))
                    for visit_id, first, seats, events, *counts in conn.execute(query)
                }

        return self.memo("talk", make)


CACHED_SCOPES = 8
_scopes: OrderedDict[tuple[Any, ...], Scope] = OrderedDict()
_scopes_lock = threading.Lock()


def scope_for(
    engine: Engine, principal: Principal, start: date | None, end: date | None, state: dict
) -> Scope:
    """The scope of a request, with what earlier requests already read of the same records:
    every push moves its school's ``head_seq`` and every restore the ``epoch``, so while both
    stand still the school's figures are the same (the desktop's leader view asks for five in
    a row, a page is reloaded). Only on top of a first read that is itself fast: nothing
    here is computed ahead of a request."""
    key = (
        id(engine),
        state["server_id"],
        state["epoch"],
        state["head_seq"],
        principal.school_id,
        principal.role,
        principal.user_id if principal.role == "coach" else None,
        start,
        end,
    )
    with _scopes_lock:
        scope = _scopes.get(key)
        if scope is not None:
            _scopes.move_to_end(key)
            return scope
        scope = _scopes[key] = Scope(engine, principal, start, end)
        while len(_scopes) > CACHED_SCOPES:
            _scopes.popitem(last=False)
    return scope


def forget() -> None:
    """Drops what earlier requests read (for a process that changed the database under the
    server's feet, as a migration in a test does)."""
    with _scopes_lock:
        _scopes.clear()
