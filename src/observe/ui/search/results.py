"""The results list: a heading line (when, who, what kind) and the snippet with matches in bold.

Rows are drawn by :class:`ResultDelegate` with ``QTextLayout`` and format ranges rather than
rich text, so evidence text is never interpreted as markup. Every row has the same height
(heading plus two snippet lines), which lets the view skip measuring each row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from observe.ui.search.choices import Result

ModelIndex = QModelIndex | QPersistentModelIndex

RESULT_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_LINES = 2


class ResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: list[Result] = []

    def set_results(self, results: list[Result]) -> None:
        self.beginResetModel()
        self.results = results
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.results)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.results):
            return None
        result = self.results[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{result.heading}. {result.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return result.text
        if role == RESULT_ROLE:
            return result
        return None


class ResultDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        heading = QFont(option.font)
        heading.setPointSizeF(max(1.0, heading.pointSizeF() * 0.9))
        return heading, QFont(option.font)

    def _margin(self, option: QStyleOptionViewItem) -> int:
        return max(3, int(QFontMetricsF(option.font).height() * 0.3))

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        heading, body = self._fonts(option)
        height = (
            QFontMetricsF(heading).lineSpacing()
            + QFontMetricsF(body).lineSpacing() * SNIPPET_LINES
            + self._margin(option) * 3
        )
        return QSize(int(QFontMetricsF(body).averageCharWidth() * 40), int(height + 1))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        result = index.data(RESULT_ROLE)
        if not isinstance(result, Result):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = opt.palette.color(group, role)
        margin = self._margin(opt)
        rect = QRectF(opt.rect).adjusted(margin * 2, margin, -margin * 2, -margin)
        heading_font, body_font = self._fonts(opt)

        painter.save()
        painter.setClipRect(opt.rect)
        painter.setPen(colour)
        painter.setFont(heading_font)
        head_metrics = QFontMetricsF(heading_font)
        text = head_metrics.elidedText(result.heading, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QPointF(rect.left(), rect.top() + head_metrics.ascent()), text)
        top = rect.top() + head_metrics.lineSpacing() + margin
        self._draw_snippet(painter, result, body_font, QRectF(rect.left(), top, rect.width(), 0))
        painter.restore()

    def _draw_snippet(self, painter: QPainter, result: Result, font: QFont, rect: QRectF) -> None:
        text = result.text
        layout = QTextLayout(text, font)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        ranges = []
        start = 0
        for part in result.parts:
            if part.match:
                fr = QTextLayout.FormatRange()
                fr.start, fr.length, fr.format = start, len(part.text), bold
                ranges.append(fr)
            start += len(part.text)
        layout.setFormats(ranges)
        metrics = QFontMetricsF(font)
        ellipsis = "…"
        room_for_ellipsis = metrics.horizontalAdvance(ellipsis)
        layout.beginLayout()
        y = 0.0
        last = None
        for number in range(SNIPPET_LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            final = number == SNIPPET_LINES - 1
            line.setLineWidth(rect.width() - (room_for_ellipsis if final else 0))
            line.setPosition(QPointF(0, y))
            y += line.height()
            last = line
        layout.endLayout()
        layout.draw(painter, rect.topLeft())
        if last is not None and last.textStart() + last.textLength() < len(text.rstrip()):
            x = rect.left() + last.naturalTextWidth()
            painter.setFont(font)
            painter.drawText(QPointF(x, rect.top() + last.y() + last.ascent()), ellipsis)
