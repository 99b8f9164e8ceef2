"""The hours Observe was closed while a visit was still running, kept out of its time.

A coach who quits with a visit running and opens the app the next morning has not spent the
night in the classroom. When the window closes, the time is noted; when it opens again, each
visit still running gets that stretch as a "closed gap" (a profile setting of this device,
so nothing new syncs). Time in the room — the capture timer and the coaching-log minutes —
is the visit's span minus its gaps. After a crash there is no close time to go by, so no gap
is recorded; the start-up offer to end a visit left from an earlier day covers that case.

This module reads and writes only settings, so both ``capture.visits`` and ``coaching.log``
can use it without importing each other.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.clock import as_utc, utcnow
from observe.store import Store
from observe.store.models import ProfileSetting, Visit

CLOSED_AT_KEY = "app.closed_at"
GAPS_PREFIX = "visit.closed_gaps."

Gap = tuple[datetime, datetime]


def _read(value: str | None) -> list[Gap]:
    if not value:
        return []
    try:
        pairs = json.loads(value)
        return [
            (as_utc(datetime.fromisoformat(a)), as_utc(datetime.fromisoformat(b))) for a, b in pairs
        ]
    except (ValueError, TypeError):  # a damaged setting must not stop a visit from ending
        return []


def gaps(s: Session, visit_id: str) -> list[Gap]:
    row = s.get(ProfileSetting, GAPS_PREFIX + visit_id)
    return _read(row.value if row else None)


def closed_seconds(s: Session, visit: Visit, until: datetime | None = None) -> float:
    """Seconds between the visit's start and ``until`` (its end, else now) the app was closed."""
    start = as_utc(visit.started_at)
    end = as_utc(until or visit.ended_at or utcnow())
    total = 0.0
    for a, b in gaps(s, visit.id):
        overlap = (min(b, end) - max(a, start)).total_seconds()
        total += max(0.0, overlap)
    return total


def note_closed(store: Store, now: datetime | None = None) -> None:
    """Called as the window closes."""
    store.set_setting(CLOSED_AT_KEY, (now or utcnow()).isoformat())


def note_opened(store: Store, now: datetime | None = None) -> list[str]:
    """Called as the window opens: gives every running visit the closed stretch as a gap.

    Returns the ids of the visits that got one.
    """
    opened = as_utc(now or utcnow())
    with store.write() as s:
        row = s.get(ProfileSetting, CLOSED_AT_KEY)
        if row is None or not row.value:
            return []
        try:
            closed = as_utc(datetime.fromisoformat(row.value))
        except ValueError:
            closed = None
        row.value = ""
        if closed is None or closed >= opened:
            return []
        running = s.scalars(
            select(Visit).where(Visit.ended_at.is_(None), Visit.deleted.is_(False))
        ).all()
        touched = []
        for visit in running:
            start = max(closed, as_utc(visit.started_at))
            if start >= opened:
                continue
            key = GAPS_PREFIX + visit.id
            setting = s.get(ProfileSetting, key)
            found = _read(setting.value if setting else None)
            found.append((start, opened))
            value = json.dumps([[a.isoformat(), b.isoformat()] for a, b in found])
            if setting is None:
                s.add(ProfileSetting(key=key, value=value))
            else:
                setting.value = value
            touched.append(visit.id)
        return touched


def closed_seconds_of(store: Store, visit_id: str, until: datetime | None = None) -> float:
    """:func:`closed_seconds` for one visit, in its own read (for the capture timer)."""
    with store.read() as s:
        visit = s.get(Visit, visit_id)
        return closed_seconds(s, visit, until) if visit is not None else 0.0
