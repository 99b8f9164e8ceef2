"""Section headings that are also the PDF's outline (bookmarks), for screen readers and long
sheets: a teacher's PDF reader lists "Strengths noticed", "Your reflection"… and jumps there.

A :class:`Heading` adds its outline entry when it is drawn, so the entry points at the page
and height where the heading actually landed (after KeepTogether and page breaks had their say),
and it works inside flowables that draw their parts themselves (the reflection space).
"""

from __future__ import annotations

import itertools

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from observe.reports.text import markup

_keys = itertools.count(1)


class Heading(Paragraph):
    """A paragraph that bookmarks itself and enters the document outline at ``level``."""

    def __init__(self, text: str, style: ParagraphStyle, *, level: int = 0) -> None:
        super().__init__(markup(text, style.fontName), style)
        self.outline_title = " ".join(text.split())
        self.outline_level = level

    def draw(self) -> None:
        key = f"section-{next(_keys)}"
        self.canv.bookmarkHorizontal(key, 0, self.height)
        self.canv.addOutlineEntry(self.outline_title, key, level=self.outline_level)
        self.canv.showOutline()
        super().draw()


def heading(text: str, style: ParagraphStyle) -> Heading:
    """A section heading (plain ``text``, escaped) with its outline entry."""
    return Heading(text, style)
