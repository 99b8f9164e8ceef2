"""A read-only Qt model over an impact :class:`~observe.coaching.impact_tables.Table`.

Shares show as percentages and dates as "14 Sep 2026"; the CSV keeps the raw figures. Sorting
uses the raw values (so "9%" sorts below "10%"), with blanks last.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from observe.coaching.impact_tables import Cell, Table
from observe.i18n import format_date

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def cell_display(column: str, value: Cell) -> str:
    if value is None:
        return "—"
    if isinstance(value, date):
        return format_date(value, "d MMM y")
    if isinstance(value, float):
        if "share" in column or "gap" in column:
            return f"{value:.0%}"
        return f"{value:g}" if value.is_integer() else f"{value:.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


class TableModel(QAbstractTableModel):
    def __init__(self, table: Table | None = None) -> None:
        super().__init__()
        self.table = table

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if self.table is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.table.headers[section]
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self.table is None or not index.isValid():
            return None
        value = self.table.rows[index.row()][index.column()]
        column = self.table.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_display(column, value)
        if role == SORT_ROLE:
            if value is None:
                return None
            return value.toordinal() if isinstance(value, date) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
