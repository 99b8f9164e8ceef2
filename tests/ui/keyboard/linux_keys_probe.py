"""Run under a real X server (xcb): presses menu keys in the capture line with Linux's key map.

The in-process tests run on the offscreen platform, whose text fields use the Windows key map;
Linux line edits also read Ctrl+E, Ctrl+K and Ctrl+U as editing keys. Prints one JSON object.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from observe.store import open_profile
from observe.store.models import Visit
from observe.ui.main_window import MainWindow
from tests.store.helpers import make_visit


def claims(field: QLineEdit, key: str) -> bool:
    """Whether a plain line edit on this platform keeps ``key`` from the window's actions."""
    combo = QKeySequence(key)[0]
    event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
    event.ignore()
    QApplication.sendEvent(field, event)
    return event.isAccepted()


def main() -> None:
    app = QApplication(sys.argv[:1])
    store = open_profile(Path(sys.argv[1]))
    visit_id, _ = make_visit(store)
    window = MainWindow(store, report_error=lambda parent, error: print(error, file=sys.stderr))
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.context.open_visit(visit_id)
    line = window.workspace.capture.line
    line.setFocus()
    app.processEvents()
    plain = QLineEdit()
    result: dict[str, object] = {"plain_claims_ctrl_e": claims(plain, "Ctrl+E")}
    QTest.keyClicks(line, "Students compare")
    QTest.keyClick(line, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    app.processEvents()
    with store.read() as s:
        result["ended"] = s.get_one(Visit, visit_id).ended_at is not None
    result["text"] = line.text()
    # Every window key the (empty) capture line still keeps from the actions on this platform.
    line.reset()
    kept = set()
    for action in window.findChildren(type(window.quit_action)):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if claims(line, key):
                kept.add(key)
    result["plain_claims"] = sorted(
        {
            s.toString(QKeySequence.SequenceFormat.PortableText)
            for a in window.findChildren(type(window.quit_action))
            for s in a.shortcuts()
            if claims(plain, s.toString(QKeySequence.SequenceFormat.PortableText))
        }
    )
    result["line_keeps"] = sorted(kept)
    print(json.dumps(result))
    window.close()
    store.close()


if __name__ == "__main__":
    main()
