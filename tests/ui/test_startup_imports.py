"""Opening the window imports only what its first paint needs (issue 18: window ready ≤ 0.5 s).

The HTTP client (httpx, which also pulls in click, rich and pygments), the wire protocol's
pydantic models, ReportLab and Pillow cost a large share of a cold start; they are imported
when the coach first syncs, signs in, invites, prints or attaches. So are the dialogs behind
menu items and keys (starting a visit, which brings coaching cycles and feedback; Find; the
record, school and roster dialogs; the chart editor; Settings, Help, About; the redaction
dialog). Checked in a fresh interpreter, where nothing else has imported them yet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DEFERRED = (
    "httpx",
    "pydantic",
    "observe.protocol",
    "observe.sync.client",
    "reportlab",
    "PIL",
    "observe.capture.images",
    "observe.ui.capture.quick_visit",
    "observe.ui.capture.redaction",
    "observe.coaching.cycles",
    "observe.feedback",
    "observe.ui.search.dialog",
    "observe.ui.navigator.dialogs",
    "observe.ui.navigator.roster_dialog",
    "observe.ui.navigator.school_dialog",
    "observe.ui.participation.seating_editor",
    "observe.ui.settings_dialog",
    "observe.ui.about",
    "observe.ui.keyboard_help",
)

PROBE = r"""
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from observe.store import open_profile
from observe.ui import operations
from observe.ui.main_window import MainWindow

store = open_profile(sys.argv[1])
window = MainWindow(store, report_error=lambda parent, error: print("ERROR", error))
window.show()
while operations.running():
    app.processEvents()
app.processEvents()
loaded = [m for m in json.loads(sys.argv[2]) if m in sys.modules]
operations.shutdown()
store.close()
print(json.dumps(loaded))
"""


def _in_fresh_python(*args: str) -> str:
    """Output of ``python -c ARGS`` in a new interpreter (offscreen Qt), where nothing has been
    imported yet; the run must succeed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_window_opens_without_the_http_client_reportlab_pillow_or_its_dialogs(tmp_path):
    out = _in_fresh_python(PROBE, str(tmp_path / "profile"), json.dumps(DEFERRED))
    assert "ERROR" not in out
    assert json.loads(out.splitlines()[-1]) == []


def test_the_deferred_modules_still_load_when_a_sync_needs_them():
    """The lazy imports name real modules: a sync's engine and sign-in still import."""
    code = (
        "import sys; import observe.ui.main_window;"
        "from observe.sync.engine import SyncEngine; from observe.sync.account import logout;"
        "from observe.ui.sync.signin import SignInDialog;"
        "from observe.ui.sync.conflicts_view import ConflictsDialog;"
        "from observe.ui.navigator.invite_dialog import InviteDialog;"
        "from observe.sync.invitations import refresh_status_now, teacher_contact;"
        "print('httpx' in sys.modules)"
    )
    out = _in_fresh_python(code)
    assert out.strip() == "True"


def test_the_packages_still_give_the_dialogs_they_load_on_first_use():
    """The dialogs a package names but loads lazily are the real classes, imported on demand."""
    code = (
        "import sys, json;"
        "import observe.ui.main_window;"
        "before = [m for m in ('observe.ui.capture.quick_visit', 'observe.ui.search.dialog',"
        " 'observe.ui.navigator.roster_dialog', 'observe.ui.participation.seating_editor')"
        " if m in sys.modules];"
        "from observe.ui.capture import QuickVisitDialog, next_on_walk;"
        "from observe.ui.search import SearchDialog;"
        "from observe.ui.navigator import ClassroomDialog, RosterImportDialog, TeacherDialog;"
        "from observe.ui.participation import SeatingEditorDialog;"
        "import observe.ui.capture as c;"
        "missing = not hasattr(c, 'NoSuchDialog');"
        "print(json.dumps([before, [QuickVisitDialog.__module__, SearchDialog.__module__,"
        " RosterImportDialog.__module__, SeatingEditorDialog.__module__,"
        " TeacherDialog.__module__, ClassroomDialog.__module__, callable(next_on_walk)],"
        " missing]))"
    )
    out = _in_fresh_python(code)
    before, modules, missing = json.loads(out.splitlines()[-1])
    assert before == []
    assert modules == [
        "observe.ui.capture.quick_visit",
        "observe.ui.search.dialog",
        "observe.ui.navigator.roster_dialog",
        "observe.ui.participation.seating_editor",
        "observe.ui.navigator.dialogs",
        "observe.ui.navigator.dialogs",
        True,
    ]
    assert missing


def _small_demo(folder: Path) -> int:
    """A small demo profile in ``folder``, closed cleanly; its number of visits."""
    from observe.demo.generator import load_demo
    from observe.store import open_profile

    store = open_profile(folder)
    try:
        load_demo(store, "small")
        return store.counted_from_indexes(outbox=False).live["visit"]
    finally:
        store.close()


EARLY_PROBE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from observe.ui import app as app_module, operations

app = app_module.application([])
seen = {}


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in seen:
            seen["paint"] = "sqlalchemy" in sys.modules
        return False


started = app_module._Started()
assert app_module.start_early(started, app, sys.argv[1], lambda p, e: print("ERROR", e))
painted = FirstPaint()
started.window.installEventFilter(painted)


def poll():
    if started.window.is_ready and not operations.running():
        seen["ready"] = "sqlalchemy" in sys.modules
        app.quit()
    else:
        QTimer.singleShot(5, poll)


QTimer.singleShot(0, poll)
app.exec()
operations.shutdown()
started.store.close()
print("paint", seen["paint"], "ready", seen["ready"])
"""


def test_a_ready_profile_is_painted_before_sqlalchemy_is_imported(tmp_path):
    """Issue 18, window ready <= 0.5 s: the window of a profile ready to use is painted, with
    its real record counts, before SQLAlchemy (half of a start) is imported; the store comes
    right after."""
    _small_demo(tmp_path / "profile")
    out = _in_fresh_python(EARLY_PROBE, str(tmp_path / "profile"))
    assert "ERROR" not in out
    assert out.splitlines()[-1] == "paint False ready True"


def test_the_first_screen_reader_imports_neither_qt_nor_sqlalchemy(tmp_path):
    """The core reader of the first screen stays headless and light: reading a real profile
    with it loads neither Qt nor SQLAlchemy."""
    visits = _small_demo(tmp_path / "profile")
    code = (
        "import sys;"
        "from observe.store.first_screens import read_first_screens;"
        "first = read_first_screens(sys.argv[1], ('ui.theme',));"
        "print(first.counts['visit'], sorted(m for m in ('PySide6', 'sqlalchemy')"
        " if m in sys.modules))"
    )
    out = _in_fresh_python(code, str(tmp_path / "profile"))
    assert out.splitlines()[-1] == f"{visits} []"
