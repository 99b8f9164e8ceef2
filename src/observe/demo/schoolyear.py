"""The demo's calendar: school days of the current school year, time zones, addresses."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

EMAIL_DOMAIN = "riverbend-schools.example.org"
MIN_PAST_SCHOOL_DAYS = 20


def school_year_days(today: date, years: int = 1) -> tuple[list[date], list[date]]:
    """(every school day of the years the demo covers, the ones before ``today``).

    The current school year while at least a few weeks of it have passed; otherwise (early
    August, or the summer) the previous one, complete. ``years`` > 1 adds the school years
    before it, complete, so the past is always a prefix of the days.
    """
    first_year = today.year if today.month >= 8 else today.year - 1
    days = _school_days(first_year)
    past = [d for d in days if d < today]
    if len(past) < MIN_PAST_SCHOOL_DAYS:
        first_year -= 1
        days = _school_days(first_year)
        past = [d for d in days if d < today]
    if len(past) == len(days):
        # The year is over: planned cycles belong to the next one, so the calendar continues.
        days = days + _school_days(first_year + 1)
    earlier = [d for y in range(first_year - years + 1, first_year) for d in _school_days(y)]
    return earlier + days, earlier + past


def _school_days(first_year: int) -> list[date]:
    """Weekdays from mid-August to mid-June, less Thanksgiving, winter and spring breaks."""
    start, end = date(first_year, 8, 17), date(first_year + 1, 6, 11)
    nov1 = date(first_year, 11, 1)
    thanksgiving = nov1 + timedelta(days=(3 - nov1.weekday()) % 7 + 21)
    march20 = date(first_year + 1, 3, 20)
    spring = march20 - timedelta(days=march20.weekday())
    breaks = [
        (thanksgiving, thanksgiving + timedelta(days=1)),
        (date(first_year, 12, 21), date(first_year + 1, 1, 1)),
        (spring, spring + timedelta(days=4)),
    ]
    days: list[date] = []
    day = start
    while day <= end:
        if day.weekday() < 5 and not any(a <= day <= b for a, b in breaks):
            days.append(day)
        day += timedelta(days=1)
    return days


def day_at(days: list[date], index: int) -> date:
    """The school day at ``index``, continuing on weekdays past the end of the list."""
    if index < len(days):
        return days[max(0, index)]
    day, extra = days[-1], index - len(days) + 1
    while extra:
        day += timedelta(days=1)
        if day.weekday() < 5:
            extra -= 1
    return day


def zone(name: str) -> tzinfo:
    """The school's zone; a fixed offset if this system has no tz database (bare Windows)."""
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError:
        return timezone(timedelta(hours=-6), name)


_ASCII = str.maketrans(
    {
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ı": "i",
        "æ": "ae",
        "Æ": "AE",
        "ð": "d",
        "þ": "th",
    }
)


def email_for(name: str) -> str:
    """A plausible school address; names in other scripts use their romanised part."""
    if "(" in name:
        name = name[name.index("(") + 1 : name.rindex(")")]
    plain = unicodedata.normalize("NFKD", name.translate(_ASCII).replace("'", ""))
    plain = plain.encode("ascii", "ignore").decode().lower()
    return ".".join(p for p in re.split(r"[^a-z]+", plain) if p) + "@" + EMAIL_DOMAIN
