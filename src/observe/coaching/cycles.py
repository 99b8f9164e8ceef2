"""Coaching cycles: a focus with one teacher, a student-learning goal, a measure, action steps.

A cycle is saved whole (the cycle and its steps in one transaction) from a :class:`CycleDraft`,
the shape the editor fills in, so a half-valid form never leaves half a cycle behind. Steps
keep their ids across edits; removed steps are tombstoned like every synced record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from observe.coaching import cycle_share
from observe.errors import UsageError
from observe.i18n import _
from observe.store import Store
from observe.store.models import (
    Classroom,
    CoachingCycle,
    CoachingLogEntry,
    CycleAssessment,
    CycleStatus,
    CycleStep,
    CycleSurvey,
    LookFor,
    MeasureKind,
    SampleScore,
    StepKind,
    StepStatus,
    Teacher,
    Visit,
    VisitType,
)

FOCUS_MAX = 500
TEXT_MAX = 4000
STEP_TITLE_MAX = 300
MAX_STEPS = 40


@dataclass(frozen=True)
class StepDraft:
    kind: StepKind
    title: str
    due_on: date | None = None
    status: StepStatus = StepStatus.PLANNED
    done_on: date | None = None
    notes: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class CycleDraft:
    teacher_id: str
    focus: str
    student_goal: str | None = None
    measure_kind: MeasureKind | None = None
    measure_lookfor_id: str | None = None
    baseline: float | None = None
    target: float | None = None
    status: CycleStatus = CycleStatus.ACTIVE
    started_on: date | None = None
    ended_on: date | None = None
    reflection: str | None = None
    steps: tuple[StepDraft, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CycleRow:
    """A line of the cycle list."""

    id: str
    teacher_id: str
    teacher_name: str
    focus: str
    status: CycleStatus
    measure_kind: MeasureKind | None
    started_on: date | None
    ended_on: date | None
    visits: int
    steps_done: int
    steps_total: int


@dataclass(frozen=True)
class VisitChoice:
    """A visit that could be linked to a cycle (one of the teacher's classrooms)."""

    id: str
    started_at: datetime
    visit_type: VisitType
    subject: str
    cycle_id: str | None


def _text(value: str | None, limit: int, what: str) -> str | None:
    text = (value or "").strip()
    if len(text) > limit:
        raise UsageError(
            _("The {what} is longer than {limit} characters; shorten it.").format(
                what=what, limit=limit
            )
        )
    return text or None


def validate(s: Session, draft: CycleDraft) -> CycleDraft:
    """The draft tidied, or a :class:`UsageError` naming the first thing to fix."""
    teacher = s.get(Teacher, draft.teacher_id) if draft.teacher_id else None
    if teacher is None or teacher.deleted:
        raise UsageError(_("Choose the teacher this cycle is with."))
    focus = _text(draft.focus, FOCUS_MAX, "focus")
    if not focus:
        raise UsageError(
            _("Give the cycle a focus, for example “Widen participation in discussion”.")
        )
    goal = _text(draft.student_goal, TEXT_MAX, "student-learning goal")
    reflection = _text(draft.reflection, TEXT_MAX, "reflection")
    kind = MeasureKind(draft.measure_kind) if draft.measure_kind else None
    lookfor_id = draft.measure_lookfor_id if kind is MeasureKind.LOOKFOR_FREQUENCY else None
    if kind is MeasureKind.LOOKFOR_FREQUENCY:
        lookfor = s.get(LookFor, lookfor_id) if lookfor_id else None
        if lookfor is None or lookfor.deleted:
            raise UsageError(_("Choose the look-for whose frequency measures this cycle."))
    for name, value in (("baseline", draft.baseline), ("target", draft.target)):
        if value is not None and (value < 0 or value != value):
            raise UsageError(_("The {name} must be a number of 0 or more.").format(name=name))
    if kind is None and (draft.baseline is not None or draft.target is not None):
        raise UsageError(_("Choose a success measure before giving a baseline or target."))
    if draft.started_on and draft.ended_on and draft.ended_on < draft.started_on:
        raise UsageError(_("The cycle can't end before it starts; check the dates."))
    status = CycleStatus(draft.status)
    if len(draft.steps) > MAX_STEPS:
        raise UsageError(
            _("A cycle can have at most {MAX_STEPS} action steps.").format(MAX_STEPS=MAX_STEPS)
        )
    steps = []
    for n, step in enumerate(draft.steps, start=1):
        title = _text(step.title, STEP_TITLE_MAX, f"title of step {n}")
        if not title:
            raise UsageError(_("Action step {n} needs a title (what will happen).").format(n=n))
        step_status = StepStatus(step.status)
        done_on = step.done_on if step_status is StepStatus.DONE else None
        steps.append(
            replace(
                step,
                kind=StepKind(step.kind),
                title=title,
                status=step_status,
                done_on=done_on,
                notes=_text(step.notes, TEXT_MAX, f"notes of step {n}"),
            )
        )
    return replace(
        draft,
        focus=focus,
        student_goal=goal,
        reflection=reflection,
        measure_kind=kind,
        measure_lookfor_id=lookfor_id,
        status=status,
        steps=tuple(steps),
    )


def save_cycle(store: Store, draft: CycleDraft, cycle_id: str | None = None) -> str:
    """Creates (``cycle_id`` None) or updates a cycle and its steps; returns its id. A cycle
    shared with its teacher gets its teacher's copy written again (``cycle_share``)."""
    coach = cycle_share.coach_name(store)
    with store.write() as s:
        clean = validate(s, draft)
        if cycle_id is None:
            cycle = CoachingCycle(teacher_id=clean.teacher_id, focus=clean.focus)
            s.add(cycle)
        else:
            found = s.get(CoachingCycle, cycle_id)
            if found is None or found.deleted:
                raise UsageError(_("That coaching cycle was deleted; nothing was saved."))
            cycle = found
        values = {
            "teacher_id": clean.teacher_id,
            "focus": clean.focus,
            "student_goal": clean.student_goal,
            "measure_kind": clean.measure_kind,
            "measure_lookfor_id": clean.measure_lookfor_id,
            "baseline": clean.baseline,
            "target": clean.target,
            "status": clean.status,
            "started_on": clean.started_on,
            "ended_on": clean.ended_on,
            "reflection": clean.reflection,
        }
        _assign(cycle, values)
        s.flush()
        _save_steps(s, cycle.id, clean.steps)
        s.flush()
        cycle_share.refresh(s, cycle, coach)
        return cycle.id


def _assign(record: object, values: dict[str, object]) -> None:
    # Only real changes: an untouched field must not make an outbox row look like an edit.
    for key, value in values.items():
        if getattr(record, key) != value:
            setattr(record, key, value)


def _save_steps(s: Session, cycle_id: str, steps: Sequence[StepDraft]) -> None:
    existing = {
        step.id: step
        for step in s.scalars(
            select(CycleStep).where(CycleStep.cycle_id == cycle_id, CycleStep.deleted.is_(False))
        )
    }
    kept: set[str] = set()
    for position, draft in enumerate(steps):
        values = {
            "step_kind": draft.kind,
            "title": draft.title,
            "due_on": draft.due_on,
            "status": draft.status,
            "done_on": draft.done_on,
            "notes": draft.notes,
            "position": position,
        }
        step = existing.get(draft.id) if draft.id else None
        if step is None:
            s.add(CycleStep(cycle_id=cycle_id, **values))
        else:
            kept.add(step.id)
            _assign(step, values)
    for step_id, step in existing.items():
        if step_id not in kept:
            step.deleted = True


def load_cycle(store: Store, cycle_id: str) -> CycleDraft:
    with store.read() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            raise UsageError(_("That coaching cycle was deleted."))
        steps = s.scalars(
            select(CycleStep)
            .where(CycleStep.cycle_id == cycle_id, CycleStep.deleted.is_(False))
            .order_by(CycleStep.position, CycleStep.created_at)
        )
        return CycleDraft(
            teacher_id=cycle.teacher_id,
            focus=cycle.focus,
            student_goal=cycle.student_goal,
            measure_kind=cycle.measure_kind,
            measure_lookfor_id=cycle.measure_lookfor_id,
            baseline=cycle.baseline,
            target=cycle.target,
            status=cycle.status,
            started_on=cycle.started_on,
            ended_on=cycle.ended_on,
            reflection=cycle.reflection,
            steps=tuple(
                StepDraft(
                    kind=st.step_kind,
                    title=st.title,
                    due_on=st.due_on,
                    status=st.status,
                    done_on=st.done_on,
                    notes=st.notes,
                    id=st.id,
                )
                for st in steps
            ),
        )


def close_cycle(store: Store, cycle_id: str, reflection: str, ended_on: date) -> None:
    """Completes a cycle with the reflection the coach and teacher wrote together."""
    text = _text(reflection, TEXT_MAX, "reflection")
    if not text:
        raise UsageError(
            _("Write the closing reflection first: what changed for students, and why.")
        )
    coach = cycle_share.coach_name(store)
    with store.write() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            raise UsageError(_("That coaching cycle was deleted; nothing was saved."))
        if cycle.started_on and ended_on < cycle.started_on:
            raise UsageError(_("The cycle can't end before it starts; check the date."))
        _assign(
            cycle,
            {"status": CycleStatus.COMPLETED, "reflection": text, "ended_on": ended_on},
        )
        cycle_share.refresh(s, cycle, coach)


def delete_cycle(store: Store, cycle_id: str) -> None:
    """Tombstones the cycle, its steps, surveys, assessment results and work samples' scores;
    linked visits and log entries lose the link."""
    with store.write() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            return
        cycle.deleted = True
        for model in (CycleStep, CycleSurvey, CycleAssessment, SampleScore):
            for child in s.scalars(select(model).where(model.cycle_id == cycle_id)):
                if not child.deleted:
                    child.deleted = True
        for visit in s.scalars(select(Visit).where(Visit.cycle_id == cycle_id)):
            visit.cycle_id = None
        for entry in s.scalars(
            select(CoachingLogEntry).where(CoachingLogEntry.cycle_id == cycle_id)
        ):
            entry.cycle_id = None


def list_cycles(store: Store) -> list[CycleRow]:
    """Every live cycle: active first, then planned, then completed; newest first within."""
    with store.read() as s:
        visits = dict(
            s.execute(
                select(Visit.cycle_id, func.count())
                .where(Visit.cycle_id.is_not(None), Visit.deleted.is_(False))
                .group_by(Visit.cycle_id)
            ).all()
        )
        steps: dict[str, tuple[int, int]] = {}
        for cycle_id, status, n in s.execute(
            select(CycleStep.cycle_id, CycleStep.status, func.count())
            .where(CycleStep.deleted.is_(False))
            .group_by(CycleStep.cycle_id, CycleStep.status)
        ):
            done, total = steps.get(cycle_id, (0, 0))
            steps[cycle_id] = (done + (n if status is StepStatus.DONE else 0), total + n)
        rows = s.execute(
            select(CoachingCycle, Teacher.display_name)
            .join(Teacher, Teacher.id == CoachingCycle.teacher_id)
            .where(CoachingCycle.deleted.is_(False))
        ).all()
    order = {CycleStatus.ACTIVE: 0, CycleStatus.PLANNED: 1, CycleStatus.COMPLETED: 2}
    out = [
        CycleRow(
            id=c.id,
            teacher_id=c.teacher_id,
            teacher_name=name,
            focus=c.focus,
            status=c.status,
            measure_kind=c.measure_kind,
            started_on=c.started_on,
            ended_on=c.ended_on,
            visits=visits.get(c.id, 0),
            steps_done=steps.get(c.id, (0, 0))[0],
            steps_total=steps.get(c.id, (0, 0))[1],
        )
        for c, name in rows
    ]
    out.sort(
        key=lambda r: (
            order[r.status],
            -(r.started_on or date.min).toordinal(),
            r.teacher_name.casefold(),
        )
    )
    return out


def visit_choices(store: Store, cycle_id: str) -> list[VisitChoice]:
    """Visits in the cycle teacher's classrooms, newest first, with the cycle each is in."""
    with store.read() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None:
            return []
        rows = s.execute(
            select(Visit, Classroom.subject)
            .join(Classroom, Classroom.id == Visit.classroom_id)
            .where(Classroom.teacher_id == cycle.teacher_id, Visit.deleted.is_(False))
            .order_by(Visit.started_at.desc())
        ).all()
    return [VisitChoice(v.id, v.started_at, v.visit_type, subj, v.cycle_id) for v, subj in rows]


def link_visits(store: Store, cycle_id: str, visit_ids: Sequence[str]) -> None:
    """Makes exactly ``visit_ids`` (of the teacher's visits) the cycle's visits.

    The visits' log entries follow, so their minutes count as that cycle's work.
    """
    wanted = set(visit_ids)
    coach = cycle_share.coach_name(store)
    with store.write() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            raise UsageError(_("That coaching cycle was deleted; nothing was changed."))
        rows = s.execute(
            select(Visit, Classroom.teacher_id)
            .join(Classroom, Classroom.id == Visit.classroom_id)
            .where((Visit.cycle_id == cycle_id) | Visit.id.in_(wanted))
        ).all()
        found = {v.id for v, _ in rows}
        missing = wanted - found
        if missing:
            raise UsageError(_("Some of those visits no longer exist; nothing was changed."))
        others = [v for v, teacher in rows if v.id in wanted and teacher != cycle.teacher_id]
        if others:
            raise UsageError(
                _(
                    "Only visits to this teacher's classes can be part of the cycle; nothing "
                    "was changed."
                )
            )
        for visit, _teacher in rows:
            new = cycle_id if visit.id in wanted else None
            if visit.cycle_id != new:
                visit.cycle_id = new
                for entry in s.scalars(
                    select(CoachingLogEntry).where(CoachingLogEntry.visit_id == visit.id)
                ):
                    if entry.cycle_id != new:
                        entry.cycle_id = new
        s.flush()
        cycle_share.refresh(s, cycle, coach)  # the measure's visits changed


def teachers(store: Store) -> list[tuple[str, str]]:
    """(id, name) of every live teacher, by name, for the editor's choice."""
    with store.read() as s:
        rows = s.execute(
            select(Teacher.id, Teacher.display_name).where(Teacher.deleted.is_(False))
        ).all()
    return sorted(((r[0], r[1]) for r in rows), key=lambda r: r[1].casefold())


def open_cycles_for_classroom(store: Store, classroom_id: str) -> list[tuple[str, str, bool]]:
    """(id, focus, active) of the planned and active cycles with the class's teacher, active
    first: what a visit to that class may belong to."""
    with store.read() as s:
        rows = s.execute(
            select(CoachingCycle.id, CoachingCycle.focus, CoachingCycle.status)
            .join(Classroom, Classroom.teacher_id == CoachingCycle.teacher_id)
            .where(
                Classroom.id == classroom_id,
                CoachingCycle.deleted.is_(False),
                CoachingCycle.status != CycleStatus.COMPLETED,
            )
            .order_by(CoachingCycle.created_at)
        ).all()
    out = [(cid, focus, status is CycleStatus.ACTIVE) for cid, focus, status in rows]
    return sorted(out, key=lambda c: not c[2])
