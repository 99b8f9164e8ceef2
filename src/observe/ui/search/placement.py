"""Where the Find dialog goes after it opens a hit: anywhere but over the item it highlighted.

Pure geometry (global screen rectangles in, a rectangle out), so the rule is tested without
moving real windows: stay put if the item is already clear; else the nearest place beside,
above or below the item that fits on the screen; else the roomier side above or below with
the dialog made shorter (never below its smallest usable height).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect

GAP = 8


def _clamped(rect: QRect, screen: QRect) -> QRect:
    x = max(screen.left(), min(rect.left(), screen.right() - rect.width() + 1))
    y = max(screen.top(), min(rect.top(), screen.bottom() - rect.height() + 1))
    return QRect(QPoint(x, y), rect.size())


def clear_of(dialog: QRect, item: QRect, screen: QRect, min_height: int) -> QRect | None:
    """The dialog's new frame, or None if it already leaves ``item`` uncovered (or can't)."""
    if not dialog.intersects(item):
        return None
    w, h = dialog.width(), dialog.height()
    candidates = [
        QRect(item.right() + 1 + GAP, dialog.top(), w, h),  # right of the item
        QRect(item.left() - GAP - w, dialog.top(), w, h),  # left
        QRect(dialog.left(), item.bottom() + 1 + GAP, w, h),  # below
        QRect(dialog.left(), item.top() - GAP - h, w, h),  # above
    ]
    fitting = []
    for rect in candidates:
        placed = _clamped(rect, screen)
        if screen.contains(placed) and not placed.intersects(item):
            moved = (placed.topLeft() - dialog.topLeft()).manhattanLength()
            fitting.append((moved, placed))
    if fitting:
        return min(fitting, key=lambda pair: pair[0])[1]
    above = item.top() - GAP - screen.top()
    below = screen.bottom() - item.bottom() - GAP
    room = max(above, below)
    if room < min_height:
        return None
    height = min(h, room)
    top = item.top() - GAP - height if above >= below else item.bottom() + 1 + GAP
    return _clamped(QRect(dialog.left(), top, w, height), screen)
