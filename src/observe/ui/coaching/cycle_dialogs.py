"""The two small cycle dialogs: choosing the cycle's visits, and closing it with a reflection."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from observe.clock import as_utc
from observe.coaching import cycles
from observe.i18n import format_date
from observe.store import Store
from observe.ui.dialog_keys import save_key, start_in_first_field
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp
from observe.vocabulary import VISIT_TYPE_LABELS

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkVisitsDialog(QDialog):
    """Ticks the teacher's visits that belong to the cycle."""

    saved = Signal()

    def __init__(
        self,
        store: Store,
        cycle_id: str,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Visits in this cycle"))
        self.store = store
        self.cycle_id = cycle_id
        self._report_error = report_error
        intro = QLabel(
            self.tr(
                "Tick the visits to this teacher's classes that are part of the cycle. Their "
                "tallies and tagged evidence become the cycle's measure, visit by visit."
            )
        )
        intro.setWordWrap(True)
        self.visits = QListWidget()
        self.visits.setAccessibleName(self.tr("Visits to this teacher's classes"))
        for choice in cycles.visit_choices(store, cycle_id):
            local = as_utc(choice.started_at).astimezone()
            text = (
                f"{format_date(local, 'EEE d MMM y')} {local:%H:%M} · "
                f"{VISIT_TYPE_LABELS[choice.visit_type]} · {choice.subject}"
            )
            if choice.cycle_id and choice.cycle_id != cycle_id:
                text += self.tr(" (in another cycle)")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.cycle_id == cycle_id
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.visits.addItem(item)
        if self.visits.count() == 0:
            intro.setText(self.tr("This teacher has no visits yet. Visits you make appear here."))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        save_key(self, self.save)
        start_in_first_field(self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.visits, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def checked_ids(self) -> list[str]:
        return [
            self.visits.item(i).data(ID_ROLE)
            for i in range(self.visits.count())
            if self.visits.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self) -> bool:
        chosen = self.checked_ids()
        linked = CoreOp(
            self,
            lambda: cycles.link_visits(self.store, self.cycle_id, chosen),
            report=self._report_error,
            name="link visits",
        )
        if not linked.inline(self.message.setText).run_now().ok:
            return False
        self.saved.emit()
        self.accept()
        return True


class CloseCycleDialog(QDialog):
    """Completes the cycle with the reflection coach and teacher wrote together."""

    saved = Signal()

    def __init__(
        self,
        store: Store,
        cycle_id: str,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close the cycle"))
        self.store = store
        self.cycle_id = cycle_id
        self._report_error = report_error
        draft = cycles.load_cycle(store, cycle_id)
        intro = QLabel(
            self.tr(
                "What changed for students, what made the difference, and what comes next? "
                "Write it with the teacher; it closes the cycle."
            )
        )
        intro.setWordWrap(True)
        self.reflection = QPlainTextEdit(draft.reflection or "")
        self.reflection.setAccessibleName(self.tr("Closing reflection"))
        self.reflection.setTabChangesFocus(True)
        self.ended = QDateEdit(QDate(draft.ended_on or today or date.today()))
        self.ended.setCalendarPopup(True)
        self.ended.setDisplayFormat("d MMM yyyy")
        self.ended.setAccessibleName(self.tr("Ended on"))
        form = QFormLayout()
        form.addRow(self.tr("&Reflection:"), self.reflection)
        form.addRow(self.tr("&Ended on:"), self.ended)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Close cycle"))
        buttons.accepted.connect(self.save)
        save_key(self, self.save)
        start_in_first_field(self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 320)
        self.reflection.setFocus()

    def save(self) -> bool:
        reflection, ended = self.reflection.toPlainText(), self.ended.date().toPython()
        closed = CoreOp(
            self,
            lambda: cycles.close_cycle(self.store, self.cycle_id, reflection, ended),
            report=self._report_error,
            name="close cycle",
        )
        if not closed.inline(self.message.setText).run_now().ok:
            return False
        self.saved.emit()
        self.accept()
        return True
