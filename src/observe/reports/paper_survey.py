"""A one-page paper survey for a class without devices: the cycle's questions, each with its
answer scale as circles to fill in, and no place for a name. The coach counts the answers and
types the tallies (the cycle window's "Enter paper survey tallies…")."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from observe import i18n
from observe.coaching.survey_scales import option_label, scale_by_key
from observe.coaching.surveys import cycle_surveys
from observe.errors import UsageError
from observe.i18n import _
from observe.reports.layout import Pdf, ReportMeta, check_paper, frame_width, render, styles
from observe.reports.text import markup, para
from observe.store import Store

MAX_ON_PAGE = 12


def survey_questions(store: Store, cycle_id: str) -> list[tuple[str, str]]:
    """(wording, scale key) of the questions the cycle's surveys asked, in order."""
    out = []
    for m in cycle_surveys(store, cycle_id).measures:
        q = m.before or m.after
        if q is not None:
            out.append((m.question, q.scale))
    return out


def survey_story(title: str, questions: Sequence[tuple[str, str]], paper: str) -> list[Flowable]:
    st = styles()
    width = frame_width(paper)
    story: list[Flowable] = [
        Paragraph(markup(title), st.title),
        para(
            _(
                "Don't write your name. Fill in one circle for each sentence: there are no "
                "right or wrong answers."
            ),
            st.muted,
        ),
        Spacer(1, 6),
    ]
    for n, (text, key) in enumerate(questions, start=1):
        options = scale_by_key(key).options
        cells = [[f"○ {option_label(o)}" for o in options]]
        table = Table(cells, colWidths=[width / len(options)] * len(options), hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), st.small.fontName, 9)]))
        story.append(KeepTogether([para(f"{n}. {text}", st.body), table, Spacer(1, 8)]))
    return story


def paper_survey_pdf(
    store: Store,
    cycle_id: str,
    paper: str | None = None,
    extra: Sequence[str] = (),
    *,
    language: str | None = None,
) -> Pdf:
    """The cycle's questions (and ``extra`` ones, agree/disagree) as a paper survey, its own
    words in ``language`` (None: the app's; the questions print as the coach wrote them)."""
    with i18n.using_language(language) as effective:
        return _paper_survey_pdf(store, cycle_id, paper, extra, language or effective)


def _paper_survey_pdf(
    store: Store, cycle_id: str, paper: str | None, extra: Sequence[str], lang: str
) -> Pdf:
    chosen = check_paper(paper)
    questions = survey_questions(store, cycle_id)
    known = {q.casefold() for q, _ in questions}
    questions += [(q.strip(), "agree5") for q in extra if q.strip() and q.casefold() not in known]
    if not questions:
        raise UsageError(
            _(
                "This cycle has no survey questions yet: add them with --question, or import or "
                "enter a survey first."
            )
        )
    if len(questions) > MAX_ON_PAGE:
        raise UsageError(
            _(
                "A paper survey fits {most} questions on its page; this one has {count}. Keep "
                "the ones that matter most."
            ).format(most=MAX_ON_PAGE, count=len(questions))
        )
    title = _("Student survey")
    meta = ReportMeta(
        title=title,
        author="Observe",
        subject=_("A paper student survey for a coaching cycle"),
        footer=_("Student survey · no names"),
        keywords=(_("survey"), "Observe"),
        lang=lang,
    )
    return render(survey_story(title, questions, chosen), meta, chosen)
