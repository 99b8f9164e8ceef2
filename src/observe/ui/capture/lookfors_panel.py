"""The look-for half of the side panel: what this visit is looking for, and the keys for it.

A coach tags evidence while watching the room, not the screen, so each look-for shows its
Ctrl+1…9 key next to its code and title. The panel doesn't know which evidence is selected;
activating a row (or pressing its key) only emits ``context.lookfor_toggled`` and the capture
pane applies it, so there is one place that decides what a toggle means.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from observe.capture.marks import MarkTally, visit_tallies
from observe.coaching.visit_lookfors import LookForRow, visit_lookfors
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.ops import CoreOp

#: Record kinds whose changes can alter which look-fors are shown.
WATCHED = frozenset({"lookfor", "lookfor_set", "walk", "visit"})
#: Record kinds whose changes alter the seen / not yet tallies beside each look-for.
TALLIED = frozenset({"evidence"})
MARK_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_SET_TEXT = QT_TRANSLATE_NOOP(
    "LookForsPanel",
    "No look-for set yet: add a starter set in Coaching → Look-for frameworks (Ctrl+Alt+F), "
    "or use one your team shares.",
)
OTHER_CATEGORY = QT_TRANSLATE_NOOP("LookForsPanel", "Other")


def hotkey_text(n: int) -> str:
    """ "Ctrl+1" here, "⌘1" on macOS: the key as the platform writes it."""
    return QKeySequence(f"Ctrl+{n}").toString(QKeySequence.SequenceFormat.NativeText)


class _WrapDelegate(QStyledItemDelegate):
    """Measures rows at the column's real width; the style otherwise measures one long line."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        view = self.parent()
        if isinstance(view, QTreeWidget) and index.column() == 1:
            opt = QStyleOptionViewItem(option)
            # The style wraps only inside a valid rect, so it needs a height too.
            opt.rect = QRect(0, 0, max(view.columnWidth(1), 1), 1 << 16)
            return super().sizeHint(opt, index)
        return super().sizeHint(option, index)


class LookForTree(QTreeWidget):
    """Enter and Space activate the current row; the default tree would only select it.

    Titles wrap instead of eliding: in a narrow panel "Students build on…" hides the part that
    tells two look-fors apart.
    """

    row_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_WrapDelegate(self))
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # row heights follow the new wrap width

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and item is not None and item.data(0, ID_ROLE):
            if not event.isAutoRepeat():
                self.row_activated.emit(item.data(0, ID_ROLE))
            return
        super().keyPressEvent(event)


class LookForsPanel(QWidget):
    """Look-fors of the open visit's set, grouped by category, with their hotkeys.

    With ``install_hotkeys`` (the default) Ctrl+1…9 are window-wide actions on this panel, in
    ``hotkey_actions``; pass False if the main window binds them itself via
    :meth:`lookfor_for_hotkey`.
    """

    def __init__(
        self,
        context: VisitContext,
        *,
        install_hotkeys: bool = True,
        report_error: ErrorReporter = show_error,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._report_error = report_error
        self.set_name: str | None = None
        self.rows: list[LookForRow] = []
        self._by_hotkey: dict[int, str] = {}
        self.setAccessibleName(self.tr("Look-fors"))

        #: The panel's title; hide it if the window's dock already shows one.
        self.heading = QLabel(self.tr("Look-fors"))
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.set_label = QLabel()
        self.set_label.setWordWrap(True)
        self.set_label.setAccessibleName(self.tr("Look-for set"))

        self.tree = LookForTree()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Key"), self.tr("Look-for")])
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(
            self.tr("Look-fors; Enter toggles the tag on the current evidence")
        )
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.row_activated.connect(self._emit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.set_label)
        layout.addWidget(self.tree, 1)
        #: How the keys mark a tag; the tallies in the tree use the same words and symbols.
        self.marks_help = QLabel(
            self.tr(
                "Press a look-for's key once to tag an item as about it, again to mark it "
                "✓ seen, again for ○ not yet, and again to remove the tag."
            )
        )
        self.marks_help.setWordWrap(True)
        self.marks_help.setAccessibleName(self.tr("How to mark look-fors"))
        layout.addWidget(self.marks_help)
        self.tallies: dict[str, MarkTally] = {}

        self.hotkey_actions: list[QAction] = []
        if install_hotkeys:
            for n in range(1, 10):
                action = QAction(self.tr("Toggle look-for {n}").format(n=n), self)
                action.setShortcut(QKeySequence(f"Ctrl+{n}"))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                action.triggered.connect(lambda _=False, n=n: self.toggle_hotkey(n))
                self.addAction(action)
                self.hotkey_actions.append(action)

        context.visit_changed.connect(lambda _visit_id: self.reload())
        context.records_changed.connect(self._records_changed)
        self.reload()

    # -- public -----------------------------------------------------------------------------

    def lookfor_for_hotkey(self, n: int) -> str | None:
        return self._by_hotkey.get(n)

    def toggle_hotkey(self, n: int) -> bool:
        """Emits ``lookfor_toggled`` for the look-for on key ``n``; False if none has it."""
        lookfor_id = self.lookfor_for_hotkey(n)
        if lookfor_id is None:
            return False
        self._emit(lookfor_id)
        return True

    def item_for(self, lookfor_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for item in (top, *(top.child(j) for j in range(top.childCount()))):
                if item.data(0, ID_ROLE) == lookfor_id:
                    return item
        return None

    # -- loading ----------------------------------------------------------------------------

    def _records_changed(self, kind: str) -> None:
        if kind in WATCHED:
            self.reload()
        elif kind in TALLIED:
            self.refresh_tallies()

    def refresh_tallies(self) -> None:
        """Shows beside each look-for what this visit's items say about it so far."""
        visit_id = self.context.visit_id
        store = self.context.store
        counted = CoreOp(
            self,
            lambda: visit_tallies(store, visit_id) if visit_id else {},
            report=self._report_error,
        ).run_now()
        if not counted.ok or counted.value is None:
            return
        self.tallies = counted.value
        for row in self.rows:
            item = self.item_for(row.id)
            if item is not None:
                self._show_tally(item, row)

    def reload(self) -> None:
        loaded = CoreOp(
            self,
            lambda: visit_lookfors(self.context.store, self.context.visit_id),
            report=self._report_error,
        ).run_now()
        if not loaded.ok or loaded.value is None:
            return
        lookfors = loaded.value
        self.set_name = lookfors.set_name
        rows = self.rows = list(lookfors.rows)
        self._by_hotkey = {}
        for row in rows:
            if row.hotkey is not None:
                self._by_hotkey.setdefault(row.hotkey, row.id)  # first in set order wins
        for n, action in enumerate(self.hotkey_actions, start=1):
            action.setEnabled(n in self._by_hotkey)
        self.set_label.setText(self.set_name or self.tr(NO_SET_TEXT))
        self._fill_tree()
        self.refresh_tallies()

    def _fill_tree(self) -> None:
        current = self.tree.currentItem()
        current_id = current.data(0, ID_ROLE) if current is not None else None
        self.tree.clear()
        categories: dict[str, list[LookForRow]] = {}
        for row in self.rows:
            categories.setdefault(row.category or OTHER_CATEGORY, []).append(row)
        flat = list(categories) == [OTHER_CATEGORY]  # no categories at all: no headings
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for category, rows in categories.items():
            parent: QTreeWidget | QTreeWidgetItem = self.tree
            if not flat:
                shown = self.tr(category) if category == OTHER_CATEGORY else category
                heading = QTreeWidgetItem(self.tree, ["", shown])
                heading.setFirstColumnSpanned(True)
                heading.setText(0, shown)
                heading.setFont(0, bold)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                heading.setData(
                    0,
                    Qt.ItemDataRole.AccessibleTextRole,
                    self.tr("Category: {category}").format(category=shown),
                )
                parent = heading
            for row in rows:
                self._add_row(parent, row)
        self.tree.expandAll()
        if current_id:
            item = self.item_for(current_id)
            if item is not None:
                self.tree.setCurrentItem(item)

    def _add_row(self, parent: QTreeWidget | QTreeWidgetItem, row: LookForRow) -> None:
        key = hotkey_text(row.hotkey) if row.hotkey is not None else ""
        item = QTreeWidgetItem(parent, [key, f"{row.code}  {row.title}"])
        item.setData(0, ID_ROLE, row.id)
        self._show_tally(item, row)
        tip = row.title + (f"\n{row.description}" if row.description else "")
        if key:
            tip += "\n" + self.tr("Click, press Enter or {key} to toggle this tag.").format(key=key)
        else:
            tip += "\n" + self.tr("Click or press Enter to toggle this tag.")
        item.setToolTip(1, tip)
        item.setToolTip(0, tip)

    def _show_tally(self, item: QTreeWidgetItem, row: LookForRow) -> None:
        key = hotkey_text(row.hotkey) if row.hotkey is not None else ""
        tally = self.tallies.get(row.id)
        text = f"{row.code}  {row.title}"
        spoken = f"{row.code} {row.title}" + (f", {key}" if key else "")
        if tally is not None:
            text += f"\n{tally.text()}"
            spoken += self.tr("; this visit: {tally}").format(tally=tally.spoken())
        item.setText(1, text)
        item.setData(1, MARK_ROLE, tally.text() if tally is not None else "")
        for column in (0, 1):
            item.setData(column, Qt.ItemDataRole.AccessibleTextRole, spoken)

    # -- activation -------------------------------------------------------------------------

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        lookfor_id = item.data(0, ID_ROLE)
        if lookfor_id:
            self._emit(lookfor_id)

    def _emit(self, lookfor_id: str) -> None:
        self.context.lookfor_toggled.emit(lookfor_id)
