"""How many requests a worker process works on at once.

Sync endpoints run in a thread pool, 40 threads by default (anyio's). Under a burst of syncs
every thread took a database connection, so a pool of five kept connections opened and closed
dozens more a second, and on PostgreSQL each new connection is a new backend process: with 200
devices syncing once a second, connection churn was half of PostgreSQL's CPU (516 sessions in
2,000 syncs) and the server's threads spent the rest fighting over the GIL. Bounded to the
pool, a request that would have been the ninth at work waits in the event loop, which costs
nothing, then finds a kept connection free: the same 2,000 syncs open none, PostgreSQL's CPU
halves, and on the benchmark machine their p50 fell to about a third and their p99 by a fifth
to two fifths (benchmarks/README.md, issue 18).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import anyio.to_thread

ENV_POOL_SIZE = "OBSERVE_SERVER_POOL_SIZE"
DEFAULT_POOL_SIZE = 8
"""Connections a worker keeps, and requests it works on at once. On the 2-core benchmark
machine 3 to 12 could not be told apart within the host's noise; 40 (every thread its
connection) was slower in the same rounds."""


def bounded_threads(limit: int) -> Callable[[Any], AbstractAsyncContextManager[None]]:
    """A lifespan that caps the worker's thread pool at ``limit`` threads.

    The cap belongs to the event loop (anyio keeps one limiter per loop), so it is set once
    the loop runs, before the first request."""

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = limit
        yield

    return lifespan
