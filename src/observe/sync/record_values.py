"""Turning a pulled record's snapshot into the values of its local row, refusing what won't fit.

The server stores snapshots as JSON it never checks against the desktop's schema (another
client version, a bug, or a hand-made record can send anything), so every value is validated
against the local column before it is written. A record that fails is an ``InvalidRecord``:
the caller parks it as invalid instead of failing the whole page. Both apply paths use these
rules (``observe.sync.apply`` record by record, ``observe.sync.bulk_rows`` table by table), so
a record is accepted or refused the same way whichever path pulls it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

import sqlalchemy as sa

from observe.protocol import ServerRecord
from observe.store.models import Evidence, SyncRecord, Visibility
from observe.store.types import UTCDateTime
from observe.sync.records import table


class InvalidRecord(ValueError):
    """A pulled record this desktop can't store: parked as invalid, never failing its page."""


def to_time(raw: Any) -> datetime:
    return raw if isinstance(raw, datetime) else datetime.fromisoformat(str(raw))


def _to_date(raw: Any) -> date:
    return date.fromisoformat(str(raw))


def _to_bool(raw: Any) -> bool:
    if not isinstance(raw, bool | int):
        raise ValueError(f"{raw!r} is not true/false")
    return bool(raw)


def to_int(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != int(raw):
        raise ValueError(f"{raw!r} is not a whole number")
    return int(raw)


def _to_float(raw: Any) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ValueError(f"{raw!r} is not a number")
    return float(raw)


def _as_is(raw: Any) -> Any:
    return raw


def to_text(raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueError(f"{raw!r} is not text")
    return raw


def _converter(col: sa.Column[Any]) -> Callable[[Any], Any]:
    """How a snapshot value becomes this column's value (refusing what can't)."""
    kind = col.type
    if isinstance(kind, UTCDateTime):
        return to_time
    if isinstance(kind, sa.Enum) and kind.enum_class is not None:
        return kind.enum_class
    if isinstance(kind, sa.Date):
        return _to_date
    if isinstance(kind, sa.Boolean):
        return _to_bool
    if isinstance(kind, sa.Integer):
        return to_int
    if isinstance(kind, sa.Float):
        return _to_float
    if isinstance(kind, sa.JSON):
        return _as_is
    return to_text


#: Taken from the record's envelope, never its snapshot (``record_values``).
_SERVER_FIELDS = frozenset({"id", "author_id", "version", "deleted", "visibility"})
#: A column without a scalar default (``None`` can be a default, so it can't mark the absence).
NO_DEFAULT = object()


@dataclass(frozen=True)
class SnapshotColumn:
    """What filling one column from a snapshot needs, looked up once (``snapshot_columns``)."""

    name: str
    convert: Callable[[Any], Any]
    nullable: bool
    is_time: bool
    default: Any  # NO_DEFAULT when the column has no scalar default


@cache
def snapshot_columns(model: type[SyncRecord]) -> tuple[SnapshotColumn, ...]:
    """The model's snapshot columns with their converters, worked out once per model: a pull
    converts every column of every record (looking the types up each time was a fifth of
    applying a page)."""
    out = []
    for col in table(model).columns:
        if col.name in _SERVER_FIELDS:
            continue
        default = (
            col.default.arg if col.default is not None and col.default.is_scalar else NO_DEFAULT
        )
        out.append(
            SnapshotColumn(
                col.name,
                _converter(col),
                bool(col.nullable),
                isinstance(col.type, UTCDateTime),
                default,
            )
        )
    return tuple(out)


def record_values(
    model: type[SyncRecord], rec: ServerRecord
) -> tuple[dict[str, Any], list[str] | None]:
    """Column values (and evidence tags) for storing ``rec`` locally.

    The server's own fields win over the snapshot: ``owner_id`` is the author, and ``version``,
    ``deleted`` and ``visibility`` are the server's.
    """
    data = rec.data or {}
    out: dict[str, Any] = {
        "id": rec.id,
        "author_id": rec.owner_id,
        "version": rec.version,
        "deleted": rec.deleted,
        "visibility": Visibility(rec.visibility),
    }
    for col in snapshot_columns(model):
        raw = data.get(col.name)
        if raw is None:
            if col.nullable:
                out[col.name] = None
            elif col.is_time:
                out[col.name] = rec.updated_at
            elif col.default is not NO_DEFAULT:
                out[col.name] = col.default
            else:
                raise InvalidRecord(f"{model.kind} {rec.id} has no {col.name}")
            continue
        try:
            out[col.name] = col.convert(raw)
        except (ValueError, TypeError) as exc:
            raise InvalidRecord(f"{model.kind} {rec.id}: {col.name} {exc}") from exc
    tags: list[str] | None = None
    if model is Evidence:
        raw_tags = data.get("lookfor_ids") or []
        if not isinstance(raw_tags, list) or not all(isinstance(t, str) for t in raw_tags):
            raise InvalidRecord(f"evidence {rec.id}: lookfor_ids is not a list of ids")
        tags = list(dict.fromkeys(raw_tags))
    return out, tags
