"""The coach's time log: an entry per walk and per classroom visit, plus the weekly meetings
and duties that fill the rest of a coach's week (what the log's totals and charts show).
"""

from __future__ import annotations

from datetime import date, timedelta

from observe.demo import phrases as P
from observe.demo.year_plan import YearPlan
from observe.store.models import CoachingLogEntry, LogActivity, Visibility, VisitType, Walk


def log_entry(
    plan: YearPlan,
    day: date,
    activity: LogActivity,
    minutes: int,
    note: str,
    *,
    visit_id: str | None = None,
    cycle_id: str | None = None,
) -> None:
    """Logged at a quarter to four, after school, when a coach catches up on the log."""
    row = plan.new_record(plan.utc(day, 15 * 3600 + 45 * 60), Visibility.PRIVATE)
    row.update(
        occurred_on=day,
        minutes=minutes,
        activity=activity,
        note=note,
        visit_id=visit_id,
        cycle_id=cycle_id,
        auto_minutes=None,
    )
    plan.rows[CoachingLogEntry].append(row)


def plan_log_entries(plan: YearPlan) -> None:
    """One entry per walk and per classroom visit, plus the weekly meetings and duties."""
    rng = plan.rng
    walks = {w["id"]: w for w in plan.rows[Walk]}
    logged_walks: set[str] = set()
    for v in plan.visits:
        if v.walk_id is not None:
            if v.walk_id in logged_walks:
                continue
            logged_walks.add(v.walk_id)
            walk = walks[v.walk_id]
            minutes = int((walk["ended_at"] - walk["started_at"]).total_seconds() // 60) + 20
            note = f"{rng.choice(P.LOG_NOTES['learning_walk'])}: {walk['title']}"
            log_entry(plan, v.day, LogActivity.LEARNING_WALK, minutes, note)
            continue
        minutes = int((v.end - v.start).total_seconds() // 60) + rng.randint(10, 25)
        note = rng.choice(P.LOG_NOTES["coaching_cycle"])
        if v.visit_type is VisitType.STUDENT_LISTENING:
            note = "Student listening session and notes for the teacher"
        log_entry(
            plan,
            v.day,
            LogActivity.COACHING_CYCLE,
            minutes,
            note,
            visit_id=v.id,
            cycle_id=v.cycle.id if v.cycle else None,
        )
    weeks: dict[date, list[date]] = {}
    for day in plan.past_days:
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(day)
    for number, days in enumerate(weeks.values()):
        log_entry(
            plan,
            rng.choice(days),
            LogActivity.PLC,
            rng.choice((45, 50, 60)),
            rng.choice(P.LOG_NOTES["plc"]),
        )
        for _ in range(rng.randint(1, 2)):
            log_entry(
                plan,
                rng.choice(days),
                LogActivity.ADMIN,
                rng.randint(3, 9) * 10,
                rng.choice(P.LOG_NOTES["admin"]),
            )
        for _ in range(rng.randint(0, 2)):
            log_entry(
                plan,
                rng.choice(days),
                LogActivity.OTHER_DUTY,
                rng.choice((20, 25, 30)),
                rng.choice(P.LOG_NOTES["other_duty"]),
            )
        if number % 3 == 2:
            log_entry(
                plan,
                rng.choice(days),
                LogActivity.DATA_MEETING,
                60,
                rng.choice(P.LOG_NOTES["data_meeting"]),
            )
