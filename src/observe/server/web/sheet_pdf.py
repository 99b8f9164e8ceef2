"""The shared feedback sheet as a PDF, made on the server from the published copy only.

The server has no coach's records to lay out (only ``published``), so this is a small
renderer of its own rather than the app's sheet. It borrows the app's font handling
(``observe.reports.fonts``: DejaVu Sans embedded with fallback faces for Devanagari and CJK,
emoji swapped for a glyph or their name, never a blank box) and its right-to-left layout
(``observe.reports.bidi``), through ``observe.reports.text.para``; none of them imports
anything of the desktop's. Only saved, shared feedback is ever published, so no DRAFT mark.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from observe import __version__
from observe.reports.fonts import BOLD, REGULAR, printable, register_fonts
from observe.reports.layout import PAPERS, paper_for_locale
from observe.reports.outline import Heading
from observe.reports.text import para
from observe.server.web.i18n import _
from observe.server.web.sheet import Sheet

INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#4a5560")
QUOTE = colors.HexColor("#0b4f94")
BAR = colors.HexColor("#2f6db5")
TRACK = colors.HexColor("#e3e8ee")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=10.5, leading=14, textColor=INK)
    return {
        "title": ParagraphStyle("title", base, fontName=BOLD, fontSize=17, leading=21),
        "meta": ParagraphStyle("meta", base, textColor=MUTED, spaceBefore=4),
        "h2": ParagraphStyle(
            "h2", base, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=14, spaceAfter=4
        ),
        "body": ParagraphStyle("body2", base, spaceAfter=4),
        "strength": ParagraphStyle("strength", base, fontName=BOLD, spaceBefore=6, spaceAfter=2),
        "quote": ParagraphStyle(
            "quote", base, textColor=QUOTE, leftIndent=14, spaceAfter=3, fontSize=10, leading=13
        ),
        "when": ParagraphStyle(
            "when", base, textColor=MUTED, leftIndent=14, fontSize=9, leading=11
        ),
        "foot": ParagraphStyle("foot", base, textColor=MUTED, fontSize=8.5, spaceBefore=18),
    }


def _para(text: str, style: ParagraphStyle) -> Flowable:
    """A paragraph of the coach's words: nothing dropped, right-to-left laid out right, any
    script in a face that has its glyphs (the app's own ``para``)."""
    return para(text, style)


def _voices_bar(percent: int, width: float) -> Drawing:
    drawing = Drawing(width, 12)
    drawing.add(Rect(0, 0, width, 10, fillColor=TRACK, strokeColor=MUTED, strokeWidth=0.5))
    drawing.add(Rect(0, 0, width * percent / 100, 10, fillColor=BAR, strokeColor=None))
    return drawing


def sheet_pdf(sheet: Sheet, locale: str | None = None, language: str = "en") -> bytes:
    """The PDF's bytes; the paper follows the reader's locale (Letter in the US, else A4).
    ``language`` (a BCP 47 tag) goes into the PDF's /Lang for screen readers, and each section
    heading into its outline (bookmarks)."""
    register_fonts()
    s = _styles()
    out = io.BytesIO()
    paper = PAPERS[paper_for_locale(locale or "en_US")]
    doc = SimpleDocTemplate(
        out,
        pagesize=paper,
        leftMargin=0.8 * inch,
        rightMargin=0.8 * inch,
        topMargin=0.7 * inch,
        bottomMargin=0.7 * inch,
        title=printable(
            _("Feedback: {heading}, {day}").format(heading=sheet.heading, day=sheet.visit_date)
        ),
        author=printable(sheet.coach_name),
        subject=_("Feedback on a classroom visit, shared through Observe"),
        creator=f"Observe {__version__}",
        lang=language,
        displayDocTitle=1,
    )
    story: list[Flowable] = [
        _para(sheet.heading, s["title"]),
        _para(
            _("Visit on {day}. Feedback from {coach}, shared {shared}.").format(
                day=sheet.visit_date or _("an unrecorded date"),
                coach=sheet.coach_name,
                shared=sheet.shared_on,
            ),
            s["meta"],
        ),
        Heading(_("What went well"), s["h2"]),
    ]
    if not sheet.strengths:
        story.append(Paragraph(escape(_("This sheet names no strengths.")), s["body"]))
    for number, strength in enumerate(sheet.strengths, 1):
        story.append(_para(f"{number}. {strength.text}", s["strength"]))
        for quote in strength.evidence:
            when = " · ".join(p for p in (quote.time, quote.kind) if p)
            if when:
                story.append(_para(when, s["when"]))
            story.append(_para(f"“{quote.text}”", s["quote"]))
    if sheet.wondering:
        story += [Heading(_("A wondering"), s["h2"]), _para(sheet.wondering, s["body"])]
    if sheet.voices:
        story += [
            Heading(_("Who got to talk"), s["h2"]),
            Paragraph(escape(sheet.voices.sentence), s["body"]),
            _voices_bar(sheet.voices.percent, min(doc.width, 4 * inch)),
        ]
    if sheet.reflection_prompt:
        story += [Heading(_("To reflect on"), s["h2"]), _para(sheet.reflection_prompt, s["body"])]
    story += [
        Spacer(1, 6),
        Paragraph(
            escape(
                _(
                    "Shared with you through Observe. Write your reflection on the sheet's "
                    "page; your coach sees it after their next sync."
                )
            ),
            s["foot"],
        ),
    ]
    doc.build(story)
    return out.getvalue()


def sheet_pdf_name(sheet: Sheet) -> str:
    """An ASCII file name for the download, the same for the same sheet."""
    short = "".join(ch for ch in sheet.record_id[:8] if ch.isalnum())
    return f"feedback-{short}.pdf"
