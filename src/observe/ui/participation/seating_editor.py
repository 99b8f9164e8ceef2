"""Drawing a classroom's seating chart: rows, columns, which cells are seats, labels, groups.

Coaches draw a chart once per class, often minutes before a visit, so the common cases take one
step: a new chart starts full (every cell a seat labelled A1, A2, …), "Group by tables" names
table groups in one go, and several cells can be selected and changed together. Nothing is
written until Save; a refused chart (two seats labelled alike) keeps every edit on screen and
selects the cells to fix.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from observe.capture.participation import (
    MAX_COLS,
    MAX_ROWS,
    chart_of,
    charts_to_copy,
    quick_chart_shape,
    save_seating,
)
from observe.capture.participation_view import chart_class, chart_seats
from observe.errors import UsageError
from observe.store import Store
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.ops import CoreOp
from observe.ui.participation.chart_model import ChartModel, Pos
from observe.ui.participation.chart_table import ChartTable

NEW_CHART_ROWS = 5
NEW_CHART_COLS = 6
INTRO = QT_TRANSLATE_NOOP(
    "SeatingEditorDialog",
    "Draw the room with the front at the top. Space turns a cell into a seat or a gap; type or "
    "press F2 to rename a seat. Labels are yours to choose: no student names.",
)


class SeatingEditorDialog(QDialog):
    """Edits one classroom's chart; ``Accepted`` means it was saved (the store's news follows)."""

    def __init__(
        self,
        store: Store,
        classroom_id: str,
        parent: QWidget | None = None,
        *,
        context: VisitContext | None = None,
        report_error: ErrorReporter = show_error,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.classroom_id = classroom_id
        self.context = context
        self._report_error = report_error
        self._syncing = False

        room = chart_class(store, classroom_id)
        rows, cols, title = room.rows, room.cols, room.label
        seats = chart_seats(store, classroom_id)
        if rows and cols:
            self.model = ChartModel.from_seats(rows, cols, seats)
        else:
            self.model = ChartModel(NEW_CHART_ROWS, NEW_CHART_COLS, {})
        self.setWindowTitle(
            self.tr("Seating chart — {title}").format(title=title)
            if title
            else self.tr("Seating chart")
        )

        intro = QLabel(self.tr(INTRO))
        intro.setWordWrap(True)
        self.rows_spin = self._spin(self.model.rows, MAX_ROWS, self.tr("Rows"))
        self.cols_spin = self._spin(self.model.cols, MAX_COLS, self.tr("Columns"))
        size_row = QHBoxLayout()
        for text, spin in (
            (self.tr("R&ows:"), self.rows_spin),
            (self.tr("Col&umns:"), self.cols_spin),
        ):
            label = QLabel(text)
            label.setBuddy(spin)
            size_row.addWidget(label)
            size_row.addWidget(spin)
        size_row.addStretch(1)

        front = QLabel(self.tr("Front of room"))
        front.setAlignment(Qt.AlignmentFlag.AlignCenter)
        front.setFrameShape(QFrame.Shape.StyledPanel)
        front.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        front.setAutoFillBackground(True)
        self.table = ChartTable(self.model)
        chart_column = QVBoxLayout()
        chart_column.addWidget(front)
        chart_column.addWidget(self.table, 1)

        body = QHBoxLayout()
        body.addLayout(chart_column, 1)
        body.addWidget(self._side_panel())

        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName(self.tr("Problem"))
        bold = QFont(self.problem_label.font())
        bold.setBold(True)
        self.problem_label.setFont(bold)
        self.problem_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save the chart (Ctrl+S)"))
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                # Enter while renaming a seat must not save a half-edited chart.
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(size_row)
        layout.addLayout(body, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.rows_spin.valueChanged.connect(self._resize_chart)
        self.cols_spin.valueChanged.connect(self._resize_chart)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentChanged.connect(self._selection_changed)
        self.model.dataChanged.connect(self._cells_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()
        self._fit_to_screen()

    def _spin(self, value: int, maximum: int, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, maximum)
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def _side_panel(self) -> QWidget:
        selection = QGroupBox(self.tr("Selected cells"))
        self.seat_check = QCheckBox(self.tr("Seat &here"))
        self.seat_check.setToolTip(
            self.tr("Make the selected cells seats or gaps (Space in the chart)")
        )
        self.seat_check.clicked.connect(self._seat_clicked)
        self.label_edit = QLineEdit()
        self.label_edit.setAccessibleName(self.tr("Seat label"))
        self.label_edit.setPlaceholderText("e.g. A1")
        self.label_edit.textEdited.connect(self._label_edited)
        self.group_combo = QComboBox()
        self.group_combo.setEditable(True)
        self.group_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.group_combo.setAccessibleName(self.tr("Group"))
        self.group_combo.setToolTip(
            self.tr("A group you choose (a table, a language group…); optional")
        )
        line = self.group_combo.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("no group"))
            line.returnPressed.connect(self.apply_group)
        self.apply_group_button = QPushButton(self.tr("A&pply group"))
        self.apply_group_button.setToolTip(self.tr("Give the selected seats this group (Enter)"))
        self.apply_group_button.clicked.connect(self.apply_group)
        form = QFormLayout(selection)
        form.addRow(self.seat_check)
        label_label = QLabel(self.tr("&Label:"))
        label_label.setBuddy(self.label_edit)
        form.addRow(label_label, self.label_edit)
        group_label = QLabel(self.tr("&Group:"))
        group_label.setBuddy(self.group_combo)
        form.addRow(group_label, self.group_combo)
        form.addRow(self.apply_group_button)

        helpers = QGroupBox(self.tr("Whole chart"))
        self.fill_button = QPushButton(self.tr("Fill &all"))
        self.fill_button.setToolTip(self.tr("Make every cell a seat"))
        self.fill_button.clicked.connect(self.model.fill_all)
        self.clear_button = QPushButton(self.tr("Clea&r all"))
        self.clear_button.setToolTip(self.tr("Make every cell a gap, to start over"))
        self.clear_button.clicked.connect(self.model.clear_all)
        self.table_rows_spin = self._spin(2, MAX_ROWS, self.tr("Rows per table"))
        self.table_cols_spin = self._spin(2, MAX_COLS, self.tr("Seats across per table"))
        self.tables_button = QPushButton(self.tr("Group by &tables"))
        self.tables_button.setToolTip(
            self.tr("Name blocks of seats Table 1, Table 2, … (rows × seats across each table)")
        )
        self.tables_button.clicked.connect(self.group_by_tables)
        fill_row = QHBoxLayout()
        fill_row.addWidget(self.fill_button)
        fill_row.addWidget(self.clear_button)
        block_row = QHBoxLayout()
        size_label = QLabel(self.tr("Table si&ze:"))
        size_label.setBuddy(self.table_rows_spin)
        size_label.setToolTip(self.tr("Rows × seats across for each table"))
        block_row.addWidget(size_label)
        block_row.addWidget(self.table_rows_spin)
        block_row.addWidget(QLabel("×"))
        block_row.addWidget(self.table_cols_spin)
        block_row.addStretch(1)
        helper_layout = QVBoxLayout(helpers)
        helper_layout.addLayout(fill_row)
        helper_layout.addLayout(block_row)
        helper_layout.addWidget(self.tables_button)

        # Two ways to skip drawing: so many seats in rows, or another class's chart.
        self.quick_spin = QSpinBox()
        self.quick_spin.setRange(1, MAX_ROWS * MAX_COLS)
        self.quick_spin.setValue(max(1, len(self.model.seat_positions())))
        self.quick_spin.setSuffix(self.tr(" seats"))
        self.quick_spin.setAccessibleName(self.tr("Seats for a quick chart"))
        self.quick_button = QPushButton(self.tr("Ma&ke"))
        self.quick_button.setToolTip(
            self.tr("Replace the chart with this many seats in rows, labelled A1, A2, …")
        )
        self.quick_button.clicked.connect(self.quick_chart)
        quick_row = QHBoxLayout()
        quick_label = QLabel(self.tr("&Quick chart:"))
        quick_label.setBuddy(self.quick_spin)
        quick_row.addWidget(quick_label)
        quick_row.addWidget(self.quick_spin, 1)
        quick_row.addWidget(self.quick_button)
        self.copy_combo = QComboBox()
        self.copy_combo.setAccessibleName(self.tr("Class to copy the chart from"))
        # Long class names elide instead of widening the tools column past the chart.
        self.copy_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.copy_combo.setMinimumContentsLength(14)
        found = CoreOp(
            self, lambda: charts_to_copy(self.store, self.classroom_id), report=self._report_error
        ).run_now()
        others = found.value if found.ok and found.value is not None else []
        for other in others:
            self.copy_combo.addItem(
                self.tr("{name} ({n} seats)").format(name=other.name, n=other.seats),
                other.classroom_id,
            )
        self.copy_button = QPushButton(self.tr("Cop&y"))
        self.copy_button.setToolTip(
            self.tr("Replace the chart with that class's seats, labels and groups")
        )
        self.copy_button.clicked.connect(self.copy_chart)
        for widget in (self.copy_combo, self.copy_button):
            widget.setEnabled(bool(others))
        if not others:
            self.copy_combo.addItem(self.tr("No other class has a chart yet"))
        copy_label = QLabel(self.tr("Copy fro&m:"))
        copy_label.setBuddy(self.copy_combo)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_combo, 1)
        copy_row.addWidget(self.copy_button)
        helper_layout.addLayout(quick_row)
        helper_layout.addWidget(copy_label)
        helper_layout.addLayout(copy_row)

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(selection)
        column.addWidget(helpers)
        column.addStretch(1)
        # On a short screen (768 px at 200 %) the tools scroll rather than push Save off-screen.
        scroll = QScrollArea()
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        scroll.setMinimumWidth(panel.minimumSizeHint().width() + bar)
        self._side_scroll = scroll
        return scroll

    def _fit_to_screen(self) -> None:
        """As big as the chart needs, up to the screen; never smaller than it is now, so a
        chart grown to 8 columns shows them all instead of a scroll bar."""
        self.table.updateGeometry()
        layout = self.layout()
        if layout is not None:
            layout.invalidate()
            layout.activate()
        hint = self.sizeHint()
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            return
        frame = self.frameGeometry().size() - self.size()
        width = min(max(hint.width(), self.width()), screen.width() - frame.width())
        height = min(max(hint.height(), self.height()), screen.height() - frame.height())
        if (width, height) == (self.width(), self.height()):
            return
        self.resize(width, height)
        # Growing may push the dialog off the screen's edge; bring it back in.
        geometry = self.frameGeometry()
        x = max(screen.left(), min(geometry.left(), screen.right() - geometry.width() + 1))
        y = max(screen.top(), min(geometry.top(), screen.bottom() - geometry.height() + 1))
        if (x, y) != (geometry.left(), geometry.top()):
            self.move(x, y)

    # -- syncing the side panel with the selection -------------------------------------------

    def _cells_changed(self, *_: object) -> None:
        # A group typed but not yet applied survives renaming a seat.
        self._selection_changed(keep_group_text=True)

    def _selection_changed(self, *_: object, keep_group_text: bool = False) -> None:
        positions = self.table.selected_positions()
        cells = [self.model.cell(p) for p in positions if p in self.model.positions()]
        self._syncing = True
        try:
            seats = [c for c in cells if c.seat]
            if cells and len(seats) == len(cells):
                self.seat_check.setCheckState(Qt.CheckState.Checked)
            elif seats:
                self.seat_check.setCheckState(Qt.CheckState.PartiallyChecked)
            else:
                self.seat_check.setCheckState(Qt.CheckState.Unchecked)
            self.seat_check.setEnabled(bool(cells))
            current = self.table.currentIndex()
            current_cell = (
                self.model.cell((current.row(), current.column())) if current.isValid() else None
            )
            label = current_cell.label if current_cell is not None and current_cell.seat else None
            self.label_edit.setEnabled(label is not None)
            if self.label_edit.text() != (label or ""):
                self.label_edit.setText(label or "")
            groups = {c.group for c in seats}
            typed = self.group_combo.currentText()
            self.group_combo.clear()
            self.group_combo.addItems(self.model.groups_used())
            if keep_group_text:
                self.group_combo.setEditText(typed)
            else:
                self.group_combo.setEditText(next(iter(groups)) if len(groups) == 1 else "")
            line = self.group_combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(
                    self.tr("several groups") if len(groups) > 1 else self.tr("no group")
                )
            self.group_combo.setEnabled(bool(seats))
            self.apply_group_button.setEnabled(bool(seats))
        finally:
            self._syncing = False

    def _seat_clicked(self) -> None:
        make_seat = self.seat_check.checkState() != Qt.CheckState.Unchecked
        self.seat_check.setTristate(False)
        self.model.set_seat(self.table.selected_positions(), make_seat)

    def _label_edited(self, text: str) -> None:
        current = self.table.currentIndex()
        if not self._syncing and current.isValid():
            self.model.set_label((current.row(), current.column()), text)

    # -- actions ----------------------------------------------------------------------------

    def apply_group(self) -> None:
        self.model.set_group(self.table.selected_positions(), self.group_combo.currentText())

    def group_by_tables(self) -> None:
        self.model.group_by_tables(self.table_rows_spin.value(), self.table_cols_spin.value())

    def _resize_chart(self) -> None:
        if self._syncing:
            return
        self.model.resize(self.rows_spin.value(), self.cols_spin.value())
        self._shape_changed()

    def _shape_changed(self) -> None:
        self._syncing = True
        try:
            self.rows_spin.setValue(self.model.rows)
            self.cols_spin.setValue(self.model.cols)
        finally:
            self._syncing = False
        self.table.setCurrentIndex(self.model.index(0, 0))
        self._fit_to_screen()

    def quick_chart(self) -> None:
        """Replaces the chart with the quick chart's seats (saved only with Save)."""
        seats = self.quick_spin.value()
        try:
            rows, cols = quick_chart_shape(seats)
        except UsageError as error:
            self.show_problem(error.sentence)
            return
        self.model.quick(rows, cols, seats)
        self._shape_changed()

    def copy_chart(self) -> None:
        """Replaces the chart with the chosen class's (saved only with Save)."""
        classroom_id = self.copy_combo.currentData()
        if not isinstance(classroom_id, str):
            return
        outcome = (
            CoreOp(self, lambda: chart_of(self.store, classroom_id), report=self._report_error)
            .inline(self.show_problem, of=UsageError)
            .run_now()
        )
        if not outcome.ok or outcome.value is None:
            return
        rows, cols, seats = outcome.value
        self.model.replace(rows, cols, seats)
        self._shape_changed()

    def show_problem(self, sentence: str) -> None:
        self.problem_label.setText(sentence)
        self.problem_label.show()

    def save(self) -> bool:
        """Writes the chart; on a refusal the sentence shows here and every edit stays."""
        self._commit_open_editor()
        rows, cols, specs = self.model.rows, self.model.cols, self.model.specs()
        saved = (
            CoreOp(
                self,
                lambda: save_seating(self.store, self.classroom_id, rows, cols, specs),
                report=self._report_error,  # the sentence and the log entry come from it
            )
            .inline(self.show_problem, of=UsageError)
            .failure(self._show_refused_seats)
            .run_now()
        )
        if not saved.ok:
            return False
        self.problem_label.hide()
        self.accept()
        return True

    def _show_refused_seats(self, error: BaseException) -> None:
        if isinstance(error, UsageError):
            self._select(self.model.duplicate_positions())

    def _commit_open_editor(self) -> None:
        """Ctrl+S leaves focus in a cell being renamed; its text must count before saving."""
        editor = QApplication.focusWidget()
        if (
            editor is not None
            and self.table.state() == QAbstractItemView.State.EditingState
            and self.table.isAncestorOf(editor)
        ):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _select(self, positions: list[Pos]) -> None:
        if not positions:
            return
        selection = self.table.selectionModel()
        selection.clearSelection()
        for pos in positions:
            selection.select(self.model.index(*pos), selection.SelectionFlag.Select)
        selection.setCurrentIndex(self.model.index(*positions[0]), selection.SelectionFlag.NoUpdate)
        self.table.setFocus()
