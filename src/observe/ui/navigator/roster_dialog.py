"""Importing a roster CSV: choose the file, see every row and every problem, then import.

The preview says, row by row and in sentences, what will happen: a new class, a class already in
the profile (skipped), or what is wrong with the row. A file with any problem can't be imported
at all, because a half-imported roster is worse than none: the coach would have to work out
which classes made it. Reading and importing both run through :mod:`observe.ui.operations`
(a roster can be thousands of lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from observe.errors import ObserveError
from observe.roster.csv_import import (
    RosterPreview,
    RosterResult,
    RosterRow,
    import_roster,
    read_roster,
)
from observe.store import Store
from observe.ui import operations
from observe.ui.context import VisitContext
from observe.ui.errors import record, sentence_for
from observe.ui.operations import Progress
from observe.ui.screen_fit import fit_to_screen

ModelIndex = QModelIndex | QPersistentModelIndex


def _tr(one: str, many: str, count: int, **fields: str) -> str:
    """``one`` or ``many`` (both already translated), with ``{n}`` filled in: English and
    Spanish both use the singular for 1 only."""
    return (one if count == 1 else many).format(n=count, **fields)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def row_status(row: RosterRow) -> str:
    if row.errors:
        return " ".join(_sentence(e) for e in row.errors)
    if row.exists:
        return QCoreApplication.translate("RosterImportDialog", "Already in profile")
    if row.new_teacher:
        return QCoreApplication.translate("RosterImportDialog", "New (new teacher)")
    return QCoreApplication.translate("RosterImportDialog", "New")


def summary(preview: RosterPreview) -> str:
    """One line saying what Import would do, or why it can't."""
    ctx = "RosterImportDialog"
    fix = QCoreApplication.translate(
        ctx, "fix the file and choose it again — nothing will be imported."
    )
    bad = sum(1 for r in preview.rows if r.errors)
    if preview.problems:
        rows = ""
        if bad:
            rows = " " + _tr(
                QCoreApplication.translate(ctx, "{n} row has problems too."),
                QCoreApplication.translate(ctx, "{n} rows have problems too."),
                bad,
            )
        return f"{' '.join(preview.problems)}{rows} {_sentence(fix)}"
    if bad:
        return _tr(
            QCoreApplication.translate(ctx, "{n} row has problems; {fix}"),
            QCoreApplication.translate(ctx, "{n} rows have problems; {fix}"),
            bad,
            fix=fix,
        )
    new = len(preview.to_import)
    there = sum(1 for r in preview.rows if r.exists)
    if new == 0:
        return QCoreApplication.translate(
            ctx, "Every class in this file is already in the profile; there is nothing to import."
        )
    teachers = len({r.teacher.casefold() for r in preview.to_import if r.new_teacher})
    text = _tr(
        QCoreApplication.translate(ctx, "{n} class to import"),
        QCoreApplication.translate(ctx, "{n} classes to import"),
        new,
    )
    if there:
        text += QCoreApplication.translate(ctx, ", {n} already there").format(n=there)
    if teachers:
        text += _tr(
            QCoreApplication.translate(ctx, "; {n} teacher is new"),
            QCoreApplication.translate(ctx, "; {n} teachers are new"),
            teachers,
        )
    return text + "."


def result_sentence(result: RosterResult) -> str:
    ctx = "RosterImportDialog"
    text = _tr(
        QCoreApplication.translate(ctx, "Imported {n} class"),
        QCoreApplication.translate(ctx, "Imported {n} classes"),
        result.classrooms_added,
    )
    if result.teachers_added:
        text += _tr(
            QCoreApplication.translate(ctx, " and {n} new teacher"),
            QCoreApplication.translate(ctx, " and {n} new teachers"),
            result.teachers_added,
        )
    if result.skipped:
        text += _tr(
            QCoreApplication.translate(ctx, "; {n} class was already there"),
            QCoreApplication.translate(ctx, "; {n} classes were already there"),
            result.skipped,
        )
    return text + "."


class RosterPreviewModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("RosterImportDialog", "Line"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "Teacher"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "Subject"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "Grade"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "Period"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "Room"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "Email"),
        QT_TRANSLATE_NOOP("RosterImportDialog", "Status"),
    )
    STATUS = 7

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RosterRow] = []

    def set_rows(self, rows: list[RosterRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RosterImportDialog", self.HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                row.line,
                row.teacher,
                row.subject,
                row.grade,
                row.period,
                row.room,
                row.email,
            )
            return row_status(row) if column == self.STATUS else values[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS and row.errors:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.FontRole and row.errors:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.exists and not row.errors:
            # Skipped rows recede; the colour comes from the palette, so dark mode works.
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None


class RosterImportDialog(QDialog):
    #: Emitted with the :class:`RosterResult` once the import committed.
    imported = Signal(object)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        context: VisitContext | None = None,
        school_name: str | None = None,
        schools: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self._school_name = school_name
        self.preview: RosterPreview | None = None
        self.result: RosterResult | None = None
        self.path: Path | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Import roster"))
        self.setAccessibleName(self.tr("Import roster"))

        intro = QLabel(
            self.tr(
                "A roster is a CSV file with the columns teacher, subject, grade, period and room "
                "(teacher and subject are required). Nothing is imported until you choose Import."
            )
        )
        intro.setWordWrap(True)
        self.file_label = QLabel(self.tr("No file chosen yet."))
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setAccessibleName(self.tr("Roster file"))
        self.choose_button = QPushButton(self.tr("Choose &file…"))
        self.choose_button.setAccessibleName(self.tr("Choose roster file"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        # In a district profile new teachers must land in the right school, so it is asked.
        self.school_combo: QComboBox | None = None
        school_row = QHBoxLayout()
        if len(schools) > 1:
            self.school_combo = QComboBox()
            self.school_combo.addItems(list(schools))
            self.school_combo.setAccessibleName(self.tr("School for new teachers"))
            if school_name in schools:
                self.school_combo.setCurrentText(school_name)
            school_label = QLabel(self.tr("New teachers join &school:"))
            school_label.setBuddy(self.school_combo)
            school_row.addWidget(school_label)
            school_row.addWidget(self.school_combo)
            school_row.addStretch(1)

        self.summary_icon = QLabel()
        self.summary_label = QLabel(self.tr("Choose a roster file to see what it would import."))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setAccessibleName(self.tr("Import summary"))
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_icon, 0, Qt.AlignmentFlag.AlignTop)
        summary_row.addWidget(self.summary_label, 1)

        self.model = RosterPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Roster preview"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)  # a 5,000-line roster must not stall the GUI
        for column in range(RosterPreviewModel.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RosterPreviewModel.STATUS, QHeaderView.ResizeMode.Stretch)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setAccessibleName(self.tr("Import roster"))
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addLayout(school_row)
        layout.addLayout(summary_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.choose_button, self.table)
        self.setTabOrder(self.table, self.import_button)
        metrics = self.fontMetrics()
        fit_to_screen(self, metrics.averageCharWidth() * 110, metrics.lineSpacing() * 28)

    def school_name(self) -> str | None:
        return self.school_combo.currentText() if self.school_combo else self._school_name

    # -- reading ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        start = (
            str(self.path.parent)
            if self.path
            else QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster CSV"),
            start,
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path) -> operations.Operation:
        """Reads ``path`` in the background and shows its preview."""
        self.path = path
        self.preview = None
        self.result = None
        self.file_label.setText(str(path))
        self.model.set_rows([])
        self._say(self.tr("Reading {name}…").format(name=path.name), None)
        self._set_busy(True)
        store = self.store

        def work(_: Progress) -> RosterPreview:
            return read_roster(store, path)

        return operations.run(
            work,
            name="read roster",
            context=self,
            on_success=self._show_preview,
            on_failure=self._failed,
        )

    def _show_preview(self, preview: object) -> None:
        assert isinstance(preview, RosterPreview)
        self._set_busy(False)
        self.preview = preview
        self.model.set_rows(preview.rows)
        problem = not preview.ok
        self._say(summary(preview), QStyle.StandardPixmap.SP_MessageBoxWarning if problem else None)
        first_bad = next((i for i, r in enumerate(preview.rows) if r.errors), None)
        if first_bad is not None:
            self.table.selectRow(first_bad)
            self.table.scrollTo(self.model.index(first_bad, 0))
        self._update_buttons()

    # -- importing ----------------------------------------------------------------------------

    def start_import(self) -> operations.Operation | None:
        preview = self.preview
        if preview is None or not preview.ok or not preview.to_import or self._busy:
            return None
        self._set_busy(True)
        self._say(self.tr("Importing…"), None)
        store, school = self.store, self.school_name()

        def work(_: Progress) -> RosterResult:
            return import_roster(store, preview, school)

        return operations.run(
            work,
            name="import roster",
            context=self,
            on_success=self._imported,
            on_failure=self._failed,
        )

    def _imported(self, result: object) -> None:
        assert isinstance(result, RosterResult)
        self._set_busy(False)
        self.result = result
        self.preview = None  # imported; importing again would only skip every row
        self._say(result_sentence(result), QStyle.StandardPixmap.SP_DialogApplyButton)
        self._update_buttons()
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        self.imported.emit(result)  # the views refresh from the store's change news

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, ObserveError):
            record(error)
        self._say(sentence_for(error), QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._update_buttons()

    # -- state --------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.choose_button.setEnabled(not busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        preview = self.preview
        ready = preview is not None and preview.ok and bool(preview.to_import)
        self.import_button.setEnabled(ready and not self._busy)
        if ready and not self._busy:
            self.import_button.setDefault(True)
            # Off the Choose file button, so Enter imports instead of choosing again.
            (self.school_combo or self.table).setFocus()

    def _say(self, text: str, icon: QStyle.StandardPixmap | None) -> None:
        self.summary_label.setText(text)
        self.summary_label.setAccessibleDescription(text)
        if icon is None:
            self.summary_icon.clear()
            self.summary_icon.hide()
            return
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.summary_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.summary_icon.show()
