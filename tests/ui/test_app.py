"""Starting the app: a profile that can't be opened is explained and left untouched."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from observe import startup_gc
from observe.errors import ProfileError
from observe.paths import DATABASE_FILENAME
from observe.ui.app import run_gui
from observe.ui.main_window import MainWindow


def test_a_file_that_is_not_sqlite_is_refused_and_left_byte_identical(
    qtbot, tmp_path: Path, errors_seen, log_file
):
    profile = tmp_path / "profile"
    profile.mkdir()
    database = profile / DATABASE_FILENAME
    original = b"These are my notes, not a database.\n" * 50
    database.write_bytes(original)
    hook = sys.excepthook

    startup_gc.pause()  # as the CLI starts the app (observe.cli._run_gui)
    try:
        code = run_gui(str(profile), [], report_error=errors_seen, log_dir=log_file.parent)
        assert gc.isenabled()  # back on even though no window opened
    finally:
        gc.enable()

    assert code == 3
    [error] = errors_seen
    assert isinstance(error, ProfileError)
    assert str(database) in error.sentence
    assert database.read_bytes() == original
    assert sorted(p.name for p in profile.iterdir()) == [DATABASE_FILENAME]
    assert sys.excepthook is hook


def test_a_good_profile_opens_the_main_window_until_quit(
    qtbot, tmp_path: Path, errors_seen, log_file
):
    seen: list[str] = []
    collecting: list[bool] = []

    def quit_from_the_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend(w.windowTitle() for w in windows if w.isVisible())
        collecting.append(gc.isenabled())
        for w in windows:
            w.quit_action.trigger()

    QTimer.singleShot(200, quit_from_the_window)
    startup_gc.pause()  # as the CLI starts the app: off until the window is shown
    try:
        code = run_gui(
            str(tmp_path / "profile"), [], report_error=errors_seen, log_dir=log_file.parent
        )
    finally:
        gc.enable()

    assert code == 0
    assert seen == ["Observe"]
    assert collecting == [True]
    assert errors_seen == []
    assert "starting" in log_file.read_text(encoding="utf-8")
