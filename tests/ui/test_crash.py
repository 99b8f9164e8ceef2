"""The crash handler, in a separate process as in the app: a traceback in the log, a sentence
in a dialog (read off the screen and dismissed like a coach would) and on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

# Starts the Qt app the way run_gui does, installs the crash handlers, then fails in a Qt slot
# and, once that dialog is dismissed, in a worker thread. A timer waits for each error dialog,
# prints what it says and clicks OK.
SCRIPT = textwrap.dedent(
    """
    import sys, threading
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow, QMessageBox
    from observe.logsetup import setup_logging
    from observe.ui.app import application
    from observe.ui.crash import install_crash_handlers

    setup_logging(Path(sys.argv[1]))
    app = application([])
    install_crash_handlers()
    window = QMainWindow()
    window.show()

    def slot_that_breaks():
        raise ZeroDivisionError("average of no visits")

    def thread_that_breaks():
        raise LookupError("seat 12B is gone")

    seen = []

    def read_the_dialog():
        box = app.activeModalWidget()
        if isinstance(box, QMessageBox):
            print("DIALOG:", box.text(), flush=True)
            seen.append(box.text())
            box.button(QMessageBox.StandardButton.Ok).click()
            if len(seen) == 1:
                threading.Thread(target=thread_that_breaks).start()
        if len(seen) == 2:
            app.quit()
        else:
            QTimer.singleShot(50, read_the_dialog)

    QTimer.singleShot(0, slot_that_breaks)
    QTimer.singleShot(50, read_the_dialog)
    QTimer.singleShot(20000, lambda: app.exit(9))
    sys.exit(app.exec())
    """
)


def test_an_exception_in_a_slot_or_thread_is_logged_and_explained(tmp_path: Path):
    logs = tmp_path / "logs"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONFAULTHANDLER", None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(logs)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    log_path = logs / "observe.log"
    written = log_path.read_text(encoding="utf-8")
    assert written.count("Traceback (most recent call last)") >= 2
    assert "in slot_that_breaks" in written and "ZeroDivisionError: average of no visits" in written
    assert "in thread_that_breaks" in written and "LookupError: seat 12B is gone" in written
    assert "uncaught exception in thread" in written

    dialogs = [line for line in result.stdout.splitlines() if line.startswith("DIALOG:")]
    assert len(dialogs) == 2
    for text in dialogs:
        assert "Something went wrong" in text
        assert f"The details were written to the log at {log_path}" in text
        assert "Traceback" not in text and "average of no visits" not in text
    # The same sentence for someone who started Observe from a terminal.
    assert f"written to the log at {log_path}" in result.stderr
    assert "Traceback" not in result.stderr
    # Ready to record a hard crash too.
    assert (logs / "faults.log").exists()


def test_qt_warnings_go_to_the_log_not_a_console(tmp_path: Path):
    logs = tmp_path / "logs"
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from PySide6.QtCore import qWarning
        from observe.logsetup import setup_logging
        from observe.ui.app import application
        from observe.ui.crash import install_crash_handlers

        setup_logging(Path(sys.argv[1]))
        app = application([])
        uninstall = install_crash_handlers()
        qWarning("the seating chart has no seats")
        uninstall()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(logs)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = (logs / "observe.log").read_text(encoding="utf-8")
    assert "WARNING observe.qt" in written and "the seating chart has no seats" in written
    assert "the seating chart has no seats" not in result.stderr
