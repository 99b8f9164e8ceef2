"""One place that says what time it is, always as an aware UTC datetime, and what it is locally.

Stored times are UTC; screens, sheets and the coaching log read them in the coach's own time
zone through the helpers here (``tz=None`` means the computer's). Keeping ``utcnow`` here lets
the demo generator and tests pin time without patching the datetime module.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Treats naive datetimes as UTC (that is how the store writes them) and converts aware ones."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def local_time(value: datetime, tz: tzinfo | None = None) -> datetime:
    """A stored (UTC) time where the coach is (naive values count as UTC)."""
    return as_utc(value).astimezone(tz)


def local_day(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar day ``moment`` fell on where the coach is."""
    return local_time(moment, tz).date()


def local_midnight(day: date, tz: tzinfo | None = None) -> datetime:
    """The aware instant a local calendar day begins."""
    naive = datetime.combine(day, time.min)
    return naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
