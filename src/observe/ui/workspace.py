"""The capture window's layout: navigator | capture pane | look-fors and participation.

The pieces never call each other; they share one :class:`VisitContext`. The centre shows the
welcome/summary panel until a visit is open, then the capture pane. Look-fors and the
participation tally share the right-hand column as tabs, because at 1366×768 (and at 200%)
there is not room for both side by side with a readable capture pane.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QTabWidget, QWidget

from observe.capture.visit_pages import visit_is_running
from observe.store import Store
from observe.store.first_screens import OPEN_VISIT_KEY
from observe.ui.capture import CapturePane
from observe.ui.capture.lookfors_panel import LookForsPanel
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter
from observe.ui.navigator import Navigator
from observe.ui.participation import TallyPanel
from observe.ui.screen_fit import column_widths
from observe.ui.search import SearchLauncher


class Workspace(QSplitter):
    def __init__(
        self,
        store: Store,
        window: QMainWindow,
        welcome: QWidget,
        *,
        report_error: ErrorReporter,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, window)
        self.setChildrenCollapsible(False)
        self.context = VisitContext(store, self)

        self.navigator = Navigator(self.context)
        # The look-for panel owns Ctrl+1…9 and emits lookfor_toggled; the pane follows it.
        self.capture = CapturePane(self.context, report_error=report_error, lookfor_hotkeys=False)
        self.lookfors = LookForsPanel(self.context, report_error=report_error)
        self.tally = TallyPanel(self.context, report_error=report_error)
        self.search = SearchLauncher(self.context, window, highlighted=self.highlighted_rect)

        self.welcome = welcome
        self.center = QStackedWidget()
        self.center.addWidget(welcome)
        self.center.addWidget(self.capture)

        self.side = QTabWidget()
        self.side.setAccessibleName(self.tr("Look-fors and participation"))
        self.lookfors.heading.hide()
        self.tally.heading.hide()
        self.side.addTab(self.lookfors, self.tr("&Look-fors"))
        self.side.addTab(self.tally, self.tr("&Participation"))
        # Ctrl+Shift+P (go to the seats) must first bring the Participation tab forward.
        self.tally.focus_seats_action.triggered.connect(self._show_seats)

        for widget in (self.navigator, self.center, self.side):
            self.addWidget(widget)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 5)
        self.setStretchFactor(2, 2)
        self.center.setCurrentWidget(self.welcome)
        self._open_visit_unsaved = False
        self._reopen_unfinished_visit()
        self.context.visit_changed.connect(self._visit_changed)
        if self.context.visit_id:
            self.center.setCurrentWidget(self.capture)

    def _visit_changed(self, visit_id: object) -> None:
        self.center.setCurrentWidget(self.capture if visit_id else self.welcome)
        # Remembered once the visit is on screen: the write waits for the disk (a commit), and
        # the coach should not wait for it to see the visit. A crash in between reopens the
        # visit before, at worst.
        self._open_visit_unsaved = True
        QTimer.singleShot(0, self, self._remember_open_visit)

    def _remember_open_visit(self) -> None:
        if self._open_visit_unsaved:  # once, for the visit open now, however many were passed
            self._open_visit_unsaved = False
            self.context.store.set_setting(OPEN_VISIT_KEY, str(self.context.visit_id or ""))

    def _reopen_unfinished_visit(self) -> None:
        """After a crash or a closed lid, go straight back to the visit that was in progress
        (its unsaved line comes back as a draft). A visit that was ended is not reopened."""
        visit_id = self.context.store.setting(OPEN_VISIT_KEY)
        if not visit_id:
            return
        if visit_is_running(self.context.store, visit_id):
            self.context.open_visit(visit_id)

    def _show_seats(self) -> None:
        self.side.setCurrentWidget(self.tally)
        self.tally.focus_seats()

    def highlighted_rect(self) -> QRect | None:
        """The selected timeline item on screen (global coordinates), for Find to keep clear."""
        view = self.capture.timeline
        index = view.currentIndex()
        if self.center.currentWidget() is not self.capture or not index.isValid():
            return None
        # The pane may have just come forward: wrap the rows on screen now (the view does it
        # on a timer), so the rectangle is where the item will be drawn, at its full height.
        view.fit_visible_rows()
        view.scrollTo(index)
        view.fit_visible_rows()
        last = index.siblingAtColumn(view.model().columnCount() - 1)
        row = view.visualRect(index.siblingAtColumn(0)).united(view.visualRect(last))
        rect = row.intersected(view.viewport().rect())
        if rect.isEmpty():
            return None
        return QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def size_columns(self, width: int) -> None:
        """Navigator and side column a fixed share of the window, the capture pane the rest."""
        self.setSizes(column_widths(width))

    # -- actions for the main window's menus -------------------------------------------------

    def file_actions(self) -> list[QAction]:
        a = self.capture.pane_actions
        return [
            a.new_visit,
            a.new_walk,
            a.next_on_walk,
            a.end_visit,
            self.navigator.delete_visit_action,
        ]

    def edit_actions(self) -> list[QAction]:
        a = self.capture.pane_actions
        return [a.undo, a.redo, a.edit_item, a.delete_item, *self.search.actions_for_menu()]

    def capture_actions(self) -> list[QAction]:
        a = self.capture.pane_actions
        return [*a.kinds, a.previous_prompt, a.next_prompt, a.hints]

    def view_actions(self) -> list[QAction]:
        a = self.capture.pane_actions
        return [a.focus_line, a.focus_timeline, self.tally.focus_seats_action]

    def class_actions(self) -> list[QAction]:
        return [*self.navigator.actions_for_menu(), self.tally.edit_chart_action]

    def lookfor_actions(self) -> list[QAction]:
        return list(self.lookfors.hotkey_actions)

    def flush(self) -> None:
        """Saves what is being typed; called before the window closes."""
        self.capture.flush_draft()
        self._remember_open_visit()
