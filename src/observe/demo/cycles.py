"""Coaching cycles: their steps, the visits a done step stands for, and the student survey and
assessment counts before and after.

A cycle's observations are planned here (not with the other visits) because their measure
should move from baseline toward target across the cycle, so each carries how far along it is.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from observe.demo import phrases as P
from observe.demo.coaching_log import log_entry
from observe.demo.schoolyear import day_at
from observe.demo.visit_schedule import plan_observation
from observe.demo.year_plan import PlannedCycle, YearPlan
from observe.store.models import (
    CoachingCycle,
    CycleAssessment,
    CycleStatus,
    CycleStep,
    CycleSurvey,
    LogActivity,
    MeasureKind,
    StepKind,
    StepStatus,
    Visibility,
    VisitType,
)

_STEP_VISITS = {
    StepKind.OBSERVE: VisitType.COACHING_OBSERVATION,
    StepKind.MODEL: VisitType.MODELING,
    StepKind.CO_TEACH: VisitType.CO_TEACHING,
}


_AGREE5 = ("Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree")


def _agree_counts(rng: random.Random, answered: int, share: float) -> list[int]:
    """Five counts (most agreeing first) of ``answered`` students, about ``share`` agreeing."""
    agree = min(answered, max(0, round(answered * share)))
    strong = rng.randint(agree // 4, agree // 2)
    rest = answered - agree
    neutral = rng.randint(rest // 3, rest // 2)
    disagree = rng.randint(0, rest - neutral)
    return [strong, agree - strong, neutral, disagree, rest - neutral - disagree]


def plan_cycles(plan: YearPlan) -> None:
    rng = plan.rng
    past, year = plan.past_days, plan.year_days
    year_over = len(past) >= len(year)
    length = min(30, max(10, len(past) // 2))
    statuses = [CycleStatus.COMPLETED, CycleStatus.ACTIVE, CycleStatus.PLANNED]
    pattern = (
        CycleStatus.COMPLETED,
        CycleStatus.ACTIVE,
        CycleStatus.COMPLETED,
        CycleStatus.ACTIVE,
        CycleStatus.PLANNED,
    )
    statuses += [pattern[j % len(pattern)] for j in range(max(0, plan.scale.cycles - 3))]
    teachers = {room.teacher_id: room for room in reversed(plan.rooms)}
    chosen = rng.sample(list(teachers.values()), min(plan.scale.cycles, len(teachers)))
    for i, room in enumerate(chosen):
        status = statuses[i]
        if status is CycleStatus.ACTIVE and year_over:
            status = CycleStatus.COMPLETED
        focus, goal, measure, code, baseline, target, reflection = P.CYCLES[i % len(P.CYCLES)]
        if status is CycleStatus.COMPLETED:
            first = rng.randint(0, len(past) - length - 1)
        elif status is CycleStatus.ACTIVE:
            first = len(past) - rng.randint(max(5, length // 3), max(6, length * 2 // 3))
        else:
            first = len(past) + rng.randint(3, 10)
        steps = len(P.CYCLE_STEPS)
        due = [day_at(year, first + round(j * (length - 1) / (steps - 1))) for j in range(steps)]
        last_past = past[-1]
        created = plan.utc(min(due[0], last_past) - timedelta(days=3), 15 * 3600)
        cycle_row = plan.new_record(created, Visibility.TEACHER, plan.utc(last_past, 16 * 3600))
        cycle = PlannedCycle(
            cycle_row["id"],
            room,
            focus,
            MeasureKind(measure),
            code,
            float(baseline),
            float(target),
        )
        cycle_row.update(
            teacher_id=room.teacher_id,
            focus=focus,
            student_goal=goal,
            measure_kind=cycle.measure,
            measure_lookfor_id=plan.lookfor_ids.get(code),
            baseline=cycle.baseline,
            target=cycle.target,
            status=status,
            started_on=due[0],
            ended_on=due[-1] if status is CycleStatus.COMPLETED else None,
            reflection=reflection if status is CycleStatus.COMPLETED else None,
            published=None,  # the demo's cycles are not shared with their teachers
        )
        plan.rows[CoachingCycle].append(cycle_row)
        _student_evidence(plan, i, cycle, status, due, last_past)
        skip = rng.choice((3, 4)) if status is CycleStatus.COMPLETED and rng.random() < 0.5 else -1
        for position, ((kind, title), due_on) in enumerate(zip(P.CYCLE_STEPS, due, strict=True)):
            step_kind = StepKind(kind)
            done = due_on <= last_past and status is not CycleStatus.PLANNED
            step_status = StepStatus.DONE if done else StepStatus.PLANNED
            notes = rng.choice(P.STEP_NOTES[kind]) if done else None
            if position == skip:
                step_status, notes, done = StepStatus.SKIPPED, P.SKIPPED_NOTE, False
            step = plan.new_record(
                created, Visibility.TEACHER, plan.utc(min(due_on, last_past), 16 * 3600)
            )
            step.update(
                cycle_id=cycle.id,
                step_kind=step_kind,
                title=title,
                due_on=due_on,
                done_on=due_on if done else None,
                status=step_status,
                notes=notes,
                position=position,
            )
            plan.rows[CycleStep].append(step)
            if done and step_kind in _STEP_VISITS:
                plan_observation(
                    plan,
                    room,
                    _STEP_VISITS[step_kind],
                    due_on,
                    cycle,
                    growth=position / (steps - 1),
                )
            elif done:
                log_entry(
                    plan,
                    due_on,
                    LogActivity.COACHING_CYCLE,
                    rng.randint(30, 50),
                    title,
                    cycle_id=cycle.id,
                )


def _student_evidence(
    plan: YearPlan,
    i: int,
    cycle: PlannedCycle,
    status: CycleStatus,
    due: list[date],
    last_past: date,
) -> None:
    """A student survey before and after each completed cycle (only before while one is
    active), and a common task's scores before and after every other completed cycle:
    counts only, as an import would keep them, the after better than the before."""
    if status is CycleStatus.PLANNED or due[0] > last_past:
        return
    rng = plan.evidence_rng
    phases = [("before", due[0])]
    if status is CycleStatus.COMPLETED:
        phases.append(("after", due[-1]))
    questions = P.SURVEY_QUESTIONS[i % len(P.SURVEY_QUESTIONS)]
    students = rng.randint(22, 30)
    lifts = [rng.uniform(0.12, 0.32) for _ in questions]
    starts = [rng.uniform(0.3, 0.5) for _ in questions]
    for phase, day in phases:
        answered = students - rng.randint(0, 3)
        row = plan.new_record(plan.utc(day, 15 * 3600), Visibility.PRIVATE)
        row.update(
            cycle_id=cycle.id,
            phase=phase,
            title=f"Student survey ({phase})",
            source="paper",
            respondents=answered,
            questions=[
                {
                    "text": text,
                    "scale": "agree5",
                    "options": list(_AGREE5),
                    "counts": _agree_counts(
                        rng, answered, start + (lift if phase == "after" else 0.0)
                    ),
                    "agree": [0, 1],
                }
                for text, start, lift in zip(questions, starts, lifts, strict=True)
            ],
        )
        plan.rows[CycleSurvey].append(row)
    if status is not CycleStatus.COMPLETED or i % 2:
        return
    share = rng.uniform(0.3, 0.5)
    for phase, day in phases:
        meeting = round(students * (share + (0.25 if phase == "after" else 0.0)))
        low = students - meeting
        ones = rng.randint(0, low // 3)
        fours = rng.randint(0, meeting // 2)
        scores = [[1.0, ones], [2.0, low - ones], [3.0, meeting - fours], [4.0, fours]]
        row = plan.new_record(plan.utc(day, 15 * 3600 + 60), Visibility.PRIVATE)
        row.update(
            cycle_id=cycle.id,
            phase=phase,
            title=P.ASSESSMENT_TITLES[i % len(P.ASSESSMENT_TITLES)],
            meets=3.0,
            out_of=4.0,
            students=students,
            scores=[pair for pair in scores if pair[1]],
        )
        plan.rows[CycleAssessment].append(row)
