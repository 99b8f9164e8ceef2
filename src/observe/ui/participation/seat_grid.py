"""The room as the coach sees it: one tile per seat, tapped or keyed to tally a contribution.

A visit moves fast, so tallying must take one action and never a dialog: click a seat, or move
with the arrow keys and press Space. The grid is a single stop in the tab order (the current
seat takes focus, the others are click-only), so Tab leaves the chart instead of walking through
thirty seats. Counts come from the store through :meth:`SeatGrid.set_counts`; the grid never
guesses them, so undo and other windows can't leave it showing a stale number.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from observe.capture.participation import KIND_LABELS, tally
from observe.capture.participation_view import ChartSeat
from observe.store.models import ParticipationKind
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.ops import CoreOp
from observe.ui.participation.commands import TallyCommand
from observe.ui.participation.kind_selector import KINDS

#: The smallest seat a finger or an unsteady hand hits reliably (WCAG 2.5.5), in pixels at
#: 100 % scaling; Qt scales it with the display like every other logical size.
MIN_TARGET = 44

_KIND_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}
_TALLY_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter}


def contributions_text(count: int) -> str:
    if count == 0:
        return QCoreApplication.translate("SeatGrid", "no contributions")
    if count == 1:
        return QCoreApplication.translate("SeatGrid", "1 contribution")
    return QCoreApplication.translate("SeatGrid", "{count} contributions").format(count=count)


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() * 0.85, 6.0))
    return small


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


class SeatButton(QPushButton):
    """A seat tile painted by hand so label, group and count fit a small, palette-true tile.

    Keys go to the grid (which knows the neighbours); the button only paints and reports focus.
    """

    def __init__(self, seat: ChartSeat, grid: SeatGrid, parent: QWidget) -> None:
        super().__init__(parent)
        self.seat_id = seat.id
        self.label = seat.label
        self.group = seat.group_label
        self.row = seat.row
        self.col = seat.col
        self.count = 0
        self._grid = grid
        #: (sizeHint, minimumSizeHint): the layout asks several times per chart, and each
        #: answer measures text in two derived fonts; kept until the font or style changes.
        self._hints: tuple[QSize, QSize] | None = None
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.describe()

    def set_count(self, count: int) -> None:
        if count != self.count:
            self.count = count
            self.describe()
            self.update()

    def spoken_text(self) -> str:
        """What a screen reader says, e.g. "Seat A3, Table 2, 2 contributions"."""
        parts = [QCoreApplication.translate("SeatGrid", "Seat {label}").format(label=self.label)]
        if self.group:
            parts.append(self.group)
        parts.append(contributions_text(self.count))
        return ", ".join(parts)

    def describe(self) -> None:
        """Refreshes the spoken name and tooltip after the count or the tally kind changes."""
        self.setAccessibleName(self.spoken_text())
        kind = KIND_LABELS[self._grid.kind]
        self.setAccessibleDescription(
            self.tr("Press Space or click to tally “{kind}”.").format(kind=kind)
        )
        self.setToolTip(
            self.tr("{spoken_text}\nClick or press Space to tally “{kind}”.").format(
                spoken_text=self.spoken_text(), kind=kind
            )
        )

    def _pad(self) -> int:
        return max(3, self.fontMetrics().height() // 4)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._hints = None
        super().changeEvent(event)

    def _size_hints(self) -> tuple[QSize, QSize]:
        if self._hints is None:
            bold = QFontMetrics(_bold(self.font()))
            small = QFontMetrics(_small(self.font()))
            pad = self._pad()
            width = max(
                bold.horizontalAdvance(self.label), small.horizontalAdvance(self.group or "")
            )
            width += small.height() + 3 * pad  # room for the count badge
            height = max(bold.height() + small.height() + 3 * pad, MIN_TARGET)
            hint = QSize(max(width, bold.horizontalAdvance("MM") * 2, MIN_TARGET), height)
            # Label and badge must fit; the group may elide. Keeps a 6-seat row inside a
            # 300-pixel panel at 200 % scaling.
            label = max(bold.horizontalAdvance(self.label), bold.horizontalAdvance("M9"))
            least = QSize(max(label + small.height() + 3 * pad, MIN_TARGET), height)
            self._hints = (hint, least)
        return self._hints

    def sizeHint(self) -> QSize:
        return QSize(self._size_hints()[0])

    def minimumSizeHint(self) -> QSize:
        return QSize(self._size_hints()[1])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButtonBevel, option)
        palette = option.palette
        pad = self._pad()
        area = self.rect().adjusted(pad + 1, pad, -pad - 1, -pad)
        small_font = _small(self.font())
        small = QFontMetrics(small_font)
        bold_font = _bold(self.font())
        bold = QFontMetrics(bold_font)

        badge = QRect()
        if self.count:
            text = str(self.count)
            badge_w = max(small.height(), small.horizontalAdvance(text) + small.height() // 2)
            badge = QRect(area.right() - badge_w + 1, area.top(), badge_w, small.height())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(palette.ColorRole.Highlight))
            radius = badge.height() / 2
            painter.drawRoundedRect(badge, radius, radius)
            painter.setFont(_bold(small_font))
            painter.setPen(palette.color(palette.ColorRole.HighlightedText))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

        painter.setPen(palette.color(palette.ColorRole.ButtonText))
        painter.setFont(bold_font)
        label_w = area.width() - (badge.width() + pad if self.count else 0)
        label_rect = QRect(area.left(), area.top(), label_w, bold.height())
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bold.elidedText(self.label, Qt.TextElideMode.ElideRight, label_w),
        )
        if self.group:
            painter.setFont(small_font)
            group_rect = QRect(
                area.left(), area.bottom() - small.height() + 1, area.width(), small.height()
            )
            painter.drawText(
                group_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                small.elidedText(self.group, Qt.TextElideMode.ElideRight, area.width()),
            )
        if self.hasFocus():
            # The style's own focus cue on buttons is faint; keyboard tallying needs a clear one.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(palette.ColorRole.Highlight), 2))
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 3, 3)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._grid.handle_key(self, event):
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._grid.make_current(self)
        super().focusInEvent(event)


class SeatGrid(QWidget):
    """Seats laid out like the room, front at the top; empty cells stay empty gaps.

    Each tally is written at once and pushed on the shared undo stack; the store's change news
    of ``"participation_event"`` makes every view (this grid's owner included) reload its figures.
    """

    kind_changed = Signal(object)
    #: The id of the participation event just written.
    tallied = Signal(str)
    #: The tiles were rebuilt. New widgets join the end of the window's focus chain, so the
    #: owner puts them back where the grid sits in its tab order.
    chart_changed = Signal()

    def __init__(
        self,
        context: VisitContext,
        *,
        report_error: ErrorReporter = show_error,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._report_error = report_error
        self.kind: ParticipationKind = KINDS[0]
        self._buttons: dict[str, SeatButton] = {}
        self._by_pos: dict[tuple[int, int], SeatButton] = {}
        self._counts: dict[str, int] = {}
        self._current: SeatButton | None = None
        self._signature: tuple[object, ...] = ()

        self.front = QLabel(self.tr("Front of room"))
        self.front.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.front.setFrameShape(QFrame.Shape.StyledPanel)
        self.front.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.front.setAutoFillBackground(True)
        self.front.setAccessibleName(self.tr("Front of room (top of the chart)"))

        self._canvas = QWidget()
        self._canvas.setAccessibleName(self.tr("Seats"))
        self._layout = QGridLayout(self._canvas)
        self._layout.setContentsMargins(0, 0, 0, 0)
        spacing = max(2, self.fontMetrics().height() // 4)
        self._layout.setSpacing(spacing)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Wide charts scroll sideways here; height is the container's to scroll, so the seats
        # and the figures under them move together instead of nesting two vertical scrolls.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self._canvas)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        layout.addWidget(self.front)
        layout.addWidget(self.scroll, 1)
        self.setAccessibleName(self.tr("Seating chart"))

    # -- contents ---------------------------------------------------------------------------

    def set_chart(self, rows: int, cols: int, seats: list[ChartSeat]) -> None:
        """Rebuilds the tiles only when the chart itself changed, so focus survives a reload."""
        signature = (rows, cols, tuple((s.id, s.row, s.col, s.label, s.group_label) for s in seats))
        if signature == self._signature:
            return
        self._signature = signature
        had_focus = self._current is not None and self._current.hasFocus()
        current_id = self._current.seat_id if self._current is not None else None
        self._current = None
        self.setFocusProxy(None)
        for button in self._buttons.values():
            self._layout.removeWidget(button)
            button.hide()  # deleteLater waits for the event loop; don't paint under new tiles
            button.deleteLater()
        self._buttons.clear()
        self._by_pos.clear()
        for r in range(self._layout.rowCount()):
            self._layout.setRowMinimumHeight(r, 0)
            self._layout.setRowStretch(r, 0)
        for c in range(self._layout.columnCount()):
            self._layout.setColumnMinimumWidth(c, 0)
            self._layout.setColumnStretch(c, 0)

        for seat in sorted(seats, key=lambda s: (s.row, s.col)):
            button = SeatButton(seat, self, self._canvas)
            button.set_count(self._counts.get(seat.id, 0))
            button.clicked.connect(lambda _=False, sid=seat.id: self.tally_seat(sid))
            self._buttons[seat.id] = button
            self._by_pos[(seat.row, seat.col)] = button
            self._layout.addWidget(button, seat.row, seat.col)
        if self._buttons:
            least = [b.minimumSizeHint() for b in self._buttons.values()]
            hint = QSize(max(h.width() for h in least), max(h.height() for h in least))
            rows = max(rows, *(r + 1 for r, _ in self._by_pos))
            cols = max(cols, *(c + 1 for _, c in self._by_pos))
            for r in range(rows):
                self._layout.setRowMinimumHeight(r, hint.height())
            for c in range(cols):
                self._layout.setColumnMinimumWidth(c, hint.width())
                self._layout.setColumnStretch(c, 1)
            self._layout.setRowStretch(rows, 1)  # spare height goes below the last row
        bar = self.scroll.horizontalScrollBar().sizeHint().height()
        self.scroll.setMinimumHeight(self._layout.minimumSize().height() + bar)
        self.chart_changed.emit()
        first = self._buttons.get(current_id or "") or next(iter(self._by_pos.values()), None)
        if first is not None:
            self.make_current(first)
            if had_focus:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_counts(self, by_seat: dict[str, int]) -> None:
        self._counts = dict(by_seat)
        for seat_id, button in self._buttons.items():
            button.set_count(self._counts.get(seat_id, 0))

    def seat_button(self, label: str) -> SeatButton | None:
        return next((b for b in self._buttons.values() if b.label == label), None)

    def tab_chain(self) -> list[QWidget]:
        """The seats in reading order, for the owner's ``QWidget.setTabOrder``."""
        return [self._by_pos[pos] for pos in sorted(self._by_pos)]

    def buttons(self) -> list[SeatButton]:
        return list(self._by_pos.values())

    def current_seat(self) -> SeatButton | None:
        return self._current

    def focus_seats(self) -> None:
        if self._current is not None:
            self._current.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- kind and tallying ------------------------------------------------------------------

    def set_kind(self, kind: ParticipationKind) -> None:
        if kind == self.kind:
            return
        self.kind = kind
        for button in self._buttons.values():
            button.describe()
        self.kind_changed.emit(kind)

    def tally_seat(self, seat_id: str) -> str | None:
        """Writes one contribution of the current kind; returns its event id, or None."""
        visit_id = self.context.visit_id
        button = self._buttons.get(seat_id)
        if visit_id is None or button is None:
            return None
        outcome = CoreOp(
            self,
            lambda: tally(self.context.store, visit_id, seat_id, self.kind),
            report=self._report_error,
        ).run_now()
        if not outcome.ok or outcome.value is None:
            return None
        event = outcome.value
        command = TallyCommand(self.context, event.id, button.label, self.kind, self._report_error)
        self.context.undo_stack.push(command)
        self.tallied.emit(event.id)
        return event.id

    # -- keyboard ---------------------------------------------------------------------------

    def make_current(self, button: SeatButton) -> None:
        """Roving focus: only the current seat is a tab stop."""
        if self._current is button:
            return
        if self._current is not None:
            self._current.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._current = button
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(button)
        self._reveal(button)

    def _reveal(self, button: SeatButton) -> None:
        """Scrolls every enclosing scroll area (ours, and the panel's) to the seat."""
        widget: QWidget | None = button
        while widget is not None:
            if isinstance(widget, QScrollArea) and widget.widget() is not None:
                widget.ensureWidgetVisible(button)
            widget = widget.parentWidget()

    def handle_key(self, button: SeatButton, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        if plain and key in _KIND_KEYS:
            self.set_kind(KINDS[_KIND_KEYS[key]])
            return True
        if plain and key in _TALLY_KEYS:
            if not event.isAutoRepeat():  # holding Space must not pour in tallies
                self.tally_seat(button.seat_id)
            return True
        ctrl = mods == Qt.KeyboardModifier.ControlModifier
        if plain or (ctrl and key in (Qt.Key.Key_Home, Qt.Key.Key_End)):
            target = self._neighbour(button, key, ctrl)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            return key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
        return False

    def _neighbour(self, button: SeatButton, key: Qt.Key, ctrl: bool) -> SeatButton | None:
        """The nearest seat that way, stepping over gaps (rows and columns may have holes)."""
        r, c = button.row, button.col
        positions = list(self._by_pos)
        same_row = sorted(col for row, col in positions if row == r)
        pick: tuple[int, int] | None = None
        if key == Qt.Key.Key_Home:
            pick = min(positions) if ctrl else (r, same_row[0])
        elif key == Qt.Key.Key_End:
            pick = max(positions) if ctrl else (r, same_row[-1])
        elif key == Qt.Key.Key_Left:
            left = [col for col in same_row if col < c]
            pick = (r, left[-1]) if left else None
        elif key == Qt.Key.Key_Right:
            right = [col for col in same_row if col > c]
            pick = (r, right[0]) if right else None
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            ahead = [(row, col) for row, col in positions if (row - r) * step > 0]
            if ahead:
                pick = min(ahead, key=lambda p: (abs(p[0] - r), abs(p[1] - c), p[1]))
        return self._by_pos.get(pick) if pick is not None else None
