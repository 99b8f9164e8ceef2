"""Starting, moving through and ending visits and learning walks."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from observe.capture.visit_log import log_visit
from observe.clock import utcnow
from observe.store import Store
from observe.store.models import Classroom, Teacher, Visit, VisitType, Walk
from observe.vocabulary import class_label


@dataclass(frozen=True)
class ClassroomChoice:
    """One line of the quick-visit type-ahead: a classroom and whose it is."""

    classroom_id: str
    teacher_name: str
    subject: str
    grade: str | None
    period: str | None
    room: str | None

    @property
    def label(self) -> str:
        room = class_label(self.subject, period=self.period, room=self.room)
        return f"{self.teacher_name} · {room}"


def fold(text: str) -> str:
    """Lower-case without accents, so typing "nguyen" finds "Nguyễn" and "zoe" finds "Zoë"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d")


def classroom_choices(store: Store, typed: str = "", limit: int = 50) -> list[ClassroomChoice]:
    """Classrooms whose teacher, subject, grade, period or room contain every typed word.

    Accents and case are ignored. Teachers whose name *starts* with the typing come first, so
    the first match (preselected in the dialog) is usually the one meant. A school has dozens
    of classrooms, so filtering in Python is instant and handles accents properly.
    """
    words = fold(typed).split()
    with store.read() as s:
        rooms = list(
            s.scalars(
                select(Classroom)
                .join(Teacher)
                .options(joinedload(Classroom.teacher))
                .where(Classroom.deleted.is_(False), Teacher.deleted.is_(False))
            )
        )
    matches = []
    for room in rooms:
        name = fold(room.teacher.display_name)
        haystack = " ".join(
            [name, *(fold(v) for v in (room.subject, room.grade, room.period, room.room) if v)]
        )
        if all(word in haystack for word in words):
            starts = bool(words) and any(part.startswith(words[0]) for part in name.split())
            matches.append((not starts, name, room.period or "", fold(room.subject), room))
    matches.sort(key=lambda m: m[:4])
    return [
        ClassroomChoice(r.id, r.teacher.display_name, r.subject, r.grade, r.period, r.room)
        for *_, r in matches[:limit]
    ]


def start_walk(
    store: Store,
    title: str,
    *,
    focus: str | None = None,
    school_id: str | None = None,
    lookfor_set_id: str | None = None,
) -> Walk:
    with store.write() as s:
        walk = Walk(
            title=title.strip() or "Learning walk",
            focus=focus,
            school_id=school_id,
            lookfor_set_id=lookfor_set_id,
            started_at=utcnow(),
        )
        s.add(walk)
    return walk


def start_visit(
    store: Store,
    classroom_id: str,
    visit_type: VisitType,
    *,
    walk_id: str | None = None,
    cycle_id: str | None = None,
    focus: str | None = None,
    prompts: list[str] | None = None,
    started_at: datetime | None = None,
) -> Visit:
    with store.write() as s:
        visit = Visit(
            classroom_id=classroom_id,
            visit_type=visit_type,
            walk_id=walk_id,
            cycle_id=cycle_id,
            focus=focus,
            prompts=[p.strip() for p in prompts if p.strip()] if prompts else None,
            started_at=started_at or utcnow(),
        )
        s.add(visit)
    return visit


def end_visit(store: Store, visit_id: str, ended_at: datetime | None = None) -> Visit:
    """Records the end time once; ending an ended visit keeps the first end time.

    The visit's coaching-log entry is written in the same transaction (see
    ``observe.coaching.log``), so the time in the room is logged without a second step.
    """
    with store.write() as s:
        visit = s.get_one(Visit, visit_id)
        if visit.ended_at is None:
            visit.ended_at = ended_at or utcnow()
            log_visit(s, visit)
    return visit


def visited_classrooms(store: Store, walk_id: str) -> list[str]:
    with store.read() as s:
        return list(
            s.scalars(
                select(Visit.classroom_id)
                .where(Visit.walk_id == walk_id, Visit.deleted.is_(False))
                .order_by(Visit.started_at)
            )
        )


def end_walk(store: Store, walk_id: str) -> None:
    with store.write() as s:
        walk = s.get_one(Walk, walk_id)
        for visit in walk.visits:
            if visit.ended_at is None:
                visit.ended_at = utcnow()
                log_visit(s, visit)
        if walk.ended_at is None:
            walk.ended_at = utcnow()
