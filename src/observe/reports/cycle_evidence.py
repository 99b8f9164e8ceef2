"""The cycle summary's student surveys and assessment results: each measure before → after,
in words and as a small chart, from the same core figures the cycle window shows."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from observe.coaching.scores import AssessmentMeasure, PhaseScores, number_text
from observe.coaching.surveys import CycleSurveys, SurveyQuestion
from observe.reports import charts
from observe.reports.layout import styles
from observe.reports.text import markup, para

SECTION_SURVEY = "What students said (survey)"
SECTION_ASSESSMENT = "Assessment results"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def before_after(before: float | None, after: float | None) -> str:
    """ "41% → 68% (+27 points)", or what is missing."""
    if before is None and after is None:
        return "no answers yet"
    if after is None:
        return f"{percent(before)} before; no after results yet"
    if before is None:
        return f"{percent(after)} after; no before results"
    points = round(after * 100) - round(before * 100)
    return f"{percent(before)} → {percent(after)} ({points:+d} points)"


def _bars(pairs: list[tuple[str, float | None]], width: float) -> Flowable | None:
    shown = [(label, share) for label, share in pairs if share is not None]
    if not shown:
        return None
    return charts.single_bars(
        [label for label, _ in shown],
        [round(share * 100) for _, share in shown],
        100,
        min(width, 360),
        suffix="%",
    )


def _question_share(q: SurveyQuestion | None) -> float | None:
    return None if q is None else q.share


def survey_flowables(surveys: CycleSurveys | None, width: float) -> list[Flowable]:
    if surveys is None or not surveys.measures:
        return []
    st = styles()
    n_before = surveys.before_respondents
    n_after = surveys.after_respondents
    who = "; ".join(
        f"{phase}: {n} student{'s' if n != 1 else ''}"
        for phase, n in (("before", n_before), ("after", n_after))
        if n is not None
    )
    out: list[Flowable] = [
        Paragraph(SECTION_SURVEY, st.h2),
        para(
            f"Share of students agreeing (the top two answers, or Yes). {who.capitalize()}.",
            st.muted,
        ),
    ]
    for m in surveys.measures:
        before, after = _question_share(m.before), _question_share(m.after)
        block: list[Flowable] = [
            para(m.question, st.body, bullet="◆"),
            Paragraph(markup(before_after(before, after)), st.small),
        ]
        chart = _bars([("Before", before), ("After", after)], width)
        if chart is not None:
            block.append(chart)
        out.append(KeepTogether(block))
    return out


def _distribution(p: PhaseScores) -> str:
    return ", ".join(f"{number_text(s)}: {n}" for s, n in p.distribution)


def assessment_flowables(measure: AssessmentMeasure | None, width: float) -> list[Flowable]:
    if measure is None:
        return []
    st = styles()
    before = measure.before.share if measure.before else None
    after = measure.after.share if measure.after else None
    block: list[Flowable] = [
        Paragraph(SECTION_ASSESSMENT, st.h2),
        para(
            f"{measure.title}: share of students scoring {measure.threshold}", st.body, bullet="◆"
        ),
        Paragraph(markup(before_after(before, after)), st.small),
    ]
    chart = _bars([("Before", before), ("After", after)], width)
    if chart is not None:
        block.append(chart)
    for phase, scores in (("Before", measure.before), ("After", measure.after)):
        if scores is not None:
            block.append(
                para(
                    f"{phase}: {scores.meeting} of {scores.students} students; "
                    f"students per score: {_distribution(scores)}.",
                    st.muted,
                )
            )
    return [KeepTogether(block)]
