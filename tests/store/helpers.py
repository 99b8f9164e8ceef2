"""Small builders for tests that need a visit to hang evidence on."""

from __future__ import annotations

from observe.store import Store
from observe.store.models import Classroom, LookFor, LookForSet, School, Teacher, Visit, VisitType


def make_visit(store: Store) -> tuple[str, list[str]]:
    """A school, teacher, classroom, visit and two look-fors: (visit id, look-for ids)."""
    with store.write() as s:
        school = School(name="Lincoln Middle")
        teacher = Teacher(school=school, display_name="Zoë Okafor")
        room = Classroom(teacher=teacher, subject="Science", grade="6", period="2")
        visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
        lset = LookForSet(name="Discourse")
        lookfors = [
            LookFor(lookfor_set=lset, code="D1", title="Students explain", hotkey=1),
            LookFor(lookfor_set=lset, code="D2", title="Students question", hotkey=2),
        ]
        s.add_all([school, teacher, room, visit, lset, *lookfors])
    return visit.id, [lf.id for lf in lookfors]
