"""The store's change news as a Qt signal on the GUI thread.

``observe.store.changes`` publishes on whichever thread committed: the GUI thread for a typed
item or an undo, a worker for sync, a bulk load or a report's bookkeeping.

- A commit made on the GUI thread is delivered at once, before the core call returns to the
  screen that made it. Undo and redo depend on that: the timeline must show the row an undo
  just changed before the next key press, or the next Ctrl+Z would act on a stale row; and the
  writer can then put focus on the item the views already show.
- A commit made on another thread is handed over through a queued connection, so views are
  only ever touched on the GUI thread.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, QThread, Signal

from observe.store import Store
from observe.store.changes import Changes


class StoreNews(QObject):
    #: One :class:`~observe.store.changes.Changes` per committed write, on the GUI thread.
    changed = Signal(object)
    _arrived = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = store.changes.subscribe(self._hear)
        self.destroyed.connect(self._unsubscribe)

    def _hear(self, news: Changes) -> None:
        # Any thread. A news item racing this object's deletion has nobody left to tell.
        with contextlib.suppress(RuntimeError):
            if QThread.currentThread() is self.thread():
                self.changed.emit(news)
            else:
                self._arrived.emit(news)

    def _deliver(self, news: Changes) -> None:
        self.changed.emit(news)

    def stop(self) -> None:
        """Stops listening (the store may outlive this object's owner)."""
        self._unsubscribe()
