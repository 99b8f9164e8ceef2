"""Removing a teacher or class that should not be there (a typo, a duplicate from a roster,
someone who never taught here).

Only while nothing was observed with them: a teacher or class with visits or a coaching cycle
stays, because deleting it would take evidence and feedback with it, and that is a decision
about visits (``visit_removal``), not about a name in a list. Tombstones, so it syncs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from observe.errors import UsageError
from observe.i18n import _
from observe.store import Store
from observe.store.models import Classroom, CoachingCycle, Seat, Teacher, Visit
from observe.vocabulary import class_label


@dataclass(frozen=True)
class Removal:
    """What would go, for the question asked first: the name and the classes going with it."""

    name: str
    classes: list[str]

    def question(self) -> str:
        with_classes = ""
        if len(self.classes) == 1:
            with_classes = f" and their class {self.classes[0]}"
        elif self.classes:
            with_classes = f" and their {len(self.classes)} classes ({', '.join(self.classes)})"
        return _("Delete {name}{with_classes}? This can't be undone.").format(
            name=self.name, with_classes=with_classes
        )


def _visits_in(s: Session, classroom_ids: list[str]) -> int:
    if not classroom_ids:
        return 0
    return (
        s.scalar(
            select(func.count())
            .select_from(Visit)
            .where(Visit.classroom_id.in_(classroom_ids), Visit.deleted.is_(False))
        )
        or 0
    )


def _live_classes(s: Session, teacher_id: str) -> list[Classroom]:
    return list(
        s.scalars(
            select(Classroom)
            .where(Classroom.teacher_id == teacher_id, Classroom.deleted.is_(False))
            .order_by(Classroom.subject, Classroom.period)
        )
    )


def _class_name(room: Classroom) -> str:
    return class_label(room.subject, period=room.period, sep=", ")


def _plan_teacher(s: Session, teacher_id: str) -> tuple[Teacher, list[Classroom]]:
    teacher = s.get(Teacher, teacher_id)
    if teacher is None or teacher.deleted:
        raise UsageError(_("That teacher is no longer in this profile."))
    rooms = _live_classes(s, teacher_id)
    visits = _visits_in(s, [r.id for r in rooms])
    cycles = (
        s.scalar(
            select(func.count())
            .select_from(CoachingCycle)
            .where(CoachingCycle.teacher_id == teacher_id, CoachingCycle.deleted.is_(False))
        )
        or 0
    )
    if visits or cycles:
        held = " and ".join(
            bit
            for bit in (
                f"{visits:,} visit" + ("" if visits == 1 else "s") if visits else "",
                f"{cycles:,} coaching cycle" + ("" if cycles == 1 else "s") if cycles else "",
            )
            if bit
        )
        raise UsageError(
            _(
                "{display_name} has {held}, so they stay: deleting them would delete "
                "those too. If the visits were mistakes, delete them first (File → "
                "Delete visit…)."
            ).format(display_name=teacher.display_name, held=held)
        )
    return teacher, rooms


def _plan_classroom(s: Session, classroom_id: str) -> Classroom:
    room = s.get(Classroom, classroom_id)
    if room is None or room.deleted:
        raise UsageError(_("That class is no longer in this profile."))
    visits = _visits_in(s, [classroom_id])
    if visits:
        raise UsageError(
            f"{room.teacher.display_name}'s {_class_name(room)} has {visits:,} visit"
            + ("" if visits == 1 else "s")
            + ", so it stays: deleting it would delete their evidence too. If the visits "
            "were mistakes, delete them first (File → Delete visit…)."
        )
    return room


def teacher_removal(store: Store, teacher_id: str) -> Removal:
    """What deleting the teacher would delete; ``UsageError`` when they must stay."""
    with store.read() as s:
        teacher, rooms = _plan_teacher(s, teacher_id)
        return Removal(teacher.display_name, [_class_name(r) for r in rooms])


def classroom_removal(store: Store, classroom_id: str) -> Removal:
    with store.read() as s:
        room = _plan_classroom(s, classroom_id)
        return Removal(f"{room.teacher.display_name}'s {_class_name(room)}", [])


def _tombstone_class(s: Session, room: Classroom) -> None:
    for seat in s.scalars(
        select(Seat).where(Seat.classroom_id == room.id, Seat.deleted.is_(False))
    ):
        seat.deleted = True
    room.deleted = True


def delete_teacher(store: Store, teacher_id: str) -> None:
    """Deletes the teacher with their classes and seating charts (checked again, in the same
    transaction, so a visit started meanwhile on another window keeps them)."""
    with store.write() as s:
        teacher, rooms = _plan_teacher(s, teacher_id)
        for room in rooms:
            _tombstone_class(s, room)
        teacher.deleted = True


def delete_classroom(store: Store, classroom_id: str) -> None:
    with store.write() as s:
        _tombstone_class(s, _plan_classroom(s, classroom_id))
