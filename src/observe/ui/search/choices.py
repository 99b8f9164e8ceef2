"""What the search filters offer and what a search returns, read on a worker thread.

The queries live in ``observe.store.search_choices``; this adds what only Qt can do (dates in
the user's locale) to each hit before it reaches the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale

from observe.capture.kinds import LABELS
from observe.clock import local_time as local
from observe.store import Store
from observe.store.search import SearchFilters, SearchHit
from observe.store.search_choices import FilterChoices, filter_choices, search
from observe.ui.search.snippet import Segment, plain, segments

__all__ = ["FilterChoices", "Result", "filter_choices", "find", "heading"]


@dataclass(frozen=True)
class Result:
    """One hit, with its heading and snippet already prepared off the GUI thread."""

    hit: SearchHit
    heading: str
    parts: list[Segment]

    @property
    def text(self) -> str:
        return plain(self.parts)


def heading(hit: SearchHit) -> str:
    at = local(hit.observed_at)
    day = QLocale().toString(QDate(at.year, at.month, at.day), "ddd d MMM yyyy")
    return f"{day} {at:%H:%M} · {hit.teacher_name} · {hit.subject} · {LABELS[hit.kind]}"


def find(store: Store, typed: str, filters: SearchFilters, limit: int) -> list[Result]:
    return [
        Result(hit, heading(hit), segments(hit.snippet, typed))
        for hit in search(store, typed, filters, limit)
    ]
