"""Changing saved evidence from the timeline: edit, re-kind, retag, delete.

Each change is written first (so a failure can be reported with nothing half-done), then pushed
on the undo stack as an already-applied command. The touched rows are re-read from the store
when its change news names them (:meth:`TimelineEditor.show_news`, at once for a write made on
the GUI thread), so the timeline only ever shows committed state, whoever wrote it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from observe.capture import marks
from observe.capture.timeline import Item, load_item, lookfor_codes, visit_items
from observe.coaching.open_visit import VisitInfo
from observe.store.changes import Changes
from observe.ui.capture import commands
from observe.ui.capture.timeline_view import TimelineView
from observe.ui.context import SAVED, VisitContext
from observe.ui.ops import CoreOp, Outcome

T = TypeVar("T")

#: Beyond this many changed items in one commit (a sync pull, a bulk load) re-reading the whole
#: visit at once is cheaper than one query per item.
ROW_BY_ROW = 50


class TimelineEditor(QObject):
    def __init__(
        self,
        context: VisitContext,
        view: TimelineView,
        report: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.view = view
        self.model = view.timeline()
        self.report = report
        self.info: VisitInfo | None = None
        self.model.edit_requested.connect(lambda i, c: self.edit(i, c, self.tr("Edit evidence")))

    def _now(self, call: Callable[[], T]) -> Outcome[T]:
        """A capture write or re-read: milliseconds, so on the GUI thread; failures reported."""
        return CoreOp(None, call, report=lambda _parent, exc: self.report(exc)).run_now()

    def load(self, info: VisitInfo | None, items: list[Item]) -> None:
        self.info = info
        if info is None:
            self.model.load([], None, {})
            return
        tags = {t.id: t for t in info.tags}
        extra = {i for item in items for i in item.lookfor_ids if i not in tags}
        tags.update(lookfor_codes(self.store, extra))
        self.model.load(items, info.started_at, tags, info.prompts, ended_at=info.ended_at)

    def reload(self) -> None:
        """Re-reads the whole visit after a change made elsewhere (sync, another screen)."""
        if self.info is None:
            return
        keep = self.view.current_id()
        visit_id = self.info.id
        loaded = self._now(lambda: visit_items(self.store, visit_id))
        if not loaded.ok or loaded.value is None:
            return
        self.load(self.info, loaded.value)
        if keep:
            self.view.select_id(keep)

    def show_news(self, news: Changes) -> None:
        """Updates just the rows a commit changed (the whole visit when it can't say which)."""
        if self.info is None or "evidence" not in news.kinds:
            return
        ids = news.ids.get("evidence")
        if ids is None or len(ids) > ROW_BY_ROW:
            self.reload()
            return
        for evidence_id in sorted(ids):
            self.refresh_item(evidence_id)

    def refresh_item(self, evidence_id: str, *, select: bool = False) -> None:
        """Shows the item exactly as committed (or drops it if it is now deleted or is not
        this visit's)."""
        loaded = self._now(lambda: load_item(self.store, evidence_id))
        if not loaded.ok or loaded.value is None:
            return
        visit_id, item = loaded.value
        if item is None or self.info is None or visit_id != self.info.id:
            self.model.remove(evidence_id)
            return
        extra = {i for i in item.lookfor_ids if not self.model.known_tag(i)}
        if extra:
            self.model.add_tags(lookfor_codes(self.store, extra))
        self.model.upsert(item)
        if select:
            self.view.select_id(evidence_id)

    def edit_selected(self) -> None:
        """F2: the selected item, or the newest one (the usual typo is in the last line)."""
        evidence_id = self.view.current_id()
        if evidence_id is None and self.model.rowCount():
            evidence_id = self.model.item(self.model.rowCount() - 1).id
        if evidence_id is not None:
            self.view.edit_text(evidence_id)

    def delete_selected(self) -> None:
        info = self.info
        ids = self.view.selected_ids()
        if info is None or not ids:
            return
        row = self.model.row_of(ids[0]) or 0
        if not self._now(lambda: commands.DeleteEvidence.apply(self.context, ids)).ok:
            self.reload()
            return
        self.context.undo_stack.push(commands.DeleteEvidence(self.context, info.id, ids))
        if self.model.rowCount():  # the news has taken the rows out; the next one is chosen
            self.view.select_id(self.model.item(min(row, self.model.rowCount() - 1)).id)
        self.context.set_save_state(SAVED)

    def toggle_tag(self, evidence_id: str, lookfor_id: str) -> None:
        """One press of a look-for's key on a saved item: about → ✓ seen → ○ not yet → off."""
        item = self.model.find(evidence_id)
        if item is None:
            return
        ids, new_marks = marks.step(item.lookfor_ids, item.mark_map(), lookfor_id)
        state = marks.state_of(ids, new_marks, lookfor_id)
        label = {
            None: self.tr("Remove look-for"),
            marks.ABOUT: self.tr("Tag evidence"),
            marks.SEEN: self.tr("Mark look-for seen"),
            marks.NOT_YET: self.tr("Mark look-for not yet seen"),
        }[state]
        changes = {"lookfor_ids": ids, "marks": tuple(sorted(new_marks.items()))}
        self.edit(evidence_id, changes, label)

    def edit(self, evidence_id: str, changes: dict[str, Any], label: str) -> None:
        info = self.info
        item = self.model.find(evidence_id)
        if info is None or item is None:
            return
        before = commands.State(item.text, item.kind, item.lookfor_ids, item.marks)
        after = commands.State(
            text=str(changes.get("text", item.text)).strip(),
            kind=changes.get("kind", item.kind),
            lookfor_ids=tuple(changes.get("lookfor_ids", item.lookfor_ids)),
            marks=tuple(changes.get("marks", item.marks)),
        )
        if after == before:
            return
        if not self._now(
            lambda: commands.EditEvidence.apply(self.context, evidence_id, before, after)
        ).ok:
            return
        self.context.undo_stack.push(
            commands.EditEvidence(self.context, info.id, evidence_id, before, after, label)
        )
        self.view.select_id(evidence_id)  # the news has shown the row as committed
        self.context.set_save_state(SAVED)
