"""Starting a visit in a few keystrokes: Ctrl+N, a few letters of a name, Enter.

The first match is always preselected so Enter alone starts the visit; on a learning walk the
first classroom *not yet visited* on that walk is preferred, which is what Ctrl+Shift+N
("next classroom") relies on. Walks and visits are created only when the dialog is accepted, so
cancelling leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from observe import settings
from observe.capture.visit_choices import open_walks, visit_on_walk
from observe.capture.visits import (
    ClassroomChoice,
    classroom_choices,
    end_visit,
    start_visit,
    start_walk,
    visited_classrooms,
)
from observe.coaching.cycles import open_cycles_for_classroom
from observe.coaching.frameworks import set_in_use_id
from observe.i18n import format_date
from observe.store.models import VisitType
from observe.ui.capture import commands
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.ops import CoreOp
from observe.ui.screen_fit import fit_to_screen
from observe.vocabulary import VISIT_TYPE_LABELS

T = TypeVar("T")

DEFAULT_PROMPTS = (
    QT_TRANSLATE_NOOP("QuickVisitDialog", "What are you learning right now, and why?"),
    QT_TRANSLATE_NOOP("QuickVisitDialog", "What do you do when you get stuck in this class?"),
    QT_TRANSLATE_NOOP("QuickVisitDialog", "When do you get to share your thinking here?"),
)

NO_WALK = "none"
NEW_WALK = "new"
_NAV_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def default_walk_title(when: datetime | None = None) -> str:
    local = (when or datetime.now().astimezone()).astimezone()
    return QCoreApplication.translate("QuickVisitDialog", "Learning walk, {day}").format(
        day=format_date(local.date(), "EEE d MMM")
    )


class QuickVisitDialog(QDialog):
    def __init__(
        self,
        context: VisitContext,
        walk_id: str | None = None,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter = show_error,
        new_walk: bool = False,
        end_first: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        #: A running visit to end when (and only if) the new one starts.
        self.end_first = end_first
        self.report_error = report_error
        self.visit_id: str | None = None
        self._visited: set[str] = set()
        self._type_touched = False
        self._cycles_for: str | None = None
        self._cycle_touched = False
        self._sized = False
        #: Off a walk, the visit type the coach chose in Settings.
        self._default_type = settings.get(context.store, settings.VISIT_TYPE_KEY)
        self.setWindowTitle(self.tr("Start a visit"))
        self.setAccessibleName(self.tr("Start a visit"))
        self._build()
        self._fill_walks(walk_id)
        self.type_combo.setCurrentIndex(
            self.type_combo.findData(VisitType.LEARNING_WALK if walk_id else self._default_type)
        )
        if new_walk and not walk_id:
            self.walk_combo.setCurrentIndex(self.walk_combo.findData(NEW_WALK))
        self._walk_changed()
        self._type_changed()
        self.search.setFocus()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Teacher or classroom"))
        self.search.setPlaceholderText(self.tr("Type a teacher, subject, period or room"))
        self.search.installEventFilter(self)
        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("Matching classrooms"))
        # Narrow screens: elide in the middle so the name and "— visited" both stay in view.
        self.choices.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.choices.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.choices.itemDoubleClicked.connect(lambda _item: self.accept())
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName(self.tr("Visit type"))
        # A coaching observation is the usual quick visit, so it comes first (and is the default).
        first = sorted(VISIT_TYPE_LABELS, key=lambda t: t is not VisitType.COACHING_OBSERVATION)
        for visit_type in first:
            self.type_combo.addItem(VISIT_TYPE_LABELS[visit_type], visit_type)
        self.cycle_combo = QComboBox()
        self.cycle_combo.setAccessibleName(self.tr("Coaching cycle"))
        self.cycle_combo.setToolTip(
            self.tr("Visits in a cycle count towards its progress (Coaching → Cycles).")
        )
        self.cycle_label = QLabel(self.tr("C&oaching cycle:"))
        self.cycle_label.setBuddy(self.cycle_combo)
        self.walk_combo = QComboBox()
        self.walk_combo.setAccessibleName(self.tr("Learning walk"))
        self.walk_title = QLineEdit(default_walk_title())
        self.walk_title.setAccessibleName(self.tr("New walk title"))
        self.walk_title_label = QLabel(self.tr("Walk &title:"))
        self.walk_title_label.setBuddy(self.walk_title)
        self.prompts = QPlainTextEdit("\n".join(self.tr(p) for p in DEFAULT_PROMPTS))
        self.prompts.setAccessibleName(self.tr("Prompts, one per line"))
        self.prompts.setTabChangesFocus(True)
        self.prompts.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.choices.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.prompts_label = QLabel(self.tr("&Prompts\n(one per line):"))
        self.prompts_label.setBuddy(self.prompts)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Start visit"))
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        find_label = QLabel(self.tr("C&lassroom:"))
        find_label.setBuddy(self.search)
        form.addRow(find_label, self.search)
        form.addRow("", self.choices)
        type_label = QLabel(self.tr("Visit t&ype:"))
        type_label.setBuddy(self.type_combo)
        form.addRow(type_label, self.type_combo)
        form.addRow(self.cycle_label, self.cycle_combo)
        walk_label = QLabel(self.tr("&Walk:"))
        walk_label.setBuddy(self.walk_combo)
        form.addRow(walk_label, self.walk_combo)
        form.addRow(self.walk_title_label, self.walk_title)
        form.addRow(self.prompts_label, self.prompts)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        self.choices.currentItemChanged.connect(self._fill_cycles)
        self.cycle_combo.activated.connect(self._cycle_touched_by_user)
        self.search.textChanged.connect(self.refilter)
        self.type_combo.activated.connect(self._type_touched_by_user)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.walk_combo.currentIndexChanged.connect(self._walk_changed)
        for first, second in (
            (self.search, self.choices),
            (self.choices, self.type_combo),
            (self.type_combo, self.cycle_combo),
            (self.cycle_combo, self.walk_combo),
            (self.walk_combo, self.walk_title),
            (self.walk_title, self.prompts),
        ):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        """Sized from the font and the screen: wide enough for a label, never off-screen.

        At 1366×768 with 200% scaling the screen is 683×384 logical pixels, so the list and the
        prompts give up height before the dialog outgrows the screen.
        """
        super().showEvent(event)
        if self._sized:
            return
        self._sized = True
        hint = self.sizeHint()
        width = max(hint.width(), self.fontMetrics().averageCharWidth() * 80)
        fit_to_screen(self, width, hint.height(), width_share=0.95)

    def _fill_walks(self, walk_id: str | None) -> None:
        self.walk_combo.addItem(self.tr("No walk"), NO_WALK)
        self.walk_combo.addItem(self.tr("New learning walk…"), NEW_WALK)
        walks = self._now(lambda: open_walks(self.context.store, walk_id)) or []
        for walk in walks:
            self.walk_combo.addItem(walk.title, walk.id)
        if walk_id:
            self.walk_combo.setCurrentIndex(max(0, self.walk_combo.findData(walk_id)))

    def _now(self, call: Callable[[], T]) -> T | None:
        """A quick read or write for the dialog; None after its failure was reported."""
        outcome = CoreOp(self, call, report=self.report_error).run_now()
        return outcome.value if outcome.ok else None

    # -- behaviour ----------------------------------------------------------------------------

    def walk_choice(self) -> str:
        return str(self.walk_combo.currentData())

    def visit_type(self) -> VisitType:
        return VisitType(self.type_combo.currentData())

    def selected_choice(self) -> ClassroomChoice | None:
        item = self.choices.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def refilter(self, *_: object) -> None:
        found = self._now(lambda: classroom_choices(self.context.store, self.search.text())) or []
        self.choices.clear()
        preferred = -1
        for row, choice in enumerate(found):
            seen = choice.classroom_id in self._visited
            label = (
                self.tr("{label} — visited").format(label=choice.label) if seen else choice.label
            )
            item = QListWidgetItem(label)
            item.setToolTip(label)
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.choices.addItem(item)
            if preferred < 0 and not seen:
                preferred = row
        if found:
            self.choices.setCurrentRow(preferred if preferred >= 0 else 0)
            self.message.clear()
        else:
            self.message.setText(self.tr("No classroom matches. Try part of the teacher's name."))
        self.ok_button.setEnabled(bool(found))

    def _fill_cycles(self, *_: object) -> None:
        """The open cycles with the chosen class's teacher; an active one is chosen, since a
        visit to a teacher in a cycle is usually part of it (a learning walk is not)."""
        choice = self.selected_choice()
        if choice is not None and choice.classroom_id == self._cycles_for:
            return
        self._cycles_for = choice.classroom_id if choice is not None else None
        self.cycle_combo.clear()
        self.cycle_combo.addItem(self.tr("Not part of a cycle"), None)
        found: list[tuple[str, str, bool]] = []
        if choice is not None:
            classroom_id = choice.classroom_id
            store = self.context.store
            found = self._now(lambda: open_cycles_for_classroom(store, classroom_id)) or []
        for cycle_id, focus, active in found:
            self.cycle_combo.addItem(focus if active else f"{focus} (planned)", cycle_id)
        self._cycle_touched = False
        self._pick_cycle()
        self.cycle_combo.setVisible(bool(found))
        self.cycle_label.setVisible(bool(found))

    def _pick_cycle(self) -> None:
        """The active cycle, unless this is a learning walk or the coach chose otherwise."""
        if self._cycle_touched or self.cycle_combo.count() < 2:
            return
        active = not self.cycle_combo.itemText(1).endswith("(planned)")
        walk = self.visit_type() == VisitType.LEARNING_WALK
        self.cycle_combo.setCurrentIndex(1 if active and not walk else 0)

    def _cycle_touched_by_user(self, *_: object) -> None:
        self._cycle_touched = True

    def cycle_choice(self) -> str | None:
        data = self.cycle_combo.currentData()
        return str(data) if data else None

    def _walk_changed(self, *_: object) -> None:
        choice = self.walk_choice()
        self.walk_title.setVisible(choice == NEW_WALK)
        self.walk_title_label.setVisible(choice == NEW_WALK)
        self._visited = set()
        if choice not in (NO_WALK, NEW_WALK):
            visited = self._now(lambda: visited_classrooms(self.context.store, choice))
            if visited is not None:
                self._visited = set(visited)
        if not self._type_touched:
            on_walk = choice != NO_WALK
            wanted = VisitType.LEARNING_WALK if on_walk else self._default_type
            self.type_combo.setCurrentIndex(self.type_combo.findData(wanted))
        self.refilter()

    def _type_touched_by_user(self, *_: object) -> None:
        """Choosing "Learning walk" joins a walk in the same step: the one under way (the
        newest), or a new one when none is."""
        self._type_touched = True
        if self.visit_type() == VisitType.LEARNING_WALK and self.walk_choice() == NO_WALK:
            running = 2 if self.walk_combo.count() > 2 else self.walk_combo.findData(NEW_WALK)
            self.walk_combo.setCurrentIndex(running)

    def _type_changed(self, *_: object) -> None:
        self._pick_cycle()
        listening = self.visit_type() == VisitType.STUDENT_LISTENING
        self.prompts.setVisible(listening)
        self.prompts_label.setVisible(listening)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the search box move through the matches, so hands stay on the keys.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _NAV_KEYS
        ):
            QApplication.sendEvent(self.choices, QKeyEvent(event))
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        choice = self.selected_choice()
        if choice is None:
            self.message.setText(self.tr("Choose a classroom first."))
            return
        store = self.context.store
        walk = self.walk_choice()
        listening = self.visit_type() == VisitType.STUDENT_LISTENING
        prompts = self.prompts.toPlainText().splitlines() if listening else None

        def start() -> str:
            walk_id: str | None = None if walk == NO_WALK else walk
            if walk == NEW_WALK:
                walk_id = start_walk(
                    store, self.walk_title.text(), lookfor_set_id=set_in_use_id(self.context.store)
                ).id
            if self.end_first is not None:
                end_visit(store, self.end_first)
                self.context.undo_stack.push(commands.EndVisit(self.context, self.end_first))
            return start_visit(
                store,
                choice.classroom_id,
                self.visit_type(),
                walk_id=walk_id,
                cycle_id=self.cycle_choice(),
                prompts=prompts,
            ).id

        visit_id = self._now(start)
        if visit_id is None:
            return
        self.visit_id = visit_id
        super().accept()
        self.context.open_visit(visit_id)
        parent = self.parentWidget()
        if parent is not None:
            # Back to the capture line at once; not every window manager reactivates the
            # window under a closed dialog.
            parent.window().activateWindow()


def next_on_walk(
    context: VisitContext,
    parent: QWidget | None = None,
    *,
    report_error: ErrorReporter = show_error,
) -> QuickVisitDialog | None:
    """Ctrl+Shift+N: ends the open visit (undoably) and offers the walk's next classroom.

    Without an open visit on a walk there is no "next", so the plain dialog opens instead and
    nothing is ended. Returns the (already open, non-blocking) dialog, or None on failure.
    """
    walk_id: str | None = None
    visit_id = context.visit_id
    if visit_id is not None:
        open_id = visit_id

        def end_open_visit() -> str | None:
            on_walk = visit_on_walk(context.store, open_id)
            if on_walk.walk_id is not None and not on_walk.ended:
                end_visit(context.store, open_id)
                context.undo_stack.push(commands.EndVisit(context, open_id))
            return on_walk.walk_id

        ended = CoreOp(parent, end_open_visit, report=report_error).run_now()
        if not ended.ok:
            return None
        walk_id = ended.value
    dialog = QuickVisitDialog(context, walk_id=walk_id, parent=parent, report_error=report_error)
    dialog.open()
    return dialog
