"""Group commit: pushes that arrive together share one transaction and one disk flush.

Pushes hold their school's counter-row lock until they commit (that is what makes a school's
``server_seq`` gap-free in commit order), so a school's pushes run one at a time, and each waits
for its own WAL/fsync flush. On a slow disk that caps a school at a few dozen pushes a second
however many cores the server has. Here the first push of a school to arrive in a process
becomes that school's *leader*: it takes every push of the school queued behind it, applies
them one after another in a single transaction (each with its own per-op results, exactly as if
alone), and commits once. Then it hands the lead to the next queued push of the school. Each
school has its own queue, so schools never wait on each other's groups (on PostgreSQL; SQLite
has one writer at a time anyway).

If a shared transaction fails, each of its pushes is retried in a transaction of its own, so
one push's failure never becomes another's.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine

from observe.protocol import Op
from observe.server.accounts import Principal
from observe.server.push import apply_ops, lock_state, push

log = logging.getLogger(__name__)

MAX_GROUP_OPS = 2000
"""Stop adding pushes to a group past this many ops, so one transaction stays short."""


@dataclass(eq=False)
class _Waiter:
    principal: Principal
    ops: list[Op]
    event: threading.Event = field(default_factory=threading.Event)
    lead: bool = False
    result: dict[str, Any] | None = None
    error: BaseException | None = None

    def outcome(self) -> dict[str, Any]:
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


class GroupCommit:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._queues: dict[str, list[_Waiter]] = {}  # school id -> its pushes waiting
        self._busy: set[str] = set()  # schools whose leader is at work

    def push(self, principal: Principal, ops: list[Op]) -> dict[str, Any]:
        if not ops:
            return push(self.engine, principal, ops)
        me = _Waiter(principal, ops)
        school_id = principal.school_id
        with self._lock:
            self._queues.setdefault(school_id, []).append(me)
            if school_id not in self._busy:
                self._busy.add(school_id)
                me.lead = True
        if not me.lead:
            me.event.wait()
        if me.lead:
            self._lead(school_id)
        return me.outcome()

    def _take_group(self, school_id: str) -> list[_Waiter]:
        with self._lock:
            queue = self._queues[school_id]
            group, total = [], 0
            while queue and (not group or total + len(queue[0].ops) <= MAX_GROUP_OPS):
                waiter = queue.pop(0)
                group.append(waiter)
                total += len(waiter.ops)
            return group

    def _lead(self, school_id: str) -> None:
        # The leader is at the front of its school's queue, so it's in the group.
        group = self._take_group(school_id)
        try:
            self._run(school_id, group)
        finally:
            with self._lock:
                queue = self._queues[school_id]
                successor = queue[0] if queue else None
                if successor is None:
                    self._busy.discard(school_id)
                    del self._queues[school_id]
                else:
                    successor.lead = True
            for waiter in group:
                waiter.lead = False
                waiter.event.set()
            if successor is not None:
                successor.event.set()

    def _run(self, school_id: str, group: list[_Waiter]) -> None:
        if len(group) == 1:
            waiter = group[0]
            try:
                waiter.result = push(self.engine, waiter.principal, waiter.ops)
            except Exception as exc:
                waiter.error = exc
            return
        try:
            with self.engine.connect().execution_options(immediate=True) as conn, conn.begin():
                state = lock_state(conn, school_id)
                heads = {school_id: state["head_seq"]}
                results = []
                for waiter in group:
                    done, heads = apply_ops(conn, waiter.principal, waiter.ops, heads)
                    results.append(done)
                state["head_seq"] = heads[school_id]
            for waiter, done in zip(group, results, strict=True):
                waiter.result = {**state, "results": done}
            log.debug("group commit of %d pushes", len(group))
        except Exception:
            log.warning("a shared push transaction failed; retrying its pushes one by one")
            for waiter in group:
                try:
                    waiter.result = push(self.engine, waiter.principal, waiter.ops)
                except Exception as exc:
                    waiter.error = exc
