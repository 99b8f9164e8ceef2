"""Keyboard fixtures: the real main window, active, with a visit open and the cursor in the line."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from observe.store import Store
from observe.ui.main_window import MainWindow

from ...store.helpers import make_visit


def activate(qtbot, widget: QWidget) -> None:
    """Shortcuts only fire in the active window, as for a coach using the real app."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def visit_id(store: Store) -> str:
    return make_visit(store)[0]


@pytest.fixture
def capturing(window: MainWindow, visit_id: str, qtbot) -> MainWindow:
    """The window showing Zoë Okafor's running visit, focus in the capture line."""
    activate(qtbot, window)
    window.context.open_visit(visit_id)
    line = window.workspace.capture.line
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    return window
