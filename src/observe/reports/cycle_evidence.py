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
from observe.i18n import N_, _, ngettext
from observe.reports import charts
from observe.reports.images import work_image
from observe.reports.layout import styles
from observe.reports.text import markup, para, shorten

SECTION_SURVEY = N_("What students said (survey)")
SECTION_ASSESSMENT = N_("Assessment results")
SECTION_SAMPLES = N_("Student work samples")
#: Thumbnails per row of the samples grid.
THUMBS_PER_ROW = 3


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def before_after(before: float | None, after: float | None) -> str:
    """ "41% → 68% (+27 points)", or what is missing."""
    if before is None and after is None:
        return _("no answers yet")
    if after is None:
        return _("{share} before; no after results yet").format(share=percent(before))
    if before is None:
        return _("{share} after; no before results").format(share=percent(after))
    points = round(after * 100) - round(before * 100)
    change = ngettext("{points} point", "{points} points", abs(points)).format(
        points=f"{points:+d}"
    )
    return f"{percent(before)} → {percent(after)} ({change})"


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
    phases = (
        (ngettext("before: {count} student", "before: {count} students", n_before or 0), n_before),
        (ngettext("after: {count} student", "after: {count} students", n_after or 0), n_after),
    )
    who = "; ".join(phase.format(count=n) for phase, n in phases if n is not None)
    lead = _("Share of students agreeing (the top two answers, or Yes).")
    out: list[Flowable] = [
        Paragraph(markup(_(SECTION_SURVEY), st.h2.fontName), st.h2),
        para(f"{lead} {who[:1].upper() + who[1:]}.", st.muted),
    ]
    for m in surveys.measures:
        before, after = _question_share(m.before), _question_share(m.after)
        block: list[Flowable] = [
            para(m.question, st.body, bullet="◆"),
            Paragraph(markup(before_after(before, after)), st.small),
        ]
        chart = _bars([(_("Before"), before), (_("After"), after)], width)
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
        Paragraph(markup(_(SECTION_ASSESSMENT), st.h2.fontName), st.h2),
        para(
            _("{title}: share of students scoring {threshold}").format(
                title=measure.title, threshold=measure.threshold
            ),
            st.body,
            bullet="◆",
        ),
        Paragraph(markup(before_after(before, after)), st.small),
    ]
    chart = _bars([(_("Before"), before), (_("After"), after)], width)
    if chart is not None:
        block.append(chart)
    for phase, scores in ((_("Before"), measure.before), (_("After"), measure.after)):
        if scores is not None:
            block.append(
                para(
                    _(
                        "{phase}: {meeting} of {students} students; students per score: "
                        "{distribution}."
                    ).format(
                        phase=phase,
                        meeting=scores.meeting,
                        students=scores.students,
                        distribution=_distribution(scores),
                    ),
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
