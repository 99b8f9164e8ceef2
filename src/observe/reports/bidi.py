"""Right-to-left text (an Arabic or Hebrew quote) laid out without scrambling.

ReportLab reorders RTL text only with ``rlbidi``, which is not published on PyPI, and a PDF
viewer draws glyphs exactly where the file puts them. So a paragraph holding RTL characters is
laid out here: Arabic letters are joined into their contextual forms (``arabic_reshaper``),
the words are wrapped in *logical* order, and each finished line is reordered for display
(``python-bidi``, the Unicode Bidirectional Algorithm). Wrapping before reordering matters:
reordering a whole paragraph first would put the end of a long quote on its first line.

Plain left-to-right paragraphs never come here; they use ReportLab's ``Paragraph`` with markup.
Widths and drawing go run by run (:func:`observe.reports.fonts.font_runs`), so a Hebrew quote
holding a Chinese word prints both; such a run is not shaped (a Devanagari word inside an RTL
paragraph prints its letters unjoined).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import arabic_reshaper
from bidi import get_display
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from observe.reports.fonts import font_runs, text_width

_RTL_CLASSES = frozenset({"R", "AL"})


def has_rtl(text: str) -> bool:
    return not text.isascii() and any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def base_is_rtl(text: str) -> bool:
    """The paragraph direction from its first strong character (Unicode rules P2, P3)."""
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in _RTL_CLASSES:
            return True
        if cls == "L":
            return False
    return False


@dataclass(frozen=True)
class _Line:
    visual: str
    width: float


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word longer than the line (a URL, a long number) is cut where it must be."""
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and text_width(current + ch, font, size) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap_logical(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap in logical order; explicit newlines are kept as line breaks."""
    lines: list[str] = []
    space = text_width(" ", font, size)
    for paragraph in text.split("\n"):
        current: list[str] = []
        used = 0.0
        for word in paragraph.split():
            w = text_width(word, font, size)
            if w > width:
                if current:
                    lines.append(" ".join(current))
                    current, used = [], 0.0
                *full, last = _break_word(word, font, size, width)
                lines.extend(full)
                current, used = [last], text_width(last, font, size)
                continue
            extra = w + (space if current else 0.0)
            if current and used + extra > width:
                lines.append(" ".join(current))
                current, used = [word], w
            else:
                current.append(word)
                used += extra
        lines.append(" ".join(current))
    return lines


class BidiParagraph(Flowable):
    """A plain-text paragraph with RTL content: wraps, splits across pages, draws each line in
    display order. Honours the style's font, size, leading, colour, indents, background, and a
    ``bullet`` drawn like ``Paragraph``'s bulletText (used for timestamps)."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        bullet: str | None = None,
        *,
        _lines: list[_Line] | None = None,
        _rtl: bool | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.bullet = bullet
        self._lines = _lines
        self._rtl = base_is_rtl(text) if _rtl is None else _rtl
        self._for_width: float | None = None

    def _layout(self, avail_width: float) -> list[_Line]:
        if self._lines is not None and self._for_width in (None, avail_width):
            return self._lines
        st = self.style
        width = max(avail_width - st.leftIndent - st.rightIndent, st.fontSize * 2)
        shaped = arabic_reshaper.reshape(self.text)
        base = "R" if self._rtl else "L"
        lines = []
        for logical in wrap_logical(shaped, st.fontName, st.fontSize, width):
            visual = get_display(logical, base_dir=base)
            lines.append(_Line(visual, text_width(visual, st.fontName, st.fontSize)))
        self._lines, self._for_width = lines, avail_width
        return lines

    def _height(self, count: int) -> float:
        return count * self.style.leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = self._height(len(lines))
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._layout(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        head = BidiParagraph(self.text, self.style, self.bullet, _lines=lines[:fit], _rtl=self._rtl)
        tail = BidiParagraph(self.text, self.style, None, _lines=lines[fit:], _rtl=self._rtl)
        head.spaceBefore = self.getSpaceBefore()
        return [head, tail]

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def draw(self) -> None:
        st = self.style
        canv = self.canv
        lines = self._lines or []
        if st.backColor is not None:
            pad = st.borderPadding if isinstance(st.borderPadding, int | float) else 0
            canv.setFillColor(st.backColor)
            canv.rect(
                st.leftIndent - pad,
                -pad,
                self.width - st.leftIndent - st.rightIndent + 2 * pad,
                self.height + 2 * pad,
                stroke=0,
                fill=1,
            )
        canv.setFillColor(st.textColor)
        if self.bullet:
            canv.setFont(st.bulletFontName, st.bulletFontSize)
            canv.drawString(
                st.bulletIndent, self.height - st.leading + st.leading * 0.22, self.bullet
            )
        right = self.width - st.rightIndent
        rtl_align = self._rtl or st.alignment == TA_RIGHT
        for i, line in enumerate(lines):
            y = self.height - (i + 1) * st.leading + st.leading * 0.22
            x = right - line.width if rtl_align else st.leftIndent
            draw_runs(canv, x, y, line.visual, st.fontName, st.fontSize)


def draw_runs(canv: Canvas, x: float, y: float, text: str, font: str, size: float) -> float:
    """Draws ``text`` from ``x`` run by run, each in a face that has its glyphs; returns the
    width drawn. For canvas-level text (footers, labels) as much as for RTL lines."""
    start = x
    for name, piece in font_runs(text, font):
        canv.setFont(name, size)
        canv.drawString(x, y, piece)
        x += text_width(piece, name, size)
    return x - start
