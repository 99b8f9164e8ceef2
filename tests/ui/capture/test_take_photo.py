"""Capture › Take a photo… (Ctrl+Alt+P) on a machine without a camera (the offscreen test
machine has none): one sentence, no dialog, nothing stored, focus back on the line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from observe.errors import UsageError
from observe.ui.capture.camera import cameras

from .conftest import committed


def test_without_a_camera_take_a_photo_says_so(open_pane, qtbot, store, visit, errors_seen) -> None:
    if cameras():
        pytest.skip("this machine has a camera; the no-camera path needs one without")
    action = open_pane.pane_actions.take_photo
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Alt+P"
    assert action.text() == "&Take a photo…"
    before = committed(store, visit[0])
    qtbot.keyClick(open_pane.line, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.AltModifier)  # fmt: skip
    assert len(errors_seen) == 1
    [error] = errors_seen
    assert isinstance(error, UsageError)
    assert error.sentence.startswith("No camera found.")
    assert "attach a photo from a file (Ctrl+Alt+A)" in error.sentence
    assert open_pane.images.dialog is None and committed(store, visit[0]) == before
    assert open_pane.line.hasFocus()


def test_take_a_photo_waits_for_an_open_visit(pane, errors_seen) -> None:
    assert not pane.pane_actions.take_photo.isEnabled()
    assert pane.take_photo() is None and errors_seen == []
