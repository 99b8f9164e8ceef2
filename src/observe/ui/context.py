"""What every capture-window widget shares: the store, the open visit, undo, and change news.

Widgets never talk to each other directly; they talk to the context. The navigator asks it to
open a visit, the capture pane and the participation panel follow ``visit_changed``, and any
widget's view refreshes through ``records_changed`` (or ``store_changed`` when it wants the ids),
fed by the store's change news after every commit (``observe.ui.changes``): views refresh
because data changed, so no writer has to say what it wrote. One ``QUndoStack`` holds every
undoable change (evidence and tallies alike), so Ctrl+Z undoes the last thing the coach did
wherever they did it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from observe.store import Store
from observe.store.changes import Changes
from observe.ui.changes import StoreNews

SAVED = QT_TRANSLATE_NOOP("VisitContext", "All changes saved")
SAVING = QT_TRANSLATE_NOOP("VisitContext", "Saving…")


class VisitContext(QObject):
    #: The visit now open (its id), or None when no visit is open.
    visit_changed = Signal(object)
    #: A record kind ("evidence", "visit", "participation_event", "seat", "teacher", ...) whose
    #: records changed; views showing that kind reload.
    records_changed = Signal(str)
    #: Like ``records_changed``, for changes made on this computer only (not pulled by sync):
    #: what the sync controller counts as something to send.
    local_records_changed = Signal(str)
    #: The store's news itself (:class:`~observe.store.changes.Changes`, with the ids), for
    #: views that update only the rows that changed; emitted before ``records_changed``.
    store_changed = Signal(object)
    #: Ask the capture pane to select this evidence item once its visit is shown.
    focus_evidence = Signal(str)
    #: An undo or redo failed (the exception); the capture pane says it as a sentence.
    command_failed = Signal(object)
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
        self.news = StoreNews(store, self)
        self.news.changed.connect(self._store_changed)

    def open_visit(self, visit_id: str | None, evidence_id: str | None = None) -> None:
        if visit_id != self.visit_id:
            self.visit_id = visit_id
            self.visit_changed.emit(visit_id)
        if evidence_id:
            self.focus_evidence.emit(evidence_id)

    def _store_changed(self, news: Changes) -> None:
        self.store_changed.emit(news)
        for kind in news.in_order():
            self.records_changed.emit(kind)
            if not news.remote:
                self.local_records_changed.emit(kind)

    def set_save_state(self, text: str) -> None:
        if text != self.save_state:
            self.save_state = text
            # The save states are marked for translation where they are defined (SAVED,
            # SAVING, NOT_SAVED) and said in the coach's language here.
            self.save_state_changed.emit(QCoreApplication.translate("VisitContext", text))
