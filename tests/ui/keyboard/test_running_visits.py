"""Ctrl+N over a running visit, visits left running, and the app's closed hours."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from observe.capture import closures
from observe.capture.evidence import save_evidence
from observe.capture.visits import start_visit
from observe.clock import as_utc, utcnow
from observe.store import Store
from observe.store.models import CoachingLogEntry, EvidenceKind, Visit, VisitType
from observe.ui import operations
from observe.ui.capture.quick_visit import QuickVisitDialog
from observe.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def modal(qtbot, kind: type):
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    widget = QApplication.activeModalWidget()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def ended_at(store: Store, visit_id: str):
    with store.read() as s:
        value = s.get_one(Visit, visit_id).ended_at
    return as_utc(value) if value else None


def start_in_same_class(qtbot) -> None:
    dialog = modal(qtbot, QuickVisitDialog)
    qtbot.waitUntil(dialog.search.hasFocus)
    qtbot.keyClicks(dialog.search, "okafor")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)


def test_ctrl_n_over_a_running_visit_ends_it_when_the_new_one_starts(
    capturing: MainWindow, qtbot, store: Store
):
    old = capturing.context.visit_id
    qtbot.keyClick(capturing.workspace.capture.line, Qt.Key.Key_N, CTRL)
    box = modal(qtbot, QMessageBox)
    assert "still running" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: end it and start the new one
    start_in_same_class(qtbot)
    qtbot.waitUntil(lambda: capturing.context.visit_id != old)
    assert ended_at(store, old) is not None
    assert ended_at(store, capturing.context.visit_id) is None


def test_cancelling_the_new_visit_leaves_the_running_one_alone(
    capturing: MainWindow, qtbot, store: Store
):
    old = capturing.context.visit_id
    qtbot.keyClick(capturing.workspace.capture.line, Qt.Key.Key_N, CTRL)
    qtbot.keyClick(modal(qtbot, QMessageBox), Qt.Key.Key_Return)
    dialog = modal(qtbot, QuickVisitDialog)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert capturing.context.visit_id == old and ended_at(store, old) is None


def test_keeping_both_leaves_the_first_running_and_marked_in_the_navigator(
    capturing: MainWindow, qtbot, store: Store, idle
):
    old = capturing.context.visit_id
    qtbot.keyClick(capturing.workspace.capture.line, Qt.Key.Key_N, CTRL)
    box = modal(qtbot, QMessageBox)
    qtbot.keyClick(box, Qt.Key.Key_K, ALT)
    start_in_same_class(qtbot)
    qtbot.waitUntil(lambda: capturing.context.visit_id != old)
    assert ended_at(store, old) is None
    model = capturing.workspace.navigator.visit_model

    def old_row_text() -> str:
        index = model.visit_index(old)
        return str(index.data()) if index.isValid() else ""

    qtbot.waitUntil(lambda: old_row_text().endswith("· running"), timeout=10_000)
    index = model.visit_index(old)
    assert "Still running" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_a_visit_left_running_from_yesterday_is_offered_to_end_at_its_last_evidence(
    qtbot, store: Store, visit_id: str, errors_seen
):
    start = utcnow().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
    start -= timedelta(days=1)
    with store.read() as s:
        room = s.get_one(Visit, visit_id).classroom_id
    old = start_visit(store, room, VisitType.COACHING_OBSERVATION, started_at=start)
    save_evidence(
        store, old.id, EvidenceKind.NOTE, "Exit tickets", observed_at=start.replace(minute=40)
    )
    window = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(window)
    window.show()  # the question comes up over it at once, and takes the keyboard
    qtbot.waitExposed(window)
    try:
        box = modal(qtbot, QMessageBox)
        assert "Zoë Okafor · Science" in box.text() and "10:40" in box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ended_at(store, old.id) is not None)
        assert ended_at(store, old.id) == as_utc(start.replace(minute=40))
        with store.read() as s:
            minutes = s.scalars(
                select(CoachingLogEntry.minutes).where(CoachingLogEntry.visit_id == old.id)
            ).one()
        assert minutes == 40
        assert ended_at(store, visit_id) is None  # today's visit is not touched
        assert errors_seen == []
    finally:
        window.close()
        operations.shutdown()


def test_the_timer_leaves_out_the_hours_the_app_was_closed(
    qtbot, store: Store, visit_id: str, errors_seen
):
    now = utcnow()
    with store.write() as s:
        s.get_one(Visit, visit_id).started_at = now - timedelta(minutes=70)
    first = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(first)
    first.context.open_visit(visit_id)
    closures.note_closed(store, now - timedelta(minutes=65))  # as if closed then
    first.workspace.flush()
    first.hide()
    # Reopened now: 70 minutes since the start, 65 of them with the app closed.
    again = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(again)
    try:
        assert again.context.visit_id == visit_id
        timer = again.workspace.capture.timer_label.text()
        assert timer.startswith("05:") or timer.startswith("5:"), timer
        assert errors_seen == []
    finally:
        again.close()
        first.deleteLater()
        operations.shutdown()
