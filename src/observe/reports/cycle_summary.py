"""The coaching-cycle summary: goal, steps taken, evidence, and the trend across its visits.

The measure is the one the coach and teacher chose when the cycle began (distinct voices,
contributions, or how often a look-for was seen); the chart shows it visit by visit against the
baseline and the target, so the conversation is about students' learning, not impressions.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from sqlalchemy import select

from observe import i18n
from observe.capture.attach import image_file
from observe.coaching.labels import cycle_status_label, step_kind_label
from observe.coaching.measures import CycleProgress, progress_in
from observe.coaching.samples import Sample, SamplesMeasure, cycle_samples, measure_of
from observe.coaching.scores import AssessmentMeasure, cycle_assessment
from observe.coaching.surveys import CycleSurveys, cycle_surveys
from observe.errors import UsageError
from observe.feedback.draft import FeedbackDraft
from observe.feedback.facts import VisitFacts, read_visit_facts
from observe.feedback.reflections import ReflectionView, read_cycle_reflections
from observe.feedback.service import saved_feedback
from observe.i18n import N_, _
from observe.reports import charts
from observe.reports.common import (
    coach_name,
    day_month,
    facts_box,
    long_date,
    reflection_space,
    short_date,
    with_heading,
)
from observe.reports.cycle_evidence import (
    assessment_flowables,
    samples_flowables,
    survey_flowables,
)
from observe.reports.layout import (
    RULE,
    TEAL_LIGHT,
    Pdf,
    ReportMeta,
    check_paper,
    frame_width,
    render,
    styles,
)
from observe.reports.outline import Heading
from observe.reports.text import markup, para, shorten
from observe.store import Store
from observe.store.models import (
    CoachingCycle,
    CycleStep,
    LookFor,
    MeasureKind,
    StepKind,
    StepStatus,
    Teacher,
    Visit,
)
from observe.vocabulary import visit_type_label

# Headings in the source language; printed through _().
SECTION_GOAL = N_("The goal")
SECTION_STEPS = N_("Steps taken")
SECTION_TREND = N_("Across the cycle's visits")
SECTION_EVIDENCE = N_("Evidence from the visits")
SECTION_REFLECTION = N_("Reflection")
SECTION_TEACHER_REFLECTIONS = N_("The teacher's reflections")

STATUS_MARKS = {StepStatus.DONE: "✓", StepStatus.PLANNED: "○", StepStatus.SKIPPED: "–"}
#: The measure in the words a teacher reads on the summary (the app's own list says more).
MEASURE_LABELS = {
    MeasureKind.DISTINCT_VOICES: N_("Students who spoke (distinct voices)"),
    MeasureKind.CONTRIBUTIONS: N_("Student contributions"),
    MeasureKind.LOOKFOR_FREQUENCY: N_("Times the look-for was seen"),
}


@dataclass(frozen=True)
class StepFact:
    kind: StepKind
    title: str
    status: StepStatus
    due_on: date | None
    done_on: date | None
    notes: str | None


@dataclass(frozen=True)
class CycleFacts:
    teacher: str
    focus: str
    student_goal: str | None
    measure_kind: MeasureKind | None
    measure_lookfor: str | None
    measure_lookfor_id: str | None
    baseline: float | None
    target: float | None
    status: str
    started_on: date | None
    ended_on: date | None
    reflection: str | None
    steps: list[StepFact]
    visits: list[VisitFacts]
    feedback: dict[str, FeedbackDraft]
    #: The cycle's measure visit by visit, as the coaching screens compute it.
    progress: CycleProgress | None = None
    #: What the teacher wrote back on the cycle and on its visits' feedback, oldest first.
    reflections: tuple[ReflectionView, ...] = ()
    #: The student surveys' questions before → after, and the assessment results.
    surveys: CycleSurveys | None = None
    assessment: AssessmentMeasure | None = None
    #: The work samples (photos on the cycle's visits) with their scores, and the share
    #: meeting the criteria; ``sample_images`` are the stored JPEGs on this device by SHA-256.
    samples: tuple[Sample, ...] = ()
    samples_measure: SamplesMeasure | None = None
    sample_images: dict[str, Path] = dataclasses.field(default_factory=dict)


def read_cycle(store: Store, cycle_id: str) -> CycleFacts:
    with store.read() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            raise UsageError(
                _("That coaching cycle does not exist (or was deleted); choose another.")
            )
        teacher = s.get_one(Teacher, cycle.teacher_id)
        lookfor = s.get(LookFor, cycle.measure_lookfor_id) if cycle.measure_lookfor_id else None
        steps = [
            StepFact(st.step_kind, st.title, st.status, st.due_on, st.done_on, st.notes)
            for st in s.scalars(
                select(CycleStep)
                .where(CycleStep.cycle_id == cycle_id, CycleStep.deleted.is_(False))
                .order_by(CycleStep.position, CycleStep.due_on)
            )
        ]
        visit_ids = list(
            s.scalars(
                select(Visit.id)
                .where(Visit.cycle_id == cycle_id, Visit.deleted.is_(False))
                .order_by(Visit.started_at)
            )
        )
        visits = [read_visit_facts(s, vid) for vid in visit_ids]
        facts = CycleFacts(
            teacher=teacher.display_name,
            focus=cycle.focus,
            student_goal=cycle.student_goal,
            measure_kind=cycle.measure_kind,
            measure_lookfor=lookfor.title if lookfor else None,
            measure_lookfor_id=lookfor.id if lookfor else None,
            baseline=cycle.baseline,
            target=cycle.target,
            status=cycle_status_label(cycle.status),
            started_on=cycle.started_on,
            ended_on=cycle.ended_on,
            reflection=cycle.reflection,
            steps=steps,
            visits=visits,
            feedback={},
            # The look-for in words: its code is the coach's shorthand, not the teacher's.
            progress=_in_words(progress_in(s, cycle), lookfor.title if lookfor else None),
            reflections=tuple(read_cycle_reflections(s, cycle_id)),
        )
    for v in visits:
        saved = saved_feedback(store, v.visit_id)
        if saved is not None:
            facts.feedback[v.visit_id] = saved
    work = cycle_samples(store, cycle_id)
    images = {x.image_sha256: path for x in work if (path := image_file(store, x.image_sha256))}
    return dataclasses.replace(
        facts,
        surveys=cycle_surveys(store, cycle_id),
        assessment=cycle_assessment(store, cycle_id),
        samples=tuple(work),
        samples_measure=measure_of(work),
        sample_images=images,
    )


def _in_words(progress: CycleProgress | None, title: str | None) -> CycleProgress | None:
    if progress is None or title is None:
        return progress
    return dataclasses.replace(progress, lookfor_label=title)


def measure_value(cycle: CycleFacts, visit: VisitFacts) -> float | None:
    """The success measure in one visit (None: not measured), from ``observe.coaching``, so
    the PDF and the app's impact view always agree."""
    if cycle.progress is None:
        return None
    for point in cycle.progress.points:
        if point.visit_id == visit.visit_id:
            return point.value
    return None


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def cycle_story(cycle: CycleFacts, paper: str) -> list[Flowable]:
    st = styles()
    width = frame_width(paper)
    dates = " – ".join(short_date(d) for d in (cycle.started_on, cycle.ended_on) if d)
    measure = _(MEASURE_LABELS[cycle.measure_kind]) if cycle.measure_kind else ""
    if cycle.measure_lookfor and cycle.measure_kind is MeasureKind.LOOKFOR_FREQUENCY:
        measure = f"{measure}: {cycle.measure_lookfor}"
    if measure and (cycle.baseline is not None or cycle.target is not None):
        measure += " " + _("(baseline {baseline}, target {target})").format(
            baseline=_fmt(cycle.baseline), target=_fmt(cycle.target)
        )
    story: list[Flowable] = [
        Paragraph(markup(_("Coaching cycle summary"), st.title.fontName), st.title),
        Paragraph(markup(f"{cycle.teacher} · {cycle.status}"), st.subtitle),
        facts_box(
            [
                (_("Teacher"), cycle.teacher),
                (_("Dates"), dates),
                (_("Visits"), str(len(cycle.visits))),
            ],
            width,
        ),
        Heading(_(SECTION_GOAL), st.h2),
        para(cycle.focus, st.glow, bullet="◆"),
    ]
    if cycle.student_goal:
        story.append(para(_("For students: {goal}").format(goal=cycle.student_goal), st.body))
    if measure:
        story.append(para(_("Success measure: {measure}").format(measure=measure), st.muted))

    story.append(Heading(_(SECTION_STEPS), st.h2))
    if cycle.steps:
        rows: list[list[object]] = [["", _("Step"), _("What"), _("When")]]
        for step in cycle.steps:
            when = step.done_on or step.due_on
            what: Flowable = para(
                step.title + (f"\n{shorten(step.notes, 240)}" if step.notes else ""), st.small
            )
            if when is None:
                when_text = ""
            elif step.done_on:
                when_text = _("done {date}").format(date=short_date(when))
            else:
                when_text = _("due {date}").format(date=short_date(when))
            rows.append(
                [
                    STATUS_MARKS[step.status],
                    step_kind_label(step.kind),
                    what,
                    when_text,
                ]
            )
        table = Table(
            rows,
            colWidths=[18, width * 0.14, width * 0.6, width * 0.26 - 18],
            repeatRows=1,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.small.fontName, 8.5),
                    ("BACKGROUND", (0, 0), (-1, 0), TEAL_LIGHT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    else:
        story.append(Paragraph(markup(_("No steps have been planned yet.")), st.muted))

    story.append(Heading(_(SECTION_TREND), st.h2))
    if cycle.visits:
        labels = [day_month(v.local_start) for v in cycle.visits]
        values = [measure_value(cycle, v) for v in cycle.visits]
        shares = [
            v.participation.distinct_voices / v.participation.occupied_seats
            if v.participation and v.participation.contributions and v.participation.occupied_seats
            else None
            for v in cycle.visits
        ]
        if cycle.progress is not None and cycle.measure_kind:
            story.append(para(cycle.progress.sentence(), st.body))
        if cycle.measure_kind and any(x is not None for x in values):
            story.append(
                Paragraph(markup(_(MEASURE_LABELS[cycle.measure_kind]), st.h3.fontName), st.h3)
            )
            story.append(charts.trend(labels, values, width, target=cycle.target, percent=False))
        if any(x is not None for x in shares):
            story.append(Paragraph(markup(_("Share of students who spoke"), st.h3.fontName), st.h3))
            story.append(charts.trend(labels, shares, width, height=100))
        rows = [[_("Date"), _("Visit"), _("Spoke"), _("Contributions"), _("Measure")]]
        for v, value in zip(cycle.visits, values, strict=True):
            p = v.participation
            rows.append(
                [
                    short_date(v.local_start),
                    visit_type_label(v.visit_type),
                    _("{part} of {whole}").format(part=p.distinct_voices, whole=p.occupied_seats)
                    if p and p.contributions
                    else "—",
                    str(p.contributions) if p and p.contributions else "—",
                    _fmt(value),
                ]
            )
        table = Table(
            rows,
            colWidths=[width * w for w in (0.18, 0.3, 0.16, 0.18, 0.18)],
            repeatRows=1,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.small.fontName, 8.5),
                    ("BACKGROUND", (0, 0), (-1, 0), TEAL_LIGHT),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ]
            )
        )
        story += [Spacer(1, 6), table]
    else:
        story.append(Paragraph(markup(_("No visits are linked to this cycle yet.")), st.muted))

    story += samples_flowables(cycle.samples, cycle.samples_measure, cycle.sample_images, width)
    story += survey_flowables(cycle.surveys, width)
    story += assessment_flowables(cycle.assessment, width)

    blocks: list[list[Flowable]] = []
    for v in cycle.visits:
        block: list[Flowable] = [
            Paragraph(
                markup(f"{long_date(v.local_start)} · {visit_type_label(v.visit_type)}"),
                st.h3,
            )
        ]
        draft = cycle.feedback.get(v.visit_id)
        for glow in draft.glows if draft else []:
            block.append(para(glow.text, st.body, bullet="✓"))
        quotes = [e for e in v.evidence if e.is_quote][:3]
        for e in quotes:
            block.append(para(shorten(e.text, 240), st.quote, bullet=e.offset))
        if len(block) > 1:  # a visit with no strengths and no quotes has nothing to add here
            blocks.append(block)
    if blocks:
        # The heading travels with the first visit's block: never alone at a page foot.
        story.append(with_heading(Heading(_(SECTION_EVIDENCE), st.h2), blocks[0]))
        story += [KeepTogether(block) for block in blocks[1:]]

    story += teacher_reflection_flowables(cycle)
    if cycle.reflection:
        story.append(Heading(_(SECTION_REFLECTION), st.h2))
        story.append(para(cycle.reflection, st.body))
    else:
        story.append(Spacer(1, 6))
        story.append(
            reflection_space(
                _(SECTION_REFLECTION),
                _("What changed for students, and what will you keep doing?"),
                6,
            )
        )
    return story


def teacher_reflection_flowables(cycle: CycleFacts) -> list[Flowable]:
    """The teacher's own words, each under who wrote it, when, and which visit it is about;
    nothing at all when the teacher has written none."""
    if not cycle.reflections:
        return []
    st = styles()
    starts = {v.visit_id: v.local_start for v in cycle.visits}
    blocks: list[list[Flowable]] = []
    for r in cycle.reflections:
        about = starts.get(r.visit_id or "")
        where = " · " + _("on the visit of {date}").format(date=short_date(about)) if about else ""
        blocks.append(
            [
                Paragraph(markup(r.heading + where, st.h3.fontName), st.h3),
                para(r.text, st.body),
            ]
        )
    heading = Heading(_(SECTION_TEACHER_REFLECTIONS), st.h2)
    return [with_heading(heading, blocks[0]), *(KeepTogether(b) for b in blocks[1:])]


def cycle_summary_pdf(
    store: Store, cycle_id: str, paper: str | None = None, *, language: str | None = None
) -> Pdf:
    """``language``: a BCP 47 tag ("es", "es-MX"; None: the app's language) the summary's own
    words are printed in, also written into the PDF (/Lang) for screen readers."""
    with i18n.using_language(language) as effective:
        chosen = check_paper(paper)
        cycle = read_cycle(store, cycle_id)
        focus = shorten(cycle.focus, 60)
        meta = ReportMeta(
            title=_("Coaching cycle summary: {teacher}, {focus}").format(
                teacher=cycle.teacher, focus=focus
            ),
            author=coach_name(store) or "Observe",
            subject=_("Goal, steps, evidence and participation trend of a coaching cycle"),
            footer=_("Coaching cycle · {teacher} · {focus}").format(
                teacher=cycle.teacher, focus=focus
            ),
            keywords=(_("coaching cycle"), "Observe"),
            lang=language or effective,
        )
        return render(cycle_story(cycle, chosen), meta, chosen)
