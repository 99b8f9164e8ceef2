"""The live figures beside the seat grid: who has spoken, and whether talk is shared fairly.

Each group's share of contributions is drawn right above its share of the class, so a coach can
see "Table 4 is a fifth of the class but a twentieth of the talk" without reading numbers; the
numbers are there too, and in each row's accessible name for screen-reader users.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from observe.capture.participation import KIND_LABELS, GroupShare, ParticipationSummary
from observe.ui.participation.seat_grid import contributions_text


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _class_colour(palette: QPalette) -> QColor:
    """A muted tone of the text colour: readable on light and dark palettes alike."""
    colour = QColor(palette.color(QPalette.ColorRole.Text))
    colour.setAlphaF(0.45)
    return colour


def _small_font(widget: QWidget) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
    return font


class Swatch(QWidget):
    """A legend square in the same palette colour as the bars it explains."""

    def __init__(self, talk: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.talk = talk
        side = self.fontMetrics().height() * 2 // 3
        self.setFixedSize(side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        colour = palette.color(QPalette.ColorRole.Highlight) if self.talk else None
        painter.fillRect(self.rect(), colour or _class_colour(palette))


class ShareBars(QWidget):
    """Two thin bars, contributions over class, each with its percentage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.talk = 0.0
        self.klass = 0.0

    def set_shares(self, talk: float, klass: float) -> None:
        self.talk, self.klass = talk, klass
        self.update()

    def _metrics(self) -> QFontMetrics:
        return QFontMetrics(_small_font(self))

    def sizeHint(self) -> QSize:
        fm = self._metrics()
        return QSize(fm.horizontalAdvance("100%") * 4, fm.height() * 2 + 2)

    def minimumSizeHint(self) -> QSize:
        fm = self._metrics()
        return QSize(fm.horizontalAdvance("100%") * 2, fm.height() * 2 + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        fm = self._metrics()
        painter.setFont(_small_font(self))
        text_w = fm.horizontalAdvance("100%") + fm.height() // 3
        bar_w = max(self.width() - text_w, 1)
        line_h = fm.height()
        for i, (value, colour) in enumerate(
            (
                (self.talk, palette.color(QPalette.ColorRole.Highlight)),
                (self.klass, _class_colour(palette)),
            )
        ):
            top = i * (line_h + 2)
            track = QRect(0, top + line_h // 6, bar_w, line_h - line_h // 3)
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(track.adjusted(0, 0, -1, -1))
            filled = QRect(track.left(), track.top(), round(track.width() * value), track.height())
            painter.fillRect(filled, colour)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRect(bar_w, top, text_w, line_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                percent(value),
            )


class GroupRow:
    """One group's name, voices and bars; kept so tests and screen readers can read them."""

    def __init__(self, share: GroupShare) -> None:
        self.share = share
        self.name_label = QLabel(share.group)
        self.name_label.setWordWrap(True)
        self.voices_label = QLabel(
            QCoreApplication.translate("GroupRow", "{voices} of {seats} spoke").format(
                voices=share.voices, seats=share.seats
            )
        )
        self.voices_label.setFont(_small_font(self.voices_label))
        self.bars = ShareBars()
        self.bars.set_shares(share.share_of_contributions, share.share_of_class)
        spoken = self.spoken_text()
        for widget in (self.name_label, self.bars):
            widget.setAccessibleName(spoken)
            widget.setToolTip(spoken)

    def spoken_text(self) -> str:
        s = self.share
        return QCoreApplication.translate(
            "SummaryView",
            "{group}: {talk} of contributions ({contributions}), {share} of the class "
            "({voices} of {seats} seats spoke)",
        ).format(
            group=s.group,
            talk=percent(s.share_of_contributions),
            contributions=contributions_text(s.contributions),
            share=percent(s.share_of_class),
            voices=s.voices,
            seats=s.seats,
        )


class SteadyLabel(QLabel):
    """A wrapped label that keeps the height of its longest expected text (``reserve``), so
    the widgets under it stay put while its text grows and shrinks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.reserve = ""

    def set_reserve(self, text: str) -> None:
        if text != self.reserve:
            self.reserve = text
            self.updateGeometry()

    def _reserved(self, width: int) -> int:
        if not self.reserve or width <= 0:
            return 0
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right() - 2 * self.margin())
        box = self.fontMetrics().boundingRect(
            QRect(0, 0, inner, 1_000_000), Qt.TextFlag.TextWordWrap, self.reserve
        )
        return box.height() + margins.top() + margins.bottom() + 2 * self.margin()

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self._reserved(width))


def _longest_sentence(summary: ParticipationSummary) -> str:
    """The summary's sentence at its longest: every group still to be heard from, and counts
    as wide as they will get in a lesson."""
    groups = [replace(g, contributions=0, voices=0) for g in summary.groups]
    widest = replace(
        summary,
        contributions=max(summary.contributions, 999),
        distinct_voices=max(summary.distinct_voices, summary.occupied_seats),
        groups=groups,
    )
    return widest.sentence()


class SummaryView:
    """The figures in two parts the panel places apart: the headline stays above the seats,
    where it is visible while tallying; the breakdown by kind and group goes below them."""

    def __init__(self) -> None:
        self.headline = QWidget()
        self.details = QWidget()
        self.sentence_label = SteadyLabel()
        self.sentence_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence_label.setAccessibleName(
            QCoreApplication.translate("SummaryView", "Participation summary")
        )
        self.figures_label = SteadyLabel()
        self.figures_label.setAccessibleName(
            QCoreApplication.translate("SummaryView", "Participation figures")
        )
        headline = QVBoxLayout(self.headline)
        headline.setContentsMargins(0, 0, 0, 0)
        headline.addWidget(self.sentence_label)
        headline.addWidget(self.figures_label)

        self.kinds_label = QLabel()
        self.kinds_label.setWordWrap(True)
        self.kinds_label.setFont(_small_font(self.kinds_label))
        self.kinds_label.setAccessibleName(
            QCoreApplication.translate("SummaryView", "Contributions by kind")
        )
        self.groups_box = QWidget()
        self.groups_box.setAccessibleName(
            QCoreApplication.translate("SummaryView", "Share by group")
        )
        em = self.groups_box.fontMetrics().height()
        groups_layout = QVBoxLayout(self.groups_box)
        groups_layout.setContentsMargins(0, 0, 0, 0)
        legend = QHBoxLayout()
        legend.setSpacing(em // 3)
        for talk, text in (
            (True, QCoreApplication.translate("SummaryView", "share of contributions")),
            (False, QCoreApplication.translate("SummaryView", "share of class")),
        ):
            legend.addWidget(Swatch(talk), 0, Qt.AlignmentFlag.AlignVCenter)
            caption = QLabel(text)
            caption.setFont(_small_font(caption))
            legend.addWidget(caption)
            legend.addSpacing(em // 2)
        legend.addStretch(1)
        groups_layout.addLayout(legend)
        self._rows_layout = QGridLayout()
        self._rows_layout.setColumnStretch(1, 1)
        self._rows_layout.setVerticalSpacing(em // 4)
        groups_layout.addLayout(self._rows_layout)
        self.group_rows: list[GroupRow] = []
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.groups_box)
        details.addWidget(self.kinds_label)

    def show_summary(self, summary: ParticipationSummary) -> None:
        # Both lines keep their longest height, so the seats below don't jump as "not yet
        # heard from: …" shortens or a count gains a digit mid-tally.
        self.sentence_label.set_reserve(_longest_sentence(summary))
        self.sentence_label.setText(summary.sentence())
        self.figures_label.set_reserve(
            QCoreApplication.translate(
                "SummaryView",
                "{contributions} · distinct voices {distinct_voices} / {occupied_seats}",
            ).format(
                contributions=contributions_text(999).capitalize(),
                distinct_voices=summary.occupied_seats,
                occupied_seats=summary.occupied_seats,
            )
        )
        self.figures_label.setText(
            QCoreApplication.translate(
                "SummaryView",
                "{contributions} · distinct voices {distinct_voices} / {occupied_seats}",
            ).format(
                contributions=contributions_text(summary.contributions).capitalize(),
                distinct_voices=summary.distinct_voices,
                occupied_seats=summary.occupied_seats,
            )
        )
        self.kinds_label.setText(
            " · ".join(
                f"{label} {summary.by_kind.get(kind, 0)}" for kind, label in KIND_LABELS.items()
            )
        )
        self._show_groups(summary.groups)

    def _show_groups(self, groups: list[GroupShare]) -> None:
        for row in self.group_rows:
            for widget in (row.name_label, row.voices_label, row.bars):
                self._rows_layout.removeWidget(widget)
                widget.deleteLater()
        self.group_rows = [GroupRow(share) for share in groups]
        for i, row in enumerate(self.group_rows):
            self._rows_layout.addWidget(row.name_label, 2 * i, 0)
            self._rows_layout.addWidget(row.voices_label, 2 * i + 1, 0, Qt.AlignmentFlag.AlignTop)
            self._rows_layout.addWidget(row.bars, 2 * i, 1, 2, 1)
        self.groups_box.setVisible(bool(groups))
