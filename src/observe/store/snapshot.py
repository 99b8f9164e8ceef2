"""Turning records into plain JSON-ready dicts.

The same shape serves the outbox (what sync pushes) and exports (what other tools read), so a
record looks identical wherever it leaves the laptop.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import inspect

from observe.clock import as_utc
from observe.store.models import Evidence, SyncRecord


def to_json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return as_utc(value).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def column_names(model: type[SyncRecord]) -> list[str]:
    return [c.key for c in inspect(model).column_attrs]


def snapshot_values(model: type[SyncRecord], values: dict[str, Any]) -> dict[str, Any]:
    """Snapshot from a dict of column values (the bulk-insert path uses this directly)."""
    snap = {name: to_json_value(values.get(name)) for name in column_names(model)}
    if model is Evidence:
        snap["lookfor_ids"] = sorted(values.get("lookfor_ids") or [])
    return snap


def snapshot(record: SyncRecord) -> dict[str, Any]:
    """Snapshot of an ORM record, including its look-for tags when it is evidence."""
    model = type(record)
    values = {name: getattr(record, name) for name in column_names(model)}
    if isinstance(record, Evidence):
        state = inspect(record)
        # A brand-new evidence item whose tags were never touched has none; don't lazy-load.
        if "lookfors" in state.dict or state.has_identity:
            values["lookfor_ids"] = [lf.id for lf in record.lookfors]
    return snapshot_values(model, values)
