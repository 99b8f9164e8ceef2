"""The coaching screens' answers about cycles: plain frozen rows, nothing tied to a session."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from observe.coaching import cycles, frameworks
from observe.coaching import log as coaching_log
from observe.coaching.cycle_list import (
    cycle_heading,
    log_entry,
    measure_lookfor_choices,
    open_cycle_choices,
)
from observe.coaching.cycles import CycleDraft
from observe.store.models import LogActivity
from tests.coaching.helpers import make_room


def test_only_open_cycles_take_time_and_a_closed_one_says_it_is_completed(store) -> None:
    teacher, _room, _seats = make_room(store, name="Ana Reyes")
    open_id = cycles.save_cycle(store, CycleDraft(teacher, "Widen participation"))
    done_id = cycles.save_cycle(store, CycleDraft(teacher, "Exit tickets"))
    cycles.close_cycle(store, done_id, "Students wrote more.", date(2026, 10, 30))

    choices = open_cycle_choices(store)

    assert [(c.id, c.label) for c in choices] == [(open_id, "Ana Reyes: Widen participation")]
    with pytest.raises(dataclasses.FrozenInstanceError):
        choices[0].label = "x"  # type: ignore[misc]
    heading = cycle_heading(store, done_id)
    assert heading is not None and heading.teacher_name == "Ana Reyes" and heading.completed
    assert not cycle_heading(store, open_id).completed  # type: ignore[union-attr]
    cycles.delete_cycle(store, open_id)
    assert cycle_heading(store, open_id) is None


def test_measure_choices_put_the_set_in_use_first_and_name_the_other_sets(store) -> None:
    starters = frameworks.starter_sets()[:2]
    ids = [frameworks.import_framework(store, starter.framework) for starter in starters]
    frameworks.use_set(store, ids[-1])
    chosen = next(row for row in frameworks.list_sets(store) if row.id == ids[-1])

    choices = measure_lookfor_choices(store)

    first_other = next(i for i, c in enumerate(choices) if c.label.endswith(")"))
    assert first_other > 0
    assert all(not c.label.endswith(f"({chosen.name})") for c in choices[:first_other])
    assert all(c.label.endswith(")") for c in choices[first_other:])


def test_a_log_entry_reads_back_as_it_was_saved(store) -> None:
    draft = coaching_log.LogEntryDraft(date(2026, 3, 2), 45, LogActivity.PLC, "Grade 7 PLC")
    entry_id = coaching_log.add_entry(store, draft, today=date(2026, 3, 3))

    row = log_entry(store, entry_id)

    assert row is not None
    assert (row.occurred_on, row.minutes, row.activity, row.note, row.cycle_id) == (
        date(2026, 3, 2),
        45,
        LogActivity.PLC,
        "Grade 7 PLC",
        None,
    )
    assert log_entry(store, "no-such-entry") is None
