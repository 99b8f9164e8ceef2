"""One place that says what time it is, always as an aware UTC datetime.

Stored times are UTC; the UI converts for display. Keeping ``utcnow`` here lets the demo
generator and tests pin time without patching the datetime module.
"""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Treats naive datetimes as UTC (that is how the store writes them) and converts aware ones."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
