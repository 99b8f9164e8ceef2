"""Small charts drawn with ``reportlab.graphics``: vector, crisp when printed, no image files.

Drawn from plain shapes rather than ReportLab's chart classes because the sheets need only three
simple pictures and full control over their labels: a row of dots for the students who spoke,
paired bars comparing each group's share of the talk with its share of the class, and a trend
line across a coaching cycle's visits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, String
from reportlab.lib.colors import Color

from observe.i18n import _, format_percent
from observe.reports.fonts import BOLD, REGULAR, font_runs, printable, text_width
from observe.reports.layout import AMBER, INK, MUTED, RULE, TEAL, TEAL_LIGHT
from observe.reports.text import shorten

LABEL_SIZE = 8


def _label(x: float, y: float, text: str, *, anchor: str = "start", color: Color = INK) -> Group:
    """A coach's label (a group or look-for name) run by run, each piece in a face that has its
    glyphs, so a Chinese group name prints rather than boxes (unshaped: a chart label has no
    paragraph to shape)."""
    clean = printable(text)
    x -= text_width(clean, REGULAR, LABEL_SIZE) if anchor == "end" else 0
    runs = font_runs(clean, REGULAR)
    group = Group()
    for name, piece in runs:
        group.add(String(x, y, piece, fontName=name, fontSize=LABEL_SIZE, fillColor=color))
        x += text_width(piece, name, LABEL_SIZE)
    return group


def voices_meter(spoke: int, seats: int, width: float) -> Drawing:
    """One dot per occupied seat, filled for each student who spoke (order carries no meaning,
    so no seat can be picked out)."""
    seats = max(seats, 1)
    per_row = min(seats, 40)
    gap = min(13.0, width / per_row)
    radius = gap * 0.36
    rows = (seats + per_row - 1) // per_row
    height = rows * gap + 4
    d = Drawing(width, height)
    for i in range(seats):
        row, col = divmod(i, per_row)
        x = col * gap + gap / 2
        y = height - (row * gap + gap / 2) - 2
        filled = i < spoke
        d.add(
            Circle(
                x,
                y,
                radius,
                fillColor=TEAL if filled else TEAL_LIGHT,
                strokeColor=TEAL if filled else RULE,
                strokeWidth=0.6,
            )
        )
    return d


def paired_bars(
    labels: Sequence[str],
    first: Sequence[float],
    second: Sequence[float],
    names: tuple[str, str],
    width: float,
    *,
    percent: bool = True,
) -> Drawing:
    """Two bars per label (``first`` light, ``second`` strong), with a legend on top."""
    label_w = min(120.0, width * 0.3)
    bar_h, pair_gap = 7.0, 8.0
    row_h = 2 * bar_h + pair_gap
    legend_h = 16.0
    height = legend_h + len(labels) * row_h + 4
    top = max(max(first, default=0), max(second, default=0), 1e-9)
    scale_max = 1.0 if percent else top
    plot_w = width - label_w - 40
    d = Drawing(width, height)
    # legend
    x = label_w
    for name, colour in ((names[0], TEAL_LIGHT), (names[1], TEAL)):
        d.add(Rect(x, height - 10, 9, 7, fillColor=colour, strokeColor=TEAL, strokeWidth=0.4))
        d.add(
            String(x + 13, height - 9.5, name, fontName=REGULAR, fontSize=LABEL_SIZE, fillColor=INK)
        )
        x += 20 + len(name) * 4.6
    for i, label in enumerate(labels):
        y = height - legend_h - (i + 1) * row_h + pair_gap / 2
        d.add(_label(label_w - 6, y + bar_h - 3, shorten(printable(label), 24), anchor="end"))
        for j, (value, colour) in enumerate(((first[i], TEAL_LIGHT), (second[i], TEAL))):
            by = y + bar_h - j * bar_h
            w = max(plot_w * value / scale_max, 0.5)
            d.add(
                Rect(label_w, by, w, bar_h - 1, fillColor=colour, strokeColor=TEAL, strokeWidth=0.4)
            )
            text = format_percent(value) if percent else f"{value:g}"
            d.add(
                String(label_w + w + 4, by + 1, text, fontName=REGULAR, fontSize=7, fillColor=MUTED)
            )
    d.add(Line(label_w, 2, label_w, height - legend_h, strokeColor=RULE, strokeWidth=0.6))
    return d


def single_bars(
    labels: Sequence[str], values: Sequence[float], total: float, width: float, *, suffix: str = ""
) -> Drawing:
    """One bar per label, scaled to ``total`` (e.g. rooms where a look-for was seen of all)."""
    label_w = min(210.0, width * 0.45)
    bar_h = 10.0
    row_h = bar_h + 6
    height = len(labels) * row_h + 4
    plot_w = width - label_w - 50
    d = Drawing(width, height)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = height - (i + 1) * row_h + 3
        d.add(_label(label_w - 6, y + 2, shorten(printable(label), 44), anchor="end"))
        d.add(Rect(label_w, y, plot_w, bar_h, fillColor=TEAL_LIGHT, strokeColor=None))
        w = plot_w * (value / total if total else 0)
        if w > 0:
            d.add(Rect(label_w, y, w, bar_h, fillColor=TEAL, strokeColor=None))
        d.add(
            String(
                label_w + plot_w + 5,
                y + 2,
                f"{value:g}{suffix}",
                fontName=BOLD,
                fontSize=LABEL_SIZE,
                fillColor=INK,
            )
        )
    return d


def trend(
    labels: Sequence[str],
    values: Sequence[float | None],
    width: float,
    *,
    target: float | None = None,
    percent: bool = True,
    height: float = 120,
) -> Drawing:
    """A line across visits; ``None`` values (no tallies that visit) leave a gap in the line."""
    d = Drawing(width, height)
    left, bottom, right, top_pad = 34.0, 22.0, 10.0, 10.0
    plot_w, plot_h = width - left - right, height - bottom - top_pad
    known = [v for v in values if v is not None]
    if percent:
        ymax = 1.0
    else:
        step = math.ceil(max([*known, target or 0, 1.0]) * 1.1 / 4)
        ymax = float(step * 4)
    d.add(Rect(left, bottom, plot_w, plot_h, fillColor=None, strokeColor=RULE, strokeWidth=0.5))
    for k in range(5):
        frac = k / 4
        y = bottom + plot_h * frac
        d.add(Line(left, y, left + plot_w, y, strokeColor=RULE, strokeWidth=0.3))
        text = format_percent(frac * ymax) if percent else f"{frac * ymax:.0f}"
        d.add(
            String(
                left - 4,
                y - 2.5,
                text,
                fontName=REGULAR,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    n = len(values)
    step = plot_w / max(n - 1, 1) if n > 1 else 0
    pts: list[tuple[float, float]] = []
    for i, value in enumerate(values):
        x = left + (i * step if n > 1 else plot_w / 2)
        if i == 0 or i == n - 1 or n <= 8 or i % max(1, n // 6) == 0:
            d.add(
                String(
                    x,
                    8,
                    labels[i],
                    fontName=REGULAR,
                    fontSize=7,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
        if value is None:
            if len(pts) > 1:
                d.add(PolyLine([c for p in pts for c in p], strokeColor=TEAL, strokeWidth=1.6))
            pts = []
            continue
        y = bottom + plot_h * min(value / ymax, 1.0)
        pts.append((x, y))
        d.add(Circle(x, y, 2.6, fillColor=TEAL, strokeColor=None))
    if len(pts) > 1:
        d.add(PolyLine([c for p in pts for c in p], strokeColor=TEAL, strokeWidth=1.6))
    if target is not None:
        y = bottom + plot_h * min(target / ymax, 1.0)
        d.add(
            Line(
                left, y, left + plot_w, y, strokeColor=AMBER, strokeWidth=1, strokeDashArray=[3, 2]
            )
        )
        d.add(
            String(
                left + plot_w - 2,
                y + 3,
                _("target"),
                fontName=REGULAR,
                fontSize=7,
                fillColor=AMBER,
                textAnchor="end",
            )
        )
    return d
