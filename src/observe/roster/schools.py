"""A school's name and time zone, as the coach sets them.

The name heads every feedback sheet and walk debrief; the time zone decides which day and
hour a visit happened on in reports, whatever zone the laptop is set to (a coach travelling
to a conference still prints Tuesday's visit as Tuesday's). A profile made by a roster import
without a school starts with "My school", which the coach renames here.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from functools import cache

from sqlalchemy import func, select

from observe.errors import UsageError
from observe.i18n import _
from observe.store import Store
from observe.store.models import School

NAME_LIMIT = 200


@dataclass(frozen=True)
class SchoolDetails:
    id: str
    name: str
    timezone: str | None  # None: this computer's zone


def school_details(store: Store) -> list[SchoolDetails]:
    """Live schools, oldest first."""
    with store.read() as s:
        rows = s.execute(
            select(School.id, School.name, School.timezone)
            .where(School.deleted.is_(False))
            .order_by(School.created_at)
        )
        return [SchoolDetails(*row) for row in rows]


@cache
def time_zone_names() -> tuple[str, ...]:
    """Every zone this system knows ("America/Chicago"…), sorted; empty without a database."""
    return tuple(sorted(z for z in zoneinfo.available_timezones() if "/" in z))


def school_problems(name: str, timezone: str | None) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not name.strip():
        problems["name"] = _("Type the school's name; it heads every feedback sheet.")
    elif len(name.strip()) > NAME_LIMIT:
        problems["name"] = _("The name is longer than {NAME_LIMIT} characters; shorten it.").format(
            NAME_LIMIT=NAME_LIMIT
        )
    zone = (timezone or "").strip()
    if zone:
        try:
            zoneinfo.ZoneInfo(zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            problems["timezone"] = _(
                "{zone} is not a time zone this computer knows; pick one from the list, "
                "such as America/Chicago, or leave it empty for this computer's zone."
            ).format(zone=zone)
    return problems


def save_school(store: Store, school_id: str, name: str, timezone: str | None) -> str:
    problems = school_problems(name, timezone)
    if problems:
        raise UsageError(" ".join(problems.values()))
    name, zone = name.strip(), (timezone or "").strip() or None
    with store.write() as s:
        school = s.get(School, school_id)
        if school is None or school.deleted:
            raise UsageError(_("That school is no longer in this profile."))
        clash = s.scalar(
            select(School.id).where(
                School.deleted.is_(False),
                func.lower(School.name) == name.lower(),
                School.id != school_id,
            )
        )
        if clash is not None:
            raise UsageError(
                _("There is already a school named {name} in this profile.").format(name=name)
            )
        if school.name != name:
            school.name = name
        if school.timezone != zone:
            school.timezone = zone
        return school.id
