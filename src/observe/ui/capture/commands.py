"""Undoable evidence changes, on the one undo stack the capture window shares.

Every command is built *after* its first application succeeded (the pane does the write first
so a failure can be shown with the coach's text still in place), so its first ``redo`` — the
one ``QUndoStack.push`` makes — does nothing. Later undo/redo calls go through the core
functions, which commit and queue an outbox row, so an undone change syncs like any other.

Commands outlive panes (the stack belongs to the context), so they never hold a widget. The
rows they change reach the panes through the store's change news, which arrives at once for a
commit made on the GUI thread (``observe.ui.changes``): by the time a command's core call has
returned, the timeline already shows the row as committed, so the next Ctrl+Z never acts on a
stale row. What the news can't know is where the coach's eye should go; that focus hint is the
command's own, given after the write. A change in a visit that isn't open first opens it,
because undo should show what it undid. A failure goes to ``VisitContext.command_failed``,
which the pane says as a sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from observe.capture.evidence import delete_evidence, restore_evidence, update_evidence
from observe.capture.visit_removal import RemovedVisit, delete_visit, restore_visit
from observe.capture.visits import end_visit, reopen_visit
from observe.store.models import EvidenceKind
from observe.ui.context import VisitContext
from observe.ui.ops import CoreOp

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class State:
    """The editable parts of an item; an edit command swaps one State for another."""

    text: str
    kind: EvidenceKind
    lookfor_ids: tuple[str, ...]
    #: (look-for id, "seen" | "not_yet"): what the item shows for its tags.
    marks: tuple[tuple[str, str], ...] = ()


class _Command(QUndoCommand):
    def __init__(self, context: VisitContext, visit_id: str, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.visit_id = visit_id
        self._first = True

    def _run(self, work: Callable[[], None], focus: str | None) -> None:
        def failed(_parent: object, exc: BaseException) -> None:
            # Reported as a sentence by the pane; the undo stack can't carry exceptions.
            log.warning("%s failed", self.text(), exc_info=(type(exc), exc, exc.__traceback__))
            self.context.command_failed.emit(exc)

        CoreOp(None, work, report=failed).success(lambda _: self._show(focus)).run_now()

    def _show(self, focus: str | None) -> None:
        """After the write (whose news already refreshed the views): where the eye goes."""
        if self.context.visit_id != self.visit_id:
            self.context.open_visit(self.visit_id, focus)
        elif focus:
            self.context.focus_evidence.emit(focus)


class CreateEvidence(_Command):
    def __init__(self, context: VisitContext, visit_id: str, evidence_id: str) -> None:
        super().__init__(
            context, visit_id, QCoreApplication.translate("UndoCommand", "Save evidence")
        )
        self.evidence_id = evidence_id

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(lambda: restore_evidence(self.context.store, self.evidence_id), self.evidence_id)

    def undo(self) -> None:
        self._run(lambda: delete_evidence(self.context.store, self.evidence_id), None)


class DeleteEvidence(_Command):
    def __init__(self, context: VisitContext, visit_id: str, ids: Sequence[str]) -> None:
        if len(ids) == 1:
            label = QCoreApplication.translate("UndoCommand", "Delete evidence")
        else:
            label = QCoreApplication.translate("UndoCommand", "Delete {count} evidence items")
            label = label.format(count=len(ids))
        super().__init__(context, visit_id, label)
        self.ids = tuple(ids)

    @staticmethod
    def apply(context: VisitContext, ids: Sequence[str]) -> None:
        for evidence_id in ids:
            delete_evidence(context.store, evidence_id)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(lambda: self.apply(self.context, self.ids), None)

    def undo(self) -> None:
        def work() -> None:
            for evidence_id in self.ids:
                restore_evidence(self.context.store, evidence_id)

        self._run(work, self.ids[0] if self.ids else None)


class EditEvidence(_Command):
    """Text, kind, tags or marks of one item; undo puts back exactly the previous State."""

    def __init__(
        self,
        context: VisitContext,
        visit_id: str,
        evidence_id: str,
        before: State,
        after: State,
        text: str = "Edit evidence",
    ) -> None:
        super().__init__(context, visit_id, text)
        self.evidence_id = evidence_id
        self.before = before
        self.after = after

    @staticmethod
    def apply(context: VisitContext, evidence_id: str, old: State, new: State) -> None:
        """Writes only what differs, so retagging can't trip over the text's checks."""
        update_evidence(
            context.store,
            evidence_id,
            text=new.text if new.text != old.text else None,
            kind=new.kind if new.kind != old.kind else None,
            lookfor_ids=new.lookfor_ids if new.lookfor_ids != old.lookfor_ids else None,
            lookfor_marks=dict(new.marks)
            if (new.marks, new.lookfor_ids) != (old.marks, old.lookfor_ids)
            else None,
        )

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(
            lambda: self.apply(self.context, self.evidence_id, self.before, self.after),
            self.evidence_id,
        )

    def undo(self) -> None:
        self._run(
            lambda: self.apply(self.context, self.evidence_id, self.after, self.before),
            self.evidence_id,
        )


class EndVisit(_Command):
    """Ending a visit is undoable too: a mis-pressed Ctrl+E mustn't close the record for good."""

    def __init__(self, context: VisitContext, visit_id: str) -> None:
        super().__init__(context, visit_id, QCoreApplication.translate("UndoCommand", "End visit"))

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(lambda: end_visit(self.context.store, self.visit_id), None)

    def undo(self) -> None:
        self._run(lambda: reopen_visit(self.context.store, self.visit_id), None)

    def _show(self, focus: str | None) -> None:
        """The pane re-reads the visit from the news; ending it needn't move the eye."""


class DeleteVisit(_Command):
    """Deleting a visit is undoable: its records come back as they were (only the half-typed
    draft does not), and the visit opens again so the coach sees what came back."""

    def __init__(self, context: VisitContext, removed: RemovedVisit) -> None:
        super().__init__(
            context, removed.visit_id, QCoreApplication.translate("UndoCommand", "Delete visit")
        )
        self.removed = removed
        self._deleted = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._delete, None)

    def undo(self) -> None:
        self._run(self._restore, None)

    def _delete(self) -> None:
        self.removed = delete_visit(self.context.store, self.visit_id)
        self._deleted = True

    def _restore(self) -> None:
        restore_visit(self.context.store, self.removed)
        self._deleted = False

    def _show(self, focus: str | None) -> None:
        if self._deleted:
            if self.context.visit_id == self.visit_id:
                self.context.open_visit(None)
        else:
            self.context.open_visit(self.visit_id)
