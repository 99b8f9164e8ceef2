"""Starting, moving through and ending visits and learning walks."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from observe.capture.visit_log import log_visit
from observe.clock import as_utc, utcnow
from observe.store import Store
from observe.store.models import Classroom, Evidence, Teacher, Visit, VisitType, Walk
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


def reopen_visit(store: Store, visit_id: str) -> None:
    """Undo of "End visit": ``end_visit`` keeps the first end time on purpose; undo clears it."""
    with store.write() as s:
        s.get_one(Visit, visit_id).ended_at = None


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


@dataclass(frozen=True)
class RunningVisit:
    """A visit with no end time, and when evidence was last captured in it."""

    id: str
    label: str
    started_at: datetime
    last_evidence_at: datetime | None

    @property
    def last_activity(self) -> datetime:
        """The last moment anything happened in it: its last evidence, else its start."""
        return self.last_evidence_at or self.started_at


def running_visits(store: Store) -> list[RunningVisit]:
    """Every visit not yet ended, oldest first."""
    with store.read() as s:
        last = (
            select(Evidence.visit_id, func.max(Evidence.observed_at).label("last"))
            .where(Evidence.deleted.is_(False))
            .group_by(Evidence.visit_id)
            .subquery()
        )
        rows = s.execute(
            select(Visit.id, Visit.started_at, Teacher.display_name, Classroom.subject, last.c.last)
            .join(Classroom, Classroom.id == Visit.classroom_id)
            .join(Teacher, Teacher.id == Classroom.teacher_id)
            .outerjoin(last, last.c.visit_id == Visit.id)
            .where(Visit.ended_at.is_(None), Visit.deleted.is_(False))
            .order_by(Visit.started_at)
        ).all()
    return [
        RunningVisit(
            row.id,
            f"{row.display_name} · {row.subject}",
            as_utc(row.started_at),
            as_utc(row.last) if row.last is not None else None,
        )
        for row in rows
    ]


def left_running_from_earlier_day(store: Store, now: datetime | None = None) -> list[RunningVisit]:
    """Running visits started before today (local time): nobody observes overnight."""
    today = (now or utcnow()).astimezone().date()
    return [v for v in running_visits(store) if v.started_at.astimezone().date() < today]


def end_at_last_activity(store: Store, visit_id: str) -> Visit:
    """Ends a visit left running at its last evidence (or its start), not at the hour the
    coach came back to it, so its time and log minutes stay what happened in the room."""
    found = next((v for v in running_visits(store) if v.id == visit_id), None)
    if found is None:
        return end_visit(store, visit_id)
    return end_visit(store, visit_id, ended_at=found.last_activity)
