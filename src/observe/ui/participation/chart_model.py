"""The seating chart being edited, cell by cell, before anything is saved.

Cells outside the current rows × columns are kept, not dropped: a coach who shrinks the chart
by one row too many and grows it back gets their labels and groups back. Only the cells inside
the chart are saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from observe.capture.participation import SeatSpec, default_label
from observe.capture.participation_view import ChartSeat

Pos = tuple[int, int]
AnyIndex = QModelIndex | QPersistentModelIndex

GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
SEAT_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass
class Cell:
    seat: bool
    label: str
    group: str = ""


def row_name(row: int) -> str:
    return default_label(row, 0)[:-1]


class ChartModel(QAbstractTableModel):
    def __init__(self, rows: int, cols: int, cells: dict[Pos, Cell]) -> None:
        super().__init__()
        self.rows = rows
        self.cols = cols
        self._cells = dict(cells)
        self._fill_missing()

    @classmethod
    def from_seats(cls, rows: int, cols: int, seats: list[ChartSeat]) -> ChartModel:
        cells = {(s.row, s.col): Cell(True, s.label, s.group_label or "") for s in seats}
        rows = max([rows, *(r + 1 for r, _ in cells)])
        cols = max([cols, *(c + 1 for _, c in cells)])
        model = cls(rows, cols, cells)
        for pos in model.positions():  # an existing chart's blank cells are real gaps
            if pos not in cells:
                model._cells[pos].seat = False
        return model

    def _fill_missing(self) -> None:
        for pos in self.positions():
            self._cells.setdefault(pos, Cell(True, default_label(*pos)))

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.cols

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        cell = self._cells[(index.row(), index.column())]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return cell.label if cell.seat else ""
        if role == GROUP_ROLE:
            return cell.group if cell.seat else ""
        if role == SEAT_ROLE:
            return cell.seat
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            where = self.tr("row {row}, column {column}").format(
                row=row_name(index.row()), column=index.column() + 1
            )
            if not cell.seat:
                return self.tr("No seat ({where}); press Space to add one").format(where=where)
            group = f", {cell.group}" if cell.group else self.tr(", no group")
            return self.tr("Seat {label}{group} ({where})").format(
                label=cell.label, group=group, where=where
            )
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        cell = self._cells[(index.row(), index.column())]
        if not cell.seat:
            return False
        cell.label = str(value)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self._cells[(index.row(), index.column())].seat:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (
                str(section + 1)
                if role == Qt.ItemDataRole.DisplayRole
                else self.tr("Column {n}").format(n=section + 1)
            )
        name = row_name(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        return self.tr("Row {name}").format(name=name)

    # -- edits ------------------------------------------------------------------------------

    def positions(self) -> list[Pos]:
        return [(r, c) for r in range(self.rows) for c in range(self.cols)]

    def cell(self, pos: Pos) -> Cell:
        return self._cells[pos]

    def resize(self, rows: int, cols: int) -> None:
        self.beginResetModel()
        self.rows, self.cols = rows, cols
        self._fill_missing()
        self.endResetModel()

    def _changed(self) -> None:
        if self.rows and self.cols:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rows - 1, self.cols - 1))

    def set_seat(self, positions: Iterable[Pos], seat: bool) -> None:
        for pos in positions:
            cell = self._cells[pos]
            cell.seat = seat
            if seat and not cell.label.strip():
                cell.label = default_label(*pos)
        self._changed()

    def set_label(self, pos: Pos, label: str) -> None:
        self.setData(self.index(*pos), label)

    def set_group(self, positions: Iterable[Pos], group: str) -> None:
        for pos in positions:
            if self._cells[pos].seat:
                self._cells[pos].group = group.strip()
        self._changed()

    def replace(self, rows: int, cols: int, seats: dict[Pos, SeatSpec]) -> None:
        """Makes the chart exactly ``seats`` on a rows × cols grid (every other cell a gap)."""
        self.beginResetModel()
        self.rows, self.cols = rows, cols
        self._cells = {
            pos: Cell(True, seats[pos].label, seats[pos].group or "")
            if pos in seats
            else Cell(False, default_label(*pos))
            for pos in self.positions()
        }
        self.endResetModel()

    def quick(self, rows: int, cols: int, seats: int) -> None:
        """A fresh chart: the first ``seats`` cells, front row first, labelled A1, A2, …"""
        first = self.positions_of(rows, cols)[:seats]
        self.replace(rows, cols, {pos: SeatSpec(default_label(*pos)) for pos in first})

    @staticmethod
    def positions_of(rows: int, cols: int) -> list[Pos]:
        return [(r, c) for r in range(rows) for c in range(cols)]

    def fill_all(self) -> None:
        self.set_seat(self.positions(), True)

    def clear_all(self) -> None:
        self.set_seat(self.positions(), False)

    def group_by_tables(self, rows_per_table: int, cols_per_table: int) -> None:
        """Names blocks of seats "Table 1", "Table 2", … reading the room front to back."""
        blocks: dict[Pos, list[Pos]] = {}
        for pos in self.positions():
            if self._cells[pos].seat:
                key = (pos[0] // rows_per_table, pos[1] // cols_per_table)
                blocks.setdefault(key, []).append(pos)
        for n, key in enumerate(sorted(blocks), start=1):
            for pos in blocks[key]:
                self._cells[pos].group = self.tr("Table {n}").format(n=n)
        self._changed()

    def groups_used(self) -> list[str]:
        return sorted(
            {self._cells[p].group for p in self.positions() if self._cells[p].seat} - {""}
        )

    def seat_positions(self) -> list[Pos]:
        return [p for p in self.positions() if self._cells[p].seat]

    def specs(self) -> dict[Pos, SeatSpec]:
        return {
            pos: SeatSpec(self._cells[pos].label, self._cells[pos].group or None)
            for pos in self.seat_positions()
        }

    def duplicate_positions(self) -> list[Pos]:
        seats = self.seat_positions()
        labels = [self._cells[p].label.strip() for p in seats]
        return [p for p, label in zip(seats, labels, strict=True) if labels.count(label) > 1]
