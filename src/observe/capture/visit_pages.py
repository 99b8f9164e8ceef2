"""The visit list, a page at a time: the Visits tab of the navigator reads it on a worker.

A district profile has thousands of visits, so the list is read a page at a time: a page is
whole local days (a day is never split between pages, or its heading would appear twice)
holding at least ``PAGE_VISITS`` visits. Pages tile time without gaps, ``[oldest, before)``,
so every visit and walk lands in exactly one page however the pages fall.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select, true
from sqlalchemy.orm import Session

from observe.clock import local_midnight
from observe.clock import local_time as local
from observe.store import Store
from observe.store.models import Classroom, Teacher, Visit, VisitType, Walk

#: At least this many visits per page; a page is then rounded out to whole days.
PAGE_VISITS = 100


@dataclass(frozen=True)
class VisitRow:
    id: str
    started_at: datetime
    visit_type: VisitType
    teacher_name: str
    subject: str
    grade: str | None
    period: str | None
    room: str | None
    walk_id: str | None
    #: Not ended yet: one left running is marked in the list.
    running: bool = False

    @property
    def class_label(self) -> str:
        return f"{self.teacher_name} · {self.subject}"


@dataclass(frozen=True)
class WalkRow:
    id: str
    title: str
    started_at: datetime
    focus: str | None


@dataclass(frozen=True)
class VisitPage:
    """Visits (newest first) and walks started in ``[oldest, before)``, plus walks they use.

    ``oldest`` is None when the page reaches back to the first visit; ``more`` says whether
    anything older than ``oldest`` exists.
    """

    visits: tuple[VisitRow, ...]
    walks: Mapping[str, WalkRow] = field(default_factory=lambda: MappingProxyType({}))
    oldest: datetime | None = None
    more: bool = False


def _page_start(session: Session, before: datetime | None, page_visits: int) -> datetime | None:
    """Local midnight of the day holding the ``page_visits``-th visit before ``before``."""
    query = select(Visit.started_at).where(Visit.deleted.is_(False))
    if before is not None:
        query = query.where(Visit.started_at < before)
    nth = session.scalar(
        query.order_by(Visit.started_at.desc()).limit(1).offset(max(page_visits, 1) - 1)
    )
    return None if nth is None else local_midnight(local(nth).date())


def load_visit_page(
    store: Store, before: datetime | None = None, *, page_visits: int = PAGE_VISITS
) -> VisitPage:
    """The next page of whole days older than ``before`` (None: the newest page)."""
    with store.read() as s:
        return _span(s, _page_start(s, before, page_visits), before)


def load_visit_span(
    store: Store, oldest: datetime | None, before: datetime | None = None
) -> VisitPage:
    """Everything in ``[oldest, before)`` (None: unbounded); a refresh reloads the span on
    screen with it, so the coach keeps seeing the same days after a change."""
    with store.read() as s:
        return _span(s, oldest, before)


def _span(session: Session, oldest: datetime | None, before: datetime | None) -> VisitPage:

    def window(column: Any) -> list[ColumnElement[bool]]:
        conds = []
        if oldest is not None:
            conds.append(column >= oldest)
        if before is not None:
            conds.append(column < before)
        return conds

    rows = session.execute(
        select(
            Visit.id,
            Visit.started_at,
            Visit.visit_type,
            Teacher.display_name,
            Classroom.subject,
            Classroom.grade,
            Classroom.period,
            Classroom.room,
            Visit.walk_id,
            Visit.ended_at.is_(None),
        )
        .join(Classroom, Classroom.id == Visit.classroom_id)
        .join(Teacher, Teacher.id == Classroom.teacher_id)
        .where(Visit.deleted.is_(False), *window(Visit.started_at))
        .order_by(Visit.started_at.desc())
    ).all()
    visits = tuple(VisitRow(*row) for row in rows)

    walk_ids = {v.walk_id for v in visits if v.walk_id}
    span = window(Walk.started_at)
    conditions = [and_(*span) if span else true()]
    if walk_ids:
        conditions.append(Walk.id.in_(walk_ids))
    walks = {
        row[0]: WalkRow(*row)
        for row in session.execute(
            select(Walk.id, Walk.title, Walk.started_at, Walk.focus).where(
                Walk.deleted.is_(False), or_(*conditions)
            )
        )
    }

    more = False
    if oldest is not None:
        more = any(
            session.scalar(
                select(model.id).where(model.deleted.is_(False), model.started_at < oldest).limit(1)
            )
            is not None
            for model in (Visit, Walk)
        )
    return VisitPage(visits=visits, walks=MappingProxyType(walks), oldest=oldest, more=more)


def visit_is_running(store: Store, visit_id: str) -> bool:
    """Whether the visit exists, is live and was never ended: one left open by a crash or a
    closed lid is reopened at start-up, one that was ended is not."""
    with store.read() as s:
        visit = s.get(Visit, visit_id)
        return visit is not None and not visit.deleted and visit.ended_at is None
