"""Editing a coaching cycle: teacher, focus, goal, success measure, dates and action steps.

The form builds a :class:`~observe.coaching.cycles.CycleDraft` and the core saves it whole;
a refusal (no focus, a look-for measure without a look-for…) shows its sentence under the form
and nothing is written.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from observe.coaching import cycles
from observe.coaching.cycle_list import measure_lookfor_choices
from observe.coaching.cycles import CycleDraft, StepDraft
from observe.coaching.labels import (
    CYCLE_STATUS_LABELS,
    MEASURE_LABELS,
    STEP_KIND_LABELS,
    STEP_STATUS_LABELS,
)
from observe.store import Store
from observe.store.models import (
    CycleStatus,
    MeasureKind,
    StepKind,
    StepStatus,
)
from observe.ui.dialog_keys import save_key, start_in_first_field
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp
from observe.ui.screen_fit import fit_to_screen

NO_DATE = QDate(2000, 1, 1)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def optional_date_edit(value: date | None, name: str) -> QDateEdit:
    """A date edit where the earliest date shows as "—" and means "not set"."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(QDate(value) if value else NO_DATE)
    edit.setAccessibleName(name)
    return edit


def date_of(edit: QDateEdit) -> date | None:
    return None if edit.date() == NO_DATE else edit.date().toPython()


class CycleEditor(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter,
        cycle_id: str | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.cycle_id = cycle_id
        self._report_error = report_error
        self.setWindowTitle(
            self.tr("Edit coaching cycle") if cycle_id else self.tr("New coaching cycle")
        )
        today = today or date.today()

        self.teacher = QComboBox()
        self.teacher.setAccessibleName(self.tr("Teacher"))
        for teacher_id, name in cycles.teachers(store):
            self.teacher.addItem(name, teacher_id)
        self.focus = QLineEdit()
        self.focus.setAccessibleName(self.tr("Focus"))
        self.focus.setPlaceholderText(self.tr("e.g. Widen participation in whole-class discussion"))
        self.goal = QPlainTextEdit()
        self.goal.setAccessibleName(self.tr("Student-learning goal"))
        self.goal.setPlaceholderText(
            self.tr("What students will do: e.g. 18 of 24 students contribute")
        )
        self.goal.setTabChangesFocus(True)
        self.goal.setFixedHeight(56)
        self.measure = QComboBox()
        self.measure.setAccessibleName(self.tr("Success measure"))
        self.measure.addItem(self.tr("None yet"), None)
        for kind, label in MEASURE_LABELS.items():
            self.measure.addItem(label, kind.value)
        self.lookfor = QComboBox()
        self.lookfor.setAccessibleName(self.tr("Look-for measured"))
        for choice in measure_lookfor_choices(store):
            self.lookfor.addItem(choice.label, choice.id)
        self.baseline = self._number(self.tr("Baseline"))
        self.target = self._number(self.tr("Target"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status, label in CYCLE_STATUS_LABELS.items():
            self.status.addItem(label, status.value)
        self.started = optional_date_edit(today, self.tr("Started on"))
        self.ended = optional_date_edit(None, self.tr("Ended on"))
        self.reflection = QPlainTextEdit()
        self.reflection.setAccessibleName(self.tr("Closing reflection"))
        self.reflection.setTabChangesFocus(True)
        self.reflection.setFixedHeight(56)
        self.measure.currentIndexChanged.connect(self._measure_changed)

        numbers = QHBoxLayout()
        numbers.addWidget(QLabel(self.tr("Baseline:")))
        numbers.addWidget(self.baseline)
        numbers.addWidget(QLabel(self.tr("Target:")))
        numbers.addWidget(self.target)
        numbers.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.status)
        dates.addWidget(QLabel(self.tr("from")))
        dates.addWidget(self.started)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.ended)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Teacher:"), self.teacher)
        form.addRow(self.tr("&Focus:"), self.focus)
        form.addRow(self.tr("Student-learning &goal:"), self.goal)
        form.addRow(self.tr("Success &measure:"), self.measure)
        form.addRow(self.tr("&Look-for:"), self.lookfor)
        form.addRow("", numbers)
        status_label = QLabel(self.tr("Stat&us:"))
        status_label.setBuddy(self.status)
        form.addRow(status_label, dates)
        form.addRow(self.tr("&Reflection:"), self.reflection)

        self.steps = QTableWidget(0, 5)
        self.steps.setHorizontalHeaderLabels(
            [
                self.tr("Step"),
                self.tr("What will happen"),
                self.tr("Due"),
                self.tr("Status"),
                self.tr("Done"),
            ]
        )
        self.steps.setAccessibleName(self.tr("Action steps"))
        self.steps.verticalHeader().hide()
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        add = QPushButton(self.tr("&Add step"))
        remove = QPushButton(self.tr("Remo&ve step"))
        add.clicked.connect(lambda: self.add_step(StepDraft(StepKind.CO_PLAN, "")))
        remove.clicked.connect(self.remove_step)
        step_buttons = QHBoxLayout()
        step_buttons.addWidget(add)
        step_buttons.addWidget(remove)
        step_buttons.addStretch(1)
        steps_box = QGroupBox(self.tr("Action steps (model, co-plan, co-teach, observe, debrief)"))
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.addWidget(self.steps)
        steps_layout.addLayout(step_buttons)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Cycle message"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        save_key(self, self.save)
        start_in_first_field(self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(steps_box, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 700)

        if cycle_id is not None:
            self._load(cycles.load_cycle(store, cycle_id))
        else:
            self.status.setCurrentIndex(self.status.findData(CycleStatus.ACTIVE.value))
        self._measure_changed()
        self.focus.setFocus()

    def _number(self, name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(-1, 10_000)
        box.setDecimals(0)  # every measure is a count: "12", not "12.0"
        box.setSpecialValueText("—")
        box.setValue(-1)
        box.setAccessibleName(name)
        return box

    def _measure_changed(self) -> None:
        kind = self.measure.currentData()
        self.lookfor.setEnabled(kind == MeasureKind.LOOKFOR_FREQUENCY.value)
        for box in (self.baseline, self.target):
            box.setEnabled(kind is not None)

    def _load(self, draft: CycleDraft) -> None:
        index = self.teacher.findData(draft.teacher_id)
        if index >= 0:
            self.teacher.setCurrentIndex(index)
        self.focus.setText(draft.focus)
        self.goal.setPlainText(draft.student_goal or "")
        if draft.measure_kind is not None:
            self.measure.setCurrentIndex(self.measure.findData(draft.measure_kind.value))
        if draft.measure_lookfor_id:
            self.lookfor.setCurrentIndex(max(0, self.lookfor.findData(draft.measure_lookfor_id)))
        self.baseline.setValue(-1 if draft.baseline is None else draft.baseline)
        self.target.setValue(-1 if draft.target is None else draft.target)
        self.status.setCurrentIndex(self.status.findData(draft.status.value))
        self.started.setDate(QDate(draft.started_on) if draft.started_on else NO_DATE)
        self.ended.setDate(QDate(draft.ended_on) if draft.ended_on else NO_DATE)
        self.reflection.setPlainText(draft.reflection or "")
        for step in draft.steps:
            self.add_step(step)

    # -- steps ------------------------------------------------------------------------------

    def add_step(self, step: StepDraft) -> int:
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        kind = QComboBox()
        for k, label in STEP_KIND_LABELS.items():
            kind.addItem(label, k.value)
        kind.setCurrentIndex(kind.findData(StepKind(step.kind).value))
        kind.setAccessibleName(self.tr("Step {n} kind").format(n=row + 1))
        title = QTableWidgetItem(step.title)
        title.setData(ID_ROLE, step.id)
        status = QComboBox()
        for s, label in STEP_STATUS_LABELS.items():
            status.addItem(label, s.value)
        status.setCurrentIndex(status.findData(StepStatus(step.status).value))
        status.setAccessibleName(self.tr("Step {n} status").format(n=row + 1))
        self.steps.setCellWidget(row, 0, kind)
        self.steps.setItem(row, 1, title)
        self.steps.setCellWidget(
            row,
            2,
            optional_date_edit(step.due_on, self.tr("Step {n} due").format(n=row + 1)),
        )
        self.steps.setCellWidget(row, 3, status)
        self.steps.setCellWidget(
            row,
            4,
            optional_date_edit(step.done_on, self.tr("Step {n} done").format(n=row + 1)),
        )
        if not step.title:
            self.steps.setCurrentCell(row, 1)
            self.steps.editItem(title)
        return row

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.removeRow(row)

    def step_drafts(self) -> tuple[StepDraft, ...]:
        out = []
        for row in range(self.steps.rowCount()):
            kind = self.steps.cellWidget(row, 0)
            status = self.steps.cellWidget(row, 3)
            due = self.steps.cellWidget(row, 2)
            done = self.steps.cellWidget(row, 4)
            title = self.steps.item(row, 1)
            assert isinstance(kind, QComboBox) and isinstance(status, QComboBox)
            assert isinstance(due, QDateEdit) and isinstance(done, QDateEdit)
            out.append(
                StepDraft(
                    kind=StepKind(kind.currentData()),
                    title=title.text() if title else "",
                    due_on=date_of(due),
                    status=StepStatus(status.currentData()),
                    done_on=date_of(done),
                    id=title.data(ID_ROLE) if title else None,
                )
            )
        return tuple(out)

    # -- saving -----------------------------------------------------------------------------

    def draft(self) -> CycleDraft:
        kind = self.measure.currentData()
        return CycleDraft(
            teacher_id=self.teacher.currentData() or "",
            focus=self.focus.text(),
            student_goal=self.goal.toPlainText(),
            measure_kind=MeasureKind(kind) if kind else None,
            measure_lookfor_id=self.lookfor.currentData(),
            baseline=None if self.baseline.value() < 0 else self.baseline.value(),
            target=None if self.target.value() < 0 else self.target.value(),
            status=CycleStatus(self.status.currentData()),
            started_on=date_of(self.started),
            ended_on=date_of(self.ended),
            reflection=self.reflection.toPlainText(),
            steps=self.step_drafts(),
        )

    def save(self) -> str | None:
        draft = self.draft()
        outcome = (
            CoreOp(
                self,
                lambda: cycles.save_cycle(self.store, draft, self.cycle_id),
                report=self._report_error,
                name="save cycle",
            )
            .inline(self.message.setText)
            .run_now()
        )
        if not outcome.ok or outcome.value is None:
            return None
        cycle_id = outcome.value
        self.cycle_id = cycle_id
        self.saved.emit(cycle_id)
        self.accept()
        return cycle_id
