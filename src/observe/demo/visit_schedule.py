"""When the coach is in classrooms: learning walks, observations and student-listening
sessions, placed on past school days inside the room's period without overlapping.

A visit's detail rows (evidence, participation, feedback) are only counted here, so the plan's
total is exact before anything is written; ``visit_details`` makes them while writing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from observe.demo import phrases as P
from observe.demo.year_plan import (
    PERIOD_START,
    PERIOD_STRIDE,
    PlannedCycle,
    PlannedRoom,
    PlannedVisit,
    YearPlan,
)
from observe.ids import new_id
from observe.store.models import MeasureKind, School, Visibility, VisitType, Walk


def plan_walks(plan: YearPlan) -> None:
    rng = plan.rng
    by_school: dict[int, list[PlannedRoom]] = {}
    for room in plan.rooms:
        by_school.setdefault(room.school, []).append(room)
    for w in range(plan.scale.walks):
        school = w % plan.scale.schools
        rooms = by_school[school]
        title, focus = P.WALKS[rng.randrange(len(P.WALKS))]
        stops = min(len(rooms), rng.randint(*plan.scale.visits_per_walk))
        lengths = [rng.randint(8, 12) * 60 for _ in range(stops)]
        gaps = [rng.randint(2, 5) * 60 for _ in range(stops)]
        span = sum(lengths) + sum(gaps)
        for _attempt in range(8):
            day = rng.choice(plan.past_days)
            begin = rng.randint(8 * 60 + 30, 13 * 60) * 60
            if plan.reserve(day, begin, begin + span):
                break
        visibility = Visibility.TEAM if w % 3 == 0 else Visibility.PRIVATE
        walk = plan.new_record(plan.utc(day, begin), visibility, plan.utc(day, begin + span))
        walk.update(
            school_id=plan.rows[School][school]["id"],
            title=title,
            focus=focus,
            lookfor_set_id=plan.lookfor_set_id,
            started_at=plan.utc(day, begin),
            ended_at=plan.utc(day, begin + span - gaps[-1]),
        )
        plan.rows[Walk].append(walk)
        at = begin
        for room, length, gap in zip(rng.sample(rooms, stops), lengths, gaps, strict=True):
            talk = rng.random() < 0.5
            n_part = rng.randint(2, 8) if talk else 0
            plan.visits.append(
                PlannedVisit(
                    id=new_id(),
                    room=room,
                    visit_type=VisitType.LEARNING_WALK,
                    day=day,
                    start=plan.utc(day, at),
                    end=plan.utc(day, at + length),
                    visibility=visibility,
                    n_evidence=rng.randint(*plan.scale.walk_evidence),
                    n_participation=n_part,
                    voices=min(n_part, len(room.seat_ids), rng.randint(2, 6)),
                    feedback=rng.random() < 0.15,
                    walk_id=walk["id"],
                )
            )
            at += length + gap


def plan_observation(
    plan: YearPlan,
    room: PlannedRoom | None = None,
    visit_type: VisitType | None = None,
    day: date | None = None,
    cycle: PlannedCycle | None = None,
    growth: float = 0.0,
) -> None:
    """A classroom visit: anywhere and any kind when called bare; a cycle's step passes its
    room, kind, due day, and ``growth`` (0 to 1) so the visit's tallies show the cycle's
    progress on its measure."""
    rng = plan.rng
    room = room or rng.choice(plan.rooms)
    if visit_type is None:
        pick = rng.random()
        visit_type = (
            VisitType.MODELING
            if pick < 0.07
            else VisitType.CO_TEACHING
            if pick < 0.15
            else VisitType.COACHING_OBSERVATION
        )
    minutes = (40, 48) if visit_type is not VisitType.COACHING_OBSERVATION else (20, 45)
    if day is None:
        day, start, end = plan.period_slot(room, minutes)
    else:
        start = PERIOD_START + (room.period - 1) * PERIOD_STRIDE + rng.randint(0, 3) * 60
        end = start + rng.randint(*minutes) * 60
        plan.reserve(day, start, end)
    seats = len(room.seat_ids)
    voices = rng.randint(round(seats * 0.35), round(seats * 0.75))
    n_part = rng.randint(15, 45)
    if cycle is not None and cycle.measure is MeasureKind.DISTINCT_VOICES:
        voices = round(cycle.baseline + growth * (cycle.target - cycle.baseline - 1))
        voices += rng.randint(-1, 1)
    if cycle is not None and cycle.measure is MeasureKind.CONTRIBUTIONS:
        n_part = round(cycle.baseline + growth * (cycle.target - cycle.baseline))
        n_part += rng.randint(-3, 3)
    voices = max(1, min(voices, seats))
    n_part = max(n_part, voices)
    if visit_type is VisitType.COACHING_OBSERVATION:
        feedback = cycle is not None or rng.random() < 0.45
    else:
        feedback = visit_type is VisitType.CO_TEACHING and rng.random() < 0.3
    low, high = plan.scale.observation_evidence
    if visit_type is VisitType.MODELING:
        low, high = max(4, low * 2 // 3), max(6, high * 2 // 3)
    plan.visits.append(
        PlannedVisit(
            id=new_id(),
            room=room,
            visit_type=visit_type,
            day=day,
            start=plan.utc(day, start),
            end=plan.utc(day, end),
            visibility=Visibility.PRIVATE,
            n_evidence=rng.randint(low, high),
            n_participation=n_part,
            voices=voices,
            feedback=feedback,
            cycle=cycle,
            growth=growth,
        )
    )


def plan_listening(plan: YearPlan) -> None:
    rng = plan.rng
    room = rng.choice(plan.rooms)
    day, start, end = plan.period_slot(room, (25, 35))
    prompt_ids = rng.sample(range(len(P.LISTENING)), rng.randint(3, 5))
    responses = [rng.randint(2, min(5, len(P.LISTENING[p][1]))) for p in prompt_ids]
    notes = rng.randint(1, 2)
    plan.visits.append(
        PlannedVisit(
            id=new_id(),
            room=room,
            visit_type=VisitType.STUDENT_LISTENING,
            day=day,
            start=plan.utc(day, start),
            end=plan.utc(day, end),
            visibility=Visibility.PRIVATE,
            n_evidence=sum(responses) + notes,
            n_participation=0,
            voices=0,
            feedback=False,
            prompt_ids=prompt_ids,
            responses=responses,
            listening_notes=notes,
        )
    )


def visit_row(plan: YearPlan, v: PlannedVisit) -> dict[str, Any]:
    """Made once every visit is planned and sorted by time (some draw a focus at random)."""
    row = plan.new_record(v.start, v.visibility, v.end)
    row["id"] = v.id
    prompts = [P.LISTENING[p][0] for p in v.prompt_ids] or None
    focus = None
    if v.cycle is not None:
        focus = v.cycle.focus
    elif v.visit_type is VisitType.STUDENT_LISTENING:
        focus = "Student listening: how students experience discussion in this class"
    elif v.visit_type is not VisitType.LEARNING_WALK:
        focus = plan.rng.choice(P.OBSERVATION_FOCUS)
    row.update(
        classroom_id=v.room.id,
        walk_id=v.walk_id,
        cycle_id=v.cycle.id if v.cycle else None,
        visit_type=v.visit_type,
        started_at=v.start,
        ended_at=v.end,
        focus=focus,
        prompts=prompts,
    )
    return row
