"""The participation half of the side panel: pick a kind, tap seats, watch the figures.

It follows the open visit through the shared context and reloads whenever tallies, seats or
visits change, wherever the change came from (a tap here, Ctrl+Z, the chart editor). Reading a
chart and one visit's tallies takes a couple of small queries, so it happens on the GUI thread;
nothing here waits on sync.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from observe.capture.participation import ParticipationSummary, summarize
from observe.capture.participation_view import ChartSeat, Tally, chart_seats, visit_tallies
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.ops import CoreOp
from observe.ui.participation.kind_selector import KINDS, KindSelector
from observe.ui.participation.seat_grid import SeatGrid
from observe.ui.participation.summary_view import SummaryView

if TYPE_CHECKING:
    from observe.ui.participation.seating_editor import SeatingEditorDialog  # on first use

#: Record kinds whose changes can alter what this panel shows.
WATCHED = frozenset({"participation_event", "seat", "classroom", "visit"})

#: (classroom id, rows, cols, live seats) as last read.
_Chart = tuple[str, int, int, list[ChartSeat]]

NO_VISIT_TEXT = QT_TRANSLATE_NOOP("TallyPanel", "Open a visit to tally who talks.")
NO_CHART_TEXT = QT_TRANSLATE_NOOP(
    "TallyPanel",
    "This class has no seating chart yet. Draw one (rows, columns and seat labels you choose; "
    "no student names) to tally who talks.",
)


def _message(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class TallyPanel(QWidget):
    """Seat grid, kind selector and live summary for the open visit's classroom.

    ``focus_seats_action`` and ``edit_chart_action`` carry window-wide shortcuts; the main
    window may also put them in a menu (they are the same actions, so nothing is ambiguous).
    """

    def __init__(
        self,
        context: VisitContext,
        *,
        report_error: ErrorReporter = show_error,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._report_error = report_error
        self.classroom_id: str | None = None
        self.summary: ParticipationSummary | None = None
        self.editor: SeatingEditorDialog | None = None
        self._chart: _Chart | None = None
        self.setAccessibleName(self.tr("Participation"))

        #: The panel's title; hide it if the window's dock already shows one.
        self.heading = QLabel(self.tr("Participation"))
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)

        self.no_visit_label = _message(self.tr(NO_VISIT_TEXT))
        self.no_chart_label = _message(self.tr(NO_CHART_TEXT))
        self.create_chart_button = QPushButton(self.tr("Create seating chart…"))
        self.create_chart_button.clicked.connect(self.edit_chart)
        self.create_chart_button.setAutoDefault(True)  # Enter accepts the Ctrl+Shift+P offer
        self.kind_selector = KindSelector()
        self.grid = SeatGrid(context, report_error=report_error)
        self.summary_view = SummaryView()
        self.edit_chart_button = QPushButton(self.tr("Edit seating chart…"))
        self.edit_chart_button.clicked.connect(self.edit_chart)
        self.grid.chart_changed.connect(self._order_tabs)
        self.kind_selector.kind_changed.connect(self.grid.set_kind)
        self.grid.kind_changed.connect(self.kind_selector.set_kind)

        self.focus_seats_action = QAction(self.tr("Tally on the &seating chart"), self)
        self.focus_seats_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.focus_seats_action.setStatusTip(
            self.tr("Move to the seats; arrows choose, Space tallies")
        )
        self.focus_seats_action.triggered.connect(self.focus_seats)
        self.edit_chart_action = QAction(self.tr("Edit seating &chart…"), self)
        self.edit_chart_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.edit_chart_action.setStatusTip(self.tr("Draw or change this class's seating chart"))
        self.edit_chart_action.triggered.connect(self.edit_chart)
        for action in (self.focus_seats_action, self.edit_chart_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        for button, action in (
            (self.edit_chart_button, self.edit_chart_action),
            (self.create_chart_button, self.edit_chart_action),
        ):
            button.setToolTip(f"{action.statusTip()} ({action.shortcut().toString()})")

        self.no_visit_page = self._page(self.no_visit_label)
        self.no_chart_page = self._page(self.no_chart_label, self.create_chart_button)
        self.chart_page = self._chart_page()
        self.pages = QStackedWidget()
        for page in (self.no_visit_page, self.no_chart_page, self.chart_page):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages, 1)

        context.visit_changed.connect(lambda _visit_id: self.reload())
        context.records_changed.connect(self._records_changed)
        self.reload()

    def _page(self, *widgets: QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _chart_page(self) -> QWidget:
        """One vertical scroll for everything, so a short screen never hides the seats."""
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_view.headline)
        layout.addWidget(self.kind_selector)
        layout.addWidget(self.grid)
        layout.addWidget(self.summary_view.details)
        layout.addWidget(self.edit_chart_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(content)
        self.chart_scroll = scroll
        return scroll

    def _order_tabs(self) -> None:
        """Kinds, then the seats (one stop), then the edit button, top to bottom as drawn."""
        chain: list[QWidget] = [
            *(self.kind_selector.button(kind) for kind in KINDS),
            *self.grid.tab_chain(),
            self.edit_chart_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- loading ----------------------------------------------------------------------------

    def _records_changed(self, kind: str) -> None:
        if kind in WATCHED:
            # A tally can't change the chart; re-reading 30–400 seats per tap is wasted work.
            self.reload(seats=kind != "participation_event")

    def reload(self, *, seats: bool = True) -> None:
        """Re-reads the open visit's tallies, and its classroom's chart unless told not to."""
        visit_id = self.context.visit_id
        outcome = CoreOp(
            self,
            lambda: self._load(visit_id, seats or self._chart is None) if visit_id else None,
            report=self._report_error,
        ).run_now()
        if not outcome.ok:
            return
        loaded = outcome.value
        if loaded is None:
            self.classroom_id = None
            self.summary = None
            self._chart = None
            self._show(self.no_visit_page)
            return
        chart, events = loaded
        room_id, rows, cols, live = chart
        self._chart = chart
        self.classroom_id = room_id
        self.summary = summarize(live, events)
        if not live:
            self._show(self.no_chart_page)
            return
        self.grid.set_chart(rows, cols, live)
        self.grid.set_counts(self.summary.by_seat)
        self.summary_view.show_summary(self.summary)
        self._show(self.chart_page)

    def _load(self, visit_id: str, with_seats: bool) -> tuple[_Chart, list[Tally]] | None:
        store = self.context.store
        known = self._chart
        # The chart is re-read when asked, when unknown, or when the visit moved classroom.
        loaded = visit_tallies(store, visit_id, with_shape=with_seats or known is None)
        moved = loaded is not None and known is not None and known[0] != loaded.classroom_id
        if moved and loaded is not None and loaded.shape is None:
            loaded = visit_tallies(store, visit_id, with_shape=True)
        if loaded is None:
            return None
        if loaded.shape is not None:
            shape = loaded.shape
            seats = chart_seats(store, shape.classroom_id)
            known = (shape.classroom_id, shape.rows, shape.cols, seats)
        assert known is not None
        return known, list(loaded.tallies)

    def _show(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        # Without a chart, Ctrl+Shift+P still answers: it offers to draw one.
        self.focus_seats_action.setEnabled(page in (self.chart_page, self.no_chart_page))
        self.edit_chart_action.setEnabled(self.classroom_id is not None)

    # -- actions ----------------------------------------------------------------------------

    def focus_seats(self) -> None:
        """To the seats; with no chart yet, to the offer to draw one (Enter opens the editor)."""
        if self.pages.currentWidget() is self.chart_page:
            self.grid.focus_seats()
        elif self.pages.currentWidget() is self.no_chart_page:
            self.create_chart_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def edit_chart(self) -> SeatingEditorDialog | None:
        """Opens the chart editor (window-modal, not blocking) and returns it."""
        if self.classroom_id is None:
            return None
        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        from observe.ui.participation.seating_editor import SeatingEditorDialog

        editor = SeatingEditorDialog(
            self.context.store,
            self.classroom_id,
            parent=self,
            context=self.context,
            report_error=self._report_error,
        )
        editor.accepted.connect(self.focus_seats)
        editor.finished.connect(self._editor_closed)
        self.editor = editor
        editor.open()
        return editor

    def _editor_closed(self) -> None:
        if self.editor is not None:
            self.editor.deleteLater()
            self.editor = None
