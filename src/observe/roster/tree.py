"""Teachers with their classes, and the profile's schools: what the Teachers list shows.

Teachers and classrooms are few (dozens per school), so they are read in one go.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.store import Store
from observe.store.models import Classroom, School, Teacher
from observe.vocabulary import class_label


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


@dataclass(frozen=True)
class RosterTree:
    """Live teachers by name with their classes, and the live schools as (id, name), oldest
    first (the first is where new teachers go by default)."""

    teachers: tuple[TeacherRow, ...]
    schools: tuple[tuple[str, str], ...]


def load_roster_tree(store: Store) -> RosterTree:
    """Everything the Teachers list shows, read in one transaction so the two agree."""
    with store.read() as s:
        return RosterTree(tuple(_teachers(s)), tuple(_schools(s)))


def _schools(session: Session) -> list[tuple[str, str]]:
    rows = session.execute(
        select(School.id, School.name).where(School.deleted.is_(False)).order_by(School.created_at)
    )
    return [(sid, name) for sid, name in rows]


def _teachers(session: Session) -> list[TeacherRow]:
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
