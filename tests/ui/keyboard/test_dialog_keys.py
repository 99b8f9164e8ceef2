"""Dialogs driven from the keyboard alone, as the issue describes them going wrong."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog
from sqlalchemy import select

from observe.coaching import cycles
from observe.store import Store
from observe.store.models import Classroom, CoachingCycle, Teacher
from observe.ui.main_window import MainWindow

from .conftest import activate
from .dialogs import DIALOGS

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
#: The dialogs that edit something: Ctrl+S saves in each.
EDITING = {
    "New teacher", "Edit teacher", "New classroom", "Edit classroom", "Edit school",
    "Compose feedback", "New coaching cycle", "Edit coaching cycle", "Link visits",
    "Close cycle", "Log time", "Look-for frameworks", "Seating chart", "Attach image",
}  # fmt: skip


def focused(qtbot, dialog: QDialog):
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget.window() is dialog
    return widget


def saves_on_ctrl_s(dialog: QDialog) -> bool:
    save = QKeySequence(QKeySequence.StandardKey.Save)
    for shortcut in dialog.findChildren(QShortcut):
        if shortcut.key() == save and shortcut.isEnabled():
            return True
    for action in dialog.findChildren(QAction):
        if save in action.shortcuts():
            return True
    return any(b.shortcut() == save for b in dialog.findChildren(QAbstractButton))


def test_new_teacher_typed_straight_in_keeps_the_whole_name(
    window: MainWindow, store: Store, qtbot, idle
):
    """Ctrl+Shift+T, type the name, Enter: "Zoë Okafor" is saved whole, nothing is skipped."""
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
    dialog = QApplication.activeModalWidget()
    field = focused(qtbot, dialog)
    qtbot.keyClicks(field, "Zo")
    # QTest.keyClicks aborts beyond ASCII; the key press a keyboard sends for "ë" instead.
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, "ë"))
    qtbot.keyClicks(field, " Okafor")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    def names() -> list[str]:
        with store.read() as s:
            return list(s.scalars(select(Teacher.display_name)))

    qtbot.waitUntil(lambda: names() == ["Zoë Okafor"], timeout=10_000)
    idle()


def test_ctrl_s_saves_from_a_text_field_of_the_cycle_dialog(
    visit_id: str, window: MainWindow, store: Store, qtbot
):
    activate(qtbot, window)
    dialog = DIALOGS["New coaching cycle"](window)
    field = focused(qtbot, dialog)
    assert field in (dialog.teacher, dialog.focus)
    dialog.focus.setFocus()
    qtbot.keyClicks(dialog.focus, "Students ask each other questions")
    qtbot.keyClick(dialog.focus, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [c.focus for c in cycles.list_cycles(store)] == ["Students ask each other questions"]
    with store.read() as s:
        assert s.scalars(select(CoachingCycle.focus)).one()


def test_every_editing_dialog_saves_on_ctrl_s(visit_id: str, window: MainWindow, qtbot, idle):
    activate(qtbot, window)
    missing = []
    for name in sorted(EDITING):
        dialog = DIALOGS[name](window)
        idle()
        if not saves_on_ctrl_s(dialog):
            missing.append(name)
        dialog.hide()
        dialog.deleteLater()
    assert not missing


def test_alt_s_in_compose_feedback_saves_and_never_shares(
    visit_id: str, window: MainWindow, qtbot, idle
):
    activate(qtbot, window)
    dialog = DIALOGS["Compose feedback"](window)
    idle()
    field = focused(qtbot, dialog)
    assert not dialog.share_box.isChecked()
    qtbot.keyClick(field, Qt.Key.Key_S, ALT)
    idle()
    assert not dialog.share_box.isChecked()  # sharing is never one stray key away
    assert dialog.save_button.text().replace("&", "") == "Save"
    dialog.hide()


def test_enter_imports_the_roster_once_a_file_is_chosen(
    visit_id: str, window: MainWindow, store: Store, qtbot, idle
):
    activate(qtbot, window)
    dialog = DIALOGS["Import roster"](window)
    idle()
    field = focused(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    idle()
    with store.read() as s:
        assert "English" in s.scalars(select(Classroom.subject)).all()
    dialog.hide()
