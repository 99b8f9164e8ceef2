"""What every capture-window widget shares: the store, the open visit, undo, and change news.

Widgets never talk to each other directly; they talk to the context. The navigator asks it to
open a visit, the capture pane and the participation panel follow ``visit_changed``, and any
widget that writes tells the others through ``records_changed`` so their views refresh. One
``QUndoStack`` holds every undoable change (evidence and tallies alike), so Ctrl+Z undoes the
last thing the coach did wherever they did it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from observe.store import Store
from observe.store.models import SYNC_MODELS

SAVED = "All changes saved"
SAVING = "Saving…"


class VisitContext(QObject):
    #: The visit now open (its id), or None when no visit is open.
    visit_changed = Signal(object)
    #: A record kind ("evidence", "visit", "participation_event", "seat", "teacher", ...) whose
    #: records changed; views showing that kind reload.
    records_changed = Signal(str)
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

    def open_visit(self, visit_id: str | None, evidence_id: str | None = None) -> None:
        if visit_id != self.visit_id:
            self.visit_id = visit_id
            self.visit_changed.emit(visit_id)
        if evidence_id:
            self.focus_evidence.emit(evidence_id)

    def announce(self, kind: str) -> None:
        self.records_changed.emit(kind)

    def announce_all(self) -> None:
        """Tells every view that any kind may have changed: after a bulk write (demo data)."""
        for model in SYNC_MODELS:
            self.records_changed.emit(model.kind)

    def set_save_state(self, text: str) -> None:
        if text != self.save_state:
            self.save_state = text
            self.save_state_changed.emit(text)
