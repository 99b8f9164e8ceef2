"""Edit → Settings… as a coach uses it: keyboard first, saved per profile, applied at once."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from observe import settings
from observe.store import Store
from observe.store.models import School, VisitType
from observe.ui import appearance
from observe.ui.main_window import MainWindow
from observe.ui.settings_dialog import SettingsDialog

from .conftest import ErrorsSeen


@pytest.fixture(autouse=True)
def system_colours_after():
    """The theme is the application's: put the test process's colours back afterwards."""
    yield
    appearance.apply_theme("system")


def dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def open_settings(qtbot, window: MainWindow) -> SettingsDialog:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    shown = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(shown) == 1
    dialog = shown[0]
    dialog.activateWindow()  # as the window manager does for a new dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    return dialog


def test_ctrl_comma_opens_settings_from_the_edit_menu_with_the_name_field_focused(
    qtbot, window: MainWindow
):
    assert window.settings_action.shortcut() == QKeySequence("Ctrl+,")
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.settings_action in edit_menu.actions()
    dialog = open_settings(qtbot, window)
    assert dialog.focusWidget() is dialog.name_edit
    # Every mnemonic in the dialog is different.
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [dialog.hints_check.text(), dialog.save_button.text()]
    keys = [m.group(1).lower() for t in texts for m in [re.search(r"&(\w)", t)] if m]
    assert len(keys) == len(texts) and len(set(keys)) == len(keys), keys
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_settings_are_saved_applied_at_once_and_escape_cancels(
    qtbot, window: MainWindow, store: Store
):
    with store.write() as s:
        s.add(School(name="Lincoln Middle"))
    capture = window.workspace.capture
    line_size = capture.line.font().pointSizeF()
    kind_width = capture.timeline.columnWidth(1)
    other_size = window.workspace.navigator.font().pointSizeF()
    dialog = open_settings(qtbot, window)
    assert dialog.school_edit.text() == "Lincoln Middle"
    qtbot.keyClicks(dialog.name_edit, "Ana Reyes")
    dialog.school_edit.setText("Lincoln Middle School")
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("a4"))
    dialog.hints_check.setChecked(False)
    dialog.visit_combo.setCurrentIndex(dialog.visit_combo.findData(VisitType.MODELING))
    dialog.size_combo.setCurrentIndex(dialog.size_combo.findData(150))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()

    saved = settings.load(store)
    assert (saved.coach_name, saved.school) == ("Ana Reyes", "Lincoln Middle School")
    assert saved.paper == "a4"
    assert (saved.language_hints, saved.default_visit_type) == (False, VisitType.MODELING)
    assert (saved.text_size, saved.theme) == (150, "dark")
    # Applied without a restart: the coach's zoom on the capture line and timeline only,
    # the dark colours everywhere, hints off in the capture pane.
    assert capture.line.font().pointSizeF() == pytest.approx(line_size * 1.5)
    assert capture.timeline.font().pointSizeF() == pytest.approx(line_size * 1.5)
    assert window.workspace.navigator.font().pointSizeF() == pytest.approx(other_size)
    assert capture.timeline.columnWidth(1) == pytest.approx(kind_width * 1.5, rel=0.15)
    qtbot.waitUntil(lambda: dark(window), timeout=2000)  # palette changes arrive as events
    assert dark(window.workspace.capture.timeline)
    assert not capture.hints_enabled
    # The start-a-visit dialog now starts on the chosen type.
    from observe.ui.capture.quick_visit import QuickVisitDialog

    quick = QuickVisitDialog(window.context, parent=window)
    assert quick.type_combo.currentData() == VisitType.MODELING
    quick.deleteLater()

    # Esc leaves everything as it was.
    dialog = open_settings(qtbot, window)
    assert dialog.name_edit.text() == "Ana Reyes"
    dialog.name_edit.setText("Someone else")
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert settings.load(store) == saved
    qtbot.wait(20)
    assert dark(window)

    # Enter saves too; light comes back.
    dialog = open_settings(qtbot, window)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    dialog.size_combo.setCurrentIndex(dialog.size_combo.findData(100))
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert settings.load(store).theme == "light"
    qtbot.waitUntil(lambda: not dark(window), timeout=2000)
    assert capture.line.font().pointSizeF() == pytest.approx(line_size)


def test_a_new_window_on_the_profile_starts_with_the_saved_look(
    qtbot, store: Store, errors_seen, idle
):
    settings.put(store, settings.TEXT_SIZE_KEY, 130)
    settings.put(store, settings.THEME_KEY, "dark")
    w = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(w)
    base = QApplication.font().pointSizeF()
    assert w.workspace.capture.line.font().pointSizeF() == pytest.approx(base * 1.3)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    w.close()


def test_a_bad_server_is_explained_beside_the_field_and_nothing_is_saved(
    qtbot, window: MainWindow, store: Store
):
    dialog = open_settings(qtbot, window)
    dialog.name_edit.setText("Ana Reyes")
    dialog.server_edit.setText("http://")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    problem = dialog.problems["server_url"]
    assert problem.isVisible() and "not a server address" in problem.text()
    assert dialog.focusWidget() is dialog.server_edit
    assert settings.load(store).coach_name == ""
    dialog.reject()


def test_a_new_sync_server_hands_over_to_sign_in(qtbot, window: MainWindow, store: Store):
    dialog = open_settings(qtbot, window)
    dialog.server_edit.setText("observe.example.org")
    qtbot.keyClick(dialog.server_edit, Qt.Key.Key_Return)
    assert settings.load(store).server_url == "https://observe.example.org"
    sign_in = window.sync_ui.sign_in_dialog
    assert sign_in is not None and sign_in.isVisible()
    assert sign_in.server.text() == "https://observe.example.org"
    focused: QWidget | None = sign_in.focusWidget()
    assert focused is sign_in.email
    sign_in.reject()


def test_a_school_name_another_school_has_is_refused_beside_the_school_field(
    qtbot, store: Store, errors_seen: ErrorsSeen
):
    with store.write() as s:
        s.add(School(name="Lincoln Middle"))
    with store.write() as s:
        s.add(School(name="Roosevelt High"))
    dialog = SettingsDialog(store, report_error=errors_seen)
    qtbot.addWidget(dialog)
    assert dialog.school_edit.text() == "Lincoln Middle"
    dialog.school_edit.setText("roosevelt high")

    assert dialog.save() is False

    problem = dialog.problems["school"]
    assert not problem.isHidden()
    assert problem.text() == "There is already a school named roosevelt high in this profile."
    assert dialog.problems["coach_name"].isHidden()
    assert errors_seen == []  # a refusal is an answer beside the field, not an error dialog
    assert settings.load(store).school == "Lincoln Middle"
