"""The cycle summary's work samples, student surveys and assessment results: each measure
before → after, in words and as a small chart, from the same core figures the cycle window
shows; the work samples also as thumbnails with their score."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from observe.coaching.samples import Sample, SamplesMeasure, measure_sentence
from observe.coaching.scores import AssessmentMeasure, PhaseScores, number_text
from observe.coaching.surveys import CycleSurveys, SurveyQuestion
from observe.reports import charts
from observe.reports.images import work_image
from observe.reports.layout import styles
from observe.reports.text import markup, para, shorten

SECTION_SURVEY = "What students said (survey)"
SECTION_ASSESSMENT = "Assessment results"
SECTION_SAMPLES = "Student work samples"
#: Thumbnails per row of the samples grid.
THUMBS_PER_ROW = 3


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


def samples_flowables(
    samples: Sequence[Sample],
    measure: SamplesMeasure | None,
    images: Mapping[str, Path],
    width: float,
) -> list[Flowable]:
    """The share of samples meeting the criteria before → after, then every sample as a
    thumbnail with its caption, score and note (an image not yet on this device says so)."""
    if not samples:
        return []
    st = styles()
    out: list[Flowable] = [Paragraph(SECTION_SAMPLES, st.h2)]
    if measure is not None:
        before = measure.before.share if measure.before else None
        after = measure.after.share if measure.after else None
        block: list[Flowable] = [para(measure_sentence(measure), st.body, bullet="◆")]
        chart = _bars([("Before", before), ("After", after)], width)
        if chart is not None:
            block.append(chart)
        out.append(KeepTogether(block))
    else:
        out.append(para("None of these samples is scored yet.", st.muted))
    cell_w = width / THUMBS_PER_ROW
    cells: list[list[Flowable]] = []
    for sample in samples:
        cell: list[Flowable] = []
        path = images.get(sample.image_sha256)
        if path is not None:
            cell.append(work_image(path, cell_w - 10, 110))
        else:
            cell.append(para("(The image is not on this device yet.)", st.muted))
        cell.append(para(shorten(sample.caption, 90), st.small))
        cell.append(Paragraph(markup(sample.score_text, st.h3.fontName), st.small))
        if sample.note:
            cell.append(para(shorten(sample.note, 160), st.muted))
        cells.append(cell)
    rows = [cells[i : i + THUMBS_PER_ROW] for i in range(0, len(cells), THUMBS_PER_ROW)]
    rows[-1] += [[] for _ in range(THUMBS_PER_ROW - len(rows[-1]))]
    grid = Table(rows, colWidths=[cell_w] * THUMBS_PER_ROW, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    out.append(grid)
    return out
