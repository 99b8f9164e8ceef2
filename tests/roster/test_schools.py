"""Renaming a school and setting its time zone: checked, synced, and used by the sheets."""

from __future__ import annotations

import pytest

from observe.errors import UsageError
from observe.feedback.facts import zone
from observe.roster.schools import save_school, school_details, time_zone_names
from observe.store.models import School


def test_a_school_is_renamed_and_zoned_and_names_stay_distinct(store):
    with store.write() as s:
        mine, other = School(name="My school"), School(name="Riverside Middle")
        s.add_all([mine, other])
    save_school(store, mine.id, "  Lincoln Middle  ", "Pacific/Auckland")
    [first, second] = school_details(store)
    assert second.name == "Riverside Middle"
    assert (first.name, first.timezone) == ("Lincoln Middle", "Pacific/Auckland")
    assert str(zone(first.timezone)) == "Pacific/Auckland"  # what the sheets print times in
    with pytest.raises(UsageError, match="already a school named riverside middle"):
        save_school(store, mine.id, "riverside middle", None)
    with pytest.raises(UsageError, match="not a time zone"):
        save_school(store, mine.id, "Lincoln Middle", "Nowhere/Land")
    save_school(store, mine.id, "Lincoln Middle", "")  # back to this computer's zone
    assert school_details(store)[0].timezone is None
    assert "America/Chicago" in time_zone_names()
