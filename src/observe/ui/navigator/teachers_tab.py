"""The navigator's Teachers tab: teachers and their classes, with a filter box, and where they
are added, edited, deleted and imported from a roster.

The navigator owns the actions (and their shortcuts, which work from either tab); this tab does
what they ask. Saves and deletions refresh the list through the store's change news; a row just
saved is selected once the reloaded list has it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLineEdit, QMenu, QTreeView, QVBoxLayout, QWidget

from observe.roster.removal import (
    classroom_removal,
    delete_classroom,
    delete_teacher,
    teacher_removal,
)
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.navigator.deletion import Ask, ask_to_delete, delete_after_asking, tell
from observe.ui.navigator.teacher_model import (
    CLASSROOM,
    ID_ROLE,
    TEACHER,
    TeacherFilter,
    TeacherTreeModel,
)
from observe.ui.navigator.visit_model import KEY_ROLE, KIND_ROLE
from observe.ui.operations import Operation
from observe.ui.ops import CoreOp

if TYPE_CHECKING:
    # Inviting asks the server: its module brings the HTTP client and the wire protocol
    # (httpx, pydantic), imported on first use so the window opens without them. The
    # record, school and roster dialogs load when first opened too (issue 18: window ready).
    from observe.ui.navigator.dialogs import RecordDialog
    from observe.ui.navigator.invite_dialog import InviteDialog
    from observe.ui.navigator.roster_dialog import RosterImportDialog
    from observe.ui.navigator.school_dialog import SchoolDialog

#: How to plan and do the deletion of each kind of row.
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


class TeachersTab(QWidget):
    #: The current row or the list changed: the navigator updates its actions.
    selection_changed = Signal()
    #: A row is being shown on request (``select_record``): the navigator brings this tab up.
    show_requested = Signal()

    def __init__(self, context: VisitContext, host: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        #: Parent of the dialogs and messages (the navigator), so they open over it whichever
        #: tab is showing.
        self._host = host
        self._expanded_teachers: set[str] = set()
        self._select_after_load: str | None = None
        #: Asks before a teacher or class is deleted; tests answer without a dialog.
        self.ask_to_delete: Ask = ask_to_delete
        #: The context menu's actions (None: a separator), set by the navigator that owns them.
        self.menu_actions: list[QAction | None] = []
        #: Where unexpected failures go (the window's reporter, when it sets one).
        self.report_error: ErrorReporter = show_error

        self.teacher_model = TeacherTreeModel(self.store, self)
        self.teacher_filter = TeacherFilter(self)
        self.teacher_filter.setSourceModel(self.teacher_model)
        self.teachers_view = self._teachers_view()
        self.filter_edit = _FilterEdit(self.teachers_view)
        self.filter_edit.setPlaceholderText(self.tr("Filter teachers and classes"))
        self.filter_edit.setAccessibleName(self.tr("Filter teachers"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.teachers_view, 1)
        self.teacher_model.loaded.connect(self._teachers_loaded)

    def _teachers_view(self) -> QTreeView:
        view = QTreeView()
        view.setModel(self.teacher_filter)
        view.setHeaderHidden(True)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        view.setUniformRowHeights(True)
        view.setAccessibleName(self.tr("Teachers and classes"))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._teacher_menu)
        view.selectionModel().currentChanged.connect(self.selection_changed)
        view.expanded.connect(lambda i: self._remember_teacher(i, True))
        view.collapsed.connect(lambda i: self._remember_teacher(i, False))
        return view

    # -- the list -----------------------------------------------------------------------------

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
        self.selection_changed.emit()

    def select_record(self, key: str) -> None:
        """Shows ``teacher:<id>`` or ``classroom:<id>`` and selects it."""
        source = self.teacher_model.key_index(key)
        index = self.teacher_filter.mapFromSource(source)
        if not index.isValid() and source.isValid():
            self.filter_edit.clear()
            index = self.teacher_filter.mapFromSource(source)
        if index.isValid():
            self.show_requested.emit()
            if index.parent().isValid():
                self.teachers_view.expand(index.parent())
            self.teachers_view.setCurrentIndex(index)
            self.teachers_view.scrollTo(index)

    def selected(self) -> tuple[str | None, str | None]:
        """(kind, id) of the current row."""
        index = self.teachers_view.currentIndex()
        if not index.isValid():
            return None, None
        return index.data(KIND_ROLE), index.data(ID_ROLE)

    def _selected_teacher_id(self) -> str | None:
        kind, record_id = self.selected()
        if kind == TEACHER:
            return record_id
        if kind == CLASSROOM:
            room = self.teacher_model.classroom(record_id)
            return room.teacher_id if room else None
        return None

    def _teacher_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for action in self.menu_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.teachers_view.viewport().mapToGlobal(point))

    def delete_selected_record(self) -> bool:
        """Deletes the selected teacher (with their classes) or class, after asking; a teacher
        or class with visits stays, and the coach is told why. True if it deleted."""
        kind, record_id = self.selected()
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

        name = delete_after_asking(self._host, self.tr("Delete"), self.ask_to_delete, plan)
        if name is None:
            return False
        tell(self._host, self.tr("Deleted {name}.").format(name=name))
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
        from observe.ui.navigator.school_dialog import open_school_dialog

        return open_school_dialog(self._host, self.store)

    def new_teacher(self) -> RecordDialog:
        from observe.ui.navigator.dialogs import TeacherDialog

        schools = self.teacher_model.schools
        return self._open(TeacherDialog(self.store, schools=schools, parent=self._host), TEACHER)

    def new_classroom(self) -> RecordDialog:
        from observe.ui.navigator.dialogs import ClassroomDialog

        dialog = ClassroomDialog(
            self.store,
            self.teacher_model.teachers,
            teacher_id=self._selected_teacher_id(),
            parent=self._host,
        )
        return self._open(dialog, CLASSROOM)

    def edit_selected(self) -> RecordDialog | None:
        from observe.ui.navigator.dialogs import ClassroomDialog, TeacherDialog

        kind, record_id = self.selected()
        if kind == TEACHER:
            teacher = self.teacher_model.teacher(record_id)
            if teacher:
                dialog = TeacherDialog(
                    self.store,
                    teacher=teacher,
                    schools=self.teacher_model.schools,
                    parent=self._host,
                )
                return self._open(dialog, kind)
        if kind == CLASSROOM:
            room = self.teacher_model.classroom(record_id)
            if room:
                dialog = ClassroomDialog(
                    self.store, self.teacher_model.teachers, classroom=room, parent=self._host
                )
                return self._open(dialog, kind)
        return None

    def invite_selected(self) -> InviteDialog | None:
        """Invite to read shared feedback: for the selected teacher (or the class's teacher)."""
        from observe.sync.invitations import teacher_contact
        from observe.ui.navigator.invite_dialog import InviteDialog

        teacher_id = self._selected_teacher_id()
        if not teacher_id:
            return None
        found = CoreOp(
            self, lambda: teacher_contact(self.store, teacher_id), report=self.report_error
        ).run_now()
        if not found.ok or found.value is None:
            return None
        dialog = InviteDialog(
            self.store, found.value, report_error=self.report_error, parent=self._host
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self.teacher_model.reload())
        dialog.open()
        return dialog

    def refresh_account_status(self) -> Operation:
        """Asks the server now which teachers have accounts, then shows it."""
        from observe.sync.invitations import refresh_status_now

        return (
            CoreOp(
                self,
                lambda: refresh_status_now(self.store),
                report=self.report_error,
                name="refresh teacher accounts",
            )
            .success(lambda _: self.teacher_model.reload())
            .run_in_background()
        )

    def import_roster(self, path: Path | None = None) -> RosterImportDialog:
        """Opens the import dialog; without ``path`` it asks for a file straight away."""
        from observe.ui.navigator.roster_dialog import RosterImportDialog

        schools = [name for _, name in self.teacher_model.schools]
        dialog = RosterImportDialog(self.store, self._host, context=self.context, schools=schools)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        if path is not None:
            dialog.load(path)
        else:
            QTimer.singleShot(0, dialog, dialog.choose_file)
        return dialog
