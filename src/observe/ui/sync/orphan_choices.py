"""The conflicts view's choices for a deleted record with new records left in it.

A visit deleted on one device while evidence was added to it on another (``sync.orphans``):
the coach restores the visit, discards what was added, or moves the evidence to another
visit, picked from a list. Shown by :class:`ConflictsDialog` in place of keep mine / keep
theirs, which mean nothing here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from observe.store import Store
from observe.sync import orphans
from observe.sync.conflicts import Conflict
from observe.ui import operations
from observe.ui.errors import ErrorReporter
from observe.ui.operations import Operation, Progress


class OrphanChoices(QWidget):
    """Restore / discard / move buttons; ``chosen`` carries the decision to run."""

    #: A callable that resolves the shown conflict (the dialog runs it like keep mine).
    chosen = Signal(object)

    def __init__(self, store: Store, report_error: ErrorReporter, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._report_error = report_error
        self.conflict: Conflict | None = None
        self.loading: Operation | None = None

        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore)
        self.discard_button = QPushButton()
        self.discard_button.clicked.connect(self.discard)
        self.move_label = QLabel(self.tr("Move &to:"))
        self.move_target = QComboBox()
        self.move_target.setAccessibleName(self.tr("Visit to move to"))
        self.move_label.setBuddy(self.move_target)
        self.move_button = QPushButton()
        self.move_button.clicked.connect(self.move)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        row.addSpacing(12)
        row.addWidget(self.move_label)
        row.addWidget(self.move_target, 1)
        row.addWidget(self.move_button)
        self.show_for(None, busy=False)

    def show_for(self, c: Conflict | None, *, busy: bool) -> None:
        """Shows the choices for ``c`` when it is about records under a deleted parent."""
        entry = c.orphans if c is not None else None
        self.setVisible(entry is not None)
        if entry is None:
            self.conflict = None
            return
        if self.conflict is None or self.conflict.id != c.id:  # type: ignore[union-attr]
            self.move_target.clear()
            if entry.can_move:
                self._load_targets(c.id)  # type: ignore[union-attr]
        self.conflict = c
        self.restore_button.setText(entry.restore_label())
        self.restore_button.setAccessibleName(entry.restore_label())
        self.restore_button.setToolTip(
            self.tr("Bring the deleted record back on every device, with what was added to it")
        )
        self.discard_button.setText(entry.discard_label())
        self.discard_button.setAccessibleName(entry.discard_label())
        self.discard_button.setToolTip(self.tr("Delete what was added, on every device"))
        self.move_button.setText(entry.move_label())
        self.move_button.setAccessibleName(entry.move_label())
        for widget in (self.move_label, self.move_target, self.move_button):
            widget.setVisible(entry.can_move)
        self.restore_button.setEnabled(not busy)
        self.discard_button.setEnabled(not busy)
        self.move_button.setEnabled(not busy and self.move_target.count() > 0)

    def _load_targets(self, conflict_id: int) -> None:
        store = self.store

        def load(_: Progress) -> list[orphans.MoveTarget]:
            return orphans.move_targets(store, conflict_id)

        def loaded(result: object) -> None:
            if self.conflict is None or self.conflict.id != conflict_id:
                return
            self.move_target.clear()
            for target in result if isinstance(result, list) else []:
                self.move_target.addItem(target.label, target.id)
            self.move_button.setEnabled(self.move_target.count() > 0)

        self.loading = operations.run(
            load,
            name="load visits to move to",
            context=self,
            on_success=loaded,
            on_failure=lambda exc: self._report_error(self, exc),
        )

    def _choose(self, decide: Callable[[Store, int], object]) -> None:
        c = self.conflict
        if c is not None:
            store, number = self.store, c.id
            self.chosen.emit(lambda: decide(store, number))

    def restore(self) -> None:
        self._choose(orphans.restore_parent)

    def discard(self) -> None:
        self._choose(orphans.discard_children)

    def move(self) -> None:
        target = self.move_target.currentData()
        if target:
            self._choose(lambda store, number: orphans.move_children(store, number, target))
