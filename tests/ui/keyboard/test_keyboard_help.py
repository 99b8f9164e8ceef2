"""Help → Keyboard shortcuts lists every key the window answers to, and is itself keyboard-run."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from observe.ui.keyboard_help import KeyboardHelpDialog
from observe.ui.main_window import MainWindow

from .conftest import activate

NATIVE = QKeySequence.SequenceFormat.NativeText


def open_help(window: MainWindow, qtbot, key=Qt.Key.Key_F1, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or window, key, mods)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), KeyboardHelpDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, KeyboardHelpDialog)
    qtbot.waitUntil(dialog.search.hasFocus)  # typing goes straight to the search
    return dialog


def test_every_action_with_a_shortcut_is_listed(capturing: MainWindow, qtbot):
    dialog = open_help(capturing, qtbot)
    listed = {(command, keys) for _group, command, keys in dialog.visible_commands()}
    actions = [a for a in capturing.findChildren(QAction) if not a.shortcut().isEmpty()]
    actions += [
        a for a in capturing.workspace.capture.actions_for_menu() if not a.shortcut().isEmpty()
    ]
    assert len(actions) >= 30
    for action in actions:
        keys = ", ".join(s.toString(NATIVE) for s in action.shortcuts())
        command = action.text().replace("&", "").rstrip("…").strip()
        assert (command, keys) in listed, (command, keys)
    groups = [g for g, _c, _k in dialog.visible_commands()]
    assert groups[0] == "File"
    assert ("Capture → Look-for tags") in groups
    assert ("Help", "Keyboard shortcuts", "F1, Ctrl+/") in dialog.visible_commands()
    assert ("File", "End visit", "Ctrl+E") in dialog.visible_commands()
    assert ("Capture", "Attach image", "Ctrl+Alt+A") in dialog.visible_commands()
    dialog.close()


def test_search_filters_enter_goes_to_the_list_and_esc_closes(capturing: MainWindow, qtbot):
    dialog = open_help(capturing, qtbot, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.search, "end visit")
    assert [c for _g, c, _k in dialog.visible_commands()] == ["End visit"]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.tree.hasFocus()
    assert dialog.tree.currentItem().text(1) == "Ctrl+E"
    dialog.search.setText("zzzz")
    assert dialog.visible_commands() == []
    assert dialog.count.text() == "No shortcut matches; try fewer letters."
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_f1_works_from_the_welcome_panel_too(window: MainWindow, qtbot):
    activate(qtbot, window)
    dialog = open_help(window, qtbot)
    assert len(dialog.visible_commands()) >= 30
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_list_takes_the_screens_height_it_needs(capturing: MainWindow, qtbot):
    """55 shortcuts in 12 groups: at 1366×768 and 200% the old 30 lines showed 20 of them."""
    dialog = open_help(capturing, qtbot)
    screen = capturing.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    assert dialog.height() >= 0.85 * screen.height()
    dialog.close()
