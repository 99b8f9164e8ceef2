"""The main window before its store is open (issue 18: window ready).

The welcome panel shows the profile's real record counts (read with ``sqlite3`` by
:mod:`observe.store.first_screens`) in the coach's theme; the navigator's and the side
column's places show their tabs, each saying it is loading; the menu bar says the profile is
opening. Nothing here imports SQLAlchemy or the store: that is the point. Keys pressed before
the store is attached are held and, once it is, run in order: a window command's key triggers
the command (Ctrl+N starts a visit), any other key goes to the widget with the focus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QSplitter, QTabWidget, QWidget

from observe.settings_look import THEME_KEY, parsed
from observe.ui.appearance import apply_theme
from observe.ui.screen_fit import column_widths, fit_to_screen

if TYPE_CHECKING:
    from observe.store.first_screens import FirstScreens
    from observe.ui.main_window import MainWindow

#: Preferences the early window follows (read by the first-screens reader).
EARLY_SETTINGS: tuple[str, ...] = (THEME_KEY.name,)


MODIFIER_KEYS = frozenset(
    {Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr}
)


@dataclass(frozen=True)
class HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class EarlyInput(QObject):
    """Holds the keys pressed in ``window`` until :meth:`release` runs them (nothing is lost)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.held: list[HeldKey] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            assert isinstance(event, QKeyEvent)
            # A modifier alone means nothing: it arrives again with the key it modifies.
            if event.type() == QEvent.Type.KeyPress and event.key() not in MODIFIER_KEYS:
                self.held.append(HeldKey(event.key(), event.modifiers(), event.text()))
            return True
        return False

    def release(self, window: MainWindow) -> None:
        """Stops holding keys and runs those held, now that ``window`` is whole."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        held, self.held = self.held, []
        for key in held:
            action = _command_for(window, key)
            if action is not None:
                action.trigger()
                continue
            target = QApplication.focusWidget() or window
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, key.key, key.modifiers, key.text))
        self.deleteLater()


def _command_for(window: QWidget, key: HeldKey) -> QAction | None:
    """The enabled window command that ``key`` is the shortcut of, if one is."""
    pressed = QKeySequence(QKeyCombination(key.modifiers, Qt.Key(key.key)))
    for action in window.findChildren(QAction):
        if action.isEnabled() and any(
            s.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for s in action.shortcuts()
        ):
            return action
    return None


class EarlyColumns(QSplitter):
    """The workspace's three columns before the store: loading | welcome panel | loading."""

    def __init__(self, welcome: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        navigator = self._tabs(
            QCoreApplication.translate("Navigator", "Navigator views"),
            [
                QCoreApplication.translate("Navigator", "&Visits"),
                QCoreApplication.translate("Navigator", "&Teachers"),
            ],
        )
        side = self._tabs(
            QCoreApplication.translate("Workspace", "Look-fors and participation"),
            [
                QCoreApplication.translate("Workspace", "&Look-fors"),
                QCoreApplication.translate("Workspace", "&Participation"),
            ],
        )
        for widget in (navigator, welcome, side):
            self.addWidget(widget)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 5)
        self.setStretchFactor(2, 2)

    def _tabs(self, name: str, titles: list[str]) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setAccessibleName(name)
        for title in titles:
            label = QLabel(self.tr("Loading…"))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setAccessibleName(self.tr("Loading"))
            label.setAccessibleDescription(self.tr("Available once the profile is open."))
            tabs.addTab(label, title)
        return tabs


def show_first_screens(window: MainWindow, first: FirstScreens) -> EarlyInput:
    """Fills ``window`` with ``first`` (as it will look, with its store's figures) and returns
    what holds the keys pressed until the store is attached."""
    window.summary.show_counts(first.counts, empty=False)
    columns = EarlyColumns(window.summary, window)
    window.setCentralWidget(columns)
    opening_text = QCoreApplication.translate("EarlyColumns", "Opening the profile…")
    window.save_label.setText(opening_text)
    opening = window.menuBar().addMenu(opening_text)
    opening.setEnabled(False)
    opening.menuAction().setToolTip(
        QCoreApplication.translate(
            "EarlyColumns", "The menus are ready once the profile is open, in a moment."
        )
    )
    fit_to_screen(window, height_share=0.85)
    columns.setSizes(column_widths(window.width()))
    return EarlyInput(window)


def apply_early_look(first: FirstScreens) -> None:
    """The coach's theme, before the window is made (its widgets start in its colours)."""
    apply_theme(parsed(THEME_KEY, first.settings.get(THEME_KEY.name)))
