"""Help → Keyboard shortcuts: every key the window answers to, read from its QActions.

The list is built from the menu bar and the window's other actions each time it opens, never
typed in by hand, so it cannot drift from what the keys really do. Keys are written the way
the platform writes them (⌘E on macOS, Ctrl+E elsewhere).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from observe.ui.screen_fit import fit_to_screen


@dataclass(frozen=True)
class Shortcut:
    group: str
    command: str
    keys: str


def _plain(text: str) -> str:
    """Menu text as read aloud: no mnemonic ampersands, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _keys(action: QAction) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in action.shortcuts() if not s.isEmpty())


def window_shortcuts(window: QMainWindow, extra: list[QAction] | None = None) -> list[Shortcut]:
    """Every action with a key: the menus' in menu order (submenus grouped under their path),
    then ``extra`` and any other action of the window that no menu shows, under "Other"."""
    found: list[Shortcut] = []
    seen: set[int] = set()

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} → {_plain(action.text())}")
            elif not action.isSeparator():
                seen.add(id(action))
                if keys := _keys(action):
                    found.append(Shortcut(path, _plain(action.text()), keys))

    for top in window.menuBar().actions():
        if isinstance(top.menu(), QMenu):
            walk(top.menu(), _plain(top.text()))
    other = QCoreApplication.translate("KeyboardHelp", "Other")
    for action in [*(extra or []), *window.findChildren(QAction)]:
        if id(action) in seen or not action.text():
            continue
        seen.add(id(action))
        if keys := _keys(action):
            found.append(Shortcut(other, _plain(action.text()), keys))
    return found


class KeyboardHelpDialog(QDialog):
    """Type to filter; Tab to the list, arrows to move; Esc closes."""

    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.shortcuts = shortcuts
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search shortcuts"))
        self.search.setPlaceholderText(self.tr("Type part of a command or a key"))
        self.search.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Search:"))
        label.setBuddy(self.search)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Shortcuts by menu"))
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Shortcuts shown"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter in the search moves to the list, it doesn't close
        close.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refilter)
        self.search.returnPressed.connect(self._to_list)
        self.refilter()
        self.search.setFocus()
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Tall enough for the whole list when the screen allows, since a coach scans it rather
        than scrolls it; never wider or taller than the screen (at 1366×768 and 200% that is
        683×384 logical pixels)."""
        metrics = self.fontMetrics()
        rows = self.tree.topLevelItemCount() + len(self.shortcuts)
        # Search, header, count and buttons take about eight lines besides the rows.
        wanted = (metrics.lineSpacing() + 2) * (rows + 8)
        fit_to_screen(self, metrics.averageCharWidth() * 70, wanted, width_share=0.95)

    def refilter(self, *_: object) -> None:
        words = self.search.text().casefold().split()
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        shown = 0
        for s in self.shortcuts:
            haystack = f"{s.group} {s.command} {s.keys}".casefold()
            if not all(w in haystack for w in words):
                continue
            group = groups.get(s.group)
            if group is None:
                group = groups[s.group] = QTreeWidgetItem(self.tree, [s.group])
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(group, [s.command, s.keys])
            shown += 1
        self.tree.expandAll()
        if shown == 0:
            self.count.setText(self.tr("No shortcut matches; try fewer letters."))
        elif shown == 1:
            self.count.setText(self.tr("1 shortcut"))
        else:
            self.count.setText(self.tr("%1 shortcuts").replace("%1", str(shown)))

    def visible_commands(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) as listed now, for tests and screen-reader checks."""
        rows = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for c in range(group.childCount()):
                child = group.child(c)
                rows.append((group.text(0), child.text(0), child.text(1)))
        return rows

    def _to_list(self) -> None:
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))
            self.tree.setFocus()
