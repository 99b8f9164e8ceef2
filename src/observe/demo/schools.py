"""The people and places of the demo: schools, teachers, their classrooms and seats, and the
district's look-for set that every visit is tagged against.

Planned first, because everything after it (walks, visits, cycles) picks rooms and look-fors
from here. Seats get a weight each so participation maps show the few students who speak a
lot and the ones who rarely do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from datetime import time as dtime

from observe.demo import phrases as P
from observe.demo.schoolyear import email_for
from observe.demo.year_plan import PlannedRoom, YearPlan
from observe.store.models import Classroom, LookFor, LookForSet, School, Seat, Teacher, Visibility
from observe.vocabulary import class_label

_LAYOUTS = (("tables", 4, 6), ("tables", 6, 4), ("rows", 5, 6), ("rows", 6, 5), ("pairs", 4, 8))


def plan_schools_and_rooms(plan: YearPlan) -> None:
    rng = plan.rng
    start = datetime.combine(plan.year_days[0] - timedelta(days=10), dtime(15), UTC)
    school_ids: list[str] = []
    for name, _band in P.SCHOOLS[: plan.scale.schools]:
        row = plan.new_record(start, Visibility.TEAM)
        row.update(name=name, timezone=plan.scale.timezone)
        plan.rows[School].append(row)
        school_ids.append(row["id"])
    for t, name in enumerate(P.TEACHER_NAMES[: plan.scale.teachers]):
        school = t % plan.scale.schools
        band = P.SCHOOLS[school][1]
        teacher = plan.new_record(start, Visibility.TEAM)
        teacher.update(school_id=school_ids[school], display_name=name, email=email_for(name))
        plan.rows[Teacher].append(teacher)
        family = P.FAMILY_ORDER[t % len(P.FAMILY_ORDER)]
        room_name = rng.choice(P.ROOM_PATTERNS[family]).format(
            n=rng.randint(101, 240), k=rng.randint(1, 4)
        )
        count = rng.randint(*plan.scale.classrooms_per_teacher)
        for period in sorted(rng.sample(range(1, 8), count)):
            _classroom(plan, teacher["id"], school, band, family, period, room_name, start)
            plan.rooms[-1].teacher_name = name
            plan.rooms[-1].teacher_email = teacher["email"]


def _classroom(
    plan: YearPlan,
    teacher_id: str,
    school: int,
    band: str,
    family: str,
    period: int,
    room_name: str,
    start: datetime,
) -> None:
    rng = plan.rng
    layout, rows, cols = rng.choice(_LAYOUTS)
    room = plan.new_record(start + timedelta(days=1), Visibility.PRIVATE)
    room.update(
        teacher_id=teacher_id,
        subject=rng.choice(P.SUBJECTS[family][band]),
        grade=rng.choice(P.GRADES[band]),
        period=str(period),
        room=room_name,
        rows=rows,
        cols=cols,
    )
    plan.rows[Classroom].append(room)
    # Rows layouts often have a few empty desks at the back.
    empty = rng.randint(0, 3) if layout == "rows" else 0
    seat_ids: list[str] = []
    weights: list[float] = []
    for r in range(rows):
        for c in range(cols):
            if r == rows - 1 and c >= cols - empty:
                continue
            group = None
            if layout == "tables":
                group = f"Table {(r // 2) * (cols // 2) + c // 2 + 1}"
            seat = plan.new_record(start + timedelta(days=1), Visibility.PRIVATE)
            seat.update(
                classroom_id=room["id"],
                label=f"{chr(ord('A') + r)}{c + 1}",
                row=r,
                col=c,
                group_label=group,
            )
            plan.rows[Seat].append(seat)
            seat_ids.append(seat["id"])
            # A few seats speak a lot and some rarely: that's what participation maps show.
            weights.append(rng.lognormvariate(0, 0.9))
    plan.rooms.append(
        PlannedRoom(room["id"], teacher_id, school, family, period, seat_ids, weights)
    )
    plan.rooms[-1].label = class_label(
        room["subject"], grade=room["grade"], period=room["period"], sep=", "
    )


def plan_lookfors(plan: YearPlan) -> None:
    start = datetime.combine(plan.year_days[0] - timedelta(days=7), dtime(16), UTC)
    lset = plan.new_record(start, Visibility.TEAM)
    lset.update(name=P.LOOKFOR_SET_NAME, description=P.LOOKFOR_SET_DESCRIPTION)
    plan.rows[LookForSet].append(lset)
    plan.lookfor_set_id = lset["id"]
    for position, (code, title, category, description) in enumerate(P.LOOKFORS):
        row = plan.new_record(start, Visibility.TEAM)
        row.update(
            set_id=lset["id"],
            code=code,
            title=title,
            description=description,
            category=category,
            hotkey=position + 1,
            position=position,
        )
        plan.rows[LookFor].append(row)
        plan.lookfor_ids[code] = row["id"]
