"""A titled table with its note and an "Export CSV…" button: the unit of the impact view."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from observe.coaching.impact_tables import Table, write_csv
from observe.ui.coaching.table_model import SORT_ROLE, TableModel
from observe.ui.ops import CoreOp

#: Asks where to save a CSV file (suggested path in); tests pass one that answers at once.
SaveChooser = Callable[[QWidget, Path], Path | None]


def choose_csv_file(parent: QWidget, suggested: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("coaching.panes", "Export table as CSV"),
        str(suggested),
        QCoreApplication.translate("coaching.panes", "CSV files (*.csv);;All files (*)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".csv" else path.with_name(path.name + ".csv")


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


#: Columns kept for the CSV but not shown: codes a coach reads as words in the next column.
HIDDEN_ON_SCREEN: dict[str, frozenset[str]] = {"time_by_activity": frozenset({"activity"})}


class TablePane(QWidget):
    """One table of figures; ``exported`` carries the path of a CSV written from it."""

    exported = Signal(object)
    failed = Signal(object)

    def __init__(self, title: str, chooser: SaveChooser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chooser = chooser
        self.table: Table | None = None
        self.heading = QLabel(title)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("{title}: about these figures").format(title=title))
        self.model = TableModel()
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the table's own order first
        self.view.setAccessibleName(title)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setAccessibleName(self.tr("Export {title} as CSV").format(title=title))
        self.export_button.setToolTip(self.tr("Save this table as a CSV file for a spreadsheet"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)

    def set_table(self, table: Table | None, missing: str | None = None) -> None:
        self.table = table
        self.model.set_table(table)
        self.view.setVisible(table is not None)
        self.export_button.setEnabled(table is not None)
        self.note.setText(missing if table is None else (table.note or ""))
        self.note.setVisible(bool(self.note.text()))
        if table is not None:
            self.view.resizeColumnsToContents()
            hidden = HIDDEN_ON_SCREEN.get(table.key, frozenset())
            for column, name in enumerate(table.columns):
                self.view.setColumnWidth(column, min(self.view.columnWidth(column), 260))
                self.view.setColumnHidden(column, name in hidden)

    def export(self) -> Path | None:
        if self.table is None:
            return None
        target = self._chooser(self, documents_folder() / f"{self.table.key}.csv")
        if target is None:
            return None
        table = self.table
        written = CoreOp(
            self, lambda: write_csv(table, target), report=lambda _parent, e: self.failed.emit(e)
        ).run_now()
        if not written.ok or written.value is None:
            return None
        path = written.value
        self.exported.emit(path)
        return path

    def sort_by(self, column: str, order: Qt.SortOrder) -> None:
        if self.table is not None:
            self.view.sortByColumn(self.table.columns.index(column), order)
