"""The main window as a coach meets it: title, menus, shortcuts, counts, demo data, backup."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QPushButton

from observe import __version__
from observe.errors import ObserveError, UsageError
from observe.store import Store
from observe.store.models import School
from observe.ui.main_window import MainWindow


def _menu(window: MainWindow, title: str) -> list[str]:
    for action in window.menuBar().actions():
        if action.text() == title:
            return [a.text() for a in action.menu().actions() if not a.isSeparator()]
    raise AssertionError(f"no menu {title}")


def _shortcut(window: MainWindow, text: str) -> str:
    for action in window.findChildren(type(window.quit_action)):
        if action.text() == text:
            return action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
    raise AssertionError(f"no action {text}")


def test_window_has_title_menus_and_shortcuts(window: MainWindow):
    assert window.windowTitle() == "Observe"
    assert [a.text() for a in window.menuBar().actions()] == [
        "&File",
        "&Edit",
        "&Capture",
        "&View",
        "Cla&sses",
        "&Reports",
        "S&ync",
        "C&oaching",
        "&Help",
    ]
    assert _menu(window, "&File") == [
        "&New visit…",
        "New learning &walk…",
        "Ne&xt classroom on walk…",
        "&End visit",
        "&Delete visit…",
        "&Load demo data…",
        "&Open profile folder",
        "&Back up database…",
        "&Recover records into a new profile…",
        "&Quit",
    ]
    assert _menu(window, "&Edit")[-2:] == ["&Find evidence…", "Se&ttings…"]
    assert _menu(window, "&View")[-1] == "&Refresh"
    assert "Import roster…" in " ".join(_menu(window, "Cla&sses")).replace("&", "")
    assert _menu(window, "&Help") == [
        "&Keyboard shortcuts",
        "Show &log folder",
        "&About Observe",
    ]
    assert _shortcut(window, "&Quit") == "Ctrl+Q"
    assert _shortcut(window, "&Load demo data…") == "Ctrl+Shift+D"
    assert _shortcut(window, "&Back up database…") == "Ctrl+Shift+B"
    assert _shortcut(window, "&Refresh") == "F5"
    assert _shortcut(window, "&New visit…") == "Ctrl+N"
    assert _shortcut(window, "Ne&xt classroom on walk…") == "Ctrl+Shift+N"
    assert _shortcut(window, "&Find evidence…") == "Ctrl+F"
    assert _shortcut(window, "Se&ttings…") == "Ctrl+,"
    assert _shortcut(window, "&Delete visit…") == "Shift+Del"


def _all_menu_actions(window: MainWindow) -> list:
    found = []

    def walk(menu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def test_every_window_wide_shortcut_is_unique_so_none_is_ambiguous(window: MainWindow):
    # F2 means "edit this" in both the navigator and the timeline; each is scoped to its pane.
    keys = [
        a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in _all_menu_actions(window)
        if not a.shortcut().isEmpty()
        and a.shortcutContext() != Qt.ShortcutContext.WidgetWithChildrenShortcut
    ]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert len(keys) >= 25


def test_quit_closes_the_window(window: MainWindow):
    window.quit_action.trigger()
    assert not window.isVisible()


def test_status_bar_shows_profile_and_save_state(window: MainWindow, store: Store):
    assert window.profile_label.text() == f"Profile: {store.paths.data_dir.name}"
    assert window.save_label.text() == "All changes saved"


def test_empty_profile_shows_zero_counts_and_offers_demo_data(window: MainWindow, store: Store):
    counts = window.summary.shown_counts()
    assert set(counts) == set(store.counts()) - {"outbox"}  # no server: nothing waits
    assert set(counts.values()) == {"0"}
    assert window.summary.path_label.text() == str(store.paths.data_dir)
    assert window.summary.empty_box.isVisible()
    assert window.summary.load_demo_button.isEnabled()


def test_changes_waiting_to_sync_show_only_once_a_server_is_set(
    window: MainWindow, store: Store, idle
):
    with store.write() as s:
        s.add(School(name="Maple Elementary"))
    window.refresh_action.trigger()
    idle()
    assert "outbox" not in window.summary.shown_counts()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old count boxes
    texts = [label.text() for label in window.summary.findChildren(QLabel)]
    assert "Changes waiting to sync:" not in texts
    assert "waiting" not in window.sync_ui.label.text()
    store.set_setting("welcome.server_url", "https://observe.example.org")
    window.refresh_action.trigger()
    idle()
    assert window.summary.shown_counts()["outbox"] == "1"
    texts = [label.text() for label in window.summary.findChildren(QLabel)]
    assert "Changes waiting to sync:" in texts


def test_controls_have_accessible_names(window: MainWindow):
    assert window.summary.load_demo_button.accessibleName() == "Load demo data"
    values = [w for w in window.findChildren(QLabel) if w.objectName().startswith("count-")]
    assert values and all(v.accessibleName().endswith(": 0") for v in values)


def test_refresh_shows_records_added_meanwhile(window: MainWindow, store: Store, idle):
    with store.write() as s:
        s.add(School(name="Maple Elementary"))
    window.refresh_action.trigger()
    idle()
    assert window.summary.shown_counts()["school"] == "1"
    assert not window.summary.empty_box.isVisible()


def test_load_demo_fills_the_counts(window: MainWindow, errors_seen, idle, qtbot):
    pytest.importorskip("observe.demo.generator")
    window.load_demo_action.trigger()
    idle()
    assert errors_seen == []
    counts = {k: int(v.replace(",", "")) for k, v in window.summary.shown_counts().items()}
    assert counts["school"] > 0 and counts["visit"] > 0 and counts["evidence"] > 0
    assert not window.summary.empty_box.isVisible()
    assert window.save_label.text() == "All changes saved"
    # From the File menu as from the welcome: the other views show the data at once.
    nav = window.workspace.navigator
    qtbot.waitUntil(lambda: nav.teacher_model.rowCount() > 0 and nav.visit_model.rowCount() > 0)
    assert window.workspace.lookfors.rows


def test_cancelling_demo_data_closes_the_progress_and_leaves_the_profile_empty(
    window: MainWindow, store: Store, errors_seen, qtbot, idle, monkeypatch
):
    # A bigger "small" demo (the district path, reduced) so the cancel lands mid-load.
    from observe.demo import SCALES

    monkeypatch.setitem(SCALES, "small", replace(SCALES["district"], min_evidence=0))
    op = window.load_demo()
    assert op is not None
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: 0 < dialog.value() < dialog.maximum(), timeout=30_000)
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.progress_dialog is None, timeout=30_000)
    idle()
    assert errors_seen == []
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.save_label.text() == "All changes saved"
    assert window.load_demo_action.isEnabled()
    assert store.is_empty()


def test_demo_refusal_is_reported_as_its_sentence(window: MainWindow, store: Store, idle):
    with store.write() as s:
        s.add(School(name="Maple Elementary"))
    window.load_demo_action.trigger()
    idle()
    [error] = window._report_error  # type: ignore[misc]
    assert isinstance(error, UsageError)
    assert "already has records" in error.sentence
    assert window.progress_dialog is None
    assert store.counts()["school"] == 1


def test_backup_writes_a_complete_copy(window: MainWindow, store: Store, tmp_path: Path, idle):
    with store.write() as s:
        s.add(School(name="Maple Elementary"))
    dest = tmp_path / "copies" / "backup.sqlite3"
    assert window.back_up_to(dest) is not None
    idle()
    with sqlite3.connect(dest) as conn:
        assert conn.execute("SELECT name FROM school").fetchall() == [("Maple Elementary",)]
    assert "Backed up" in window.statusBar().currentMessage()


def test_backup_over_the_live_database_is_refused(window: MainWindow, store: Store, errors_seen):
    before = store.paths.database.read_bytes()
    assert window.back_up_to(store.paths.database) is None
    [error] = errors_seen
    assert isinstance(error, UsageError)
    assert store.paths.database.read_bytes() == before


def test_backup_failure_is_a_sentence(window: MainWindow, tmp_path: Path, errors_seen, idle):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    window.back_up_to(blocker / "backup.sqlite3")
    idle()
    [error] = errors_seen
    assert isinstance(error, ObserveError)
    assert "couldn't save the backup" in error.sentence
    assert window.backup_action.isEnabled()


def test_about_shows_version_license_and_folders(window: MainWindow, store: Store, qtbot):
    dialog = window.about_dialog()
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert __version__ in texts
    assert "MIT" in texts
    assert str(store.paths.data_dir) in texts
    assert "Observe" in texts


def test_ctrl_q_quits_from_the_keyboard(window: MainWindow, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_tab_moves_between_the_welcome_controls(window: MainWindow):
    button = window.summary.load_demo_button
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert button.nextInFocusChain() is window.summary.path_label


def test_an_unfinished_visit_is_reopened_on_start_but_not_an_ended_one(qtbot, store: Store):
    from observe.capture.visits import end_visit

    from ..store.helpers import make_visit

    visit_id, _ = make_visit(store)
    first = MainWindow(store, report_error=lambda parent, error: None)
    qtbot.addWidget(first)
    first.context.open_visit(visit_id)
    first.close()

    again = MainWindow(store, report_error=lambda parent, error: None)
    qtbot.addWidget(again)
    assert again.context.visit_id == visit_id
    assert again.workspace.center.currentWidget() is again.workspace.capture
    again.close()

    end_visit(store, visit_id)
    third = MainWindow(store, report_error=lambda parent, error: None)
    qtbot.addWidget(third)
    assert third.context.visit_id is None
    assert third.workspace.center.currentWidget() is third.summary
