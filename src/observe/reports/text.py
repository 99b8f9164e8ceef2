"""Turning a coach's plain text into flowables safely.

Evidence is typed by people, so it may hold ``<``, ``&``, emoji or Arabic. Left-to-right text
becomes a ReportLab ``Paragraph`` with every character escaped (markup in a quote must print as
typed, never be interpreted); text with right-to-left characters becomes a
:class:`~observe.reports.bidi.BidiParagraph`.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from observe.reports.bidi import BidiParagraph, has_rtl
from observe.reports.fonts import REGULAR, covers, printable


def markup(text: str) -> str:
    """Escaped, font-safe text for Paragraph markup; newlines become line breaks."""
    return escape(printable(text)).replace("\n", "<br/>")


def para(
    text: str,
    style: ParagraphStyle,
    *,
    bullet: str | None = None,
    prefix: str = "",
    suffix: str = "",
) -> Flowable:
    """A paragraph of plain ``text``; ``prefix``/``suffix`` are trusted markup (anchors, links,
    bold labels) placed around it and dropped for right-to-left text, which has no markup."""
    clean = printable(text)
    if not covers(style.fontName, clean):
        # DejaVu Sans Oblique has no Arabic or Hebrew; the upright face has every glyph that
        # printable() let through.
        style = ParagraphStyle(f"{style.name}-upright", parent=style, fontName=REGULAR)
    if has_rtl(clean):
        return BidiParagraph(clean, style, bullet)
    body = escape(clean).replace("\n", "<br/>")
    if bullet is not None:
        return Paragraph(prefix + body + suffix, style, bulletText=escape(bullet))
    return Paragraph(prefix + body + suffix, style)


def shorten(text: str, limit: int) -> str:
    """The start of ``text`` at a word boundary, with an ellipsis when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 minute", "3 minutes": a number and its noun as a person would write them."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
