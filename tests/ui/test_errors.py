"""Error dialogs: a coach reads a sentence; the traceback goes to the log file only."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from observe import logsetup
from observe.errors import ProfileError
from observe.ui.errors import install_excepthook, show_error


def _raise_unexpected() -> None:
    raise KeyError("internal_key_nobody_should_see")


def _caught() -> BaseException:
    try:
        _raise_unexpected()
    except KeyError as exc:
        return exc
    raise AssertionError


def test_an_observe_error_shows_its_own_sentence(qtbot, log_file):
    shown: list[QMessageBox] = []
    error = ProfileError("The profile folder is a file, not a folder. Choose another folder.")
    show_error(None, error, present=shown.append)
    [box] = shown
    qtbot.addWidget(box)
    assert box.text() == error.sentence
    assert box.icon() == QMessageBox.Icon.Warning


def test_an_unexpected_error_shows_a_generic_sentence_and_logs_the_traceback(qtbot, log_file):
    shown: list[QMessageBox] = []
    show_error(None, _caught(), present=shown.append)
    [box] = shown
    qtbot.addWidget(box)

    assert box.text().startswith("Something went wrong")
    assert str(log_file) in box.text()
    assert "Traceback" not in box.text()
    assert "internal_key_nobody_should_see" not in box.text()
    assert box.detailedText() == ""

    written = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in written
    assert "_raise_unexpected" in written
    assert "internal_key_nobody_should_see" in written


def test_without_a_log_file_the_sentence_does_not_point_at_one(qtbot, monkeypatch):
    monkeypatch.setattr(logsetup, "_configured", None)
    shown: list[QMessageBox] = []
    show_error(None, _caught(), present=shown.append)
    [box] = shown
    qtbot.addWidget(box)
    assert box.text().startswith("Something went wrong")
    assert "No log file could be written" in box.text()


def test_an_uncaught_exception_in_a_slot_becomes_the_error_report(qtbot, log_file):
    reported: list[BaseException] = []
    uninstall = install_excepthook(lambda parent, error: reported.append(error))
    try:
        QTimer.singleShot(0, _raise_unexpected)
        qtbot.waitUntil(lambda: bool(reported), timeout=5000)
    finally:
        uninstall()
    assert isinstance(reported[0], KeyError)
    assert reported[0].__traceback__ is not None


def test_the_excepthook_can_be_removed_again():
    before = sys.excepthook
    uninstall = install_excepthook(lambda parent, error: None)
    assert sys.excepthook is not before
    uninstall()
    assert sys.excepthook is before
