"""The timeline table: wrapped text, in-place editing, and a kind picker for the Kind column.

Rows wrap so a whole quote is readable. Measuring a row's wrapped height costs about 0.1 ms, so
measuring every row of a long visit (``resizeRowsToContents``) would blow the GUI thread's
50 ms budget at a few hundred items; only the rows on screen are measured, again whenever the
table scrolls, resizes or changes.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from observe.capture.kinds import LABELS, ORDER
from observe.capture.timeline import Item
from observe.clock import utcnow
from observe.ui.capture.capture_line import MAX_LINE_CHARS
from observe.ui.capture.timeline_model import (
    HEADERS,
    KIND,
    PROMPT,
    TAGS,
    TEXT,
    TIME,
    TimelineModel,
)

Index = QModelIndex | QPersistentModelIndex


class KindDelegate(QStyledItemDelegate):
    """A combo box in the Kind column, so a mis-filed item can be re-kinded where it stands."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() != KIND:
            editor = super().createEditor(parent, option, index)
            if isinstance(editor, QLineEdit):
                # QLineEdit's default cap (32,767) would silently cut a long note on edit.
                editor.setMaxLength(MAX_LINE_CHARS)
            return editor
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("Evidence kind"))
        for kind in ORDER:
            combo.addItem(LABELS[kind], kind.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class TimelineView(QTableView):
    focused = Signal()

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setAccessibleName(self.tr("Evidence timeline"))
        self.setAccessibleDescription(
            self.tr(
                "Evidence of this visit in time order. F2 edits, Delete deletes, "
                "Ctrl+1 to 9 toggles look-fors on the selected item."
            )
        )
        self.setModel(model)
        self.setItemDelegate(KindDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, like every other control
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        # Widths from the font, not ResizeToContents: measuring contents reads every row
        # (70,000 data() calls for a 3,000-item visit), which alone blew the 50 ms budget.
        metrics = self.fontMetrics()
        pad = metrics.averageCharWidth() * 3
        kind_labels = [model.kind_label(Item("", utcnow(), kind, "")) for kind in ORDER]
        widths = {
            TIME: metrics.horizontalAdvance("0:00:00") + pad,
            KIND: max(metrics.horizontalAdvance(label) for label in kind_labels) + pad,
            PROMPT: metrics.averageCharWidth() * 24,
            # Room for one tag with its mark ("D2 ○ not yet"); more tags wrap.
            TAGS: max(
                metrics.horizontalAdvance(
                    QCoreApplication.translate("TimelineModel", HEADERS[TAGS])
                ),
                metrics.horizontalAdvance("MM00 ○ not yet"),
            )
            + pad,
        }
        for col, width in widths.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() + pad // 2)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self.fit_visible_rows)
        header.sectionResized.connect(self._schedule_fit)
        self.verticalScrollBar().valueChanged.connect(self._schedule_fit)
        model.modelReset.connect(self._schedule_fit)
        model.rowsInserted.connect(self._schedule_fit)
        model.dataChanged.connect(self._schedule_fit)

    def timeline(self) -> TimelineModel:
        model = self.model()
        assert isinstance(model, TimelineModel)
        return model

    def show_prompts(self, shown: bool) -> None:
        self.setColumnHidden(PROMPT, not shown)

    def _schedule_fit(self, *_: object) -> None:
        self._refit.start()

    def fit_visible_rows(self) -> None:
        """Wraps the rows on screen (and a few beyond), keeping the bottom pinned if it was."""
        rows = self.model().rowCount()
        if not rows:
            return
        bar = self.verticalScrollBar()
        at_bottom = bar.value() == bar.maximum()
        first = max(0, self.rowAt(0))
        last = self.rowAt(self.viewport().height() - 1)
        last = rows - 1 if last < 0 else min(rows - 1, last + 3)
        for row in range(first, last + 1):
            self.resizeRowToContents(row)
        if at_bottom:
            self.updateGeometries()  # the scroll range grows lazily; bottom must be the new one
            self.scrollToBottom()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule_fit()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def selected_ids(self) -> list[str]:
        model = self.timeline()
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [model.item(r).id for r in rows]

    def current_id(self) -> str | None:
        index = self.currentIndex()
        if index.isValid() and self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return self.timeline().item(index.row()).id
        ids = self.selected_ids()
        return ids[-1] if ids else None

    def select_id(self, evidence_id: str) -> bool:
        """Selects just this item, whatever modifier keys are down (Ctrl+Z still is)."""
        row = self.timeline().row_of(evidence_id)
        if row is None:
            return False
        index = self.model().index(row, TEXT)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)
        return True

    def edit_text(self, evidence_id: str) -> bool:
        row = self.timeline().row_of(evidence_id)
        if row is None:
            return False
        self.select_id(evidence_id)
        self.setFocus()
        index = self.model().index(row, TEXT)
        self.edit(index)
        return self.state() == QAbstractItemView.State.EditingState
