"""Which image (blob) a record's snapshot names, kept in ``record.blob_ref``.

An artifact's image travels as ``data.image_sha256`` (the SHA-256 of its stripped JPEG). The
server copies it into an indexed column on every push and restore (and migration ``0009``
fills it for existing records), so two questions are one index lookup each: may this caller
fetch the blob (is it named by a live record they may read?) and is the blob still named at
all (the collector, ``observe.server.blob_gc``)? Any kind may name an image; tombstones name
none, so deleting the last record that names a blob starts its grace period.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from observe.server.schema import record

FIELD = "image_sha256"
_SHA = re.compile(r"[0-9a-f]{64}")


def is_sha256(value: object) -> bool:
    return isinstance(value, str) and _SHA.fullmatch(value) is not None


def blob_ref_of(data: Any, deleted: bool) -> str | None:
    """The blob a snapshot names, or None (a tombstone, or no well-formed name)."""
    if deleted or not isinstance(data, dict):
        return None
    value = data.get(FIELD)
    return value if is_sha256(value) else None


def recompute(conn: Connection, batch: int = 5000) -> None:
    """Sets ``blob_ref`` of every record from its snapshot (migration ``0009``, restores),
    one id-ordered batch at a time."""
    last = ""
    while True:
        rows = conn.execute(
            select(record.c.id, record.c.deleted, record.c.data, record.c.blob_ref)
            .where(record.c.id > last)
            .order_by(record.c.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        last = rows[-1].id
        changes = [
            {"b_id": r.id, "b_ref": ref}
            for r in rows
            if (ref := blob_ref_of(r.data, bool(r.deleted))) != r.blob_ref
        ]
        if changes:
            conn.execute(
                update(record)
                .where(record.c.id == bindparam("b_id"))
                .values(blob_ref=bindparam("b_ref")),
                changes,
            )
