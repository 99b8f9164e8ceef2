"""The window's commands keep their keys while the cursor is in a text field.

Before Qt looks up a shortcut it asks the focused widget (a ShortcutOverride event) whether it
wants the key itself, and text fields claim more keys than a coach expects: on Linux a
QLineEdit takes Ctrl+E as "end of line" (so End visit did nothing from the capture line), Ctrl+K
and Ctrl+U as deletions; on macOS ⌘↑/⌘↓ as start/end of document. Here a text field keeps only
the keys that edit text on every platform — typing, arrows, Home/End, Backspace/Delete, copy,
cut, paste, select all, undo and redo — and every other command key goes to the window's
actions first. A key no action binds still reaches the field as an ordinary key press, so
nothing a field does with it is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: Keys a text field keeps whatever the modifiers: moving and deleting within the text.
TEXT_MOVES = frozenset(
    {
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Insert,
    }
)
#: Editing commands every platform's text fields share; the window never binds them elsewhere.
TEXT_COMMANDS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)
_COMMAND = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def text_field_keeps(event: QKeyEvent) -> bool:
    """Whether a text field should have this key even when a window action binds it."""
    mods = event.modifiers()
    if not mods & _COMMAND:
        return True
    if event.key() in TEXT_MOVES:
        return True
    # AltGr arrives as Ctrl+Alt on Windows: "@" on a German keyboard is still typing.
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    if (mods & both) == both and event.text() and event.text().isprintable():
        return True
    return any(event.matches(key) for key in TEXT_COMMANDS)


def leave_to_actions(event: QEvent) -> bool:
    """For a text field's ``event()``: True when it should not claim this ShortcutOverride.

    The caller then ignores the event and returns True; Qt offers the key to the actions, and
    delivers it to the field as a key press if none takes it.
    """
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and not text_field_keeps(event)
    )


class ActionKeysFirst(QObject):
    """An event filter that applies :func:`leave_to_actions` to the fields it is installed on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root: QWidget | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if leave_to_actions(event):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def install(self, root: QWidget) -> int:
        """Installs on every text field under ``root``, and on any that later takes the focus
        in ``root``'s window (an item being edited in place); returns how many now."""
        fields = [w for w in root.findChildren(QWidget) if isinstance(w, TEXT_FIELDS)]
        for field in fields:
            field.installEventFilter(self)
        self._root = root
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        return len(fields)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        root = self._root
        if isinstance(new, TEXT_FIELDS) and root is not None and new.window() is root.window():
            new.installEventFilter(self)  # installing twice keeps one filter
