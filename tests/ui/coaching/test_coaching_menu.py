"""The Coaching menu: every screen reachable, each with its own shortcut, each opened once."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QKeySequence
from sqlalchemy import select

from observe.capture.visits import start_visit
from observe.clock import utcnow
from observe.store.models import Classroom, CoachingLogEntry, LogActivity, VisitType
from observe.ui.coaching.cycles_window import CyclesWindow
from observe.ui.coaching.frameworks_window import FrameworksWindow
from observe.ui.coaching.impact_window import ImpactWindow
from observe.ui.coaching.log_entry import LogEntryDialog
from observe.ui.coaching.weekly_log import WeeklyLogWindow
from observe.ui.main_window import MainWindow


def _menu(window: MainWindow, title: str) -> list:
    for action in window.menuBar().actions():
        if action.text() == title:
            return [a for a in action.menu().actions() if not a.isSeparator()]
    raise AssertionError(title)


def test_the_menu_lists_every_coaching_screen_with_a_shortcut_no_one_else_uses(
    window: MainWindow,
):
    items = _menu(window, "C&oaching")
    assert [a.text() for a in items] == [
        "Coaching &cycles…",
        "&Log time…",
        "&Weekly log…",
        "Look-for &frameworks…",
        "&Impact…",
    ]
    keys = [a.shortcut().toString(QKeySequence.SequenceFormat.PortableText) for a in items]
    assert keys == ["Ctrl+Shift+C", "Ctrl+Shift+A", "Ctrl+Alt+W", "Ctrl+Alt+F", "Ctrl+I"]
    everything = [
        a.shortcut().toString()
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()
        if not a.shortcut().isEmpty()
    ]
    assert [everything.count(a.shortcut().toString()) for a in items] == [1] * 5, everything
    mnemonics = [a.text().split("&")[1][0].lower() for a in window.menuBar().actions()]
    assert mnemonics.count("o") == 1


def test_each_action_opens_its_window_once(window: MainWindow, qtbot, idle):
    ui = window.coaching_ui
    kinds = {
        ui.cycles_action: CyclesWindow,
        ui.log_time_action: LogEntryDialog,
        ui.weekly_log_action: WeeklyLogWindow,
        ui.frameworks_action: FrameworksWindow,
        ui.impact_action: ImpactWindow,
    }
    for action, kind in kinds.items():
        action.trigger()
        idle()
        opened = [w for w in ui.windows.values() if isinstance(w, kind)]
        assert len(opened) == 1 and opened[0].isVisible(), kind
    first = ui.windows["cycles"]
    ui.cycles_action.trigger()
    assert ui.windows["cycles"] is first
    for w in ui.windows.values():
        w.close()


def test_ending_a_visit_in_the_capture_window_logs_its_time(window: MainWindow, store, idle):
    from tests.coaching.helpers import make_room

    _teacher, room, _seats = make_room(store, seats=4)
    visit = start_visit(
        store, room, VisitType.CO_TEACHING, started_at=utcnow() - timedelta(minutes=42)
    )
    window.context.open_visit(visit.id)
    idle()
    window.workspace.capture.pane_actions.end_visit.trigger()
    idle()
    with store.read() as s:
        entries = s.scalars(
            select(CoachingLogEntry).where(CoachingLogEntry.visit_id == visit.id)
        ).all()
        subject = s.get(Classroom, room).subject
    assert len(entries) == 1
    assert entries[0].activity is LogActivity.COACHING_CYCLE
    assert 42 <= entries[0].minutes <= 43
    assert subject in (entries[0].note or "")
