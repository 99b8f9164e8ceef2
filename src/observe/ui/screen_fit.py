"""How big a window opens, and how a tall column stays reachable, in one place.

A coach may work on a 1366×768 laptop with text at 200% (683×384 logical pixels left), or on
a 4K panel: a window asks for the size it reads best at and gets no more than a share of the
screen it opens on, so its title bar and buttons are never pushed off the screen. A column of
fields that cannot shrink below its text scrolls instead of forcing the window taller.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def fit_to_screen(
    window: QWidget,
    width: int | None = None,
    height: int | None = None,
    *,
    width_share: float = 0.9,
    height_share: float = 0.9,
) -> None:
    """Resize ``window`` to ``width``×``height`` (None: the whole share), capped by the
    share of the available screen; without a screen (tests, some platforms) keep the wish."""
    screen = window.screen() or (window.parentWidget().screen() if window.parentWidget() else None)
    if screen is None:
        if width is not None and height is not None:
            window.resize(width, height)
        return
    area = screen.availableGeometry()
    most_wide, most_high = int(area.width() * width_share), int(area.height() * height_share)
    window.resize(
        most_wide if width is None else min(width, most_wide),
        most_high if height is None else min(height, most_high),
    )


def column_widths(width: int) -> list[int]:
    """The main window's navigator, centre and side column in a ``width`` wide window: the
    navigator and the side column a fixed share, the capture pane the rest."""
    side = max(260, int(width * 0.23))
    nav = max(240, int(width * 0.27))
    return [nav, max(300, width - side - nav), side]


def scrolling(column: QWidget) -> QScrollArea:
    """``column`` inside a frameless vertical scroll area: at large text sizes the column's
    fields keep their height and the coach scrolls to the lower ones (keyboard focus scrolls
    them into view), instead of the dialog growing past the screen."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields take focus, not the frame
    area.setWidget(column)
    return area
