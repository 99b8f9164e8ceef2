"""Every menu key works with the cursor in the capture line, where coaches spend the visit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from observe.store import Store
from observe.store.models import Visit
from observe.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def menu_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def reaches(action: QAction, focus: QWidget) -> bool:
    """Whether Qt offers the action's key to ``focus`` by its shortcut context."""
    context = action.shortcutContext()
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return True
    owners = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
    owners = [o for o in owners if not isinstance(o, QMenu)]
    if context == Qt.ShortcutContext.WidgetShortcut:
        return focus in owners
    return any(o is focus or o.isAncestorOf(focus) for o in owners)


def test_ctrl_e_in_the_capture_line_ends_the_visit(capturing: MainWindow, qtbot, store: Store):
    line = capturing.workspace.capture.line
    qtbot.keyClicks(line, "Students compare")
    qtbot.keyClick(line, Qt.Key.Key_E, CTRL)
    visit_id = capturing.context.visit_id
    with store.read() as s:
        assert s.get_one(Visit, visit_id).ended_at is not None
    assert capturing.workspace.capture.timer_label.text().startswith("Ended")
    assert line.text() == "Students compare"  # the typing is still there to save


@pytest.mark.parametrize("field", ["capture line", "navigator filter"])
def test_every_menu_shortcut_fires_from_a_text_field(capturing: MainWindow, qtbot, field: str):
    """Sends each menu key as real key events to the focused field; exactly the actions whose
    scope holds the field fire. Slots are cut first: this is about where keys go, not what the
    commands do."""
    line = {
        "capture line": capturing.workspace.capture.line,
        "navigator filter": capturing.workspace.navigator.filter_edit,
    }[field]
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    actions = [a for a in menu_actions(capturing) if not a.shortcut().isEmpty()]
    assert len(actions) >= 30
    fired: list[QAction] = []
    for action in actions:
        action.triggered.disconnect()
        action.setEnabled(True)
        action.triggered.connect(lambda _c=False, a=action: fired.append(a))
    checked = 0
    for action in actions:
        for sequence in action.shortcuts():
            fired.clear()
            combo = sequence[0]
            if not line.hasFocus():  # Ctrl+Down in the filter goes on to the list, as Down does
                line.setFocus()
                qtbot.waitUntil(line.hasFocus)
            qtbot.keyClick(line, combo.key(), combo.keyboardModifiers())
            name = f"{action.text()} ({sequence.toString()})"
            # Undo and Redo in a field undo its typing; only the capture line passes them on
            # (to undo the item just saved) when it has nothing of its own to undo.
            event = QKeyEvent(QEvent.Type.KeyPress, combo.key(), combo.keyboardModifiers())
            own = field != "capture line" and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
            if reaches(action, line) and not own:
                assert fired == [action], name
                checked += 1
            else:
                assert action not in fired, name
    assert checked >= 28
    if field == "capture line":
        assert line.text() == ""  # no command key typed a character into the line


def test_a_key_no_action_binds_still_edits_the_line(capturing: MainWindow, qtbot):
    """Handing command keys to the actions first loses nothing: Ctrl+Left still moves by word
    and Ctrl+Backspace still deletes one."""
    line = capturing.workspace.capture.line
    qtbot.keyClicks(line, "two words")
    qtbot.keyClick(line, Qt.Key.Key_Backspace, CTRL)
    assert line.text() == "two "
    qtbot.keyClick(line, Qt.Key.Key_A, CTRL)  # select all is the line's, not a command's
    qtbot.keyClicks(line, "x")
    assert line.text() == "x"
    seq = QKeySequence("Ctrl+Shift+J")  # bound to nothing
    qtbot.keyClick(line, seq[0].key(), seq[0].keyboardModifiers())
    assert line.text() == "x"


@pytest.mark.slow
def test_linux_key_map_ctrl_e_ends_the_visit_from_the_capture_line(tmp_path, monkeypatch):
    """Under a real X server the line edit reads Ctrl+E as "end of line"; End visit must win."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    from ..xserver import virtual_screen

    root = Path(__file__).resolve().parents[3]
    with virtual_screen() as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        done = subprocess.run(
            [sys.executable, "-m", "tests.ui.keyboard.linux_keys_probe", str(tmp_path / "p")],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["plain_claims_ctrl_e"] is True  # the Linux key map is really in use
    assert result["ended"] is True
    assert result["text"] == "Students compare"
    # Delete deletes characters here; the items' Delete (timeline) and Delete visit…
    # (navigator) are bound to their own panes on purpose.
    assert result["line_keeps"] == ["Del", "Shift+Del"], result["plain_claims"]
