"""Tallies as undoable commands, so Ctrl+Z takes back a mis-tap wherever the coach is.

The first tally is written before the command is pushed: ``QUndoStack.push`` calls ``redo`` and
keeps the command even if ``redo`` fails, which would leave an undo entry for a tally that was
never saved. Writing first means a failed write shows its sentence and leaves no entry.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from observe.capture.participation import KIND_LABELS, remove_tally, restore_tally
from observe.store import Store
from observe.store.models import ParticipationKind
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp


class TallyCommand(QUndoCommand):
    """One contribution already written; undo tombstones it and redo brings it back."""

    def __init__(
        self,
        context: VisitContext,
        event_id: str,
        seat_label: str,
        kind: ParticipationKind,
        report_error: ErrorReporter,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("UndoCommand", "tally for seat {seat} ({kind})").format(
                seat=seat_label, kind=KIND_LABELS[kind]
            )
        )
        self.context = context
        self.event_id = event_id
        self._report_error = report_error
        self._written = True  # the first redo (inside push) has nothing left to do

    def redo(self) -> None:
        if self._written:
            self._written = False
            return
        self._apply(restore_tally)

    def undo(self) -> None:
        self._apply(remove_tally)

    def _apply(self, change: Callable[[Store, str], None]) -> None:
        # A slot that raises only reaches a console; a coach needs the sentence.
        store = self.context.store
        CoreOp(None, lambda: change(store, self.event_id), report=self._report_error).run_now()
