"""The look-for set editor: name, description, and a table of look-fors with their hotkeys.

It edits a :class:`~observe.coaching.framework_schema.Framework` in memory; saving goes through
``observe.coaching.frameworks.save_framework``, which checks the same rules as a file import
(unique codes and hotkeys, lengths), so nothing half-valid reaches the store.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from observe.coaching.framework_schema import Framework, FrameworkItem

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = [
    QT_TRANSLATE_NOOP("FrameworkEditor", "Code"),
    QT_TRANSLATE_NOOP("FrameworkEditor", "Look-for (what students do)"),
    QT_TRANSLATE_NOOP("FrameworkEditor", "Category"),
    QT_TRANSLATE_NOOP("FrameworkEditor", "Key"),
    QT_TRANSLATE_NOOP("FrameworkEditor", "Description"),
]
CODE, TITLE, CATEGORY, KEY, DESCRIPTION = range(5)


class FrameworkEditor(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Set name"))
        self.description = QLineEdit()
        self.description.setAccessibleName(self.tr("Set description"))
        form = QFormLayout()
        form.addRow(self.tr("Na&me:"), self.name)
        form.addRow(self.tr("Descri&ption:"), self.description)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("FrameworkEditor", c) for c in COLUMNS]
        )
        self.table.setAccessibleName(self.tr("Look-fors in this set"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KEY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(CODE, 70)
        self.table.setColumnWidth(CATEGORY, 150)
        self.table.setColumnWidth(DESCRIPTION, 220)
        self.table.itemChanged.connect(lambda _item: self.edited.emit())
        self.name.textEdited.connect(lambda _t: self.edited.emit())
        self.description.textEdited.connect(lambda _t: self.edited.emit())

        self.add_button = QPushButton(self.tr("&Add look-for"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        row_buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row_buttons.addWidget(b)
        row_buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Key: Ctrl+1…9 tags evidence with this look-for during a visit (— for none). "
                "Categories group look-fors in the capture window."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(hint)

    # -- contents ---------------------------------------------------------------------------

    def set_framework(self, framework: Framework | None, *, editable: bool = True) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.name.setText(framework.name if framework else "")
        self.description.setText((framework.description or "") if framework else "")
        self.name.setCursorPosition(0)
        self.description.setCursorPosition(0)
        for item in framework.lookfors if framework else ():
            self._append(item)
        self.table.blockSignals(False)
        self.set_editable(editable and framework is not None)

    def set_editable(self, editable: bool) -> None:
        self.name.setReadOnly(not editable)
        self.description.setReadOnly(not editable)
        triggers = (
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.table.setEditTriggers(triggers)
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            b.setEnabled(editable)
        for row in range(self.table.rowCount()):
            widget = self.table.cellWidget(row, KEY)
            if widget is not None:
                widget.setEnabled(editable)

    def _append(self, item: FrameworkItem) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        code = QTableWidgetItem(item.code)
        code.setData(ID_ROLE, item.id)
        self.table.setItem(row, CODE, code)
        self.table.setItem(row, TITLE, QTableWidgetItem(item.title))
        self.table.setItem(row, CATEGORY, QTableWidgetItem(item.category or ""))
        self.table.setItem(row, DESCRIPTION, QTableWidgetItem(item.description or ""))
        key = QSpinBox()
        key.setRange(0, 9)
        key.setSpecialValueText("—")
        key.setValue(item.hotkey or 0)
        key.setAccessibleName(self.tr("Hotkey of look-for {n}").format(n=row + 1))
        key.valueChanged.connect(lambda _v: self.edited.emit())
        self.table.setCellWidget(row, KEY, key)
        return row

    def framework(self) -> Framework:
        items = []
        for row in range(self.table.rowCount()):
            key = self.table.cellWidget(row, KEY)
            assert isinstance(key, QSpinBox)
            code = self.table.item(row, CODE)
            items.append(
                FrameworkItem(
                    code=self._text(row, CODE),
                    title=self._text(row, TITLE),
                    category=self._text(row, CATEGORY) or None,
                    description=self._text(row, DESCRIPTION) or None,
                    hotkey=key.value() or None,
                    id=code.data(ID_ROLE) if code is not None else None,
                )
            )
        return Framework(self.name.text(), self.description.text() or None, tuple(items))

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    # -- rows -------------------------------------------------------------------------------

    def _free_key(self) -> int:
        used = set()
        for row in range(self.table.rowCount()):
            key = self.table.cellWidget(row, KEY)
            if isinstance(key, QSpinBox) and key.value():
                used.add(key.value())
        return next((n for n in range(1, 10) if n not in used), 0)

    def add_row(self) -> int:
        row = self._append(FrameworkItem("", "", hotkey=self._free_key() or None))
        self.table.setCurrentCell(row, CODE)
        self.table.editItem(self.table.item(row, CODE))
        self.edited.emit()
        return row

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        fw = self.framework()
        items = list(fw.lookfors)
        items[row], items[target] = items[target], items[row]
        self.set_framework(Framework(fw.name, fw.description, tuple(items)))
        self.table.setCurrentCell(target, TITLE)
        self.edited.emit()
