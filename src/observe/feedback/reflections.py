"""What teachers wrote back on shared feedback and cycles, read for the coach's screens.

Teachers write reflections on the server's pages; they reach this profile through the pull
like any record, and the coach only reads them. A reflection names its target by kind and id
(no foreign key), so these queries join by hand and skip reflections on anything deleted.
The teacher's name comes from the roster (the target's teacher): the profile knows no
teacher accounts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.clock import as_utc
from observe.datewords import medium_date
from observe.feedback.facts import zone
from observe.store import Store
from observe.store.models import (
    Classroom,
    CoachingCycle,
    Feedback,
    Reflection,
    School,
    Teacher,
    Visit,
)

FEEDBACK = "feedback"
CYCLE = "coaching_cycle"


@dataclass(frozen=True)
class ReflectionView:
    id: str
    target_kind: str
    target_id: str
    teacher: str
    written_at: datetime  # UTC: when the teacher last changed it
    tz: tzinfo
    text: str
    #: The visit a reflection on feedback is about (None for a cycle's).
    visit_id: str | None = None

    @property
    def local_written(self) -> datetime:
        return self.written_at.astimezone(self.tz)

    @property
    def heading(self) -> str:
        """ "Ana Ortiz, 3 December 2026" — who wrote it and when, in the school's time."""
        return f"{self.teacher}, {medium_date(self.local_written)}"


def _on_feedback(session: Session, visit_ids: list[str]) -> list[ReflectionView]:
    rows = session.execute(
        select(Reflection, Feedback.visit_id, Teacher.display_name, School.timezone)
        .join(Feedback, Feedback.id == Reflection.target_id)
        .join(Visit, Visit.id == Feedback.visit_id)
        .join(Classroom, Classroom.id == Visit.classroom_id)
        .join(Teacher, Teacher.id == Classroom.teacher_id)
        .outerjoin(School, School.id == Teacher.school_id)
        .where(
            Reflection.target_kind == FEEDBACK,
            Reflection.deleted.is_(False),
            Feedback.deleted.is_(False),
            Feedback.visit_id.in_(visit_ids),
        )
    )
    return [_view(r, name, tz, visit_id) for r, visit_id, name, tz in rows]


def _view(r: Reflection, teacher: str, tz: str | None, visit_id: str | None) -> ReflectionView:
    return ReflectionView(
        id=r.id,
        target_kind=r.target_kind,
        target_id=r.target_id,
        teacher=teacher,
        written_at=as_utc(r.updated_at),
        tz=zone(tz),
        text=r.text,
        visit_id=visit_id,
    )


def _ordered(views: list[ReflectionView]) -> list[ReflectionView]:
    return sorted(views, key=lambda v: (v.written_at, v.id))


def read_visit_reflections(session: Session, visit_id: str) -> list[ReflectionView]:
    return _ordered(_on_feedback(session, [visit_id]))


def visit_reflections(store: Store, visit_id: str) -> list[ReflectionView]:
    """The teacher's reflections on this visit's feedback, oldest first."""
    with store.read() as s:
        return read_visit_reflections(s, visit_id)


def read_cycle_reflections(session: Session, cycle_id: str) -> list[ReflectionView]:
    rows = session.execute(
        select(Reflection, Teacher.display_name, School.timezone)
        .join(CoachingCycle, CoachingCycle.id == Reflection.target_id)
        .join(Teacher, Teacher.id == CoachingCycle.teacher_id)
        .outerjoin(School, School.id == Teacher.school_id)
        .where(
            Reflection.target_kind == CYCLE,
            Reflection.deleted.is_(False),
            CoachingCycle.id == cycle_id,
            CoachingCycle.deleted.is_(False),
        )
    )
    views = [_view(r, name, tz, None) for r, name, tz in rows]
    visit_ids = list(
        session.scalars(
            select(Visit.id).where(Visit.cycle_id == cycle_id, Visit.deleted.is_(False))
        )
    )
    if visit_ids:
        views += _on_feedback(session, visit_ids)
    return _ordered(views)


def cycle_reflections(store: Store, cycle_id: str) -> list[ReflectionView]:
    """The teacher's reflections on the cycle and on the feedback of its visits, oldest
    first (``visit_id`` says which are about a visit)."""
    with store.read() as s:
        return read_cycle_reflections(s, cycle_id)
