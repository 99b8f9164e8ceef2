"""Saving evidence: one short write transaction per item.

Each call commits before returning (synchronous=FULL), so when the UI shows an item as saved it
is on disk, together with its outbox row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from sqlalchemy import insert, select

from observe.capture.marks import stored_marks
from observe.clock import utcnow
from observe.errors import DamagedProfile, StorageError, UsageError, explain_storage_error
from observe.i18n import _
from observe.ids import new_id
from observe.safetext import clean_text
from observe.store import Store
from observe.store.models import (
    Evidence,
    EvidenceKind,
    LookFor,
    OutboxOp,
    Visibility,
    evidence_lookfor,
)
from observe.store.outbox import UPSERT, outbox_row
from observe.store.snapshot import snapshot_values

MAX_EVIDENCE_CHARS = 100_000


def checked_text(text: str) -> str:
    # A lone surrogate (a broken paste) can't be stored as UTF-8, synced or exported: U+FFFD
    # marks the spot and keeps the rest of what the coach typed.
    cleaned = clean_text(text).strip()
    if not cleaned:
        raise UsageError(_("An evidence item needs some text; nothing was saved."))
    if len(cleaned) > MAX_EVIDENCE_CHARS:
        raise UsageError(
            _(
                "This evidence item is {count:,} characters long; the limit is "
                "{MAX_EVIDENCE_CHARS:,}. Split it into several items; nothing was saved."
            ).format(count=len(cleaned), MAX_EVIDENCE_CHARS=MAX_EVIDENCE_CHARS)
        )
    return cleaned


def save_evidence(
    store: Store,
    visit_id: str,
    kind: EvidenceKind,
    text: str,
    *,
    lookfor_ids: Iterable[str] = (),
    lookfor_marks: Mapping[str, str] | None = None,
    observed_at: datetime | None = None,
    prompt_index: int | None = None,
    image_sha256: str | None = None,
) -> Evidence:
    """Stores one evidence item (with its outbox row) and returns it once committed.

    This is the capture line's Enter key, the hottest write in the app, so it inserts with Core
    instead of the ORM unit of work (about a millisecond less per save; see benchmarks/) and
    therefore writes its outbox row itself, in the same transaction.
    """
    body = checked_text(text)
    ids = list(dict.fromkeys(lookfor_ids))
    now = utcnow()
    row = {
        "id": new_id(),
        "author_id": store.identity.author_id,
        "device_id": store.identity.device_id,
        "created_at": now,
        "updated_at": now,
        "version": 0,
        "deleted": False,
        "visibility": Visibility.PRIVATE,
        "visit_id": visit_id,
        "observed_at": observed_at or now,
        "evidence_kind": kind,
        "text": body,
        "prompt_index": prompt_index,
        "lookfor_marks": None,
        "image_sha256": image_sha256,
    }
    try:
        return _insert(store, row, ids, lookfor_marks or {})
    except Exception as exc:
        known = explain_storage_error(exc, store.paths.database)
        if not isinstance(known, StorageError | DamagedProfile):
            raise
        raise type(known)(
            _(
                "{sentence} This evidence item was not saved; its text stays in the "
                "capture line, so press Enter again once the problem is fixed."
            ).format(sentence=known.sentence),
            detail=known.detail,
        ) from exc


def _insert(
    store: Store, row: dict[str, object], ids: list[str], marks: Mapping[str, str]
) -> Evidence:
    with store.write_core() as conn:
        if ids:
            known = set(conn.scalars(select(LookFor.id).where(LookFor.id.in_(ids))))
            ids = [i for i in ids if i in known]
        row["lookfor_marks"] = stored_marks(marks, ids)
        conn.execute(insert(Evidence.__table__), row)
        if ids:
            conn.execute(
                insert(evidence_lookfor), [{"evidence_id": row["id"], "lookfor_id": i} for i in ids]
            )
        snap = snapshot_values(Evidence, {**row, "lookfor_ids": ids})
        conn.execute(insert(OutboxOp.__table__), outbox_row("evidence", row["id"], UPSERT, 0, snap))
    return Evidence(**row)


def update_evidence(
    store: Store,
    evidence_id: str,
    *,
    text: str | None = None,
    kind: EvidenceKind | None = None,
    lookfor_ids: Iterable[str] | None = None,
    lookfor_marks: Mapping[str, str] | None = None,
) -> Evidence:
    """Changes what is given; the marks always end up limited to the item's tags, so untagging
    a look-for also forgets whether it was seen."""
    with store.write() as s:
        item = s.get_one(Evidence, evidence_id)
        if text is not None:
            item.text = checked_text(text)
        if kind is not None:
            item.evidence_kind = kind
        if lookfor_ids is not None:
            ids = list(dict.fromkeys(lookfor_ids))
            item.lookfors = list(s.scalars(select(LookFor).where(LookFor.id.in_(ids))))
        if lookfor_ids is not None or lookfor_marks is not None:
            tags = [lf.id for lf in item.lookfors]
            wanted = item.lookfor_marks if lookfor_marks is None else lookfor_marks
            marks = stored_marks(wanted or {}, tags)
            if marks != item.lookfor_marks:
                item.lookfor_marks = marks
    return item


def delete_evidence(store: Store, evidence_id: str) -> None:
    """Tombstones the item so the deletion can sync; it leaves search at once."""
    with store.write() as s:
        s.get_one(Evidence, evidence_id).deleted = True


def restore_evidence(store: Store, evidence_id: str) -> None:
    """Brings back a deleted item (undo of delete, redo of create); it syncs as an edit."""
    with store.write() as s:
        s.get_one(Evidence, evidence_id).deleted = False


def visit_evidence(store: Store, visit_id: str) -> list[Evidence]:
    """The visit's live evidence in time order, with tags loaded."""
    from sqlalchemy.orm import selectinload

    with store.read() as s:
        return list(
            s.scalars(
                select(Evidence)
                .where(Evidence.visit_id == visit_id, Evidence.deleted.is_(False))
                .options(selectinload(Evidence.lookfors))
                .order_by(Evidence.observed_at, Evidence.id)
            )
        )
