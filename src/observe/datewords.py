"""Dates and times written out for people, in the current language: sheets, reflections and
sentences all say "7 December 2026" (English) or "7 de diciembre de 2026" (Spanish) the same way.
"""

from __future__ import annotations

from datetime import date, datetime

from observe import i18n

#: How the sheets write dates and times in each language that has a catalog (Babel/CLDR
#: patterns). English keeps its long-standing day-first forms ("7 December 2026", "9:05 AM"),
#: written with strftime so no system region changes them; the pseudo-locale reads as English.
_PATTERNS: dict[str, dict[str, str]] = {
    "es": {
        "medium": "d 'de' MMMM 'de' y",
        "long": "EEEE, d 'de' MMMM 'de' y",
        "short": "d MMM y",
        "day_month": "d MMM",
        "clock": "H:mm",
    },
}


def _pattern(kind: str) -> str | None:
    return _PATTERNS.get(i18n.current_language(), {}).get(kind)


def _babel(value: date | datetime, kind: str) -> str | None:
    pattern = _pattern(kind)
    if pattern is None:
        return None
    if kind == "clock":
        moment = value.time() if isinstance(value, datetime) else value
        return i18n.format_time(moment, pattern)  # type: ignore[arg-type]
    return i18n.format_date(value, pattern)


def medium_date(value: date | datetime) -> str:
    """ "7 December 2026"; "7 de diciembre de 2026" in Spanish."""
    return _babel(value, "medium") or f"{value.day} {value:%B %Y}"


def long_date(value: date | datetime) -> str:
    """ "Monday 7 December 2026"; "lunes, 7 de diciembre de 2026" in Spanish."""
    return _babel(value, "long") or f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: date | datetime) -> str:
    return _babel(value, "short") or f"{value.day} {value:%b %Y}"


def day_month(value: date | datetime) -> str:
    """A short date without its year, for chart labels ("7 Dec", "7 dic")."""
    return _babel(value, "day_month") or f"{value.day} {value:%b}"


def clock(value: datetime) -> str:
    return _babel(value, "clock") or f"{value:%I:%M %p}".lstrip("0")
