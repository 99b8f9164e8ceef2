"""The Coaching menu: cycles, the coaching log, look-for frameworks and the impact view.

:class:`CoachingUi` owns the Coaching menu and the windows it opens. Each window is opened once
and brought forward on the next request, so a coach toggling between the capture window and
the log never piles up copies.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

from observe.store import Store
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp

SHORTCUTS = {
    "cycles": "Ctrl+Shift+C",
    "log_time": "Ctrl+Shift+A",
    "weekly_log": "Ctrl+Alt+W",
    "frameworks": "Ctrl+Alt+F",
    "impact": "Ctrl+I",
}


class CoachingUi(QObject):
    def __init__(
        self,
        window: QMainWindow,
        context: VisitContext,
        *,
        report_error: ErrorReporter,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.store: Store = context.store
        self._report_error = report_error
        self._today = today
        self.windows: dict[str, QDialog] = {}

        self.cycles_action = self._action(
            self.tr("Coaching &cycles…"),
            "cycles",
            self.tr("Goals, action steps and each cycle's measure"),
        )
        self.log_time_action = self._action(
            self.tr("&Log time…"),
            "log_time",
            self.tr("Record minutes of coaching or other duties"),
        )
        self.weekly_log_action = self._action(
            self.tr("&Weekly log…"),
            "weekly_log",
            self.tr("This week's time: coaching vs other duties"),
        )
        self.frameworks_action = self._action(
            self.tr("Look-for &frameworks…"),
            "frameworks",
            self.tr("Choose, edit, import and share look-for sets"),
        )
        self.impact_action = self._action(
            self.tr("&Impact…"),
            "impact",
            self.tr("Visits, time, cycles, look-fors and participation over time"),
        )
        self.cycles_action.triggered.connect(self.open_cycles)
        self.log_time_action.triggered.connect(self.log_time)
        self.weekly_log_action.triggered.connect(self.open_weekly_log)
        self.frameworks_action.triggered.connect(self.open_frameworks)
        self.impact_action.triggered.connect(self.open_impact)

        self.menu = QMenu(self.tr("C&oaching"), window)
        self.menu.addAction(self.cycles_action)
        self.menu.addSeparator()
        self.menu.addActions([self.log_time_action, self.weekly_log_action])
        self.menu.addSeparator()
        self.menu.addAction(self.frameworks_action)
        self.menu.addSeparator()
        self.menu.addAction(self.impact_action)

    def _action(self, text: str, key: str, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(SHORTCUTS[key]))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        return action

    def actions(self) -> list[QAction]:
        return [
            self.cycles_action,
            self.log_time_action,
            self.weekly_log_action,
            self.frameworks_action,
            self.impact_action,
        ]

    # -- windows ----------------------------------------------------------------------------

    def _show(self, key: str, make: Callable[[], QDialog]) -> QDialog:
        existing = self.windows.get(key)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        made = CoreOp(self.window, make, report=self._report_error, name=f"open {key}").run_now()
        if not made.ok or made.value is None:
            # Reported already; raised too so a caller (a test, a shortcut) sees it failed.
            raise made.error or RuntimeError(
                self.tr("the {key} window could not be made").format(key=key)
            )
        dialog = made.value
        self.windows[key] = dialog
        dialog.show()
        return dialog

    def open_cycles(self) -> QDialog:
        from observe.ui.coaching.cycles_window import CyclesWindow

        def make() -> QDialog:
            return CyclesWindow(
                self.store,
                self.window,
                report_error=self._report_error,
                today=self._today(),
                context=self.context,  # pulled reflections show without reopening
            )

        return self._show("cycles", make)

    def log_time(self) -> QDialog:
        from observe.ui.coaching.log_entry import LogEntryDialog

        dialog = LogEntryDialog(
            self.store, self.window, report_error=self._report_error, today=self._today()
        )
        dialog.saved.connect(lambda _id: self._log_changed())
        dialog.open()
        self.windows["log_time"] = dialog
        return dialog

    def _log_changed(self) -> None:
        weekly = self.windows.get("weekly_log")
        if weekly is not None and weekly.isVisible():
            from observe.ui.coaching.weekly_log import WeeklyLogWindow

            assert isinstance(weekly, WeeklyLogWindow)
            weekly.show_week(weekly.week)

    def open_weekly_log(self) -> QDialog:
        from observe.ui.coaching.weekly_log import WeeklyLogWindow

        def make() -> QDialog:
            return WeeklyLogWindow(
                self.store, self.window, report_error=self._report_error, today=self._today()
            )

        return self._show("weekly_log", make)

    def open_frameworks(self) -> QDialog:
        from observe.ui.coaching.frameworks_window import FrameworksWindow

        def make() -> QDialog:
            # The capture window and look-for panel reload from the store's change news.
            return FrameworksWindow(self.store, self.window, report_error=self._report_error)

        return self._show("frameworks", make)

    def open_impact(self) -> QDialog:
        from observe.ui.coaching.impact_window import ImpactWindow

        def make() -> QDialog:
            w = ImpactWindow(
                self.store, self.window, report_error=self._report_error, today=self._today()
            )
            w.refresh()
            return w

        return self._show("impact", make)
