"""Days and weeks as a coach reads them: local dates, weeks starting on Monday.

Stored times are UTC, but "what did I do this week" means the coach's own calendar, so every
grouping here converts to a local date first. ``tz=None`` means the computer's time zone.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo

from sqlalchemy import ColumnElement, Integer, String, cast, func

from observe.clock import as_utc, local_midnight


def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def weeks_between(first: date, last: date) -> list[date]:
    """Every Monday from ``first``'s week to ``last``'s, so empty weeks show as gaps, not as
    nothing at all (a chart that skips a quiet week exaggerates the trend)."""
    out: list[date] = []
    monday = week_start(first)
    end = week_start(last)
    while monday <= end:
        out.append(monday)
        monday += timedelta(days=7)
    return out


def weeks_with_data(start: date | None, end: date | None, days: list[date]) -> list[date]:
    """The weeks of a period from the first with data to its end: quiet weeks between records
    get a row (a trend shouldn't skip the week of state tests), but the empty weeks before the
    first record would only push the real figures off the chart."""
    if not days:
        return []
    first = max(start, min(days)) if start is not None else min(days)
    last = end or max(days)
    if first > last:
        return []
    return weeks_between(first, last)


def utc_bounds(
    start: date | None, end: date | None, tz: tzinfo | None = None
) -> tuple[datetime | None, datetime | None]:
    """UTC instants ``[lo, hi)`` covering the local days ``start``…``end`` (both included)."""
    lo = as_utc(local_midnight(start, tz)) if start else None
    hi = as_utc(local_midnight(end + timedelta(days=1), tz)) if end else None
    return lo, hi


def quarter_hour(column: ColumnElement[datetime]) -> ColumnElement[str]:
    """SQL for the UTC quarter hour of a stored time, as text: "2026-09-14 13:2" (13:30).

    Stored times are text "YYYY-MM-DD HH:MM:SS…" in UTC (see ``observe.store.types``).
    """
    minutes = cast(func.substr(column, 15, 2), Integer) // 15
    return func.substr(column, 1, 14).concat(cast(minutes, String))


def utc_hour(column: ColumnElement[datetime]) -> ColumnElement[str]:
    """SQL for the UTC hour of a stored time, as text: "2026-09-14 13"."""
    return func.substr(column, 1, 13)


def hour_day(key: str, tz: tzinfo | None = None) -> date | None:
    """The local day of a :func:`utc_hour` bucket, or None when the hour is not all one local
    day at one offset from UTC (midnight inside it in a half-hour zone such as India's, clocks
    changed within it): then only quarter hours say the day."""
    start = datetime(int(key[0:4]), int(key[5:7]), int(key[8:10]), int(key[11:13]), tzinfo=UTC)
    first = start.astimezone(tz)
    last = (start + timedelta(hours=1) - timedelta(microseconds=1)).astimezone(tz)
    if first.utcoffset() != last.utcoffset() or first.date() != last.date():
        return None
    return first.date()


def bucket_day(key: str, tz: tzinfo | None = None) -> date:
    """The local day of a :func:`quarter_hour` bucket."""
    moment = datetime(
        int(key[0:4]),
        int(key[5:7]),
        int(key[8:10]),
        int(key[11:13]),
        int(key[14:]) * 15,
        tzinfo=UTC,
    )
    return moment.astimezone(tz).date()
