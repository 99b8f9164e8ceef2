"""Undoable evidence changes, on the one undo stack the capture window shares.

Every command is built *after* its first application succeeded (the pane does the write first
so a failure can be shown with the coach's text still in place), so its first ``redo`` — the
one ``QUndoStack.push`` makes — does nothing. Later undo/redo calls go through the core
functions, which commit and queue an outbox row, so an undone change syncs like any other.

Commands outlive panes (the stack belongs to the context), so they never hold a widget. They
report through :class:`EvidenceNews`, a small object owned by the context that every pane
listens to; a change in a visit that isn't open first opens it, because undo should show what
it undid.

The store's change news (``VisitContext.records_changed``) does not replace this: it arrives
queued, after the key press has been handled, and names a kind, so it would leave the timeline
showing the old text until the next event and then re-read the whole visit. ``EvidenceNews``
refreshes the one item at once, and :func:`announce` keeps the pane from re-reading the visit it
has just updated itself (the store's news for that commit is then skipped as already shown).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from observe.capture.evidence import delete_evidence, restore_evidence, update_evidence
from observe.capture.visit_removal import KINDS as VISIT_KINDS
from observe.capture.visit_removal import RemovedVisit, delete_visit, restore_visit
from observe.capture.visits import end_visit, reopen_visit
from observe.store.models import EvidenceKind
from observe.ui.context import VisitContext
from observe.ui.ops import CoreOp

log = logging.getLogger(__name__)

NEWS_NAME = "capture-evidence-news"


class EvidenceNews(QObject):
    """What undo and redo changed, for whichever pane shows that visit."""

    #: (visit id, evidence id): re-read this item; it may now be deleted.
    changed = Signal(str, str)
    #: (visit id): the visit's own fields (end time) changed.
    visit_changed = Signal(str)
    #: An undo or redo failed; the pane shows the sentence.
    failed = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(NEWS_NAME)
        #: True while this module announces, so panes skip reloading what they just updated.
        self.announcing = False


def news_for(context: VisitContext) -> EvidenceNews:
    found = context.findChild(EvidenceNews, NEWS_NAME)
    return found if isinstance(found, EvidenceNews) else EvidenceNews(context)


def announce(context: VisitContext, kind: str) -> None:
    news = news_for(context)
    news.announcing = True
    try:
        context.announce(kind)
    finally:
        news.announcing = False


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
        news = news_for(self.context)

        def failed(_parent: object, exc: BaseException) -> None:
            # Reported as a sentence through the news; the undo stack can't carry exceptions.
            log.warning("%s failed", self.text(), exc_info=(type(exc), exc, exc.__traceback__))
            news.failed.emit(exc)

        CoreOp(None, work, report=failed).success(lambda _: self._show(news, focus)).run_now()

    def _show(self, news: EvidenceNews, focus: str | None) -> None:
        raise NotImplementedError

    def _evidence_shown(self, news: EvidenceNews, ids: Sequence[str], focus: str | None) -> None:
        if self.context.visit_id != self.visit_id:
            self.context.open_visit(self.visit_id, focus)
        else:
            for evidence_id in ids:
                news.changed.emit(self.visit_id, evidence_id)
            if focus:
                self.context.focus_evidence.emit(focus)
        announce(self.context, "evidence")


class CreateEvidence(_Command):
    def __init__(self, context: VisitContext, visit_id: str, evidence_id: str) -> None:
        super().__init__(context, visit_id, "Save evidence")
        self.evidence_id = evidence_id

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(lambda: restore_evidence(self.context.store, self.evidence_id), self.evidence_id)

    def undo(self) -> None:
        self._run(lambda: delete_evidence(self.context.store, self.evidence_id), None)

    def _show(self, news: EvidenceNews, focus: str | None) -> None:
        self._evidence_shown(news, [self.evidence_id], focus)


class DeleteEvidence(_Command):
    def __init__(self, context: VisitContext, visit_id: str, ids: Sequence[str]) -> None:
        label = "Delete evidence" if len(ids) == 1 else f"Delete {len(ids)} evidence items"
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

    def _show(self, news: EvidenceNews, focus: str | None) -> None:
        self._evidence_shown(news, self.ids, focus)


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

    def _show(self, news: EvidenceNews, focus: str | None) -> None:
        self._evidence_shown(news, [self.evidence_id], focus)


class EndVisit(_Command):
    """Ending a visit is undoable too: a mis-pressed Ctrl+E mustn't close the record for good."""

    def __init__(self, context: VisitContext, visit_id: str) -> None:
        super().__init__(context, visit_id, "End visit")

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(lambda: end_visit(self.context.store, self.visit_id), None)

    def undo(self) -> None:
        self._run(lambda: reopen_visit(self.context.store, self.visit_id), None)

    def _show(self, news: EvidenceNews, focus: str | None) -> None:
        news.visit_changed.emit(self.visit_id)
        announce(self.context, "visit")


class DeleteVisit(_Command):
    """Deleting a visit is undoable: its records come back as they were (only the half-typed
    draft does not), and the visit opens again so the coach sees what came back."""

    def __init__(self, context: VisitContext, removed: RemovedVisit) -> None:
        super().__init__(context, removed.visit_id, "Delete visit")
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

    def _show(self, news: EvidenceNews, focus: str | None) -> None:
        if self._deleted:
            if self.context.visit_id == self.visit_id:
                self.context.open_visit(None)
        else:
            self.context.open_visit(self.visit_id)
        for kind in VISIT_KINDS:
            announce(self.context, kind)
