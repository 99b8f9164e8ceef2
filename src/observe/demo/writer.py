"""Batched Core inserts of demo rows with their outbox rows, reporting progress."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import JSON, insert, null
from sqlalchemy.orm import Session

from observe.errors import ObserveError
from observe.store.models import (
    SYNC_MODELS,
    Evidence,
    OutboxOp,
    SyncRecord,
    evidence_lookfor,
)
from observe.store.outbox import bulk_outbox_rows

log = logging.getLogger(__name__)


ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


class DemoCancelled(ObserveError):
    """Loading was cancelled; the transaction was rolled back, so the profile is still empty."""


# --- writing ---------------------------------------------------------------------------------


class BatchWriter:
    """Buffers rows and inserts them (records, tags, outbox) in batches, reporting progress."""

    def __init__(
        self,
        session: Session,
        total: int,
        progress: ProgressFn | None,
        should_cancel: CancelFn | None,
    ) -> None:
        self.session = session
        self.total = total
        self.progress = progress
        self.should_cancel = should_cancel
        # About fifty progress steps, whatever the size; small batches for small demos.
        self.batch = max(250, min(10_000, total // 50))
        self.buffers: dict[type[SyncRecord], list[dict[str, Any]]] = {m: [] for m in SYNC_MODELS}
        self.evidence_tags: list[list[str]] = []
        self.pending = 0
        self.done = 0
        self.counts: Counter[str] = Counter({m.kind: 0 for m in SYNC_MODELS})
        self._checked: set[type[SyncRecord]] = set()
        self._json_columns: dict[type[SyncRecord], list[str]] = {}

    def add(self, model: type[SyncRecord], row: dict[str, Any], tags: Sequence[str] = ()) -> None:
        self.buffers[model].append(row)
        if model is Evidence:
            self.evidence_tags.append(list(tags))
        self.pending += 1
        if self.pending >= self.batch:
            self.flush()

    def flush(self) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise DemoCancelled("Loading the demo data was cancelled; nothing was added.")
        for model in SYNC_MODELS:
            rows = self.buffers[model]
            if not rows:
                continue
            self._check_columns(model, rows[0])
            self.session.execute(insert(model.__table__), self._sql_nulls(model, rows))
            snaps: list[dict[str, Any]] = rows
            if model is Evidence:
                tag_rows = [
                    {"evidence_id": row["id"], "lookfor_id": lookfor_id}
                    for row, ids in zip(rows, self.evidence_tags, strict=True)
                    for lookfor_id in ids
                ]
                if tag_rows:
                    self.session.execute(insert(evidence_lookfor), tag_rows)
                snaps = [
                    {**row, "lookfor_ids": ids}
                    for row, ids in zip(rows, self.evidence_tags, strict=True)
                ]
                self.evidence_tags = []
            self.session.execute(insert(OutboxOp.__table__), bulk_outbox_rows(model, snaps))
            self.counts[model.kind] += len(rows)
            self.buffers[model] = []
        self.done += self.pending
        self.pending = 0
        self.report()

    def _sql_nulls(
        self, model: type[SyncRecord], rows: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """Rows with ``None`` in JSON columns bound as SQL NULL.

        A JSON column binds ``None`` as the JSON text ``'null'``; the ORM path leaves unset
        columns out entirely, giving SQL NULL. Matching it keeps ``IS NULL`` queries true for
        demo rows too. The snapshots keep plain ``None``.
        """
        keys = self._json_columns.get(model)
        if keys is None:
            keys = [c.key for c in model.__table__.columns if isinstance(c.type, JSON)]
            self._json_columns[model] = keys
        if not keys:
            return rows
        return [
            {**row, **{k: null() for k in keys if row[k] is None}}
            if any(row[k] is None for k in keys)
            else row
            for row in rows
        ]

    def report(self) -> None:
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    def _check_columns(self, model: type[SyncRecord], row: dict[str, Any]) -> None:
        # executemany binds every row with the first row's keys: a missing key would fail far
        # from its cause, so compare once per model against the table.
        if model in self._checked:
            return
        expected = {c.key for c in model.__table__.columns}
        if set(row) != expected:
            raise AssertionError(
                f"demo rows for {model.kind} have keys {sorted(set(row) ^ expected)} wrong"
            )
        self._checked.add(model)
