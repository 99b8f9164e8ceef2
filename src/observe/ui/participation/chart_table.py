"""The seating chart's grid of cells, as the editor shows it and the keyboard drives it.

Kept apart from the editor dialog so the dialog keeps to its side panel, sizing and saving,
while this module keeps to how a cell looks (label over group, a dash for a gap) and how
Space and Delete act on a whole selection at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from observe.ui.participation.chart_model import GROUP_ROLE, SEAT_ROLE, ChartModel, Pos


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
    return small


class CellDelegate(QStyledItemDelegate):
    """Shows the label with the group beneath it; gaps get a faint dash, not a blank."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(4, 2, -4, -2)
        painter.save()
        if not index.data(SEAT_ROLE):
            colour = opt.palette.color(
                QPalette.ColorRole.HighlightedText
                if selected
                else QPalette.ColorRole.PlaceholderText
            )
            painter.setPen(colour)
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("SeatingEditorDialog", "no seat"),
            )
            painter.restore()
            return
        painter.setPen(opt.palette.color(role))
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        fm = QFontMetrics(bold)
        label = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(label, Qt.TextElideMode.ElideRight, rect.width()),
        )
        group = str(index.data(GROUP_ROLE) or "")
        if group:
            small = _small(opt.font)
            sfm = QFontMetrics(small)
            painter.setFont(small)
            painter.drawText(
                QRect(rect.left(), rect.bottom() - sfm.height() + 1, rect.width(), sfm.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                sfm.elidedText(group, Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(
            fm.horizontalAdvance(QCoreApplication.translate("ChartModel", "Table {n}").format(n=10))
            + 8,
            fm.height() * 2 + 6,
        )


class ChartTable(QTableView):
    """The chart's cells; Space and Delete act on every selected cell at once."""

    def __init__(self, model: ChartModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CellDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the chart; arrows move inside it
        self.setAccessibleName(self.tr("Seating chart cells"))
        corner = self.findChild(QAbstractButton)  # the corner that selects every cell
        if corner is not None:
            corner.setAccessibleName(self.tr("Select every seat"))
        fm = self.fontMetrics()
        self.verticalHeader().setDefaultSectionSize(fm.height() * 2 + 8)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultSectionSize(
            fm.horizontalAdvance(QCoreApplication.translate("ChartModel", "Table {n}").format(n=10))
            + 12
        )
        self.horizontalHeader().setMinimumSectionSize(fm.horizontalAdvance("MM"))

    def sizeHint(self) -> QSize:
        """Big enough to show the whole chart when the screen allows, instead of a scroll."""
        frame = self.frameWidth() * 2
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        header = self.horizontalHeader()
        width = self.verticalHeader().sizeHint().width() + header.length() + frame + bar
        height = header.sizeHint().height() + self.verticalHeader().length() + frame + bar
        return QSize(width, height)

    def chart(self) -> ChartModel:
        model = self.model()
        assert isinstance(model, ChartModel)
        return model

    def selected_positions(self) -> list[Pos]:
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not indexes and self.currentIndex().isValid():
            indexes = [self.currentIndex()]
        return sorted({(i.row(), i.column()) for i in indexes})

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and self.state() != QAbstractItemView.State.EditingState:
            positions = self.selected_positions()
            if event.key() == Qt.Key.Key_Space and positions:
                make_seat = not all(self.chart().cell(p).seat for p in positions)
                self.chart().set_seat(positions, make_seat)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and positions:
                self.chart().set_seat(positions, False)
                return
        super().keyPressEvent(event)
