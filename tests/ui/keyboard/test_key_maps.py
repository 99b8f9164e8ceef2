"""Menu keys against the keys text fields take on Linux, Windows and macOS.

Only one platform's key map can run in a test process, so the three maps are written out here
(from Qt's table of standard shortcuts; on macOS "Ctrl" is ⌘ and "Meta" the Control key). A menu
key that a text field claims on some platform must be one the field gives up
(``observe.ui.shortcuts``); the keys a field always keeps must be bound by no menu command.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QKeySequence

from observe.ui.main_window import MainWindow
from observe.ui.shortcuts import text_field_keeps

from .test_shortcuts_in_text import menu_actions, reaches

PORTABLE = QKeySequence.SequenceFormat.PortableText

# What a line edit or text box does with each key, per platform (Qt's standard key bindings).
TEXT_FIELD_KEYS: dict[str, dict[str, str]] = {
    "Linux": {
        "Ctrl+C": "copy", "Ctrl+Ins": "copy", "F16": "copy",
        "Ctrl+X": "cut", "Shift+Del": "cut", "F20": "cut",
        "Ctrl+V": "paste", "Shift+Ins": "paste", "F18": "paste",
        "Ctrl+A": "select all", "Ctrl+Z": "undo", "F14": "undo", "Ctrl+Shift+Z": "redo",
        "Ctrl+E": "end of line", "Ctrl+K": "delete to end of line",
        "Ctrl+U": "delete line", "Ctrl+Shift+A": "deselect",
        "Ctrl+Left": "previous word", "Ctrl+Right": "next word",
        "Ctrl+Home": "start", "Ctrl+End": "end",
        "Ctrl+Backspace": "delete word", "Ctrl+Del": "delete word",
    },
    "Windows": {
        "Ctrl+C": "copy", "Ctrl+Ins": "copy", "Ctrl+X": "cut", "Shift+Del": "cut",
        "Ctrl+V": "paste", "Shift+Ins": "paste", "Ctrl+A": "select all",
        "Ctrl+Z": "undo", "Alt+Backspace": "undo",
        "Ctrl+Y": "redo", "Ctrl+Shift+Z": "redo", "Alt+Shift+Backspace": "redo",
        "Ctrl+Left": "previous word", "Ctrl+Right": "next word",
        "Ctrl+Home": "start", "Ctrl+End": "end",
        "Ctrl+Backspace": "delete word", "Ctrl+Del": "delete word",
    },
    "macOS": {
        "Ctrl+C": "copy", "Ctrl+X": "cut", "Ctrl+V": "paste", "Ctrl+A": "select all",
        "Ctrl+Z": "undo", "Ctrl+Shift+Z": "redo",
        "Ctrl+Left": "start of line", "Ctrl+Right": "end of line",
        "Ctrl+Up": "start of text", "Ctrl+Down": "end of text",
        "Alt+Left": "previous word", "Alt+Right": "next word",
        "Alt+Up": "start of paragraph", "Alt+Down": "end of paragraph",
        "Ctrl+Backspace": "delete to start of line", "Alt+Backspace": "delete word",
        "Meta+A": "start of line", "Meta+E": "end of line", "Meta+K": "delete to end of line",
        "Meta+H": "backspace", "Meta+D": "delete", "Meta+B": "back", "Meta+F": "forward",
        "Meta+N": "next line", "Meta+P": "previous line", "Meta+V": "page down",
        "Meta+O": "insert line", "Meta+Y": "yank",
    },
}  # fmt: skip
#: The only text keys a menu command may share: the window's Undo and Redo, which the capture
#: line passes on when it has no typing of its own to undo.
SHARED = {"Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Alt+Backspace", "Alt+Shift+Backspace"}


def keeps(key: str) -> bool:
    combo = QKeySequence(key)[0]
    return text_field_keeps(
        QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
    )


@pytest.mark.parametrize("platform", sorted(TEXT_FIELD_KEYS))
def test_no_menu_key_is_lost_to_a_text_field(capturing: MainWindow, platform: str):
    line = capturing.workspace.capture.line
    taken = TEXT_FIELD_KEYS[platform]
    collisions = []
    for action in menu_actions(capturing):
        if not reaches(action, line):
            continue  # bound to another pane on purpose (Delete in the timeline)
        for sequence in action.shortcuts():
            key = sequence.toString(PORTABLE)
            if key in taken and key not in SHARED:
                collisions.append((key, action.text(), taken[key]))
                assert not keeps(key), f"{key} is “{taken[key]}” in {platform} text fields"
    if platform == "Linux":
        assert ("Ctrl+E", "&End visit", "end of line") in collisions
    if platform == "macOS":
        assert {k for k, *_ in collisions} >= {"Ctrl+Up", "Ctrl+Down"}  # ⌘↑/⌘↓: prompts


def test_keys_that_edit_text_stay_with_the_field():
    for key in ("Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+A", "Ctrl+Left", "Ctrl+Backspace", "Shift+Del"):
        assert keeps(key), key
    for key in ("Ctrl+E", "Ctrl+K", "Ctrl+U", "Ctrl+Up", "Alt+1", "Ctrl+Shift+N", "Ctrl+/"):
        assert not keeps(key), key
    combo = QKeySequence("Ctrl+Alt+Q")[0]  # AltGr+Q types "@" on a German Windows keyboard
    altgr = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers(), "@")
    assert text_field_keeps(altgr)
