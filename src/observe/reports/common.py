"""Pieces several reports use: the coach's name, dates, the header box, reflection lines."""

from __future__ import annotations

import os

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from observe.datewords import clock, day_month, long_date, medium_date, short_date
from observe.i18n import ngettext
from observe.reports.fonts import REGULAR
from observe.reports.layout import CREAM, RULE, styles
from observe.reports.outline import Heading
from observe.reports.text import markup, para
from observe.store import Store

__all__ = ["clock", "day_month", "long_date", "medium_date", "short_date"]  # re-exported

COACH_NAME_SETTING = "report.coach_name"
TAIL_GAP = 8.0
PAPER_SETTING = "report.paper"


def coach_name(store: Store) -> str | None:
    """The name the coach chose for their sheets, else the account's full name, else none."""
    chosen = (store.setting(COACH_NAME_SETTING) or "").strip()
    if chosen:
        return chosen
    try:
        import pwd

        entry = pwd.getpwuid(os.getuid())
    except (ImportError, KeyError, AttributeError):
        return None
    gecos = entry.pw_gecos.split(",")[0].strip()
    # System accounts ("root") carry their login as the name; that is nobody's name on a sheet.
    return gecos if gecos and gecos.lower() != entry.pw_name.lower() else None


def minutes_text(minutes: int) -> str:
    """ "25 minutes" in the current language."""
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)


def facts_box(pairs: list[tuple[str, str]], width: float, columns: int = 3) -> Table:
    """Label-over-value cells on a cream panel; empty values are left out."""
    st = styles()
    cells = [
        [Paragraph(markup(label.upper(), st.label.fontName), st.label), para(value, st.value)]
        for label, value in pairs
        if value
    ]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    if rows and len(rows[-1]) < columns:
        rows[-1] += [""] * (columns - len(rows[-1]))
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 9),
                ("BACKGROUND", (0, 0), (-1, -1), CREAM),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


class RuledLines(Flowable):
    """Writing lines for the teacher's own reflection."""

    def __init__(self, count: int, gap: float = 0.34 * inch) -> None:
        super().__init__()
        self.count = count
        self.gap = gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.count * self.gap

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.7)
        for i in range(self.count):
            y = i * self.gap
            self.canv.line(0, y, self.width, y)


def with_heading(heading: Flowable, first: list[Flowable]) -> KeepTogether:
    """A section's heading held together with its first block, so a heading never ends a page
    with its content on the next (ReportLab's keepWithNext gives way before a KeepTogether)."""
    flat: list[Flowable] = [heading]
    for item in first:
        # A KeepTogether inside another always starts a new page in ReportLab; its content is
        # kept together by the outer one anyway.
        flat += list(item._content) if isinstance(item, KeepTogether) else [item]
    return KeepTogether(flat)


class ReflectionSpace(Flowable):
    """A heading, a prompt and writing lines that take the room left on the page (between
    ``fewest`` and ``most`` lines), so a short sheet keeps its reflection on the same page
    instead of pushing seven fixed lines onto a page of their own. The heading always travels
    with its lines: a page that cannot hold ``fewest`` lines gets none of it."""

    def __init__(
        self,
        parts: list[Flowable],
        fewest: int,
        most: int,
        gap: float,
        tail: Flowable | None = None,
    ) -> None:
        """``tail`` sits under the lines, at the foot of the page (the invitation's QR code)."""
        super().__init__()
        self.parts = parts
        self.tail = tail
        self._tail_h = 0.0
        self.fewest = fewest
        self.most = most
        self.gap = gap
        self.lines = RuledLines(most, gap)
        self._heights: list[float] = []

    def getSpaceBefore(self) -> float:
        return self.parts[0].getSpaceBefore() if self.parts else 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._heights = []
        used = 0.0
        for i, part in enumerate(self.parts):
            _, h = part.wrap(availWidth, availHeight)
            after = part.getSpaceAfter() if i < len(self.parts) - 1 else 0
            before = part.getSpaceBefore() if i else 0
            self._heights.append(h + after + before)
            used += h + after + before
        self._tail_h = 0.0
        if self.tail is not None:
            _, tail_h = self.tail.wrap(availWidth, availHeight)
            self._tail_h = tail_h + TAIL_GAP
            used += self._tail_h
        room = int((availHeight - used) // self.gap)
        self.lines.count = max(self.fewest, min(self.most, room))
        if room < self.fewest:
            self.lines.count = self.most  # not here: the next page has room for all of them
        _, lines_h = self.lines.wrap(availWidth, availHeight)
        self.width = availWidth
        self.height = used + lines_h
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        y = self.height
        for part, h in zip(self.parts, self._heights, strict=True):
            y -= h
            offset = part.getSpaceAfter() if part is not self.parts[-1] else 0
            part.drawOn(self.canv, 0, y + offset)
        self.lines.drawOn(self.canv, 0, self._tail_h)
        if self.tail is not None:
            self.tail.drawOn(self.canv, 0, 0)


def reflection_space(
    heading: str,
    prompt: str | None,
    lines: int = 7,
    *,
    fewest: int = 3,
    tail: Flowable | None = None,
) -> Flowable:
    st = styles()
    parts: list[Flowable] = [Heading(heading, st.h2)]
    if prompt:
        parts.append(para(prompt, st.body))
    return ReflectionSpace(parts, min(fewest, lines), lines, 0.3 * inch, tail)
