"""Sharing a coaching cycle with its teacher: what the teacher may read, as one document.

As with feedback (``observe.feedback.publish``), sharing publishes a copy inside the cycle
record (``published``) and the server and the teacher's pages read only that: the focus, the
student-learning goal, the dates, each action step's title, kind and whether it is done, and the
measure before → after computed by the same rule as the app's cycle window
(``observe.cyclemeasure`` through ``observe.coaching.measures``). Step notes, the coach's
closing reflection and every evidence text stay in the coach's profile. The copy is written
again each time a shared cycle is saved, so the teacher reads what the coach's window shows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.clock import utcnow
from observe.coaching.labels import CYCLE_STATUS_LABELS, STEP_KIND_LABELS, STEP_STATUS_LABELS
from observe.coaching.measures import progress_in
from observe.errors import UsageError
from observe.feedback.publish import missing_email_sentence
from observe.i18n import _
from observe.settings import COACH_NAME_KEY
from observe.settings import get as get_setting
from observe.store import Store
from observe.store.models import (
    CoachingCycle,
    CycleStep,
    MeasureKind,
    StepStatus,
    Teacher,
    Visibility,
)
from observe.store.snapshot import to_json_value

FORMAT = 1
WHAT = "a shared cycle"
#: What the measure counts, in the words the teacher's page puts after a number.
UNITS: dict[MeasureKind, str] = {
    MeasureKind.DISTINCT_VOICES: "students who spoke",
    MeasureKind.CONTRIBUTIONS: "contributions",
    MeasureKind.LOOKFOR_FREQUENCY: "evidence items marked seen",
}


def coach_name(store: Store) -> str | None:
    """The name the coach prints (Settings), read before a write opens its transaction."""
    return (get_setting(store, COACH_NAME_KEY) or "").strip() or None


def _live_cycle(s: Session, cycle_id: str) -> CoachingCycle:
    cycle = s.get(CoachingCycle, cycle_id)
    if cycle is None or cycle.deleted:
        raise UsageError(_("That coaching cycle was deleted; nothing was shared."))
    return cycle


def _teacher(s: Session, cycle: CoachingCycle) -> tuple[str, str | None]:
    teacher = s.get(Teacher, cycle.teacher_id)
    name = teacher.display_name if teacher is not None else "The teacher"
    email = ((teacher.email if teacher is not None else None) or "").strip().lower()
    return name, email or None


def _measure(s: Session, cycle: CoachingCycle) -> dict[str, Any] | None:
    if cycle.measure_kind is None:
        return None
    progress = progress_in(s, cycle)
    measured = progress.measured
    end = progress.end_point
    before_point = measured[0] if measured else None
    out_of = (end.out_of if end is not None else None) or (
        before_point.out_of if before_point is not None else None
    )
    if progress.baseline is not None:
        before_from = "baseline"
    else:
        before_from = "first measured visit" if before_point is not None else None
    return {
        "label": progress.measure_name,
        "unit": UNITS.get(cycle.measure_kind),
        "before": progress.start_value,
        "before_from": before_from,
        "after": end.value if end is not None else None,
        "out_of": out_of,
        "target": progress.target,
        "target_met": progress.target_met,
        "measured_visits": len(measured),
        "sentence": progress.sentence(),
    }


def published_cycle(
    s: Session, cycle: CoachingCycle, *, coach: str | None, shared_at: datetime
) -> dict[str, Any]:
    """The teacher's copy of the cycle (format 1); refuses (UsageError) without the teacher's
    email, which is how the teacher signs in to read it."""
    name, email = _teacher(s, cycle)
    if email is None:
        raise UsageError(missing_email_sentence(name, WHAT) + " Nothing was saved.")
    steps = s.scalars(
        select(CycleStep)
        .where(CycleStep.cycle_id == cycle.id, CycleStep.deleted.is_(False))
        .order_by(CycleStep.position, CycleStep.created_at)
    )
    return {
        "format": FORMAT,
        "teacher_email": email,
        "teacher_name": name,
        "coach_name": coach,
        "focus": cycle.focus,
        "student_goal": cycle.student_goal,
        "status": CYCLE_STATUS_LABELS[cycle.status],
        "started_on": to_json_value(cycle.started_on),
        "ended_on": to_json_value(cycle.ended_on),
        "steps": [
            {
                "title": st.title,
                "kind": STEP_KIND_LABELS[st.step_kind],
                "status": STEP_STATUS_LABELS[st.status],
                "done": st.status is StepStatus.DONE,
                "due_on": to_json_value(st.due_on),
                "done_on": to_json_value(st.done_on),
            }
            for st in steps
        ],
        "measure": _measure(s, cycle),
        "shared_at": to_json_value(shared_at),
    }


def refresh(s: Session, cycle: CoachingCycle, coach: str | None) -> None:
    """Writes the teacher's copy again from what is saved (inside the saving transaction), or
    clears it while the cycle is private. Unchanged content leaves the record untouched."""
    if cycle.visibility is Visibility.TEACHER and not cycle.deleted:
        old = cycle.published if isinstance(cycle.published, dict) else {}
        when = old.get("shared_at")
        shared_at = datetime.fromisoformat(when.replace("Z", "+00:00")) if when else utcnow()
        new = published_cycle(s, cycle, coach=coach, shared_at=shared_at)
    else:
        new = None
    if cycle.published != new:
        cycle.published = new


def share_cycle(store: Store, cycle_id: str, share: bool) -> None:
    """Shares the cycle with its teacher (visibility "teacher", the copy published) or makes
    it private again (the copy cleared: the teacher's page goes on their next load)."""
    coach = coach_name(store)
    with store.write() as s:
        cycle = _live_cycle(s, cycle_id)
        name, email = _teacher(s, cycle)
        if share and email is None:
            raise UsageError(missing_email_sentence(name, WHAT) + _(" The cycle is still private."))
        wanted = Visibility.TEACHER if share else Visibility.PRIVATE
        if cycle.visibility is not wanted:
            cycle.visibility = wanted
        refresh(s, cycle, coach)


def is_shared(store: Store, cycle_id: str) -> bool:
    """Whether the cycle is shared with its teacher (the window's Share box starts so)."""
    with store.read() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        return cycle is not None and not cycle.deleted and cycle.visibility is Visibility.TEACHER


def share_blocker(store: Store, cycle_id: str) -> str | None:
    """Why this cycle can't be shared (its teacher has no email in the roster), or None."""
    with store.read() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            return None
        name, email = _teacher(s, cycle)
        return None if email else missing_email_sentence(name, WHAT)
