"""Images of student work that came by sync, fetched when the timeline first shows them.

Pulling a record does not bring its image (``observe.sync.blobs``): the timeline asks for the
file, and when it is not here yet this starts one background download and shows the row's
placeholder meanwhile. When the file arrives the timeline is told to draw it. Offline, the
download gives up quietly (the placeholder says the image is not here yet) and is tried again
a minute later at the earliest, so scrolling never queues a storm of requests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from observe.store import Store
from observe.ui.ops import CoreOp

if TYPE_CHECKING:
    from observe.sync.blobs import Fetched

RETRY_AFTER_S = 60.0


class LazyImages:
    def __init__(self, store: Store, parent: QWidget, on_arrival: Callable[[], None]) -> None:
        self.store = store
        self.parent = parent
        self.on_arrival = on_arrival
        self._asked: dict[str, float] = {}

    def path(self, sha: str) -> Path | None:
        """The image's file, or None while it is being (or could not be) downloaded."""
        # Here, not at the top: the module brings Pillow, which opening the window doesn't need.
        from observe.capture.attach import image_file

        found = image_file(self.store, sha)
        if found is None:
            self._fetch(sha)
        return found

    def _fetch(self, sha: str) -> None:
        now = time.monotonic()
        last = self._asked.get(sha)
        if last is not None and now - last < RETRY_AFTER_S:
            return
        self._asked[sha] = now
        from observe.sync.blobs import fetch_missing  # the HTTP client: not at window start

        CoreOp(self.parent, lambda: fetch_missing(self.store, [sha]), name="fetch image").success(
            self._arrived
        ).run_in_background()

    def _arrived(self, result: Fetched) -> None:
        if result.fetched:
            self.on_arrival()
