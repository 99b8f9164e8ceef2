"""What every capture-window widget shares: the store, the open visit, undo, and change news.

Widgets never talk to each other directly; they talk to the context. The navigator asks it to
open a visit, the capture pane and the participation panel follow ``visit_changed``, and any
widget's view refreshes through ``records_changed``, fed by the store's change news after every
commit (``observe.ui.changes``), so a writer that forgets to announce leaves no view stale. One
``QUndoStack`` holds every undoable change (evidence and tallies alike), so Ctrl+Z undoes the
last thing the coach did wherever they did it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from observe.store import Store
from observe.store.changes import Changes
from observe.store.models import SYNC_MODELS
from observe.ui.changes import StoreNews

SAVED = "All changes saved"
SAVING = "Saving…"


class VisitContext(QObject):
    #: The visit now open (its id), or None when no visit is open.
    visit_changed = Signal(object)
    #: A record kind ("evidence", "visit", "participation_event", "seat", "teacher", ...) whose
    #: records changed; views showing that kind reload.
    records_changed = Signal(str)
    #: Like ``records_changed``, for changes made on this computer only (not pulled by sync):
    #: what the sync controller counts as something to send.
    local_records_changed = Signal(str)
    #: Ask the capture pane to select this evidence item once its visit is shown.
    focus_evidence = Signal(str)
    #: Text for the status bar's save-state label.
    save_state_changed = Signal(str)
    #: Look-for hotkey (1–9) pressed or clicked in the look-for panel.
    lookfor_toggled = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.visit_id: str | None = None
        self.undo_stack = QUndoStack(self)
        self.save_state = SAVED
        #: kind -> the store's change-news seq when a writer last announced it: news no newer
        #: than that was already shown, so it doesn't reload the same views a second time.
        self._announced: dict[str, int] = {}
        self.news = StoreNews(store, self)
        self.news.changed.connect(self._store_changed)

    def open_visit(self, visit_id: str | None, evidence_id: str | None = None) -> None:
        if visit_id != self.visit_id:
            self.visit_id = visit_id
            self.visit_changed.emit(visit_id)
        if evidence_id:
            self.focus_evidence.emit(evidence_id)

    def announce(self, kind: str) -> None:
        """Refreshes views of ``kind`` now, ahead of the store's news of the same commit."""
        self._announced[kind] = self.store.changes.last_seq
        self.records_changed.emit(kind)
        self.local_records_changed.emit(kind)

    def _store_changed(self, news: Changes) -> None:
        for kind in news.in_order():
            if self._announced.get(kind, 0) >= news.seq:
                continue
            self.records_changed.emit(kind)
            if not news.remote:
                self.local_records_changed.emit(kind)

    def announce_all(self) -> None:
        """Tells every view that any kind may have changed: after a bulk write (demo data)."""
        for model in SYNC_MODELS:
            self.records_changed.emit(model.kind)

    def set_save_state(self, text: str) -> None:
        if text != self.save_state:
            self.save_state = text
            self.save_state_changed.emit(text)
