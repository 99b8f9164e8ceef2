"""Recovery after the server was restored from a backup or replaced by an empty one.

The server may now lack changes it once acknowledged, so its versions and sequence numbers can
no longer be trusted against ours. Local data is never deleted: every record this coach owns
is queued again as a recovery op (``base_version`` null, ``client_version`` = our version), and
the server applies what it lacks, reports the rest as duplicates, and keeps both versions where
they really differ. Then the pull starts over from zero.

The work is done in chunks of short transactions, so the app's capture never waits long on
the database lock. It is idempotent: a recovery interrupted half-way is simply done again on
the next sync, because the new server identity is stored only at the very end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import and_, exists, insert, select, update

from observe.store import Store
from observe.store.models import SYNC_MODELS, OutboxOp
from observe.store.outbox import DELETE, UPSERT, outbox_row
from observe.sync.push import RECOVERY_BASE, RECOVERY_UNCHANGED
from observe.sync.records import local_snapshot, snapshots, table

log = logging.getLogger(__name__)

CHUNK = 2000
_outbox = OutboxOp.__table__


def queue_recovery(
    store: Store, user_id: str | None, should_cancel: Callable[[], bool] = lambda: False
) -> int:
    """Turns pending ops into recovery ops and queues every own record; returns ops queued."""
    queued = 0
    # 1. Pending changes were made on versions of the old server: send them as recovery ops.
    #    A pending edit is one step newer than the version it was made on.
    while True:
        with store.write_core() as conn:
            rows = list(
                conn.execute(
                    select(_outbox)
                    .where(_outbox.c.base_version >= 0)
                    .order_by(_outbox.c.seq)
                    .limit(CHUNK)
                )
            )
            for row in rows:
                snap: dict[str, Any] = dict(row.snapshot or {})
                if not snap:
                    snap = local_snapshot(conn, row.record_kind, row.record_id) or {}
                snap["version"] = row.base_version + 1
                conn.execute(
                    update(_outbox)
                    .where(_outbox.c.seq == row.seq)
                    .values(base_version=RECOVERY_BASE, snapshot=snap)
                )
            queued += len(rows)
        if len(rows) < CHUNK:
            break
    # 2. Every record of ours without a pending op, parents first. Tombstones the server
    #    never saw (version 0) stay local.
    for model in SYNC_MODELS:
        t = table(model)
        after = ""
        while True:
            if should_cancel():
                return queued
            with store.write_core() as conn:
                pending = exists().where(
                    and_(_outbox.c.record_kind == model.kind, _outbox.c.record_id == t.c.id)
                )
                query = (
                    select(t)
                    .where(t.c.id > after, ~pending, ~and_(t.c.deleted.is_(True), t.c.version == 0))
                    .order_by(t.c.id)
                    .limit(CHUNK)
                )
                if user_id is not None:
                    query = query.where(t.c.author_id == user_id)
                rows = list(conn.execute(query))
                if not rows:
                    break
                after = rows[-1].id
                snaps = snapshots(conn, model, rows)
                out = []
                for row, snap in zip(rows, snaps, strict=True):
                    op = DELETE if row.deleted else UPSERT
                    out.append(outbox_row(model.kind, row.id, op, RECOVERY_UNCHANGED, snap))
                conn.execute(insert(_outbox), out)
                queued += len(out)
    log.info("recovery: %d ops queued", queued)
    return queued
