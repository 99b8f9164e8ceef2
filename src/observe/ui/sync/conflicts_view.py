"""The conflicts view: each change the server did not take, both versions side by side.

The coach keeps theirs, keeps mine, or merges by editing the text (prefilled with theirs and
mine one after the other, so nothing has to be retyped), or keeps all of one side at once after
a preview of what that changes (a restore can leave many). Loading and resolving run through
:mod:`observe.ui.operations`; the list reloads after each decision.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from observe.store import Store
from observe.sync import conflicts
from observe.sync.conflicts import BulkPlan, Conflict, describe
from observe.ui import operations
from observe.ui.errors import ErrorReporter
from observe.ui.operations import Operation, Progress
from observe.ui.sync.orphan_choices import OrphanChoices


def _merge_seed(c: Conflict) -> str:
    mine, theirs = c.text("mine"), c.text("theirs")
    if not theirs or theirs == mine or c.theirs_deleted:
        return mine
    return f"{theirs}\n{mine}"


class BulkConfirmDialog(QDialog):
    """The preview before "keep all mine" or "keep all theirs": what each entry becomes, and
    which entries that choice can't resolve. Nothing changes until the coach confirms."""

    def __init__(self, plan: BulkPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        mine = plan.side == "mine"
        self.setWindowTitle(self.tr("Keep all mine") if mine else self.tr("Keep all theirs"))
        count = len(plan.changes)
        if mine:
            text = self.tr("Your copy will be kept for %n conflict(s):", "", count)
        else:
            text = self.tr("The server's copy will be kept for %n conflict(s):", "", count)
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        lines = list(plan.changes)
        if plan.skipped:
            lines += ["", self.tr("Left for you to decide one by one:"), *plan.skipped]
        self.preview = QPlainTextEdit("\n".join(lines))
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setAccessibleName(self.tr("What changes"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(
            self.tr("Keep all mine") if mine else self.tr("Keep all theirs"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.confirm_button.setEnabled(bool(plan.ids))
        self.confirm_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self.confirm_button.setFocus()


class ConflictsDialog(QDialog):
    #: A conflict was resolved (the controller syncs soon after).
    resolved = Signal()

    def __init__(
        self, store: Store, report_error: ErrorReporter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._report_error = report_error
        self.items: list[Conflict] = []
        self.operation: Operation | None = None
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.setAccessibleName(self.tr("Sync conflicts"))

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Conflicts"))
        self.list.currentRowChanged.connect(self._show_current)
        self.empty_label = QLabel(self.tr("No conflicts: everything here matches the server."))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setAccessibleName(self.tr("What happened"))

        self.mine = QPlainTextEdit()
        self.mine.setReadOnly(True)
        self.mine.setAccessibleName(self.tr("Your version"))
        self.theirs = QPlainTextEdit()
        self.theirs.setReadOnly(True)
        self.theirs.setAccessibleName(self.tr("Server version"))
        self.merged = QPlainTextEdit()
        self.merged.setAccessibleName(self.tr("Merged text"))
        self.merged.setTabChangesFocus(True)

        self.keep_mine_button = QPushButton(self.tr("Keep &mine"))
        self.keep_mine_button.setAccessibleName(self.tr("Keep mine"))
        self.keep_mine_button.setToolTip(self.tr("Send your version to the server (Alt+M)"))
        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.keep_theirs_button = QPushButton(self.tr("Keep &theirs"))
        self.keep_theirs_button.setAccessibleName(self.tr("Keep theirs"))
        self.keep_theirs_button.setToolTip(self.tr("Use the server's version here (Alt+T)"))
        self.keep_theirs_button.clicked.connect(self.keep_theirs)
        self.merge_button = QPushButton(self.tr("Save m&erged text"))
        self.merge_button.setAccessibleName(self.tr("Save merged text"))
        self.merge_button.setToolTip(
            self.tr("Send your version with the merged text (Ctrl+Return)")
        )
        self.merge_button.clicked.connect(self.merge)
        QShortcut(QKeySequence("Ctrl+Return"), self.merged, activated=self.merge)
        self.keep_all_mine_button = QPushButton(self.tr("Keep all m&ine…"))
        self.keep_all_mine_button.setAccessibleName(self.tr("Keep all mine"))
        self.keep_all_mine_button.setToolTip(
            self.tr("Keep your version of every conflict, after a preview (Alt+I)")
        )
        self.keep_all_mine_button.clicked.connect(self.keep_all_mine)
        self.keep_all_theirs_button = QPushButton(self.tr("Keep all t&heirs…"))
        self.keep_all_theirs_button.setAccessibleName(self.tr("Keep all theirs"))
        self.keep_all_theirs_button.setToolTip(
            self.tr("Keep the server's version of every conflict, after a preview (Alt+H)")
        )
        self.keep_all_theirs_button.clicked.connect(self.keep_all_theirs)
        self.bulk_dialog: BulkConfirmDialog | None = None
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)

        # A deleted record with new records in it: restore, discard or move instead.
        self.orphan_choices = OrphanChoices(store, report_error)
        self.orphan_choices.chosen.connect(self._resolve)
        self.mine_label = QLabel(self.tr("Your version (this computer)"))
        self.theirs_label = QLabel(self.tr("Server version (elsewhere)"))

        sides = QGridLayout()
        sides.addWidget(self.mine_label, 0, 0)
        sides.addWidget(self.theirs_label, 0, 1)
        sides.addWidget(self.mine, 1, 0)
        sides.addWidget(self.theirs, 1, 1)
        self.merge_label = QLabel(self.tr("Merged te&xt (edit, then save):"))
        self.merge_label.setBuddy(self.merged)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine_button)
        buttons.addWidget(self.keep_theirs_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        detail = QWidget()
        right = QVBoxLayout(detail)
        right.addWidget(self.explanation)
        right.addLayout(sides, 3)
        right.addWidget(self.merge_label)
        right.addWidget(self.merged, 1)
        right.addWidget(self.orphan_choices)
        right.addLayout(buttons)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list)
        left_layout.addWidget(self.empty_label)
        bulk = QHBoxLayout()
        bulk.addWidget(self.keep_all_mine_button)
        bulk.addWidget(self.keep_all_theirs_button)
        left_layout.addLayout(bulk)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(detail)
        split.setStretchFactor(1, 3)
        split.setSizes([240, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.setTabOrder(self.list, self.mine)
        self.setTabOrder(self.mine, self.theirs)
        self.setTabOrder(self.theirs, self.merged)
        self.setTabOrder(self.merged, self.keep_mine_button)
        self.setTabOrder(self.keep_mine_button, self.keep_theirs_button)
        self.setTabOrder(self.keep_theirs_button, self.merge_button)
        self.setTabOrder(self.merge_button, self.keep_all_mine_button)
        self.setTabOrder(self.keep_all_mine_button, self.keep_all_theirs_button)
        self.resize(960, 560)
        self._show_current(-1)

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> Operation:
        store = self.store

        def load(_: Progress) -> list[Conflict]:
            return conflicts.list_conflicts(store)

        return operations.run(
            load,
            name="load conflicts",
            context=self,
            on_success=self._loaded,
            on_failure=lambda exc: self._report_error(self, exc),
        )

    def _loaded(self, result: object) -> None:
        previous = self.current()
        self.items = list(result) if isinstance(result, list) else []
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.items:
            item = QListWidgetItem(c.title())
            item.setToolTip(c.explanation())
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.empty_label.setVisible(not self.items)
        row = 0
        if previous is not None:
            row = next((i for i, c in enumerate(self.items) if c.id == previous.id), 0)
        self.list.setCurrentRow(row if self.items else -1)
        self._show_current(self.list.currentRow())

    def current(self) -> Conflict | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _show_current(self, row: int) -> None:
        c = self.items[row] if 0 <= row < len(self.items) else None
        busy = self.operation is not None and self.operation.is_running
        self.explanation.setText(c.explanation() if c else "")
        self.mine.setPlainText(describe(c.kind, c.mine, c.mine_deleted) if c else "")
        self.theirs.setPlainText(describe(c.kind, c.theirs, c.theirs_deleted) if c else "")
        self.merged.setPlainText(_merge_seed(c) if c and c.can_merge else "")
        can_merge = bool(c and c.can_merge)
        self.merged.setEnabled(can_merge and not busy)
        self.merge_label.setEnabled(can_merge)
        self.merge_button.setEnabled(can_merge and not busy)
        self.keep_mine_button.setEnabled(bool(c and c.can_keep_mine) and not busy)
        self.keep_theirs_button.setEnabled(bool(c and c.can_keep_theirs) and not busy)
        self._show_orphans(c, busy)
        self.keep_all_mine_button.setEnabled(any(i.can_keep_mine for i in self.items) and not busy)
        self.keep_all_theirs_button.setEnabled(
            any(i.can_keep_theirs for i in self.items) and not busy
        )

    def _show_orphans(self, c: Conflict | None, busy: bool) -> None:
        """A deleted record with new records in it shows what was added and its own choices."""
        entry = c.orphans if c is not None else None
        self.orphan_choices.show_for(c, busy=busy)
        for widget in (self.keep_mine_button, self.keep_theirs_button, self.merge_button):
            widget.setVisible(entry is None)
        self.merge_label.setVisible(entry is None)
        self.merged.setVisible(entry is None)
        if entry is None:
            self.mine_label.setText(self.tr("Your version (this computer)"))
            self.theirs_label.setText(self.tr("Server version (elsewhere)"))
            return
        self.mine_label.setText(self.tr("Added or changed after it was deleted"))
        self.theirs_label.setText(self.tr("Deleted"))
        self.mine.setPlainText(entry.lines())

    # -- deciding ---------------------------------------------------------------------------

    def keep_mine(self) -> Operation | None:
        c = self.current()
        return self._resolve(lambda: conflicts.keep_mine(self.store, c.id)) if c else None

    def keep_theirs(self) -> Operation | None:
        c = self.current()
        return self._resolve(lambda: conflicts.keep_theirs(self.store, c.id)) if c else None

    def merge(self) -> Operation | None:
        c = self.current()
        if c is None or not c.can_merge:
            return None
        text = self.merged.toPlainText()
        return self._resolve(lambda: conflicts.keep_mine(self.store, c.id, text=text))

    def keep_all_mine(self) -> BulkConfirmDialog | None:
        return self._keep_all("mine")

    def keep_all_theirs(self) -> BulkConfirmDialog | None:
        return self._keep_all("theirs")

    def _keep_all(self, side: str) -> BulkConfirmDialog | None:
        """Shows the preview; the conflicts are resolved only if the coach confirms."""
        if not self.items or (self.operation is not None and self.operation.is_running):
            return None
        plan = conflicts.plan_for(self.items, side)
        dialog = BulkConfirmDialog(plan, self)
        dialog.accepted.connect(
            lambda: self._resolve(lambda: conflicts.resolve_all(self.store, plan))
        )
        self.bulk_dialog = dialog
        dialog.open()
        return dialog

    def _resolve(self, decide: object) -> Operation | None:
        if self.operation is not None and self.operation.is_running:
            return None

        def work(_: Progress) -> None:
            decide()  # type: ignore[operator]

        self.operation = operations.run(
            work,
            name="resolve conflict",
            context=self,
            on_success=lambda _: self.resolved.emit(),
            on_failure=lambda exc: self._report_error(self, exc),
        )
        self.operation.finished.connect(self.reload)
        self._show_current(self.list.currentRow())
        return self.operation
