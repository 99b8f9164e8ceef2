"""Which kind of contribution the next tally records.

Radio buttons rather than a combo: all four choices stay visible, so a coach sees at a glance
what Space will record, and Alt+1…4 (or 1…4 on the seat grid) switches without opening a list.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QRadioButton, QWidget

from observe.capture.participation import KIND_LABELS
from observe.store.models import ParticipationKind

#: The order of the 1…4 keys; also the order on screen.
KINDS: tuple[ParticipationKind, ...] = tuple(KIND_LABELS)


class KindSelector(QWidget):
    """Two by two, or one column when the panel is too narrow for two (200 % scaling on a
    small laptop), so "Asked a question" is never cut off."""

    kind_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Contribution kind"))
        self._group = QButtonGroup(self)
        self._buttons: dict[ParticipationKind, QRadioButton] = {}
        # The grid lives on an inner widget: a layout on this widget would answer the parent's
        # height-for-width questions itself (with "none") and hide the column switch.
        self._inner = QWidget(self)
        self._layout = QGridLayout(self._inner)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._columns = 0
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        for n, kind in enumerate(KINDS):
            button = QRadioButton(f"&{n + 1} {KIND_LABELS[kind]}", self._inner)
            button.setAccessibleName(KIND_LABELS[kind])
            button.setToolTip(
                self.tr(
                    "Tally the next contribution as “{kind}” (Alt+{n}, or {n} on the seat grid)"
                ).format(kind=KIND_LABELS[kind], n=n + 1)
            )
            self._group.addButton(button, n)
            self._buttons[kind] = button
        self._arrange(2)
        self._buttons[KINDS[0]].setChecked(True)
        self._group.idToggled.connect(self._toggled)

    def _two_column_width(self) -> int:
        widths = [b.sizeHint().width() for b in self._buttons.values()]
        gap = self._layout.horizontalSpacing()
        return max(widths[0], widths[2]) + max(widths[1], widths[3]) + max(gap, 0)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for button in self._buttons.values():
            self._layout.removeWidget(button)
        for n, kind in enumerate(KINDS):
            self._layout.addWidget(self._buttons[kind], n // columns, n % columns)

    def _columns_for(self, width: int) -> int:
        return 2 if width >= self._two_column_width() else 1

    def sizeHint(self) -> QSize:
        width = self._two_column_width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = max(b.sizeHint().width() for b in self._buttons.values())
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = 4 // self._columns_for(width)
        row_h = max(b.sizeHint().height() for b in self._buttons.values())
        return rows * row_h + (rows - 1) * max(self._layout.verticalSpacing(), 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(self._columns_for(event.size().width()))
        self._inner.setGeometry(0, 0, event.size().width(), event.size().height())
        super().resizeEvent(event)

    def kind(self) -> ParticipationKind:
        return KINDS[max(self._group.checkedId(), 0)]

    def set_kind(self, kind: ParticipationKind) -> None:
        self._buttons[kind].setChecked(True)

    def button(self, kind: ParticipationKind) -> QRadioButton:
        return self._buttons[kind]

    def _toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self.kind_changed.emit(KINDS[button_id])
