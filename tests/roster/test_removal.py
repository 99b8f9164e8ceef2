"""Deleting a teacher or class: only while nothing was observed with them, and it syncs."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from observe.capture import visits
from observe.capture.visit_removal import delete_visit
from observe.errors import UsageError
from observe.roster import removal as roster_removal
from observe.store.models import (
    Classroom,
    CoachingCycle,
    OutboxOp,
    School,
    Seat,
    Teacher,
    VisitType,
)

from ..capture.test_capture_core import chart


@pytest.fixture
def staff(store) -> dict[str, str]:
    with store.write() as s:
        school = School(name="Lincoln Middle")
        zoe = Teacher(school=school, display_name="Zoë Okafor")
        typo = Teacher(school=school, display_name="Zoe Okafr")
        science = Classroom(teacher=zoe, subject="Science", period="2")
        extra = Classroom(teacher=typo, subject="Science", period="2")
        other = Classroom(teacher=typo, subject="Math 6")
        s.add_all([school, zoe, typo, science, extra, other])
    return {"zoe": zoe.id, "typo": typo.id, "science": science.id, "extra": extra.id}


def _deleted(store, model, record_id: str) -> bool:
    with store.read() as s:
        return s.get_one(model, record_id).deleted


def test_a_duplicate_teacher_goes_with_their_classes_and_seats(store, staff):
    chart(store, staff["extra"], ["Table 1", "Table 1"])
    removal = roster_removal.teacher_removal(store, staff["typo"])
    assert removal.question() == (
        "Delete Zoe Okafr and their 2 classes (Math 6, Science, period 2)? This can't be undone."
    )
    with store.read() as s:
        seq = max(s.scalars(select(OutboxOp.seq)))

    roster_removal.delete_teacher(store, staff["typo"])

    assert _deleted(store, Teacher, staff["typo"]) and _deleted(store, Classroom, staff["extra"])
    with store.read() as s:
        assert all(seat.deleted for seat in s.scalars(select(Seat)))
        queued = set(s.scalars(select(OutboxOp.record_id).where(OutboxOp.seq > seq)))
    assert {staff["typo"], staff["extra"]} <= queued and len(queued) == 5  # + class, 2 seats
    assert not _deleted(store, Teacher, staff["zoe"])
    with pytest.raises(UsageError, match="no longer in this profile"):
        roster_removal.delete_teacher(store, staff["typo"])


def test_a_teacher_or_class_with_visits_or_a_cycle_stays(store, staff):
    visit = visits.start_visit(store, staff["science"], VisitType.COACHING_OBSERVATION)
    with pytest.raises(UsageError, match="Zoë Okafor has 1 visit, so they stay"):
        roster_removal.teacher_removal(store, staff["zoe"])
    with pytest.raises(UsageError, match="Science, period 2 has 1 visit, so it stays"):
        roster_removal.delete_classroom(store, staff["science"])
    assert not _deleted(store, Classroom, staff["science"])

    delete_visit(store, visit.id)  # the visit was the mistake: now the class can go
    assert roster_removal.classroom_removal(store, staff["science"]).question() == (
        "Delete Zoë Okafor's Science, period 2? This can't be undone."
    )
    roster_removal.delete_classroom(store, staff["science"])
    assert _deleted(store, Classroom, staff["science"])

    with store.write() as s:
        s.add(CoachingCycle(teacher_id=staff["zoe"], focus="Student discourse"))
    with pytest.raises(UsageError, match="1 coaching cycle"):
        roster_removal.delete_teacher(store, staff["zoe"])
