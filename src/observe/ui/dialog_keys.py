"""Two keyboard habits every dialog keeps: it opens in its first field, and Ctrl+S saves.

QDialog gives the first focus to the default button when nothing else asks for it, so a coach
who opens "New teacher" and types "Zoë Okafor" loses the first letters to the button and a
Space presses it. ``start_in_first_field`` hands the focus to the first field that takes
typing or a choice instead, each time the dialog is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QWidget


def first_field(dialog: QWidget) -> QWidget | None:
    """The first control in the tab order that takes input and is not a button."""
    widget = dialog.nextInFocusChain()
    while widget is not None and widget is not dialog:
        if (
            widget.window() is dialog
            and widget.isVisibleTo(dialog)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(widget, QAbstractButton | QLabel)
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


class _FirstFieldOnShow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            focus = watched.focusWidget()
            if focus is None or isinstance(focus, QAbstractButton):
                target = first_field(watched)
                if target is not None:
                    target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        return False


def start_in_first_field(dialog: QDialog) -> None:
    """Each time ``dialog`` is shown, focus goes to its first field unless a field has it."""
    guard = _FirstFieldOnShow(dialog)
    dialog.installEventFilter(guard)


def save_key(dialog: QWidget, save: Callable[[], object]) -> QShortcut:
    """Ctrl+S (⌘S) runs ``save`` from anywhere in the dialog, text fields included."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), dialog)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: save())
    return shortcut
