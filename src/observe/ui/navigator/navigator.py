"""The navigator: the coach's way to every visit and every teacher.

Two tabs. *Visits* is the school year as it happened, newest day first, walks holding their
visits; Enter or a double-click opens a visit through the shared :class:`VisitContext`.
*Teachers* lists teachers and their classes, with a filter box, and is where they are added,
edited and imported from a roster.

The navigator owns its actions (with shortcuts) but not the menus: the main window puts
``actions_for_menu()`` where it wants them. Edit (F2) only fires while the navigator has focus,
so it can't steal F2 from the capture pane.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from observe.capture.visit_pages import PAGE_VISITS
from observe.capture.visit_removal import RemovedVisit, delete_visit, visit_contents
from observe.roster.removal import (
    classroom_removal,
    delete_classroom,
    delete_teacher,
    teacher_removal,
)
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
from observe.ui.navigator.dialogs import ClassroomDialog, RecordDialog, TeacherDialog
from observe.ui.navigator.roster_dialog import RosterImportDialog
from observe.ui.navigator.school_dialog import SchoolDialog, open_school_dialog
from observe.ui.navigator.teacher_model import (
    CLASSROOM,
    ID_ROLE,
    TEACHER,
    TeacherFilter,
    TeacherTreeModel,
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

#: Record kinds whose changes show in each tab.
VISIT_KINDS = frozenset({"visit", "walk", "teacher", "classroom"})
TEACHER_KINDS = frozenset({"teacher", "classroom", "school"})

EMPTY = "No visits yet. Visits and learning walks appear here as you make them, newest day first."

SHORTCUTS = {
    "new_teacher": "Ctrl+Shift+T",
    "new_classroom": "Ctrl+Shift+L",
    "edit": "F2",
    "import_roster": "Ctrl+Shift+I",
    "delete_visit": "Shift+Del",
    "delete_record": "Del",
}


#: How to plan and do the deletion of each kind of row in the Teachers tab.
_REMOVALS = {
    TEACHER: (teacher_removal, delete_teacher),
    CLASSROOM: (classroom_removal, delete_classroom),
}


class _FilterEdit(QLineEdit):
    """Down or Enter moves to the list, so typing a name and pressing ↓ picks it."""

    def __init__(self, target: QTreeView) -> None:
        super().__init__()
        self._target = target

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            model = self._target.model()
            if model.rowCount() and not self._target.currentIndex().isValid():
                self._target.setCurrentIndex(model.index(0, 0))
            self._target.setFocus()
            return
        super().keyPressEvent(event)


class _VisitsView(QTreeView):
    """Drops the Type column when the pane is too narrow for it and a readable name (the type
    stays in each row's tooltip): at 200% on a small screen the pane is ~220 px wide."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = self.viewport().width() < self.fontMetrics().averageCharWidth() * 36
        if self.isColumnHidden(1) != narrow:
            self.setColumnHidden(1, narrow)


class Navigator(QWidget):
    VISITS_TAB, TEACHERS_TAB = 0, 1

    def __init__(
        self,
        context: VisitContext,
        parent: QWidget | None = None,
        *,
        page_visits: int = PAGE_VISITS,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.setAccessibleName("Navigator")
        self._collapsed_days: set[str] = set()
        self._expanded_walks: set[str] = set()
        self._expanded_teachers: set[str] = set()
        self._select_after_load: str | None = None
        self._place: tuple[str | None, str | None] = (None, None)
        #: Asks before a visit is deleted; tests answer without a dialog.
        self.ask_to_delete: Ask = ask_to_delete

        self.visit_model = VisitTreeModel(self.store, self, page_visits=page_visits)
        self.visits_view = self._visits_view()
        self.empty_label = QLabel(EMPTY)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName("No visits yet")
        self.visits_stack = QStackedWidget()
        self.visits_stack.addWidget(self.visits_view)
        self.visits_stack.addWidget(self.empty_label)
        # Only for problems: a "Loading…" line flashing on every page would make the list jump.
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Visit list problem")
        self.status_label.hide()
        visits_page = QWidget()
        visits_layout = QVBoxLayout(visits_page)
        visits_layout.setContentsMargins(0, 0, 0, 0)
        visits_layout.addWidget(self.visits_stack, 1)
        visits_layout.addWidget(self.status_label)

        self.teacher_model = TeacherTreeModel(self.store, self)
        self.teacher_filter = TeacherFilter(self)
        self.teacher_filter.setSourceModel(self.teacher_model)
        self.teachers_view = self._teachers_view()
        self.filter_edit = _FilterEdit(self.teachers_view)
        self.filter_edit.setPlaceholderText("Filter teachers and classes")
        self.filter_edit.setAccessibleName("Filter teachers")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        teachers_page = QWidget()
        teachers_layout = QVBoxLayout(teachers_page)
        teachers_layout.setContentsMargins(0, 0, 0, 0)
        teachers_layout.addWidget(self.filter_edit)
        teachers_layout.addWidget(self.teachers_view, 1)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Navigator views")
        self.tabs.addTab(visits_page, "&Visits")
        self.tabs.addTab(teachers_page, "&Teachers")
        self.tabs.setTabToolTip(0, "Walks and visits by date, newest first")
        self.tabs.setTabToolTip(1, "Teachers and their classes")
        self.tabs.currentChanged.connect(self._update_actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setTabOrder(self.filter_edit, self.teachers_view)

        self._build_actions()
        self._reload_timer = self._timer(self.visit_model.reload)
        self._teacher_timer = self._timer(self.teacher_model.reload)
        context.records_changed.connect(self._records_changed)
        context.visit_changed.connect(self._visit_changed)
        self.teacher_model.loaded.connect(self._teachers_loaded)
        self.visit_model.loaded.connect(self._first_page, Qt.ConnectionType.SingleShotConnection)
        self.visit_model.fetchMore()
        self.teacher_model.reload()
        self._update_actions()

    # -- construction -------------------------------------------------------------------------

    def _timer(self, slot: Callable[[], object]) -> QTimer:
        # Several news items in a row (teacher, then classroom) cause one reload.
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(50)
        timer.timeout.connect(slot)
        return timer

    def _visits_view(self) -> QTreeView:
        view = _VisitsView()
        view.setModel(self.visit_model)
        view.setAccessibleName("Visits by date")
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
            metrics.horizontalAdvance(t) for t in [*VISIT_TYPE_SHORT.values(), "99 visits"]
        )
        header.resizeSection(1, widest + metrics.averageCharWidth() * 2)
        view.activated.connect(self._visit_activated)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._visit_menu)
        view.selectionModel().currentChanged.connect(self._update_actions)
        self.visit_model.modelReset.connect(self._update_actions)
        view.expanded.connect(lambda i: self._remember(i, True))
        view.collapsed.connect(lambda i: self._remember(i, False))
        self.visit_model.rowsInserted.connect(self._dress_days)
        self.visit_model.modelAboutToBeReset.connect(self._keep_place)
        self.visit_model.modelReset.connect(self._after_reset)
        self.visit_model.loaded.connect(self._visits_loaded)
        return view

    def _teachers_view(self) -> QTreeView:
        view = QTreeView()
        view.setModel(self.teacher_filter)
        view.setHeaderHidden(True)
        view.setUniformRowHeights(True)
        view.setAccessibleName("Teachers and classes")
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._teacher_menu)
        view.selectionModel().currentChanged.connect(self._update_actions)
        view.expanded.connect(lambda i: self._remember_teacher(i, True))
        view.collapsed.connect(lambda i: self._remember_teacher(i, False))
        return view

    def _action(self, text: str, key: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(SHORTCUTS[key]))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())  # not the flag as an argument
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_teacher_action = self._action(
            "New &teacher…", "new_teacher", "Add a teacher to this profile", self.new_teacher
        )
        self.new_classroom_action = self._action(
            "New &classroom…", "new_classroom", "Add a class for a teacher", self.new_classroom
        )
        self.edit_action = self._action(
            "&Edit…", "edit", "Edit the selected teacher or class", self.edit_selected
        )
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_school_action = QAction("Edit &school…", self)
        self.edit_school_action.setStatusTip(
            "The school's name on feedback sheets and its time zone"
        )
        self.edit_school_action.triggered.connect(lambda _checked=False: self.edit_school())
        self.import_roster_action = self._action(
            "&Import roster…",
            "import_roster",
            "Add teachers and classes from a CSV file",
            self.import_roster,
        )

        self.delete_visit_action = self._action(
            "&Delete visit…",
            "delete_visit",
            "Delete the selected visit and everything recorded in it",
            self.delete_selected_visit,
        )
        self._scope_to(self.delete_visit_action, self.visits_view)
        self.delete_record_action = self._action(
            "De&lete teacher or class…",
            "delete_record",
            "Delete the selected teacher or class, while nothing was observed with them",
            self.delete_selected_record,
        )
        self._scope_to(self.delete_record_action, self.teachers_view)

    def _scope_to(self, action: QAction, view: QWidget) -> None:
        """The key works only in ``view``: Del and Shift+Del edit text in the fields."""
        self.removeAction(action)
        view.addAction(action)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def actions_for_menu(self) -> list[QAction]:
        """The Classes menu's actions, in its order, for the main window."""
        return [
            self.new_teacher_action,
            self.new_classroom_action,
            self.edit_action,
            self.delete_record_action,
            self.edit_school_action,
            self.import_roster_action,
        ]

    # -- visits -------------------------------------------------------------------------------

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
            problem = f"{sentence_for(model.error)} The list tries again when visits change."
        self.empty_label.setText(problem or EMPTY)
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

    def _records_changed(self, kind: str) -> None:
        if kind in VISIT_KINDS:
            self._reload_timer.start()
        if kind in TEACHER_KINDS:
            self._teacher_timer.start()

    def refresh(self) -> None:
        self.visit_model.reload()
        self.teacher_model.reload()

    def _selected_visit(self) -> tuple[str, str] | None:
        """(visit id, how the list describes it) of the visit row that has the focus."""
        index = self.visits_view.currentIndex()
        visit_id = index.data(VISIT_ID_ROLE) if index.isValid() else None
        if not visit_id:
            return None
        tip = index.siblingAtColumn(0).data(Qt.ItemDataRole.ToolTipRole)
        return visit_id, str(tip or "this visit")

    def selected_visit_row(self) -> tuple[str, str] | None:
        """("walk", id) or ("visit", id) of the row chosen in the Visits tab, so reports can
        follow what the coach picked; None for a day row or no row."""
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
        menu.addAction(self.delete_visit_action)
        menu.popup(self.visits_view.viewport().mapToGlobal(point))

    def delete_selected_visit(self) -> bool:
        """Asks first (naming what goes with the visit), then deletes; True if it did."""
        chosen = self._selected_visit()
        if chosen is None:
            return False
        visit_id, label = chosen
        store = self.store

        def plan() -> tuple[str, Callable[[], RemovedVisit]]:
            question = delete_question(label, visit_contents(store, visit_id))
            return question, lambda: delete_visit(store, visit_id)

        removed = delete_after_asking(self, "Delete visit", self.ask_to_delete, plan)
        if removed is None:
            return False
        if self.context.visit_id == visit_id:
            self.context.open_visit(None)
        self.context.undo_stack.push(DeleteVisit(self.context, removed))
        tell(self, f"Deleted the visit “{label}”. Edit → Undo (Ctrl+Z) brings it back.", 15_000)
        return True

    # -- teachers -----------------------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.teacher_filter.set_text(text)
        if self.teacher_filter.active:
            self.teachers_view.expandAll()
        else:
            self._restore_teacher_view()

    def _remember_teacher(self, index: QModelIndex, expanded: bool) -> None:
        if self.teacher_filter.active:  # expansion while filtering is the filter's doing
            return
        key = index.data(KEY_ROLE)
        (self._expanded_teachers.add if expanded else self._expanded_teachers.discard)(key)

    def _restore_teacher_view(self) -> None:
        view = self.teachers_view
        for row in range(self.teacher_filter.rowCount()):
            index = self.teacher_filter.index(row, 0)
            expand = self.teacher_filter.active or index.data(KEY_ROLE) in self._expanded_teachers
            view.setExpanded(index, expand)

    def _teachers_loaded(self) -> None:
        self._restore_teacher_view()
        key = self._select_after_load
        if key:
            self._select_after_load = None
            self.select_record(key)
        self._update_actions()

    def select_record(self, key: str) -> None:
        """Shows ``teacher:<id>`` or ``classroom:<id>`` in the Teachers tab and selects it."""
        source = self.teacher_model.key_index(key)
        index = self.teacher_filter.mapFromSource(source)
        if not index.isValid() and source.isValid():
            self.filter_edit.clear()
            index = self.teacher_filter.mapFromSource(source)
        if index.isValid():
            self.tabs.setCurrentIndex(self.TEACHERS_TAB)
            if index.parent().isValid():
                self.teachers_view.expand(index.parent())
            self.teachers_view.setCurrentIndex(index)
            self.teachers_view.scrollTo(index)

    def _selected(self) -> tuple[str | None, str | None]:
        """(kind, id) of the current row in the Teachers tab."""
        index = self.teachers_view.currentIndex()
        if not index.isValid():
            return None, None
        return index.data(KIND_ROLE), index.data(ID_ROLE)

    def _selected_teacher_id(self) -> str | None:
        kind, record_id = self._selected()
        if kind == TEACHER:
            return record_id
        if kind == CLASSROOM:
            room = self.teacher_model.classroom(record_id)
            return room.teacher_id if room else None
        return None

    def _update_actions(self, *_: object) -> None:
        on_teachers = self.tabs.currentIndex() == self.TEACHERS_TAB
        self.delete_visit_action.setEnabled(not on_teachers and self._selected_visit() is not None)
        kind, _ = self._selected()
        self.edit_action.setEnabled(on_teachers and kind in (TEACHER, CLASSROOM))
        self.delete_record_action.setEnabled(on_teachers and kind in (TEACHER, CLASSROOM))
        has_teachers = bool(self.teacher_model.teachers) or self.teacher_model.loading
        self.new_classroom_action.setEnabled(has_teachers)

    def _teacher_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.new_teacher_action, self.new_classroom_action, self.edit_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_record_action)
        menu.popup(self.teachers_view.viewport().mapToGlobal(point))

    def delete_selected_record(self) -> bool:
        """Deletes the selected teacher (with their classes) or class, after asking; a teacher
        or class with visits stays, and the coach is told why. True if it deleted."""
        kind, record_id = self._selected()
        if kind not in (TEACHER, CLASSROOM) or not record_id:
            return False
        store = self.store

        def plan() -> tuple[str, Callable[[], str]]:
            planned, delete = _REMOVALS[kind]
            removal = planned(store, record_id)

            def run() -> str:
                delete(store, record_id)
                return removal.name

            return removal.question(), run

        name = delete_after_asking(self, "Delete", self.ask_to_delete, plan)
        if name is None:
            return False
        tell(self, f"Deleted {name}.")
        return True

    # -- dialogs ------------------------------------------------------------------------------

    def _open(self, dialog: RecordDialog, kind: str) -> RecordDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved(record_id: str) -> None:
            # The store's change news reloads the tree; the new row is selected once it is in.
            self._select_after_load = f"{kind}:{record_id}"

        dialog.saved.connect(saved)
        dialog.open()
        return dialog

    def edit_school(self) -> SchoolDialog | None:
        return open_school_dialog(self, self.store)

    def new_teacher(self) -> RecordDialog:
        schools = self.teacher_model.schools
        return self._open(TeacherDialog(self.store, schools=schools, parent=self), TEACHER)

    def new_classroom(self) -> RecordDialog:
        dialog = ClassroomDialog(
            self.store,
            self.teacher_model.teachers,
            teacher_id=self._selected_teacher_id(),
            parent=self,
        )
        return self._open(dialog, CLASSROOM)

    def edit_selected(self) -> RecordDialog | None:
        kind, record_id = self._selected()
        if kind == TEACHER:
            teacher = self.teacher_model.teacher(record_id)
            if teacher:
                dialog = TeacherDialog(
                    self.store, teacher=teacher, schools=self.teacher_model.schools, parent=self
                )
                return self._open(dialog, kind)
        if kind == CLASSROOM:
            room = self.teacher_model.classroom(record_id)
            if room:
                dialog = ClassroomDialog(
                    self.store, self.teacher_model.teachers, classroom=room, parent=self
                )
                return self._open(dialog, kind)
        return None

    def import_roster(self, path: Path | None = None) -> RosterImportDialog:
        """Opens the import dialog; without ``path`` it asks for a file straight away."""
        schools = [name for _, name in self.teacher_model.schools]
        dialog = RosterImportDialog(self.store, self, context=self.context, schools=schools)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if path is not None:
            dialog.load(path)
        else:
            QTimer.singleShot(0, dialog, dialog.choose_file)
        return dialog
