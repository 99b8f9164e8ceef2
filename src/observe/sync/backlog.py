"""How many local changes are still waiting to be sent: the sync status label's figure.

The label asks this from the GUI thread; it is one count over the outbox, read without a
transaction so it never waits behind a sync's write.
"""

from __future__ import annotations

from observe.store import Store
from observe.sync.push import outbox_count


def waiting_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return outbox_count(conn)
