"""Turning a coach's plain text into flowables safely.

Evidence is typed by people, so it may hold ``<``, ``&``, emoji or Arabic. Left-to-right text
becomes a ReportLab ``Paragraph`` with every character escaped (markup in a quote must print as
typed, never be interpreted); text with right-to-left characters becomes a
:class:`~observe.reports.bidi.BidiParagraph`. Characters the style's font lacks (a Chinese or
Hindi quote) are set in a fallback face, run by run (:func:`observe.reports.fonts.font_runs`).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from observe.reports.bidi import BidiParagraph, has_rtl
from observe.reports.fonts import REGULAR, font_runs, needs_shaping, printable


def _runs_markup(runs: list[tuple[str, str]], font_name: str) -> str:
    return "".join(
        escape(piece) if name == font_name else f'<font name="{name}">{escape(piece)}</font>'
        for name, piece in runs
    ).replace("\n", "<br/>")


def markup(text: str, font_name: str = REGULAR) -> str:
    """Escaped, font-safe text for Paragraph markup in a style set in ``font_name``; newlines
    become line breaks. Text in a script that needs shaping (Devanagari) should go through
    :func:`para` instead, which turns shaping on."""
    clean = printable(text)
    return _runs_markup(font_runs(clean, font_name), font_name)


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
    if has_rtl(clean):
        return BidiParagraph(clean, style, bullet)
    runs = font_runs(clean, style.fontName)
    if needs_shaping(runs):
        style = ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)
    body = _runs_markup(runs, style.fontName)
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
