"""Visits left running: found, ended at their last evidence, and never paid the closed hours."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from observe.capture import closures
from observe.capture.evidence import save_evidence
from observe.capture.visits import (
    end_at_last_activity,
    end_visit,
    left_running_from_earlier_day,
    running_visits,
    start_visit,
)
from observe.clock import as_utc, utcnow
from observe.store import Store
from observe.store.models import CoachingLogEntry, EvidenceKind, Visit, VisitType

from ..store.helpers import make_visit


def _classroom(store: Store, visit_id: str) -> str:
    with store.read() as s:
        return s.get_one(Visit, visit_id).classroom_id


def _minutes(store: Store, visit_id: str) -> int:
    with store.read() as s:
        return s.scalars(
            select(CoachingLogEntry.minutes).where(CoachingLogEntry.visit_id == visit_id)
        ).one()


def test_a_visit_from_yesterday_ends_at_its_last_evidence(store: Store):
    today_visit, _ = make_visit(store)
    start = utcnow().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
    start -= timedelta(days=1)
    old = start_visit(
        store, _classroom(store, today_visit), VisitType.COACHING_OBSERVATION, started_at=start
    )
    save_evidence(
        store, old.id, EvidenceKind.NOTE, "First", observed_at=start + timedelta(minutes=5)
    )
    save_evidence(
        store, old.id, EvidenceKind.NOTE, "Last", observed_at=start + timedelta(minutes=35)
    )

    assert {v.id for v in running_visits(store)} == {today_visit, old.id}
    [left] = left_running_from_earlier_day(store)
    assert left.id == old.id and left.label == "Zoë Okafor · Science"
    assert left.last_activity == as_utc(start + timedelta(minutes=35))

    end_at_last_activity(store, old.id)
    with store.read() as s:
        assert as_utc(s.get_one(Visit, old.id).ended_at) == as_utc(start + timedelta(minutes=35))
    assert _minutes(store, old.id) == 35  # not the night since
    assert left_running_from_earlier_day(store) == []


def test_hours_the_app_was_closed_are_not_time_in_the_room(store: Store):
    visit_id, _ = make_visit(store)
    now = utcnow()
    with store.write() as s:
        s.get_one(Visit, visit_id).started_at = now - timedelta(minutes=90)
    closures.note_closed(store, now - timedelta(minutes=80))
    assert closures.note_opened(store, now - timedelta(minutes=20)) == [visit_id]
    assert closures.note_opened(store, now) == []  # the close is used once
    assert round(closures.closed_seconds_of(store, visit_id)) == 60 * 60
    end_visit(store, visit_id, ended_at=now)
    assert _minutes(store, visit_id) == 30  # 90 minutes open, 60 of them with the app closed


def test_an_ended_visit_gets_no_gap_and_a_damaged_setting_counts_nothing(store: Store):
    visit_id, _ = make_visit(store)
    end_visit(store, visit_id)
    closures.note_closed(store)
    assert closures.note_opened(store, utcnow() + timedelta(hours=1)) == []
    store.set_setting(closures.GAPS_PREFIX + visit_id, "not json")
    assert closures.closed_seconds_of(store, visit_id) == 0.0
