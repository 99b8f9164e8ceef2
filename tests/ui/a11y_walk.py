"""Walks the app as a screen-reader user meets it: every window and every dialog a menu opens,
each interactive control asked for the name assistive technology would read.

The name is what Qt's accessibility bridge reports (``QAccessibleInterface.text(Name)``): a
button's text, a field's label buddy, or an explicit accessible name, so the check fails
exactly where a screen reader would say only "edit" or "button".
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from observe.ui import operations

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
)
INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
#: Qt's own composite widgets name their parts themselves (or are named as a whole).
OPAQUE = (QFileDialog, QMessageBox, QCalendarWidget)


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return ""
    return (iface.text(QAccessible.Text.Name) or "").strip()


def _inside_opaque(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, OPAQUE) and parent is not top:
            return True
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QTabBar)):
            return True  # a combo's view and line edit, a spin box's editor, tab scrollers
        if parent is top:
            return False
        parent = parent.parentWidget()
    return False


def interactive_widgets(top: QWidget) -> Iterator[QWidget]:
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, (QScrollBar, QHeaderView)):
            continue
        if not widget.isVisibleTo(top) or _inside_opaque(widget, top):
            continue
        no_focus = widget.focusPolicy() == Qt.FocusPolicy.NoFocus
        if no_focus and not isinstance(widget, QAbstractButton):
            continue
        yield widget


def first_in_tab_order(top: QWidget) -> QWidget | None:
    widget = top.nextInFocusChain()
    while widget is not None and widget is not top:
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if takes_tab and widget.isVisibleTo(top) and widget.isEnabled():
            return widget
        widget = widget.nextInFocusChain()
    return None


def describe(widget: QWidget) -> str:
    names = []
    w: QWidget | None = widget
    while w is not None and len(names) < 4:
        names.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    return " < ".join(names)


@dataclass
class Findings:
    unnamed: dict[str, list[str]] = field(default_factory=dict)
    first_focus: dict[str, str] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)

    def check(self, top: QWidget, where: str) -> None:
        self.seen.append(where)
        if isinstance(top, OPAQUE):
            return
        # A window that loads in the background is disabled until its content is there.
        deadline = time.monotonic() + 10
        while (not top.isEnabled() or operations.running()) and time.monotonic() < deadline:
            QApplication.processEvents()
            if not shiboken6.isValid(top):
                return  # a progress dialog that finished meanwhile
        missing = [describe(w) for w in interactive_widgets(top) if not accessible_name(w)]
        if missing:
            self.unnamed[where] = missing
        if isinstance(top, QDialog):
            inputs = [w for w in interactive_widgets(top) if isinstance(w, INPUTS)]
            top.activateWindow()  # as the window manager does when a dialog opens
            QApplication.processEvents()
            focused = top.focusWidget()
            # An input, or the control the tab order starts with when that is how the dialog
            # begins ("Choose file…" before the rest); never OK/Cancel or a mid-dialog button.
            starts = focused is not None and focused is first_in_tab_order(top)
            in_buttons = focused is not None and isinstance(
                focused.parentWidget(), QDialogButtonBox
            )
            if inputs and not isinstance(focused, INPUTS) and (not starts or in_buttons):
                self.first_focus[where] = describe(focused) if focused else "nothing"


def menu_actions(menu: QMenu, path: str = "") -> Iterator[tuple[str, QAction]]:
    for action in menu.actions():
        label = path + " > " + action.text().replace("&", "")
        if action.menu() is not None:
            yield from menu_actions(action.menu(), label)
        elif not action.isSeparator():
            yield label, action


class DialogCloser:
    """Inspects each new top-level window as it appears (a modal one blocks the trigger
    until closed), then closes it so the walk goes on.

    Each trigger gets its own watching timer: Qt never re-enters a timer whose slot is still
    running, so a dialog opened from inside another one needs a timer of its own."""

    def __init__(self, findings: Findings, main: QWidget) -> None:
        self.findings = findings
        self.main = main
        self.where = ""

    def _tick(self) -> None:
        for top in QApplication.topLevelWidgets():
            if not shiboken6.isValid(top):
                continue  # closed and deleted by an earlier step of this same pass
            if top is self.main or not top.isVisible() or isinstance(top, QMenu):
                continue
            if top.property("a11y_walk_seen"):
                continue
            top.setProperty("a11y_walk_seen", True)
            where = f"{self.where} → {type(top).__name__} {top.windowTitle()!r}"
            self.findings.check(top, where)
            if not shiboken6.isValid(top):
                continue
            self.open_its_dialogs(top, where)
            if not shiboken6.isValid(top):
                continue
            if isinstance(top, QDialog):
                top.reject()
            else:
                top.close()

    def open_its_dialogs(self, top: QWidget, where: str) -> None:
        """Presses each button that says it opens more ("…") and walks what opens."""
        if where.count("→") > 2:
            return
        outer = self.where
        for button in top.findChildren(QAbstractButton):
            text = button.text()
            if not text.endswith("…") or _inside_opaque(button, top):
                continue
            if not (button.isVisibleTo(top) and button.isEnabled()):
                continue
            self.run(f"{where} → {text.replace('&', '')}", button.click)
        self.where = outer

    def run(self, where: str, act: Callable[[], object]) -> None:
        outer = self.where
        self.where = where
        timer = QTimer()
        timer.setInterval(40)
        timer.timeout.connect(self._tick)
        timer.start()
        try:
            act()
            for _ in range(25):  # non-modal windows appear after the trigger returns
                QApplication.processEvents()
                self._tick()
        finally:
            timer.stop()
            self.where = outer
