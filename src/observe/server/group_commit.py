"""Group commit: pushes that arrive together share one transaction and one disk flush.

Pushes hold the counter-row lock until they commit (that is what makes ``server_seq`` gap-free
in commit order), so they run one at a time, and each waits for its own WAL/fsync flush. On a
slow disk that caps a server at a few dozen pushes a second however many cores it has. Here the
first push to arrive in a process becomes the *leader*: it takes every push queued behind it,
applies them one after another in a single transaction (each with its own per-op results,
exactly as if alone), and commits once. Then it hands the lead to the next queued push.

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
        self._queue: list[_Waiter] = []
        self._busy = False

    def push(self, principal: Principal, ops: list[Op]) -> dict[str, Any]:
        if not ops:
            return push(self.engine, principal, ops)
        me = _Waiter(principal, ops)
        with self._lock:
            self._queue.append(me)
            if not self._busy:
                self._busy = True
                me.lead = True
        if not me.lead:
            me.event.wait()
        if me.lead:
            self._lead()
        return me.outcome()

    def _take_group(self) -> list[_Waiter]:
        with self._lock:
            group, total = [], 0
            while self._queue and (not group or total + len(self._queue[0].ops) <= MAX_GROUP_OPS):
                waiter = self._queue.pop(0)
                group.append(waiter)
                total += len(waiter.ops)
            return group

    def _lead(self) -> None:
        group = self._take_group()  # the leader is at the front of the queue, so it's in here
        try:
            self._run(group)
        finally:
            with self._lock:
                successor = self._queue[0] if self._queue else None
                if successor is None:
                    self._busy = False
                else:
                    successor.lead = True
            for waiter in group:
                waiter.lead = False
                waiter.event.set()
            if successor is not None:
                successor.event.set()

    def _run(self, group: list[_Waiter]) -> None:
        if len(group) == 1:
            waiter = group[0]
            try:
                waiter.result = push(self.engine, waiter.principal, waiter.ops)
            except Exception as exc:
                waiter.error = exc
            return
        try:
            with self.engine.connect().execution_options(immediate=True) as conn, conn.begin():
                state = lock_state(conn)
                head = state["head_seq"]
                results = []
                for waiter in group:
                    done, head = apply_ops(conn, waiter.principal, waiter.ops, head)
                    results.append(done)
                state["head_seq"] = head
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
