"""What the navigator reads and writes, kept free of Qt so it runs on a worker thread.

The visit list of a district profile has thousands of visits, so it is read a page at a time:
a page is whole local days (a day is never split between pages, or its heading would appear
twice) holding at least ``PAGE_VISITS`` visits. Pages tile time without gaps, ``[oldest, before)``,
so every visit and walk lands in exactly one page however the pages fall.

Teachers and classrooms are few (dozens per school), so they are read in one go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, true
from sqlalchemy.orm import Session

from observe.clock import local_midnight
from observe.clock import local_time as local
from observe.errors import UsageError
from observe.store import Store
from observe.store.models import Classroom, School, Teacher, Visit, VisitType, Walk
from observe.vocabulary import class_label

#: At least this many visits per page; a page is then rounded out to whole days.
PAGE_VISITS = 100

LIMITS = {"name": 200, "email": 254, "subject": 120, "grade": 20, "period": 20, "room": 40}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# --- visits ------------------------------------------------------------------------------------


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


@dataclass
class VisitPage:
    """Visits (newest first) and walks started in ``[oldest, before)``, plus walks they use.

    ``oldest`` is None when the page reaches back to the first visit; ``more`` says whether
    anything older than ``oldest`` exists.
    """

    visits: list[VisitRow]
    walks: dict[str, WalkRow] = field(default_factory=dict)
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
    session: Session, before: datetime | None = None, *, page_visits: int = PAGE_VISITS
) -> VisitPage:
    """The next page of whole days older than ``before`` (None: the newest page)."""
    return load_visit_span(session, _page_start(session, before, page_visits), before)


def load_visit_span(
    session: Session, oldest: datetime | None, before: datetime | None = None
) -> VisitPage:
    """Everything in ``[oldest, before)`` (None: unbounded); a refresh reloads the span on
    screen with it, so the coach keeps seeing the same days after a change."""

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
    visits = [VisitRow(*row) for row in rows]

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
    return VisitPage(visits=visits, walks=walks, oldest=oldest, more=more)


# --- teachers and classrooms ---------------------------------------------------------------------


@dataclass(frozen=True)
class ClassroomRow:
    id: str
    teacher_id: str
    subject: str
    grade: str | None
    period: str | None
    room: str | None

    @property
    def label(self) -> str:
        return class_label(self.subject, grade=self.grade, period=self.period, room=self.room)


@dataclass(frozen=True)
class TeacherRow:
    id: str
    name: str
    email: str | None
    classrooms: tuple[ClassroomRow, ...] = ()
    school_id: str | None = None


def load_schools(session: Session) -> list[tuple[str, str]]:
    """(id, name) of live schools, oldest first (the first is where new teachers go by default)."""
    rows = session.execute(
        select(School.id, School.name).where(School.deleted.is_(False)).order_by(School.created_at)
    )
    return [(sid, name) for sid, name in rows]


def load_teachers(session: Session) -> list[TeacherRow]:
    """Live teachers by name, each with their live classrooms by period then subject."""
    rooms: dict[str, list[ClassroomRow]] = {}
    for row in session.execute(
        select(
            Classroom.id,
            Classroom.teacher_id,
            Classroom.subject,
            Classroom.grade,
            Classroom.period,
            Classroom.room,
        ).where(Classroom.deleted.is_(False))
    ):
        rooms.setdefault(row[1], []).append(ClassroomRow(*row))
    teachers = session.execute(
        select(Teacher.id, Teacher.display_name, Teacher.email, Teacher.school_id).where(
            Teacher.deleted.is_(False)
        )
    ).all()
    out = [
        TeacherRow(
            tid,
            name,
            email,
            tuple(
                sorted(
                    rooms.get(tid, ()),
                    key=lambda c: ((c.period or "").zfill(4), c.subject.casefold()),
                )
            ),
            school_id,
        )
        for tid, name, email, school_id in teachers
    ]
    out.sort(key=lambda t: t.name.casefold())
    return out


def _clean(value: str | None) -> str | None:
    stripped = (value or "").strip()
    return stripped or None


def teacher_problems(name: str, email: str | None) -> dict[str, str]:
    """Sentences for what's wrong with the typed values, by field (empty when all is well)."""
    problems: dict[str, str] = {}
    name = name.strip()
    if not name:
        problems["name"] = "Type the teacher's name."
    elif len(name) > LIMITS["name"]:
        problems["name"] = f"The name is longer than {LIMITS['name']} characters; shorten it."
    mail = _clean(email)
    if mail and (len(mail) > LIMITS["email"] or not _EMAIL.match(mail)):
        problems["email"] = (
            "That email address doesn't look complete (like name@school.org); "
            "correct it or leave it empty."
        )
    return problems


def classroom_problems(
    teacher_id: str | None, subject: str, grade: str | None, period: str | None, room: str | None
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not teacher_id:
        problems["teacher"] = "Choose whose class this is."
    if not subject.strip():
        problems["subject"] = "Type the subject (for example Math 7 or Biology)."
    for name, value in (("subject", subject), ("grade", grade), ("period", period), ("room", room)):
        if name not in problems and len((value or "").strip()) > LIMITS[name]:
            problems[name] = f"The {name} is longer than {LIMITS[name]} characters; shorten it."
    return problems


def save_teacher(
    store: Store,
    teacher_id: str | None,
    name: str,
    email: str | None,
    school_id: str | None = None,
) -> str:
    """Adds (``teacher_id`` None) or edits a teacher and returns its id; without ``school_id``
    a new teacher joins the profile's first school and an edited one stays where it is.

    Names must be unique because roster import matches teachers by name: two "J. Smith"s would
    make the next import attach classes to whichever came first.
    """
    problems = teacher_problems(name, email)
    if problems:
        raise UsageError(" ".join(problems.values()))
    name = name.strip()
    with store.write() as s:
        clash = s.scalar(
            select(Teacher.id).where(
                Teacher.deleted.is_(False),
                func.lower(Teacher.display_name) == name.lower(),
                Teacher.id != (teacher_id or ""),
            )
        )
        if clash is not None:
            raise UsageError(
                f"There is already a teacher named {name}. Use a different name, "
                "for example with an initial."
            )
        school = s.get(School, school_id) if school_id else None
        if school_id and (school is None or school.deleted):
            raise UsageError("That school is no longer in the profile; choose another.")
        if teacher_id is None:
            teacher = Teacher(school=school or _school(s), display_name=name, email=_clean(email))
            s.add(teacher)
        else:
            teacher = s.get_one(Teacher, teacher_id)
            teacher.display_name = name
            teacher.email = _clean(email)
            if school is not None:
                teacher.school_id = school.id
        s.flush()
        return teacher.id


def save_classroom(
    store: Store,
    classroom_id: str | None,
    teacher_id: str,
    subject: str,
    grade: str | None,
    period: str | None,
    room: str | None,
) -> str:
    """Adds or edits a classroom; the same teacher, subject and period twice is refused."""
    problems = classroom_problems(teacher_id, subject, grade, period, room)
    if problems:
        raise UsageError(" ".join(problems.values()))
    subject = subject.strip()
    with store.write() as s:
        teacher = s.get(Teacher, teacher_id)
        if teacher is None or teacher.deleted:
            raise UsageError("That teacher is no longer in the profile; choose another.")
        same = s.scalars(
            select(Classroom).where(
                Classroom.deleted.is_(False),
                Classroom.teacher_id == teacher_id,
                Classroom.id != (classroom_id or ""),
            )
        )
        key = (subject.casefold(), (_clean(period) or "").casefold())
        if any((c.subject.casefold(), (c.period or "").casefold()) == key for c in same):
            when = f" in period {_clean(period)}" if _clean(period) else ""
            raise UsageError(
                f"{teacher.display_name} already has {subject}{when}. "
                "Change the subject or period, or edit the existing class."
            )
        if classroom_id is None:
            room_row = Classroom(teacher_id=teacher_id, subject=subject)
            s.add(room_row)
        else:
            room_row = s.get_one(Classroom, classroom_id)
            room_row.teacher_id = teacher_id
            room_row.subject = subject
        room_row.grade = _clean(grade)
        room_row.period = _clean(period)
        room_row.room = _clean(room)
        s.flush()
        return room_row.id


def _school(session: Session) -> School:
    """The profile's first school, made on the spot in a fresh profile (as roster import does)."""
    school = session.scalars(
        select(School).where(School.deleted.is_(False)).order_by(School.created_at)
    ).first()
    if school is None:
        school = School(name="My school")
        session.add(school)
    return school
