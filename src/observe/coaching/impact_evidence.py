"""Impact → Cycles: each cycle's work samples, student surveys and assessment results, before →
after, one row per measure (the samples meeting the criteria, a survey question, or the
assessment against its threshold)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.coaching.impact_tables import Cell, Table
from observe.coaching.samples import measures_by_cycle
from observe.coaching.scores import _distribution, assessment_from_rows
from observe.coaching.surveys import SurveyQuestion, _questions, surveys_from_phases
from observe.i18n import N_, _
from observe.store.models import CoachingCycle, CycleAssessment, CycleSurvey, Teacher

#: The measure column's words for the work-samples row (a test and the leader view match it).
WORK_SAMPLES = N_("Work samples: share meeting the criteria")


def _pct(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


def _points(before: float | None, after: float | None) -> float | None:
    if before is None or after is None:
        return None
    return round((after - before) * 100, 1)


def cycle_evidence_table(s: Session, start: date | None, end: date | None) -> Table:
    """The cycles that overlap the period (as the cycles table) that have scored work samples,
    a survey or scores. The "(students)" columns count samples on the work-samples row."""
    surveys: dict[str, dict[str, tuple[int, list[SurveyQuestion]]]] = defaultdict(dict)
    for row in s.scalars(
        select(CycleSurvey).where(CycleSurvey.deleted.is_(False)).order_by(CycleSurvey.created_at)
    ):
        surveys[row.cycle_id][row.phase] = (row.respondents, _questions(row.questions))
    scores: dict[str, list] = defaultdict(list)
    for row in s.scalars(
        select(CycleAssessment)
        .where(CycleAssessment.deleted.is_(False))
        .order_by(CycleAssessment.created_at)
    ):
        scores[row.cycle_id].append(
            (row.phase, row.title, row.meets, row.out_of, _distribution(row.scores))
        )
    work = measures_by_cycle(s)
    rows = s.execute(
        select(CoachingCycle, Teacher.display_name)
        .join(Teacher, Teacher.id == CoachingCycle.teacher_id)
        .where(
            CoachingCycle.deleted.is_(False),
            CoachingCycle.id.in_(set(surveys) | set(scores) | set(work)),
        )
        .order_by(CoachingCycle.started_on, Teacher.display_name)
    ).all()
    out: list[tuple[Cell, ...]] = []
    for cycle, teacher in rows:
        if end is not None and cycle.started_on is not None and cycle.started_on > end:
            continue
        if start is not None and cycle.ended_on is not None and cycle.ended_on < start:
            continue
        sampled = work.get(cycle.id)
        if sampled is not None:
            before = sampled.before.share if sampled.before else None
            after = sampled.after.share if sampled.after else None
            out.append(
                (
                    teacher,
                    cycle.focus,
                    WORK_SAMPLES,
                    "Work samples scored against the success criteria",
                    _pct(before),
                    sampled.before.samples if sampled.before else None,
                    _pct(after),
                    sampled.after.samples if sampled.after else None,
                    _points(before, after),
                )
            )
        for m in surveys_from_phases(surveys.get(cycle.id, {})).measures:
            before = m.before.share if m.before else None
            after = m.after.share if m.after else None
            out.append(
                (
                    teacher,
                    cycle.focus,
                    "Survey: share agreeing",
                    m.question,
                    _pct(before),
                    m.before.answered if m.before else None,
                    _pct(after),
                    m.after.answered if m.after else None,
                    _points(before, after),
                )
            )
        assessment = assessment_from_rows(scores.get(cycle.id, []))
        if assessment is not None:
            before = assessment.before.share if assessment.before else None
            after = assessment.after.share if assessment.after else None
            out.append(
                (
                    teacher,
                    cycle.focus,
                    "Assessment: share meeting",
                    f"{assessment.title}, {assessment.threshold.strip('“”')}",
                    _pct(before),
                    assessment.before.students if assessment.before else None,
                    _pct(after),
                    assessment.after.students if assessment.after else None,
                    _points(before, after),
                )
            )
    return Table(
        key="cycle_evidence",
        title=_("Cycles: student surveys and assessments"),
        columns=(
            "teacher",
            "focus",
            "measure",
            "what",
            "before_percent",
            "before_students",
            "after_percent",
            "after_students",
            "change_points",
        ),
        headers=(
            N_("Teacher"),
            N_("Focus"),
            N_("Measure"),
            N_("Question or task"),
            N_("Before %"),
            N_("(students)"),
            N_("After %"),
            N_("(students)"),
            N_("Change (points)"),
        ),
        rows=tuple(out),
        note=_(
            "A work-samples row counts the scored samples (not students) meeting the "
            "cycle's success criteria. A survey question's share agreeing counts the top two "
            "answers of its scale (or Yes) among the students who answered it; an assessment's "
            "share is of the students with a score, against the threshold the coach set."
        ),
    )
