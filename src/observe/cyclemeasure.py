"""How a coaching cycle's measure is compared, before → after: one rule for the desktop's
cycle window and impact view (``observe.coaching.measures``) and the server's school figures
(``observe.server.aggregates``), so a leader's "improved" means what the coach's does.

Pure arithmetic over the measured values in visit order; it imports nothing (no store, no Qt),
so the server may use it. Every measure counts something students did (distinct voices,
contributions, evidence marked seen), so higher is better.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Comparison:
    #: Where the comparison starts: the coach's baseline, else the first measured visit.
    start: float | None
    #: Index (in the measured values) of the visit compared with the start: the latest one
    #: (with a baseline, even the only one; without, once there are two), else None.
    end_index: int | None
    #: The end visit's value minus the start; None without both.
    change: float | None
    #: The latest measured value reached the target; None without a target or a value.
    target_met: bool | None

    @property
    def improved(self) -> bool | None:
        return None if self.change is None else self.change > 0


def compare(baseline: float | None, target: float | None, measured: Sequence[float]) -> Comparison:
    """The cycle's before → after from its baseline, target and measured values (in visit
    order; visits that didn't measure it left out)."""
    start = baseline if baseline is not None else (measured[0] if measured else None)
    end_index: int | None = None
    if measured and (baseline is not None or len(measured) >= 2):
        end_index = len(measured) - 1
    change = None
    if start is not None and end_index is not None:
        change = measured[end_index] - start
    target_met = None if target is None or not measured else measured[-1] >= target
    return Comparison(start, end_index, change, target_met)


class HasShare(Protocol):
    @property
    def share(self) -> float | None: ...


def share_change(before: HasShare | None, after: HasShare | None) -> float | None:
    """A student-evidence measure's change (work samples, a survey question, an assessment):
    the after share minus the before share, None unless both phases have one. One rule for
    the three, so the cycle window, the summary and the impact view never disagree."""
    if before is None or after is None or before.share is None or after.share is None:
        return None
    return after.share - before.share
