"""The store's change news as a Qt signal on the GUI thread.

``observe.store.changes`` publishes on whichever thread committed: the GUI thread for a typed
item, a worker for sync or a report's bookkeeping. This adapter hands each news item to the GUI
thread through a queued connection (always queued, even from the GUI thread itself, so news
arrives after the writer's own code has finished and announced what it already refreshed).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, Signal

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
            self._arrived.emit(news)

    def _deliver(self, news: Changes) -> None:
        self.changed.emit(news)

    def stop(self) -> None:
        """Stops listening (the store may outlive this object's owner)."""
        self._unsubscribe()
