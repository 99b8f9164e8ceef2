"""Adding and editing a teacher or a classroom.

Problems are shown in the dialog, next to the field they concern, as sentences, instead of in
a message box the coach has to dismiss before they can fix anything. Saving goes through
:mod:`observe.ui.operations`: a write may wait for the sync worker's transaction, and the
window must not freeze meanwhile. The store's flush hooks add the outbox rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from observe.errors import ObserveError
from observe.roster.teachers import (
    LIMITS,
    classroom_problems,
    save_classroom,
    save_teacher,
    teacher_problems,
)
from observe.roster.tree import ClassroomRow, TeacherRow
from observe.store import Store
from observe.ui import operations
from observe.ui.dialog_keys import save_key, start_in_first_field
from observe.ui.errors import record, sentence_for
from observe.ui.operations import Progress


class Problem(QWidget):
    """A warning icon and a sentence; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(warning.pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.setAccessibleName(self.tr("Problem"))
        self.hide()

    def say(self, sentence: str | None) -> None:
        self.text.setText(sentence or "")
        self.setAccessibleDescription(sentence or "")
        self.setVisible(bool(sentence))


class RecordDialog(QDialog):
    """A form whose fields each have a place for a problem, saved in the background."""

    #: The saved record's id.
    saved = Signal(str)

    def __init__(self, store: Store, title: str, save_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.store = store
        self.saved_id: str | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.problems: dict[str, Problem] = {}
        self.general = Problem(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        save_key(self, self.accept)
        start_in_first_field(self)

    def add_field(self, name: str, label: str, widget: QWidget, accessible: str) -> None:
        widget.setAccessibleName(accessible)
        self.form.addRow(label, widget)
        buddy = self.form.labelForField(widget)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        problem = Problem(self)
        self.form.addRow("", problem)
        self.fields[name] = widget
        self.problems[name] = problem
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text, p=problem: p.say(None))

    def line(self, name: str, label: str, value: str | None, accessible: str) -> QLineEdit:
        edit = QLineEdit(value or "")
        edit.setMaxLength(LIMITS[name if name in LIMITS else "name"])
        self.add_field(name, label, edit, accessible)
        return edit

    # -- saving -------------------------------------------------------------------------------

    def check(self) -> dict[str, str]:
        raise NotImplementedError

    def save_work(self) -> Callable[[Progress], str]:
        raise NotImplementedError

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, box in self.problems.items():
            box.say(problems.get(name))
            self.fields[name].setAccessibleDescription(problems.get(name, ""))
        first = next((self.fields[n] for n in self.fields if n in problems), None)
        if first is not None:
            first.setFocus()
        self.fit()

    def fit(self) -> None:
        """Grows the dialog so a wrapped sentence is never cut off (it never shrinks it)."""
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.minimumSize().height(), self.sizeHint().height())
        if needed > self.height():
            self.resize(width, needed)

    def accept(self) -> None:
        problems = self.check()
        self.show_problems(problems)
        self.general.say(None)
        if problems:
            return
        self._busy(True)
        operations.run(
            self.save_work(),
            name=self.windowTitle(),
            context=self,
            on_success=self._saved,
            on_failure=self._failed,
        )

    def _busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        for widget in self.fields.values():
            widget.setEnabled(not busy)

    def _saved(self, record_id: object) -> None:
        self.saved_id = str(record_id)
        self.saved.emit(self.saved_id)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if not isinstance(error, ObserveError):
            record(error)
        self.general.say(sentence_for(error))
        self.fit()


class TeacherDialog(RecordDialog):
    """Name, optional email and, in a profile with several schools, the school."""

    def __init__(
        self,
        store: Store,
        *,
        teacher: TeacherRow | None = None,
        schools: Sequence[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        editing = teacher is not None
        super().__init__(
            store,
            QCoreApplication.translate("TeacherDialog", "Edit teacher")
            if editing
            else QCoreApplication.translate("TeacherDialog", "New teacher"),
            QCoreApplication.translate("TeacherDialog", "&Save")
            if editing
            else QCoreApplication.translate("TeacherDialog", "&Add"),
            parent,
        )
        self.teacher_id = teacher.id if teacher else None
        self.name = self.line(
            "name", self.tr("&Name:"), teacher and teacher.name, self.tr("Teacher's name")
        )
        self.name.setPlaceholderText(self.tr("e.g. Zoë Okafor"))
        self.email = self.line(
            "email", self.tr("&Email (optional):"), teacher and teacher.email, self.tr("Email")
        )
        self.email.setPlaceholderText(self.tr("name@school.org"))
        self.school: QComboBox | None = None
        if len(schools) > 1:
            self.school = QComboBox()
            for school_id, name in schools:
                self.school.addItem(name, school_id)
            chosen = teacher.school_id if teacher else None
            self.school.setCurrentIndex(max(0, self.school.findData(chosen)))
            self.add_field("school", self.tr("Sc&hool:"), self.school, self.tr("School"))

    def check(self) -> dict[str, str]:
        return teacher_problems(self.name.text(), self.email.text())

    def save_work(self) -> Callable[[Progress], str]:
        store, teacher_id = self.store, self.teacher_id
        name, email = self.name.text(), self.email.text()
        school_id = self.school.currentData() if self.school is not None else None
        return lambda _: save_teacher(store, teacher_id, name, email, school_id)


class ClassroomDialog(RecordDialog):
    def __init__(
        self,
        store: Store,
        teachers: Sequence[TeacherRow],
        *,
        classroom: ClassroomRow | None = None,
        teacher_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = classroom is not None
        super().__init__(
            store,
            QCoreApplication.translate("ClassroomDialog", "Edit classroom")
            if editing
            else QCoreApplication.translate("ClassroomDialog", "New classroom"),
            QCoreApplication.translate("ClassroomDialog", "&Save")
            if editing
            else QCoreApplication.translate("ClassroomDialog", "&Add"),
            parent,
        )
        self.classroom_id = classroom.id if classroom else None
        self.teacher = QComboBox()
        for teacher in teachers:
            self.teacher.addItem(teacher.name, teacher.id)
        chosen = classroom.teacher_id if classroom else teacher_id
        self.teacher.setCurrentIndex(max(0, self.teacher.findData(chosen)))
        self.add_field("teacher", self.tr("&Teacher:"), self.teacher, self.tr("Teacher"))
        room = classroom
        self.subject = self.line(
            "subject", self.tr("Su&bject:"), room and room.subject, self.tr("Subject")
        )
        self.subject.setPlaceholderText(self.tr("e.g. Math 7, Biology, Reading"))
        self.grade = self.line(
            "grade", self.tr("&Grade (optional):"), room and room.grade, self.tr("Grade")
        )
        self.period = self.line(
            "period", self.tr("&Period (optional):"), room and room.period, self.tr("Period")
        )
        self.room = self.line(
            "room", self.tr("&Room (optional):"), room and room.room, self.tr("Room")
        )
        if not teachers:
            self.teacher.setEnabled(False)
            self.save_button.setEnabled(False)
            self.general.say(self.tr("Add a teacher first (New teacher…), then add their classes."))

    def check(self) -> dict[str, str]:
        return classroom_problems(
            self.teacher.currentData(),
            self.subject.text(),
            self.grade.text(),
            self.period.text(),
            self.room.text(),
        )

    def save_work(self) -> Callable[[Progress], str]:
        store, classroom_id, teacher_id = self.store, self.classroom_id, self.teacher.currentData()
        values = (self.subject.text(), self.grade.text(), self.period.text(), self.room.text())
        return lambda _: save_classroom(store, classroom_id, teacher_id, *values)
