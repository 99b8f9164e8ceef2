"""What the figures need of a snapshot, kept in columns of its record so the aggregates read
them in SQL instead of decoding every JSON snapshot of a school on each request.

A school's year is ~200,000 evidence items; decoding them in Python took seconds per page
(issue 16, "Measured"). The push, a restore and migration ``0007`` fill these columns with the
same Python rules the figures used to apply to snapshots, so every number stays what it was:

- ``day``: the record's date (``YYYY-MM-DD``) for the dated kinds (a visit's start, an
  evidence item's or participation event's moment, a log entry's day), NULL when the date is
  missing or does not read as one (such a record was never counted in a date range);
- ``visit_ref``: the visit an evidence item or participation event names (when a string);
- ``seat_ref``: the seat a participation event names (when a string) (both ``bounded``);
- ``facet``: for a participation event its kind when one of ``PARTICIPATION_KINDS`` else "",
  for an evidence item ``{"tags": [...], "seen": [...]}`` (its distinct look-for ids, and
  those marked seen), as canonical JSON so equal items group together in SQL.

- ``room_ref``: the classroom a visit or a seat names (when a string, ``bounded``);
- ``cycle_ref``: the coaching cycle a visit belongs to (when a string, ``bounded``);
- ``label``: a visit's type, a log entry's activity (``"unknown"`` when missing, 40 characters);
- ``minutes``: a visit's length (when both ends read and it ends after it starts), a log
  entry's minutes (when a whole number, not negative); NULL otherwise.

All are NULL for a tombstone and for every other kind: ``day IS NOT NULL`` means a live
record of a dated kind. Migration ``0008`` added the last four, so visits, seats and log
entries are counted without decoding their snapshots either.

Evidence and participation events are also counted, per school, owner, date, visit, seat and
facet, in the ``fact_count`` table (``observe.server.rollup``), kept by the push in the same
transaction, so a first load after a push reads per-visit rows, not every item.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from observe.server.schema import record

PARTICIPATION_KINDS = ("volunteered", "called_on", "asked_question", "peer_talk")
DATED = {
    "visit": "started_at",
    "evidence": "observed_at",
    "participation_event": "occurred_at",
    "coaching_log_entry": "occurred_on",
}
FACT_COLUMNS = (
    "day",
    "visit_ref",
    "seat_ref",
    "facet",
    "room_ref",
    "cycle_ref",
    "label",
    "minutes",
)
MAX_REF = 64
MAX_FACET = 300
"""Longer references and facets are kept as ``#`` + their SHA-256, so the index over the
facts stays within PostgreSQL's size for an index entry; equal values keep equal keys, and a
hashed key (65 characters) never equals a kept value."""
EMPTY: dict[str, str | int | None] = dict.fromkeys(FACT_COLUMNS)
MAX_LABEL = 40


def day_of(value: Any) -> date | None:
    """The UTC date of a snapshot's datetime or date string; None if absent or unreadable."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def tags_of(data: dict[str, Any]) -> tuple[list[str], list[str]]:
    """An evidence item's distinct look-for ids, and those marked seen. A tag says what an
    item is about; only a "seen" mark says the look-for was seen (snapshots from devices older
    than marks have none: all "about")."""
    ids = data.get("lookfor_ids")
    if not ids or not isinstance(ids, list):  # most items: no look-fors
        return [], []
    tags = sorted({i for i in ids if isinstance(i, str)})
    marks = data.get("lookfor_marks")
    seen = [i for i in tags if marks.get(i) == "seen"] if isinstance(marks, dict) else []
    return tags, seen


def bounded(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return "#" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def moment(value: Any) -> datetime | None:
    """A snapshot's time as written by any client (``Z`` or an offset); None if unreadable."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _ref(value: Any) -> str | None:
    return bounded(value, MAX_REF) if isinstance(value, str) else None


def visit_minutes(data: dict[str, Any]) -> int | None:
    """A visit's length in whole minutes, when both ends read and it ends after it starts."""
    start, end = moment(data.get("started_at")), moment(data.get("ended_at"))
    try:
        if start and end and end > start:
            return round((end - start).total_seconds() / 60)
    except TypeError:  # one end with a zone, the other without: no length
        return None
    return None


_UNTAGGED = json.dumps({"tags": [], "seen": []}, separators=(",", ":"))


def facts_of(kind: str, data: Any, deleted: bool) -> dict[str, str | int | None]:
    """The fact columns of one record (see the module's docstring)."""
    if deleted or not isinstance(data, dict):
        return dict(EMPTY)
    if kind == "seat":
        return dict(EMPTY, room_ref=_ref(data.get("classroom_id")))
    if kind not in DATED:
        return dict(EMPTY)
    found = day_of(data.get(DATED[kind]))
    out: dict[str, str | int | None] = dict(EMPTY, day=found.isoformat() if found else None)
    if kind == "visit":
        out["room_ref"] = _ref(data.get("classroom_id"))
        out["cycle_ref"] = _ref(data.get("cycle_id"))
        out["label"] = str(data.get("visit_type") or "unknown")[:MAX_LABEL]
        out["minutes"] = visit_minutes(data)
    elif kind == "coaching_log_entry":
        out["label"] = str(data.get("activity") or "unknown")[:MAX_LABEL]
        minutes = data.get("minutes")
        valid = isinstance(minutes, int) and not isinstance(minutes, bool) and minutes >= 0
        out["minutes"] = minutes if valid else None
    if kind in ("evidence", "participation_event"):
        visit = data.get("visit_id")
        out["visit_ref"] = bounded(visit, MAX_REF) if isinstance(visit, str) else None
    if kind == "participation_event":
        seat = data.get("seat_id")
        out["seat_ref"] = bounded(seat, MAX_REF) if isinstance(seat, str) else None
        what = str(data.get("participation_kind"))
        out["facet"] = what if what in PARTICIPATION_KINDS else ""
    elif kind == "evidence":
        tags, seen = tags_of(data)
        if not tags and not seen:
            out["facet"] = _UNTAGGED  # most items: no JSON to build per record in a push
        else:
            facet = json.dumps({"tags": tags, "seen": seen}, separators=(",", ":"))
            out["facet"] = bounded(facet, MAX_FACET)
    return out


def read_facet(text: str | None) -> tuple[list[str], list[str]] | None:
    """(tags, seen) of an evidence item's ``facet``; None for a hashed one, whose tags are
    read from a snapshot that has it (``Scope.facet``)."""
    if not text:
        return [], []
    if text.startswith("#"):
        return None
    found = json.loads(text)
    return list(found.get("tags", [])), list(found.get("seen", []))


def recompute(
    conn: Connection,
    batch: int = 5000,
    columns: tuple[str, ...] = FACT_COLUMNS,
    kinds: tuple[str, ...] | None = None,
) -> None:
    """Sets the fact ``columns`` of every record (of ``kinds``, default all) from its snapshot
    (after a restore, whose backup may predate them, and in migrations ``0007`` and ``0008``,
    each with the columns it adds). Reads in id order, one batch at a time, so a district's
    records never sit in memory at once."""
    last = ""
    while True:
        query = select(
            record.c.id,
            record.c.kind,
            record.c.deleted,
            record.c.data,
            *(record.c[c] for c in columns),
        ).where(record.c.id > last)
        if kinds is not None:
            query = query.where(record.c.kind.in_(kinds))
        rows = conn.execute(query.order_by(record.c.id).limit(batch)).all()
        if not rows:
            return
        last = rows[-1].id
        changes = []
        for r in rows:
            found = facts_of(r.kind, r.data, bool(r.deleted))
            if any(found[c] != getattr(r, c) for c in columns):
                changes.append({"b_id": r.id, **{f"b_{c}": found[c] for c in columns}})
        if changes:
            conn.execute(
                update(record)
                .where(record.c.id == bindparam("b_id"))
                .values(**{c: bindparam(f"b_{c}") for c in columns}),
                changes,
            )
