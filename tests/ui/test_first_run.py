"""The welcome dialog of a new profile: typed into like a coach would, checked in the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from observe.profile_setup import COACH_NAME, SERVER_URL, WELCOME_DONE, needs_welcome
from observe.store import Store, open_profile
from observe.store.models import School
from observe.ui.app import run_gui
from observe.ui.first_run import WelcomeDialog, offer_welcome
from observe.ui.main_window import MainWindow
from observe.ui.sync.signin import SignInDialog


def schools(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(School.name).where(School.deleted.is_(False))))


def welcome(qtbot, window: MainWindow) -> WelcomeDialog:
    dialog = offer_welcome(window)
    assert dialog is not None, "a new, empty profile should open with the welcome"
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def fill(qtbot, dialog: WelcomeDialog, name: str, school: str, server: str = "") -> None:
    for edit, text in (
        (dialog.name_edit, name),
        (dialog.school_edit, school),
        (dialog.server_edit, server),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_filling_the_welcome_creates_the_school_and_stores_the_name(
    qtbot, window: MainWindow, store: Store, profile_dir: Path, idle
):
    dialog = welcome(qtbot, window)
    assert dialog.isModal() or dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.focusWidget() is dialog.name_edit

    fill(qtbot, dialog, "  Ana   Ruiz ", "Riverside Middle School", "observe.riverside.org/")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.outcome == "completed"
    assert schools(store) == ["Riverside Middle School"]
    assert store.setting(COACH_NAME) == "Ana Ruiz"
    assert store.setting(SERVER_URL) == "https://observe.riverside.org"
    assert "Sign in to https://observe.riverside.org" in window.statusBar().currentMessage()

    # Handed over to the sync sign-in, with the address filled in and the email to type next.
    sign_in = window.sync_ui.sign_in_dialog
    assert isinstance(sign_in, SignInDialog)
    qtbot.waitUntil(sign_in.isVisible)
    assert sign_in.server.text() == "https://observe.riverside.org"
    assert sign_in.focusWidget() is sign_in.email
    sign_in.reject()  # "later": the welcome's work stays done
    qtbot.waitUntil(lambda: window.sync_ui.sign_in_dialog is None)
    idle()

    # Not offered again, in this window or when the profile is opened next time.
    assert offer_welcome(window) is None
    reopened = open_profile(profile_dir)
    try:
        assert not needs_welcome(reopened)
    finally:
        reopened.close()


def test_the_name_reaches_the_feedback_sheets(qtbot, window: MainWindow, store: Store):
    from observe.reports.common import coach_name

    dialog = welcome(qtbot, window)
    fill(qtbot, dialog, "Ana Ruiz", "Riverside")
    qtbot.keyClick(dialog.school_edit, Qt.Key.Key_Return)  # Enter presses Start
    qtbot.waitUntil(lambda: dialog.outcome == "completed")
    assert coach_name(store) == "Ana Ruiz"


def test_missing_answers_are_explained_in_the_dialog_and_nothing_is_saved(
    qtbot, window: MainWindow, store: Store
):
    dialog = welcome(qtbot, window)
    fill(qtbot, dialog, "", "Riverside")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert dialog.problem.text().startswith("Type your name")
    assert dialog.focusWidget() is dialog.name_edit

    fill(qtbot, dialog, "Ana Ruiz", "Riverside", "not a server address")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "not a server address Observe can use" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.server_edit

    assert schools(store) == []
    assert store.setting(COACH_NAME) is None
    assert needs_welcome(store)

    dialog.server_edit.clear()  # no server: works offline
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome == "completed")
    assert schools(store) == ["Riverside"]
    assert store.setting(SERVER_URL) is None
    assert window.sync_ui.sign_in_dialog is None  # no server, no sign-in


def test_load_demo_data_fills_the_profile_instead(qtbot, window: MainWindow, store: Store, idle):
    dialog = welcome(qtbot, window)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.demo_operation is not None)
    idle()

    counts = store.counts()
    assert counts["teacher"] > 0 and counts["evidence"] > 0
    assert store.setting(WELCOME_DONE) == "demo"
    assert store.setting(COACH_NAME) is None
    assert offer_welcome(window) is None


def test_demo_data_from_the_welcome_shows_in_every_view_without_a_restart(
    qtbot, window: MainWindow, idle
):
    nav, lookfors = window.workspace.navigator, window.workspace.lookfors
    assert nav.teacher_model.rowCount() == 0 and nav.visit_model.rowCount() == 0
    assert lookfors.rows == []
    dialog = welcome(qtbot, window)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.demo_operation is not None)
    idle()
    qtbot.waitUntil(lambda: nav.teacher_model.rowCount() > 0, timeout=5000)
    qtbot.waitUntil(lambda: nav.visit_model.rowCount() > 0, timeout=5000)
    assert lookfors.rows and lookfors.set_name


def test_skip_is_remembered_but_escape_asks_again(qtbot, window: MainWindow, store: Store):
    dialog = welcome(qtbot, window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.outcome is None
    assert needs_welcome(store)

    again = welcome(qtbot, window)
    qtbot.mouseClick(again.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert store.setting(WELCOME_DONE) == "skipped"
    assert schools(store) == []
    assert offer_welcome(window) is None


def test_an_existing_school_of_the_same_name_is_reused(qtbot, window: MainWindow, store: Store):
    dialog = welcome(qtbot, window)
    fill(qtbot, dialog, "Ana Ruiz", "Riverside")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome == "completed")

    store.set_setting(WELCOME_DONE, "")  # as if offered again (not something the app does)
    second = WelcomeDialog(store, window)
    qtbot.addWidget(second)
    fill(qtbot, second, "Ana Ruiz", "  riverside ")
    qtbot.mouseClick(second.start_button, Qt.MouseButton.LeftButton)
    assert schools(store) == ["Riverside"]


def test_starting_the_app_on_a_new_profile_opens_the_welcome(
    qtbot, tmp_path: Path, errors_seen, log_file
):
    seen: list[str] = []

    def look_and_quit() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, WelcomeDialog) and widget.isVisible():
                seen.append(widget.windowTitle())
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.quit_action.trigger()

    QTimer.singleShot(300, look_and_quit)
    code = run_gui(str(tmp_path / "p"), [], report_error=errors_seen, log_dir=log_file.parent)
    assert code == 0
    assert seen == ["Welcome to Observe"]
    assert errors_seen == []


def test_a_profile_with_records_opens_without_the_welcome(qtbot, window: MainWindow, idle):
    window.load_demo()
    idle()
    assert offer_welcome(window) is None


def test_the_welcome_hands_over_to_a_real_sign_in(
    qtbot, window: MainWindow, store: Store, sqlite_server, monkeypatch, idle
):
    """End to end: the server typed in the welcome is the one the coach signs in to."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    coach = sqlite_server.add_user()
    dialog = welcome(qtbot, window)
    fill(qtbot, dialog, "Ana Ruiz", "Lincoln High", sqlite_server.base_url)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    sign_in = window.sync_ui.sign_in_dialog
    assert isinstance(sign_in, SignInDialog)
    qtbot.waitUntil(sign_in.isVisible)
    qtbot.keyClicks(sign_in.email, coach.email)
    qtbot.keyClicks(sign_in.password, coach.password)
    with qtbot.waitSignal(sign_in.accepted, timeout=20_000):
        qtbot.mouseClick(sign_in.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync_ui.controller.status.signed_in, timeout=20_000)
    idle()
    assert schools(store) == ["Lincoln High"]
