"""Saving evidence: one short write transaction per item.

Each call commits before returning (synchronous=FULL), so when the UI shows an item as saved it
is on disk, together with its outbox row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select

from observe.clock import utcnow
from observe.errors import UsageError
from observe.store import Store
from observe.store.models import Evidence, EvidenceKind, LookFor

MAX_EVIDENCE_CHARS = 100_000


def _checked_text(text: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise UsageError("An evidence item needs some text; nothing was saved.")
    if len(cleaned) > MAX_EVIDENCE_CHARS:
        raise UsageError(
            f"This evidence item is {len(cleaned):,} characters long; the limit is "
            f"{MAX_EVIDENCE_CHARS:,}. Split it into several items; nothing was saved."
        )
    return cleaned


def save_evidence(
    store: Store,
    visit_id: str,
    kind: EvidenceKind,
    text: str,
    *,
    lookfor_ids: Iterable[str] = (),
    observed_at: datetime | None = None,
    prompt_index: int | None = None,
) -> Evidence:
    """Stores one evidence item and returns it once committed."""
    body = _checked_text(text)
    ids = list(dict.fromkeys(lookfor_ids))
    with store.write() as s:
        lookfors = list(s.scalars(select(LookFor).where(LookFor.id.in_(ids)))) if ids else []
        item = Evidence(
            visit_id=visit_id,
            evidence_kind=kind,
            text=body,
            observed_at=observed_at or utcnow(),
            prompt_index=prompt_index,
            lookfors=lookfors,
        )
        s.add(item)
    return item


def update_evidence(
    store: Store,
    evidence_id: str,
    *,
    text: str | None = None,
    kind: EvidenceKind | None = None,
    lookfor_ids: Iterable[str] | None = None,
) -> Evidence:
    with store.write() as s:
        item = s.get_one(Evidence, evidence_id)
        if text is not None:
            item.text = _checked_text(text)
        if kind is not None:
            item.evidence_kind = kind
        if lookfor_ids is not None:
            ids = list(dict.fromkeys(lookfor_ids))
            item.lookfors = list(s.scalars(select(LookFor).where(LookFor.id.in_(ids))))
    return item


def delete_evidence(store: Store, evidence_id: str) -> None:
    """Tombstones the item so the deletion can sync; it leaves search at once."""
    with store.write() as s:
        s.get_one(Evidence, evidence_id).deleted = True
