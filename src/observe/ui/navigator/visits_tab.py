"""The navigator's Visits tab: the school year as it happened, newest day first, walks holding
their visits; Enter or a double-click opens a visit through the shared :class:`VisitContext`.

The tab keeps the coach's place: days they collapsed stay collapsed, walks they opened stay
open, and a refresh (change news) keeps the same row current and the same row at the top.
The navigator owns the actions (and their shortcuts); this tab does what they ask.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from observe.capture.visit_pages import PAGE_VISITS
from observe.capture.visit_removal import RemovedVisit, delete_visit, visit_contents
from observe.ui.capture.commands import DeleteVisit
from observe.ui.context import VisitContext
from observe.ui.errors import record, sentence_for
from observe.ui.navigator.deletion import (
    Ask,
    ask_to_delete,
    delete_after_asking,
    delete_question,
    tell,
)
from observe.ui.navigator.visit_model import (
    DAY,
    KEY_ROLE,
    KIND_ROLE,
    VISIT,
    VISIT_ID_ROLE,
    WALK,
    VisitTreeModel,
)
from observe.vocabulary import VISIT_TYPE_SHORT

EMPTY = QT_TRANSLATE_NOOP(
    "Navigator",
    "No visits yet. Visits and learning walks appear here as you make them, newest day first.",
)


class _VisitsView(QTreeView):
    """Drops the Type column when the pane is too narrow for it and a readable name (the type
    stays in each row's tooltip): at 200% on a small screen the pane is ~220 px wide."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.viewport().width() < self.fontMetrics().averageCharWidth() * 36
        if self.isColumnHidden(1) != narrow:
            self.setColumnHidden(1, narrow)


class VisitsTab(QWidget):
    #: The current row or the rows changed: the navigator updates its actions.
    selection_changed = Signal()

    def __init__(
        self,
        context: VisitContext,
        host: QWidget,
        parent: QWidget | None = None,
        *,
        page_visits: int = PAGE_VISITS,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        #: Parent of the questions and messages (the navigator), and whose window says "Deleted".
        self._host = host
        self._collapsed_days: set[str] = set()
        self._expanded_walks: set[str] = set()
        self._place: tuple[str | None, str | None] = (None, None)
        #: Asks before a visit is deleted; tests answer without a dialog.
        self.ask_to_delete: Ask = ask_to_delete
        #: The context menu's actions, set by the navigator that owns them.
        self.menu_actions: list[QAction] = []

        self.visit_model = VisitTreeModel(self.store, self, page_visits=page_visits)
        self.visits_view = self._visits_view()
        self.empty_label = QLabel(QCoreApplication.translate("Navigator", EMPTY))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(self.tr("No visits yet"))
        self.visits_stack = QStackedWidget()
        self.visits_stack.addWidget(self.visits_view)
        self.visits_stack.addWidget(self.empty_label)
        # Only for problems: a "Loading…" line flashing on every page would make the list jump.
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Visit list problem"))
        self.status_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.visits_stack, 1)
        layout.addWidget(self.status_label)

        context.visit_changed.connect(self._visit_changed)
        self.visit_model.loaded.connect(self._first_page, Qt.ConnectionType.SingleShotConnection)

    def start(self) -> None:
        """Reads the first page (on a worker)."""
        self.visit_model.fetchMore()

    def _visits_view(self) -> QTreeView:
        view = _VisitsView()
        view.setModel(self.visit_model)
        view.setAccessibleName(self.tr("Visits by date"))
        view.setUniformRowHeights(True)
        view.setAllColumnsShowFocus(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setExpandsOnDoubleClick(True)
        # A fixed width from the font, not ResizeToContents: that measures every loaded row on
        # each layout, which costs tens of milliseconds once a few pages are in.
        view.setHeaderHidden(True)
        view.setIndentation(max(12, view.fontMetrics().averageCharWidth() * 2))
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        metrics = view.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(t)
            for t in [
                *VISIT_TYPE_SHORT.values(),
                QCoreApplication.translate("Navigator", "{count} visits").format(count=99),
            ]
        )
        header.resizeSection(1, widest + metrics.averageCharWidth() * 2)
        view.activated.connect(self._visit_activated)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._visit_menu)
        view.selectionModel().currentChanged.connect(self.selection_changed)
        self.visit_model.modelReset.connect(self.selection_changed)
        view.expanded.connect(lambda i: self._remember(i, True))
        view.collapsed.connect(lambda i: self._remember(i, False))
        self.visit_model.rowsInserted.connect(self._dress_days)
        self.visit_model.modelAboutToBeReset.connect(self._keep_place)
        self.visit_model.modelReset.connect(self._after_reset)
        self.visit_model.loaded.connect(self._visits_loaded)
        return view

    def _dress_days(self, parent: QModelIndex, first: int = 0, last: int = -1) -> None:
        """Day headings span the row; days start expanded unless the coach collapsed them."""
        if parent.isValid():
            return
        view, model = self.visits_view, self.visit_model
        last = model.rowCount() - 1 if last < 0 else last
        # Spanning and expanding lay the view out; half-dressed, every day looks visible and
        # the view would fetch page after page.
        with model.fetch_held():
            # Expanding while a layout is pending only records the wish; spanning then lays the
            # tree out once. Interleaved, each expansion would re-lay every row already shown.
            view.scheduleDelayedItemsLayout()
            for row in range(first, last + 1):
                index = model.index(row, 0)
                if index.data(KEY_ROLE) not in self._collapsed_days:
                    view.expand(index)
            for key in self._expanded_walks:
                walk = model.key_index(key)
                if walk.isValid() and first <= walk.parent().row() <= last:
                    view.expand(walk)
            for row in range(first, last + 1):
                view.setFirstColumnSpanned(row, QModelIndex(), True)

    def _remember(self, index: QModelIndex, expanded: bool) -> None:
        key = index.data(KEY_ROLE)
        if index.data(KIND_ROLE) == DAY:
            (self._collapsed_days.discard if expanded else self._collapsed_days.add)(key)
        else:
            (self._expanded_walks.add if expanded else self._expanded_walks.discard)(key)

    def _visits_loaded(self) -> None:
        model = self.visit_model
        empty = model.started and model.rowCount() == 0 and not model.canFetchMore()
        problem = ""
        if model.error is not None:
            record(model.error)
            problem = QCoreApplication.translate(
                "Navigator", "{problem} The list tries again when visits change."
            ).format(problem=sentence_for(model.error))
        self.empty_label.setText(problem or QCoreApplication.translate("Navigator", EMPTY))
        self.visits_stack.setCurrentWidget(self.empty_label if empty else self.visits_view)
        self.status_label.setText(problem)
        self.status_label.setVisible(bool(problem) and not empty)

    def _keep_place(self) -> None:
        view = self.visits_view
        top = view.indexAt(QPoint(1, 1))
        self._place = (top.data(KEY_ROLE), view.currentIndex().data(KEY_ROLE))

    def _after_reset(self) -> None:
        """Same days open, same row current, same row at the top: a refresh shouldn't move
        the list under the coach's eyes."""
        self._dress_days(QModelIndex())
        top_key, current_key = self._place
        view, model = self.visits_view, self.visit_model
        current = model.key_index(current_key) if current_key else QModelIndex()
        if current.isValid():
            view.selectionModel().setCurrentIndex(
                current,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        top = model.key_index(top_key) if top_key else QModelIndex()
        if top.isValid():
            view.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)

    def _first_page(self) -> None:
        """Once the first page is in, the open visit (if any) is shown selected."""
        if self.context.visit_id:
            self._visit_changed(self.context.visit_id)

    def _visit_activated(self, index: QModelIndex) -> None:
        visit_id = index.data(VISIT_ID_ROLE)
        if visit_id:
            self.context.open_visit(visit_id)
        else:
            first = index.siblingAtColumn(0)
            self.visits_view.setExpanded(first, not self.visits_view.isExpanded(first))

    def _visit_changed(self, visit_id: object) -> None:
        self.visit_model.set_current_visit(visit_id if isinstance(visit_id, str) else None)
        index = self.visit_model.visit_index(visit_id) if isinstance(visit_id, str) else None
        if index is not None and index.isValid():
            self.visits_view.setCurrentIndex(index)
            self.visits_view.scrollTo(index)

    def selected_visit(self) -> tuple[str, str] | None:
        """(visit id, how the list describes it) of the visit row that has the focus."""
        index = self.visits_view.currentIndex()
        visit_id = index.data(VISIT_ID_ROLE) if index.isValid() else None
        if not visit_id:
            return None
        tip = index.siblingAtColumn(0).data(Qt.ItemDataRole.ToolTipRole)
        return visit_id, str(tip or QCoreApplication.translate("Navigator", "this visit"))

    def selected_visit_row(self) -> tuple[str, str] | None:
        """("walk", id) or ("visit", id) of the row chosen, so reports can follow what the
        coach picked; None for a day row or no row."""
        index = self.visits_view.currentIndex()
        if not index.isValid():
            return None
        index = index.siblingAtColumn(0)
        kind = index.data(KIND_ROLE)
        if kind == VISIT and index.data(VISIT_ID_ROLE):
            return "visit", str(index.data(VISIT_ID_ROLE))
        key = str(index.data(KEY_ROLE) or "")
        if kind == WALK and key.startswith("walk:"):
            return "walk", key.split(":")[1]
        return None

    def _visit_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for action in self.menu_actions:
            menu.addAction(action)
        menu.popup(self.visits_view.viewport().mapToGlobal(point))

    def delete_selected_visit(self) -> bool:
        """Asks first (naming what goes with the visit), then deletes; True if it did. The
        store's change news takes the visit out of every view."""
        chosen = self.selected_visit()
        if chosen is None:
            return False
        visit_id, label = chosen
        store = self.store

        def plan() -> tuple[str, Callable[[], RemovedVisit]]:
            question = delete_question(label, visit_contents(store, visit_id))
            return question, lambda: delete_visit(store, visit_id)

        removed = delete_after_asking(self._host, self.tr("Delete visit"), self.ask_to_delete, plan)
        if removed is None:
            return False
        if self.context.visit_id == visit_id:
            self.context.open_visit(None)
        self.context.undo_stack.push(DeleteVisit(self.context, removed))
        tell(
            self._host,
            self.tr("Deleted the visit “{label}”. Edit → Undo (Ctrl+Z) brings it back.").format(
                label=label
            ),
            15_000,
        )
        return True
