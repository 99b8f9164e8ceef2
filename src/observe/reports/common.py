"""Pieces several reports use: the coach's name, dates, the header box, reflection lines."""

from __future__ import annotations

import os
from datetime import date, datetime

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from observe.reports.fonts import REGULAR
from observe.reports.layout import CREAM, RULE, styles
from observe.reports.text import markup, para
from observe.store import Store

COACH_NAME_SETTING = "report.coach_name"
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


def medium_date(value: date | datetime) -> str:
    return f"{value.day} {value:%B %Y}"


def long_date(value: date | datetime) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: date | datetime) -> str:
    return f"{value.day} {value:%b %Y}"


def clock(value: datetime) -> str:
    return f"{value:%I:%M %p}".lstrip("0")


def facts_box(pairs: list[tuple[str, str]], width: float, columns: int = 3) -> Table:
    """Label-over-value cells on a cream panel; empty values are left out."""
    st = styles()
    cells = [
        [Paragraph(markup(label.upper()), st.label), para(value, st.value)]
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
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
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


def reflection_space(heading: str, prompt: str | None, lines: int = 7) -> Flowable:
    st = styles()
    parts: list[Flowable] = [Paragraph(markup(heading), st.h2)]
    if prompt:
        parts.append(para(prompt, st.body))
    parts += [Spacer(1, 6), RuledLines(lines)]
    return KeepTogether(parts)
