"""Adding a cycle's student evidence: a survey's CSV, an assessment's scores, paper tallies.

Each import reads the file first (on a worker: a district export can have 100,000 rows) and
shows what will be stored and what was dropped; only then can the coach import it. Reads and
writes are core calls (``observe.coaching.surveys`` / ``scores``) through ``CoreOp``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
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

from observe.coaching import scores, surveys
from observe.coaching.survey_scales import scale_by_key
from observe.errors import UsageError
from observe.store import Store
from observe.ui.dialog_keys import save_key, start_in_first_field
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp


def _phase_box(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.addItem(QCoreApplication.translate("CycleEvidence", "Before the cycle"), "before")
    box.addItem(QCoreApplication.translate("CycleEvidence", "After the cycle"), "after")
    box.setAccessibleName(QCoreApplication.translate("CycleEvidence", "Before or after the cycle"))
    return box


class _ImportDialog(QDialog):
    """A file, a phase, a preview of what will be stored, and Import."""

    saved = Signal()

    def __init__(
        self, store: Store, cycle_id: str, parent: QWidget | None, *, report_error: ErrorReporter
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.cycle_id = cycle_id
        self._report_error = report_error
        self.preview: object | None = None
        self.path = QLineEdit()
        self.path.setAccessibleName(QCoreApplication.translate("_ImportDialog", "CSV file"))
        self.path.textChanged.connect(self._forget)
        self.path.returnPressed.connect(self.read_file)
        browse = QPushButton(QCoreApplication.translate("_ImportDialog", "&Browse…"))
        browse.clicked.connect(self.browse)
        self.read_button = QPushButton(QCoreApplication.translate("_ImportDialog", "&Read file"))
        self.read_button.clicked.connect(self.read_file)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(self.read_button)
        self.phase = _phase_box(self)
        self.form = QFormLayout()
        self.form.addRow(QCoreApplication.translate("_ImportDialog", "&File:"), row)
        self.form.addRow(QCoreApplication.translate("_ImportDialog", "&When:"), self.phase)
        self.shown = QPlainTextEdit()
        self.shown.setReadOnly(True)
        self.shown.setAccessibleName(
            QCoreApplication.translate("_ImportDialog", "What will be stored")
        )
        self.shown.setTabChangesFocus(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.import_button.setText(QCoreApplication.translate("_ImportDialog", "Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_key(self, self.save)
        start_in_first_field(self)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, 460)

    def _forget(self) -> None:
        self.preview = None
        self.import_button.setEnabled(False)
        self.shown.setPlainText("")

    def browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.windowTitle(),
            "",
            QCoreApplication.translate("_ImportDialog", "CSV files (*.csv *.txt);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.read_file()

    def _read_call(self, path: Path) -> object:
        raise NotImplementedError

    def _describe(self, preview: object) -> list[str]:
        raise NotImplementedError

    def read_file(self) -> None:
        """Reads the file on a worker and shows what would be stored."""
        text = self.path.text().strip()
        if not text:
            self.message.setText(
                QCoreApplication.translate("_ImportDialog", "Choose the CSV file to import.")
            )
            return
        self._forget()
        self.message.setText(QCoreApplication.translate("_ImportDialog", "Reading…"))
        path = Path(text)
        CoreOp(
            self, lambda: self._read_call(path), report=self._report_error, name="read CSV"
        ).inline(self._refused).success(self._read).run_in_background()

    def _refused(self, sentence: str) -> None:
        self.message.setText(sentence)

    def _read(self, preview: object) -> None:
        try:
            lines = self._describe(preview)
        except UsageError as refused:
            self.message.setText(refused.sentence)
            return
        self.preview = preview
        self.shown.setPlainText("\n".join(lines))
        self.message.setText(
            QCoreApplication.translate(
                "_ImportDialog", "Check what will be stored, then choose Import."
            )
        )
        self.import_button.setEnabled(True)

    def _save_call(self, preview: object, phase: str) -> object:
        raise NotImplementedError

    def save(self) -> bool:
        preview = self.preview
        if preview is None:
            self.message.setText(
                QCoreApplication.translate(
                    "_ImportDialog", "Read the file first (Enter in the file name)."
                )
            )
            return False
        phase = str(self.phase.currentData())
        saved = CoreOp(
            self,
            lambda: self._save_call(preview, phase),
            report=self._report_error,
            name="import cycle evidence",
        )
        if not saved.inline(self.message.setText).run_now().ok:
            return False
        self.saved.emit()
        self.accept()
        return True


class ImportSurveyDialog(_ImportDialog):
    """A Google Forms or Microsoft Forms CSV export, as counts per answer."""

    def __init__(
        self, store: Store, cycle_id: str, parent: QWidget | None, *, report_error: ErrorReporter
    ) -> None:
        super().__init__(store, cycle_id, parent, report_error=report_error)
        self.setWindowTitle(self.tr("Import a student survey"))
        self.intro.setText(
            self.tr(
                "Choose the CSV export of a Google Forms or Microsoft Forms survey. Only how "
                "many students chose each answer is kept: names, emails, ids and times are "
                "dropped, and free-text answers are left out."
            )
        )

    def _read_call(self, path: Path) -> object:
        return surveys.read_survey(path)

    def _describe(self, preview: object) -> list[str]:
        assert isinstance(preview, surveys.SurveyPreview)
        return preview.sentences()

    def _save_call(self, preview: object, phase: str) -> object:
        assert isinstance(preview, surveys.SurveyPreview)
        return surveys.save_survey(self.store, self.cycle_id, phase, preview)


class ImportScoresDialog(_ImportDialog):
    """A CSV of one task's scores, kept as its distribution, with the coach's threshold."""

    def __init__(
        self, store: Store, cycle_id: str, parent: QWidget | None, *, report_error: ErrorReporter
    ) -> None:
        super().__init__(store, cycle_id, parent, report_error=report_error)
        self.setWindowTitle(self.tr("Import assessment scores"))
        self.intro.setText(
            self.tr(
                "Choose a CSV with a column of scores (a student number may stand beside it). "
                "Only how many students got each score is kept; names are not stored."
            )
        )
        self.meets = QDoubleSpinBox()
        self.meets.setRange(0, 1_000_000)
        self.meets.setDecimals(1)
        self.meets.setValue(3)
        self.meets.setAccessibleName(self.tr("Meets the goal at or above"))
        self.out_of = QDoubleSpinBox()
        self.out_of.setRange(0, 1_000_000)
        self.out_of.setDecimals(1)
        self.out_of.setValue(4)
        self.out_of.setSpecialValueText(self.tr("not given"))
        self.out_of.setAccessibleName(self.tr("Out of"))
        self.form.addRow(self.tr("&Meets at or above:"), self.meets)
        self.form.addRow(self.tr("&Out of:"), self.out_of)
        self.meets.valueChanged.connect(self._rethreshold)
        self.out_of.valueChanged.connect(self._rethreshold)

    def _threshold(self) -> tuple[float, float | None]:
        out_of = self.out_of.value()
        return self.meets.value(), (out_of if out_of > 0 else None)

    def _rethreshold(self) -> None:
        if self.preview is not None:
            self._read(self.preview)

    def _read_call(self, path: Path) -> object:
        return scores.read_scores(path)

    def _describe(self, preview: object) -> list[str]:
        assert isinstance(preview, scores.ScoresPreview)
        meets, out_of = self._threshold()
        scores.check_threshold(preview, meets, out_of)
        return preview.sentences(meets, out_of)

    def _save_call(self, preview: object, phase: str) -> object:
        assert isinstance(preview, scores.ScoresPreview)
        meets, out_of = self._threshold()
        return scores.save_scores(self.store, self.cycle_id, phase, preview, meets, out_of)


_SCALE_CHOICES = ("agree5", "agree4", "frequency", "yes_no", "rating5")


class PaperTalliesDialog(QDialog):
    """A survey given on paper: the coach types each question and how many chose each answer."""

    saved = Signal()

    def __init__(
        self, store: Store, cycle_id: str, parent: QWidget | None, *, report_error: ErrorReporter
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter paper survey tallies"))
        self.store = store
        self.cycle_id = cycle_id
        self._report_error = report_error
        intro = QLabel(
            self.tr(
                "One row per question: its wording, its answer scale, and the tallies in the "
                "scale's order separated by commas (e.g. 4, 7, 3, 2, 1 for Strongly agree … "
                "Strongly disagree)."
            )
        )
        intro.setWordWrap(True)
        self.title = QLineEdit(self.tr("Paper survey"))
        self.title.setAccessibleName(self.tr("Survey title"))
        self.phase = _phase_box(self)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&When:"), self.phase)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Answer scale"), self.tr("Tallies")]
        )
        self.table.setAccessibleName(self.tr("Questions and tallies"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.options = QLabel()
        self.options.setWordWrap(True)
        self.table.currentCellChanged.connect(lambda *_: self._show_options())
        add = QPushButton(self.tr("&Add question"))
        add.clicked.connect(lambda: self.add_row())
        remove = QPushButton(self.tr("&Remove question"))
        remove.clicked.connect(self.remove_row)
        rows = QHBoxLayout()
        rows.addWidget(add)
        rows.addWidget(remove)
        rows.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        save_key(self, self.save)
        start_in_first_field(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.options)
        layout.addLayout(rows)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # The questions already asked in this cycle, so the after tallies match the before.
        asked = surveys.cycle_surveys(store, cycle_id).measures
        for m in asked:
            q = m.before or m.after
            self.add_row(m.question, q.scale if q else "agree5")
        if not asked:
            self.add_row()
        self.resize(720, 440)

    def add_row(self, text: str = "", scale: str = "agree5") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(text))
        box = QComboBox()
        box.setAccessibleName(self.tr("Answer scale"))
        for key in _SCALE_CHOICES if scale in _SCALE_CHOICES else (*_SCALE_CHOICES, scale):
            box.addItem(scale_by_key(key).label + (" (4)" if key == "agree4" else ""), key)
        box.setCurrentIndex(max(box.findData(scale), 0))
        box.currentIndexChanged.connect(lambda _i: self._show_options())
        self.table.setCellWidget(row, 1, box)
        self.table.setItem(row, 2, QTableWidgetItem(""))
        self.table.setCurrentCell(row, 0)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _scale_of(self, row: int) -> str:
        box = self.table.cellWidget(row, 1)
        return str(box.currentData()) if isinstance(box, QComboBox) else "agree5"

    def _show_options(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.options.setText("")
            return
        scale = scale_by_key(self._scale_of(row))
        self.options.setText(self.tr("Tallies in this order: ") + ", ".join(scale.options))

    def rows(self) -> list[tuple[str, str, list[int]]]:
        out = []
        for row in range(self.table.rowCount()):
            text = (self.table.item(row, 0) or QTableWidgetItem()).text()
            raw = (self.table.item(row, 2) or QTableWidgetItem()).text()
            parts = [p.strip() for p in raw.replace(";", ",").split(",") if p.strip()]
            if not all(p.isdigit() for p in parts):
                raise UsageError(
                    self.tr(
                        "The tallies of question {n} must be whole numbers separated by commas."
                    ).format(n=row + 1)
                )
            out.append((text, self._scale_of(row), [int(p) for p in parts]))
        return out

    def save(self) -> bool:
        title, phase = self.title.text(), str(self.phase.currentData())

        def call() -> object:
            preview = surveys.paper_survey(title, self.rows())
            return surveys.save_survey(self.store, self.cycle_id, phase, preview)

        saved = CoreOp(self, call, report=self._report_error, name="paper survey tallies")
        if not saved.inline(self.message.setText).run_now().ok:
            return False
        self.saved.emit()
        self.accept()
        return True
