"""Adding and editing one teacher or class, with the rules that make them valid.

The dialogs show :func:`teacher_problems`/:func:`classroom_problems` under each field while
the coach types; the save functions check the same rules again (and the ones that need the
database, such as unique names), so a write from anywhere obeys them.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from observe.errors import UsageError
from observe.i18n import _
from observe.store import Store
from observe.store.models import Classroom, School, Teacher

LIMITS = {"name": 200, "email": 254, "subject": 120, "grade": 20, "period": 20, "room": 40}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _clean(value: str | None) -> str | None:
    stripped = (value or "").strip()
    return stripped or None


def teacher_problems(name: str, email: str | None) -> dict[str, str]:
    """Sentences for what's wrong with the typed values, by field (empty when all is well)."""
    problems: dict[str, str] = {}
    name = name.strip()
    if not name:
        problems["name"] = _("Type the teacher's name.")
    elif len(name) > LIMITS["name"]:
        problems["name"] = _("The name is longer than {LIMITS} characters; shorten it.").format(
            LIMITS=LIMITS["name"]
        )
    mail = _clean(email)
    if mail and (len(mail) > LIMITS["email"] or not _EMAIL.match(mail)):
        problems["email"] = _(
            "That email address doesn't look complete (like name@school.org); "
            "correct it or leave it empty."
        )
    return problems


def classroom_problems(
    teacher_id: str | None, subject: str, grade: str | None, period: str | None, room: str | None
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not teacher_id:
        problems["teacher"] = _("Choose whose class this is.")
    if not subject.strip():
        problems["subject"] = _("Type the subject (for example Math 7 or Biology).")
    for name, value in (("subject", subject), ("grade", grade), ("period", period), ("room", room)):
        if name not in problems and len((value or "").strip()) > LIMITS[name]:
            problems[name] = _("The {name} is longer than {LIMITS} characters; shorten it.").format(
                name=name, LIMITS=LIMITS[name]
            )
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
                _(
                    "There is already a teacher named {name}. Use a different name, for "
                    "example with an initial."
                ).format(name=name)
            )
        school = s.get(School, school_id) if school_id else None
        if school_id and (school is None or school.deleted):
            raise UsageError(_("That school is no longer in the profile; choose another."))
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
            raise UsageError(_("That teacher is no longer in the profile; choose another."))
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
                _(
                    "{display_name} already has {subject}{when}. Change the subject or "
                    "period, or edit the existing class."
                ).format(display_name=teacher.display_name, subject=subject, when=when)
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
