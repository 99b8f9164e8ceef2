"""The Find evidence action (Ctrl+F): what the main window keeps of search from the start.

The dialog, its results view and the search queries load on the first Ctrl+F (issue 18: the
window opens with only what its first paint needs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from observe.ui.context import VisitContext

if TYPE_CHECKING:
    from observe.ui.search.dialog import SearchDialog

#: Where the selected timeline item is on screen, for the dialog to keep clear of it.
Highlighted = Callable[[], QRect | None]


class SearchLauncher(QObject):
    """Owns the Find evidence action (Ctrl+F) and the one dialog it opens or brings forward."""

    def __init__(
        self, context: VisitContext, window: QWidget, *, highlighted: Highlighted | None = None
    ) -> None:
        super().__init__(window)
        self._context = context
        self._window = window
        self._highlighted = highlighted
        self._dialog: SearchDialog | None = None
        self.action = QAction(self.tr("&Find evidence…"), window)
        self.action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.action.setStatusTip(self.tr("Search all evidence, with filters"))
        self.action.setToolTip(self.tr("Search all evidence, with filters"))
        self.action.triggered.connect(self.show_dialog)
        window.addAction(self.action)

    @property
    def dialog(self) -> SearchDialog:
        if self._dialog is None:
            from observe.ui.search.dialog import SearchDialog

            self._dialog = SearchDialog(self._context, self._window, highlighted=self._highlighted)
        return self._dialog

    def show_dialog(self) -> SearchDialog:
        dialog = self.dialog
        dialog.focus_query()
        return dialog

    def actions_for_menu(self) -> list[QAction]:
        return [self.action]
