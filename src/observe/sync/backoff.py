"""Retry delays: exponential backoff with full jitter.

Full jitter (a uniform draw between zero and the exponential ceiling) keeps a school's laptops
from hammering a server that just came back all in the same second, which fixed delays would.
"""

from __future__ import annotations

import random

MAX_RETRY_AFTER_S = 3600.0


class Backoff:
    """Delays that double from ``base`` up to ``cap`` seconds, each drawn uniformly below it."""

    def __init__(
        self,
        base: float = 2.0,
        cap: float = 300.0,
        *,
        floor: float = 0.5,
        rng: random.Random | None = None,
    ) -> None:
        self.base = base
        self.cap = cap
        self.floor = floor
        self.failures = 0
        self._rng = rng or random.Random()

    def ceiling(self) -> float:
        """The largest delay the next failure may get."""
        return min(self.cap, self.base * (2 ** max(self.failures - 1, 0)))

    def next_delay(self, at_least: float | None = None) -> float:
        """Counts one more failure and returns how long to wait before the next try.

        ``at_least`` honours a server's Retry-After, up to an hour: a broken or hostile
        server must not switch a coach's syncing off for days.
        """
        self.failures += 1
        delay = max(self.floor, self._rng.uniform(0, self.ceiling()))
        if at_least is not None and at_least == at_least:  # not nan
            delay = max(delay, min(at_least, MAX_RETRY_AFTER_S))
        return delay

    def reset(self) -> None:
        self.failures = 0
