"""The navigator: the coach's way to every visit and every teacher.

Two tabs, one module each: *Visits* (:mod:`.visits_tab`) is the school year as it happened;
*Teachers* (:mod:`.teachers_tab`) lists teachers and their classes and is where they are added,
edited and imported from a roster. Both refresh on the store's change news.

The navigator owns the actions (with shortcuts, so Ctrl+Shift+T works from either tab) but not
the menus: the main window puts ``actions_for_menu()`` where it wants them. Edit (F2) only fires
while the navigator has focus, so it can't steal F2 from the capture pane.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from observe.capture.visit_pages import PAGE_VISITS
from observe.ui.context import VisitContext
from observe.ui.navigator.deletion import Ask, ask_to_delete
from observe.ui.navigator.teacher_model import CLASSROOM, TEACHER
from observe.ui.navigator.teachers_tab import TeachersTab
from observe.ui.navigator.visits_tab import VisitsTab

if TYPE_CHECKING:
    from observe.ui.navigator.dialogs import RecordDialog
    from observe.ui.navigator.invite_dialog import InviteDialog
    from observe.ui.navigator.roster_dialog import RosterImportDialog
    from observe.ui.navigator.school_dialog import SchoolDialog

#: Record kinds whose changes show in each tab.
VISIT_KINDS = frozenset({"visit", "walk", "teacher", "classroom"})
TEACHER_KINDS = frozenset({"teacher", "classroom", "school"})

SHORTCUTS = {
    "new_teacher": "Ctrl+Shift+T",
    "new_classroom": "Ctrl+Shift+L",
    "edit": "F2",
    "import_roster": "Ctrl+Shift+I",
    "delete_visit": "Shift+Del",
    "delete_record": "Del",
}


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
        self.setAccessibleName(self.tr("Navigator"))

        self.visits = VisitsTab(context, self, page_visits=page_visits)
        self.visit_model = self.visits.visit_model
        self.visits_view = self.visits.visits_view
        self.empty_label = self.visits.empty_label
        self.visits_stack = self.visits.visits_stack
        self.status_label = self.visits.status_label

        self.teachers = TeachersTab(context, self)
        self.teacher_model = self.teachers.teacher_model
        self.teacher_filter = self.teachers.teacher_filter
        self.teachers_view = self.teachers.teachers_view
        self.filter_edit = self.teachers.filter_edit
        self.ask_to_delete = ask_to_delete

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Navigator views"))
        self.tabs.addTab(self.visits, self.tr("&Visits"))
        self.tabs.addTab(self.teachers, self.tr("&Teachers"))
        self.tabs.setTabToolTip(0, self.tr("Walks and visits by date, newest first"))
        self.tabs.setTabToolTip(1, self.tr("Teachers and their classes"))
        self.tabs.currentChanged.connect(self._update_actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.setTabOrder(self.filter_edit, self.teachers_view)

        self._build_actions()
        self._reload_timer = self._timer(self.visit_model.reload)
        self._teacher_timer = self._timer(self.teacher_model.reload)
        context.records_changed.connect(self._records_changed)
        self.visits.selection_changed.connect(self._update_actions)
        self.teachers.selection_changed.connect(self._update_actions)
        self.teachers.show_requested.connect(lambda: self.tabs.setCurrentIndex(self.TEACHERS_TAB))
        self.visits.start()
        self.teacher_model.reload()
        self._update_actions()

    @property
    def ask_to_delete(self) -> Ask:
        """Asks before anything is deleted; tests answer without a dialog."""
        return self.visits.ask_to_delete

    @ask_to_delete.setter
    def ask_to_delete(self, ask: Ask) -> None:
        self.visits.ask_to_delete = ask
        self.teachers.ask_to_delete = ask

    # -- construction -------------------------------------------------------------------------

    def _timer(self, slot: Callable[[], object]) -> QTimer:
        # Several news items in a row (teacher, then classroom) cause one reload.
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(50)
        timer.timeout.connect(slot)
        return timer

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
            self.tr("New &teacher…"),
            "new_teacher",
            self.tr("Add a teacher to this profile"),
            self.new_teacher,
        )
        self.new_classroom_action = self._action(
            self.tr("New &classroom…"),
            "new_classroom",
            self.tr("Add a class for a teacher"),
            self.new_classroom,
        )
        self.edit_action = self._action(
            self.tr("&Edit…"),
            "edit",
            self.tr("Edit the selected teacher or class"),
            self.edit_selected,
        )
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_school_action = QAction(self.tr("Edit &school…"), self)
        self.edit_school_action.setStatusTip(
            self.tr("The school's name on feedback sheets and its time zone")
        )
        self.edit_school_action.triggered.connect(lambda _checked=False: self.edit_school())
        self.invite_action = QAction(self.tr("In&vite to read shared feedback…"), self)
        self.invite_action.setStatusTip(
            self.tr("Make a one-time link and code so the selected teacher can read what you share")
        )
        self.invite_action.triggered.connect(lambda _checked=False: self.invite_selected())
        self.account_status_action = QAction(self.tr("Refresh teachers' &account status"), self)
        self.account_status_action.setStatusTip(
            self.tr("Ask your sync server which teachers have been invited or signed in")
        )
        self.account_status_action.triggered.connect(
            lambda _checked=False: self.teachers.refresh_account_status()
        )
        self.import_roster_action = self._action(
            self.tr("&Import roster…"),
            "import_roster",
            self.tr("Add teachers and classes from a CSV file"),
            self.import_roster,
        )

        self.delete_visit_action = self._action(
            self.tr("&Delete visit…"),
            "delete_visit",
            self.tr("Delete the selected visit and everything recorded in it"),
            self.delete_selected_visit,
        )
        self._scope_to(self.delete_visit_action, self.visits_view)
        self.delete_record_action = self._action(
            self.tr("De&lete teacher or class…"),
            "delete_record",
            self.tr("Delete the selected teacher or class, while nothing was observed with them"),
            self.delete_selected_record,
        )
        self._scope_to(self.delete_record_action, self.teachers_view)
        self.visits.menu_actions = [self.delete_visit_action]
        self.teachers.menu_actions = [
            self.new_teacher_action,
            self.new_classroom_action,
            self.edit_action,
            self.invite_action,
            None,
            self.delete_record_action,
        ]

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
            self.invite_action,
            self.account_status_action,
        ]

    # -- both tabs ----------------------------------------------------------------------------

    def _records_changed(self, kind: str) -> None:
        if kind in VISIT_KINDS:
            self._reload_timer.start()
        if kind in TEACHER_KINDS:
            self._teacher_timer.start()

    def refresh(self) -> None:
        self.visit_model.reload()
        self.teacher_model.reload()

    def _update_actions(self, *_: object) -> None:
        on_teachers = self.tabs.currentIndex() == self.TEACHERS_TAB
        self.delete_visit_action.setEnabled(
            not on_teachers and self.visits.selected_visit() is not None
        )
        kind, _ = self.teachers.selected()
        self.edit_action.setEnabled(on_teachers and kind in (TEACHER, CLASSROOM))
        self.delete_record_action.setEnabled(on_teachers and kind in (TEACHER, CLASSROOM))
        self.invite_action.setEnabled(on_teachers and kind in (TEACHER, CLASSROOM))
        has_teachers = bool(self.teacher_model.teachers) or self.teacher_model.loading
        self.new_classroom_action.setEnabled(has_teachers)

    # -- what the actions and other screens ask of the tabs -----------------------------------

    def selected_visit_row(self) -> tuple[str, str] | None:
        """("walk", id) or ("visit", id) of the row chosen in the Visits tab, so reports can
        follow what the coach picked; None for a day row or no row."""
        return self.visits.selected_visit_row()

    def delete_selected_visit(self) -> bool:
        return self.visits.delete_selected_visit()

    def select_record(self, key: str) -> None:
        """Shows ``teacher:<id>`` or ``classroom:<id>`` in the Teachers tab and selects it."""
        self.teachers.select_record(key)

    def delete_selected_record(self) -> bool:
        return self.teachers.delete_selected_record()

    def edit_school(self) -> SchoolDialog | None:
        return self.teachers.edit_school()

    def new_teacher(self) -> RecordDialog:
        return self.teachers.new_teacher()

    def new_classroom(self) -> RecordDialog:
        return self.teachers.new_classroom()

    def edit_selected(self) -> RecordDialog | None:
        return self.teachers.edit_selected()

    def import_roster(self, path: Path | None = None) -> RosterImportDialog:
        """Opens the import dialog; without ``path`` it asks for a file straight away."""
        return self.teachers.import_roster(path)

    def invite_selected(self) -> InviteDialog | None:
        return self.teachers.invite_selected()
