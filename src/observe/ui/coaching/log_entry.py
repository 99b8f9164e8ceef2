"""Quick entry for the coaching log: a day, minutes, an activity, Enter.

Coaches log time between other things, so the form opens with today, 30 minutes and the last
activity used, and "Save and add another" keeps it open for the next line of a busy day.
A bad value keeps the form open with the sentence beside it; nothing is saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from observe.coaching import log
from observe.coaching.cycle_list import log_entry, open_cycle_choices
from observe.coaching.labels import ACTIVITY_LABELS
from observe.coaching.log import LogEntryDraft
from observe.i18n import format_date
from observe.store import Store
from observe.store.models import LogActivity
from observe.ui.dialog_keys import save_key, start_in_first_field
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp

LAST_ACTIVITY_KEY = "ui.log.last_activity"


class LogEntryDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter,
        today: date | None = None,
        day: date | None = None,
        entry_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.entry_id = entry_id
        self._report_error = report_error
        self._today = today or date.today()
        self.setWindowTitle(self.tr("Edit log entry") if entry_id else self.tr("Log time"))

        self.day = QDateEdit(QDate(day or self._today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.day.setMaximumDate(QDate(self._today))
        self.day.setAccessibleName(self.tr("Day"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, log.MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Minutes"))
        self.activity = QComboBox()
        for activity, label in ACTIVITY_LABELS.items():
            self.activity.addItem(label, activity.value)
        self.activity.setAccessibleName(self.tr("Activity"))
        self.cycle = QComboBox()
        self.cycle.addItem(self.tr("None"), None)
        for choice in open_cycle_choices(store):
            self.cycle.addItem(choice.label, choice.id)
        self.cycle.setAccessibleName(self.tr("Coaching cycle"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What it was, e.g. “Grade 7 PLC: exit tickets”"))
        self.note.setAccessibleName(self.tr("Note"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Log message"))

        form = QFormLayout()
        form.addRow(self.tr("&Day:"), self.day)
        form.addRow(self.tr("&Minutes:"), self.minutes)
        form.addRow(self.tr("&Activity:"), self.activity)
        form.addRow(self.tr("C&ycle:"), self.cycle)
        form.addRow(self.tr("N&ote:"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.another = QPushButton(self.tr("Save and add a&nother"))
        if entry_id is None:
            self.buttons.addButton(self.another, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save_and_close)
        save_key(self, self.save_and_close)
        start_in_first_field(self)
        self.buttons.rejected.connect(self.reject)
        self.another.clicked.connect(self.save_and_continue)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        if entry_id is not None:
            self._load(entry_id)
        else:
            last = store.setting(LAST_ACTIVITY_KEY)
            index = self.activity.findData(last) if last else -1
            if index >= 0:
                self.activity.setCurrentIndex(index)
        self.minutes.setFocus()
        self.minutes.selectAll()

    def _load(self, entry_id: str) -> None:
        entry = log_entry(self.store, entry_id)
        if entry is None:
            return
        self.day.setMaximumDate(QDate(max(self._today, entry.occurred_on)))
        self.day.setDate(QDate(entry.occurred_on))
        self.minutes.setValue(entry.minutes)
        self.activity.setCurrentIndex(self.activity.findData(entry.activity.value))
        if entry.cycle_id:
            index = self.cycle.findData(entry.cycle_id)
            if index < 0:  # a completed cycle: keep the link visible
                self.cycle.addItem(self.tr("(completed cycle)"), entry.cycle_id)
                index = self.cycle.count() - 1
            self.cycle.setCurrentIndex(index)
        self.note.setText(entry.note or "")

    def draft(self) -> LogEntryDraft:
        return LogEntryDraft(
            occurred_on=self.day.date().toPython(),
            minutes=self.minutes.value(),
            activity=LogActivity(self.activity.currentData()),
            note=self.note.text(),
            cycle_id=self.cycle.currentData(),
        )

    def save(self) -> str | None:
        draft = self.draft()

        def write() -> str:
            if self.entry_id is None:
                entry_id = log.add_entry(self.store, draft, today=self._today)
            else:
                log.update_entry(self.store, self.entry_id, draft, today=self._today)
                entry_id = self.entry_id
            self.store.set_setting(LAST_ACTIVITY_KEY, draft.activity.value)
            return entry_id

        done = CoreOp(self, write, report=self._report_error, name="log time")
        outcome = done.inline(self.message.setText).run_now()
        if not outcome.ok or outcome.value is None:
            return None
        entry_id = outcome.value
        label = ACTIVITY_LABELS[draft.activity]
        day = format_date(draft.occurred_on, "EEE d MMM")
        self.message.setText(
            self.tr("Saved {minutes} minutes ({label}) on {day}.").format(
                minutes=draft.minutes, label=label, day=day
            )
        )
        self.saved.emit(entry_id)
        return entry_id

    def save_and_close(self) -> None:
        if self.save() is not None:
            self.accept()

    def save_and_continue(self) -> None:
        if self.save() is not None:
            self.note.clear()
            self.minutes.setValue(30)
            self.minutes.setFocus()
            self.minutes.selectAll()
