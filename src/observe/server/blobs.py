"""Who may fetch a blob, and collecting the blobs no record names any more.

Authorization follows the records that name a blob (``record.blob_ref``), never the blob
alone: a coach fetches an image when a live record they may read names it (their own, or a
``team`` record of their school), exactly the records their pull brings. Teachers read only the
published copy of a sheet, which carries no image, and leaders and administrators read no
records, so none of them ever receives a blob. An image nobody may read is answered 404,
whether or not it is stored, so a hash tells a stranger nothing.

Uploading needs no such record (the record is pushed *after* its image), so any coach may
upload; what they upload is only readable through records that name it, and only through
records whose owner sent those bytes (``blob_holder``): a coach who learned another's image
hash and named it in a record of their own gets nothing. Bytes are stored once per hash, but
each account sends them once to prove it has them. A blob nothing names
is collected after a grace period: the collector marks when it first finds a blob unnamed and
deletes it once it has stayed unnamed for the whole period. Storing a blob, and asking about
one that is stored, restart its period, so an image uploaded just before its record is pushed
is never collected in between.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, delete, exists, insert, select, update
from sqlalchemy.exc import IntegrityError

from observe.server.accounts import Principal
from observe.server.blob_store import BlobStore
from observe.server.schema import blob, blob_holder, record

log = logging.getLogger(__name__)

GRACE = timedelta(days=7)
"""How long a blob stays after the last record naming it went: room for an undo, a restored
record, and a coach's other device that has not synced yet."""


def may_fetch(conn: Connection, principal: Principal, sha: str) -> bool:
    """A live record the caller may read names the blob, and its owner sent the bytes."""
    if principal.role != "coach":
        return False
    named = (
        select(record.c.id)
        .join(
            blob_holder,
            (blob_holder.c.sha256 == record.c.blob_ref)
            & (blob_holder.c.account_id == record.c.owner_id),
        )
        .where(
            record.c.blob_ref == sha,
            record.c.deleted.is_(False),
            (record.c.owner_id == principal.user_id)
            | ((record.c.school_id == principal.school_id) & (record.c.visibility == "team")),
        )
    )
    return conn.execute(named.limit(1)).first() is not None


def holds(engine: Engine, principal: Principal, sha: str) -> bool:
    with engine.connect() as conn:
        found = conn.execute(
            select(blob_holder.c.sha256).where(
                blob_holder.c.sha256 == sha, blob_holder.c.account_id == principal.user_id
            )
        ).first()
    return found is not None


def add_holder(engine: Engine, principal: Principal, sha: str, now: datetime) -> None:
    """Notes that the caller sent the blob's bytes (idempotent)."""
    if holds(engine, principal, sha):
        return
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(blob_holder).values(sha256=sha, account_id=principal.user_id, created_at=now)
            )
    except IntegrityError:  # the same account's other device, at the same moment
        pass


def renew(engine: Engine, sha: str, now: datetime) -> None:
    """Restarts a stored blob's grace period (it was just stored, or asked about). A blob
    the collector has not seen yet has no row: its period starts when the collector first
    finds it unnamed, which is later still."""
    with engine.begin() as conn:
        conn.execute(
            update(blob)
            .where(blob.c.sha256 == sha, blob.c.unreferenced_since.is_not(None))
            .values(unreferenced_since=now)
        )


@dataclass(frozen=True)
class Collected:
    kept: int
    marked: int
    removed: int
    removed_bytes: int
    partials_removed: int

    def sentence(self, grace: timedelta) -> str:
        from observe.i18n import _

        return _(
            "Removed {removed} images no record has named for {days} days ({mb} MB) and "
            "{partials} abandoned uploads; {marked} more are unnamed and wait out their grace "
            "period; {kept} are in use."
        ).format(
            removed=self.removed,
            days=f"{grace.total_seconds() / 86400:g}",
            mb=f"{self.removed_bytes / (1024 * 1024):.1f}",
            partials=self.partials_removed,
            marked=self.marked,
            kept=self.kept,
        )


def _named(conn: Connection, sha: str) -> bool:
    stmt = select(exists().where(record.c.blob_ref == sha, record.c.deleted.is_(False)))
    return bool(conn.execute(stmt).scalar())


def collect(engine: Engine, store: BlobStore, now: datetime, grace: timedelta = GRACE) -> Collected:
    """One pass of the collector (``observe-server blobs gc``); ``now`` is injected so tests
    can let the grace period pass."""
    kept = marked = removed = removed_bytes = partials = 0
    with engine.connect() as conn:
        named = {
            r[0]
            for r in conn.execute(
                select(record.c.blob_ref)
                .where(record.c.blob_ref.is_not(None), record.c.deleted.is_(False))
                .distinct()
            )
        }
        rows = {r.sha256: r.unreferenced_since for r in conn.execute(select(blob))}
    on_disk = set()
    for sha, path in store.all_blobs():
        on_disk.add(sha)
        size = path.stat().st_size
        since = rows.get(sha)
        with engine.begin() as conn:
            if sha in named:
                kept += 1
                if sha not in rows:
                    conn.execute(insert(blob).values(sha256=sha, size=size, created_at=now))
                elif since is not None:
                    conn.execute(
                        update(blob).where(blob.c.sha256 == sha).values(unreferenced_since=None)
                    )
                continue
            if sha not in rows:
                conn.execute(
                    insert(blob).values(
                        sha256=sha, size=size, created_at=now, unreferenced_since=now
                    )
                )
                marked += 1
                continue
            if since is None:
                conn.execute(
                    update(blob).where(blob.c.sha256 == sha).values(unreferenced_since=now)
                )
                marked += 1
                continue
            if now - since < grace or _named(conn, sha):  # named again since the first read
                marked += 1
                continue
            store.remove(sha)
            conn.execute(delete(blob).where(blob.c.sha256 == sha))
            conn.execute(delete(blob_holder).where(blob_holder.c.sha256 == sha))
            removed += 1
            removed_bytes += size
    gone = set(rows) - on_disk
    if gone:
        with engine.begin() as conn:
            conn.execute(delete(blob).where(blob.c.sha256.in_(sorted(gone))))
    now_ts = now.timestamp()
    for part in store.partials():
        try:
            mtime = part.stat().st_mtime
        except FileNotFoundError:
            continue
        if now_ts - mtime >= grace.total_seconds():  # an upload abandoned that long ago
            part.unlink(missing_ok=True)
            partials += 1
    log.info("blob collector: kept %d, marked %d, removed %d", kept, marked, removed)
    return Collected(kept, marked, removed, removed_bytes, partials)
