"""What the search filters offer and what a search returns, read on a worker thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate, QLocale
from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.capture.kinds import LABELS
from observe.clock import local_time as local
from observe.store.models import LookFor, LookForSet, Teacher
from observe.store.search import SearchFilters, SearchHit, search_evidence
from observe.ui.search.snippet import Segment, plain, segments


@dataclass(frozen=True)
class FilterChoices:
    teachers: list[tuple[str, str]]
    lookfors: list[tuple[str, str]]


def load_choices(session: Session) -> FilterChoices:
    teachers = sorted(
        (
            (tid, name)
            for tid, name in session.execute(
                select(Teacher.id, Teacher.display_name).where(Teacher.deleted.is_(False))
            )
        ),
        key=lambda t: t[1].casefold(),
    )
    lookfors = [
        (lid, f"{code} · {title}" + (f" ({set_name})" if set_name else ""))
        for lid, code, title, set_name in session.execute(
            select(LookFor.id, LookFor.code, LookFor.title, LookForSet.name)
            .join(LookForSet, LookForSet.id == LookFor.set_id)
            .where(LookFor.deleted.is_(False), LookForSet.deleted.is_(False))
            .order_by(LookForSet.name, LookFor.position, LookFor.code)
        )
    ]
    return FilterChoices(teachers, lookfors)


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


def find(session: Session, typed: str, filters: SearchFilters, limit: int) -> list[Result]:
    return [
        Result(hit, heading(hit), segments(hit.snippet, typed))
        for hit in search_evidence(session, typed, filters, limit)
    ]
