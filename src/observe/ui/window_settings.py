"""Making the open window follow the coach's settings: at start-up (the look) and after
Edit → Settings… is saved (the look, language hints, a new sync server).

Apart from the Settings dialog so that opening the window applies the theme and text size
without importing the dialog (issue 18: window ready).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QHeaderView

from observe.settings import Settings
from observe.ui.appearance import apply_text_size, apply_theme

if TYPE_CHECKING:
    from observe.ui.main_window import MainWindow


def apply_settings(window: MainWindow, chosen: Settings, before: Settings | None = None) -> None:
    """Makes the open window follow ``chosen`` now; ``before`` says what changed (None: the
    window just opened, so only the look is applied)."""
    apply_theme(chosen.theme)
    capture = window.workspace.capture
    timeline = capture.timeline
    old_size = QFontInfo(timeline.font()).pixelSize()
    apply_text_size([capture.line, timeline], chosen.text_size)
    new_size = QFontInfo(timeline.font()).pixelSize()
    if old_size > 0 and new_size != old_size:
        # The time, kind and look-for columns were sized from the font: they grow with it
        # (keeping any width the coach dragged, in proportion), so "Student action" still fits.
        header = timeline.horizontalHeader()
        ratio = new_size / old_size
        for column in range(header.count()):
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                header.resizeSection(column, round(header.sectionSize(column) * ratio))
    timeline.fit_visible_rows()  # wrapped rows take the new height
    if before is None:
        return
    if capture.hints_enabled != chosen.language_hints:
        capture.set_hints_enabled(chosen.language_hints)
    if chosen.server_url and chosen.server_url != before.server_url:
        from observe.ui.first_run import open_sign_in

        open_sign_in(window, chosen.server_url)
