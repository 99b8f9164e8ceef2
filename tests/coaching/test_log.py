"""The coaching log: quick entries, visits filling it in (once per visit), weekly shares."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from observe.capture.visits import end_visit, end_walk, reopen_visit, start_visit, start_walk
from observe.coaching import log
from observe.coaching.log import LogEntryDraft, LogRow, WeekShare
from observe.errors import UsageError
from observe.store.models import CoachingLogEntry, LogActivity, OutboxOp, VisitType
from tests.coaching.helpers import T0, make_room


def _entries(store, visit_id=None, include_deleted=False):
    with store.read() as s:
        q = select(CoachingLogEntry)
        if visit_id:
            q = q.where(CoachingLogEntry.visit_id == visit_id)
        if not include_deleted:
            q = q.where(CoachingLogEntry.deleted.is_(False))
        return list(s.scalars(q))


def _outbox(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxOp))


def test_a_quick_entry_is_saved_and_queued_for_sync(store):
    before = _outbox(store)
    entry_id = log.add_entry(
        store,
        LogEntryDraft(date(2026, 9, 15), 45, LogActivity.PLC, "  Grade 7 PLC: exit tickets  "),
        today=date(2026, 9, 15),
    )
    [row] = log.entries(store)
    assert (row.id, row.minutes, row.activity, row.note) == (
        entry_id,
        45,
        LogActivity.PLC,
        "Grade 7 PLC: exit tickets",
    )
    assert not row.from_visit
    assert _outbox(store) == before + 1


@pytest.mark.parametrize(
    ("minutes", "day", "words"),
    [
        (0, date(2026, 9, 15), "more than 0"),
        (-5, date(2026, 9, 15), "more than 0"),
        (13 * 60, date(2026, 9, 15), "more than 12 hours"),
        (30, date(2026, 9, 30), "in the future"),
    ],
)
def test_bad_entries_are_refused_with_a_sentence_and_nothing_saved(store, minutes, day, words):
    before = _outbox(store)
    with pytest.raises(UsageError) as err:
        log.add_entry(
            store, LogEntryDraft(day, minutes, LogActivity.ADMIN), today=date(2026, 9, 15)
        )
    assert words in err.value.sentence
    assert log.entries(store) == [] and _outbox(store) == before


def test_edit_and_delete_an_entry(store):
    today = date(2026, 9, 18)
    entry_id = log.add_entry(store, LogEntryDraft(today, 20, LogActivity.ADMIN), today=today)
    log.update_entry(
        store, entry_id, LogEntryDraft(today, 35, LogActivity.OTHER_DUTY, "Testing"), today=today
    )
    [row] = log.entries(store)
    assert (row.minutes, row.activity, row.note) == (35, LogActivity.OTHER_DUTY, "Testing")
    log.delete_entry(store, entry_id)
    assert log.entries(store) == []
    log.restore_entry(store, entry_id)
    assert [r.id for r in log.entries(store)] == [entry_id]


def test_ending_a_visit_logs_its_minutes_once(store):
    _teacher, room, _seats = make_room(store, seats=4)
    visit = start_visit(store, room, VisitType.COACHING_OBSERVATION, started_at=T0)
    assert _entries(store) == []  # a visit in progress isn't logged yet

    end_visit(store, visit.id, T0 + timedelta(minutes=31, seconds=20))
    [entry] = _entries(store)
    assert entry.visit_id == visit.id
    assert entry.minutes == entry.auto_minutes == 32  # rounded up
    assert entry.activity is LogActivity.COACHING_CYCLE
    assert entry.occurred_on == date(2026, 9, 14)
    assert "Ana Reyes" in (entry.note or "")

    end_visit(store, visit.id)  # ending again changes nothing
    log.fill_from_visit(store, visit.id)
    assert len(_entries(store)) == 1


def test_ending_again_after_undo_corrects_untouched_minutes_only(store):
    _teacher, room, _seats = make_room(store, seats=4)
    visit = start_visit(store, room, VisitType.CO_TEACHING, started_at=T0)
    end_visit(store, visit.id, T0 + timedelta(minutes=5))  # Ctrl+E pressed too early
    reopen_visit(store, visit.id)  # ... and undone
    end_visit(store, visit.id, T0 + timedelta(minutes=50))
    [entry] = _entries(store)
    assert entry.minutes == 50

    # The coach adds prep time; a later re-end must not overwrite it.
    log.update_entry(
        store,
        entry.id,
        LogEntryDraft(entry.occurred_on, 70, entry.activity, entry.note),
        today=date(2026, 9, 14),
    )
    reopen_visit(store, visit.id)
    end_visit(store, visit.id, T0 + timedelta(minutes=55))
    [entry] = _entries(store)
    assert entry.minutes == 70


def test_a_deleted_visit_entry_stays_deleted(store):
    _teacher, room, _seats = make_room(store, seats=4)
    visit = start_visit(store, room, VisitType.MODELING, started_at=T0)
    end_visit(store, visit.id, T0 + timedelta(minutes=40))
    [entry] = _entries(store)
    log.delete_entry(store, entry.id)
    reopen_visit(store, visit.id)
    end_visit(store, visit.id, T0 + timedelta(minutes=45))
    assert _entries(store) == []
    assert len(_entries(store, include_deleted=True)) == 1


def test_ending_a_walk_logs_each_visit_as_learning_walk_time(store):
    _teacher, room, _seats = make_room(store, seats=4)
    walk = start_walk(store, "Grade 7 walk")
    first = start_visit(store, room, VisitType.LEARNING_WALK, walk_id=walk.id, started_at=T0)
    end_visit(store, first.id, T0 + timedelta(minutes=10))
    start_visit(
        store, room, VisitType.LEARNING_WALK, walk_id=walk.id, started_at=T0 + timedelta(minutes=12)
    )
    end_walk(store, walk.id)
    entries = _entries(store)
    assert len(entries) == 2
    assert {e.activity for e in entries} == {LogActivity.LEARNING_WALK}


def _row(day: date, minutes: int, activity: LogActivity) -> LogRow:
    return LogRow("x", day, minutes, activity, None, None, None)


def test_weekly_shares_split_coaching_from_other_duties():
    monday = date(2026, 9, 14)
    rows = [
        _row(monday, 90, LogActivity.COACHING_CYCLE),
        _row(monday + timedelta(days=1), 60, LogActivity.PLC),
        _row(monday + timedelta(days=2), 30, LogActivity.LEARNING_WALK),
        _row(monday + timedelta(days=3), 45, LogActivity.OTHER_DUTY),  # subbing
        _row(monday + timedelta(days=4), 15, LogActivity.ADMIN),
        # nothing the week after; then a week of testing duty
        _row(monday + timedelta(days=15), 120, LogActivity.OTHER_DUTY),
        _row(monday + timedelta(days=16), 40, LogActivity.DATA_MEETING),
    ]
    weeks = log.weekly_shares(rows)
    assert [w.week_start for w in weeks] == [monday + timedelta(days=7 * i) for i in range(3)]
    first, quiet, testing = weeks
    assert (first.coaching, first.other, first.total) == (180, 60, 240)
    assert first.coaching_share == pytest.approx(0.75)
    assert quiet.total == 0 and quiet.coaching_share is None
    assert testing.coaching_share == pytest.approx(40 / 160)


def test_time_by_activity_gives_every_activity_and_shares_that_sum_to_one():
    monday = date(2026, 9, 14)
    rows = [
        _row(monday, 30, LogActivity.PLC),
        _row(monday, 30, LogActivity.PLC),
        _row(monday, 60, LogActivity.ADMIN),
    ]
    totals = {t.activity: t for t in log.time_by_activity(rows)}
    assert list(totals) == list(LogActivity)
    assert (totals[LogActivity.PLC].entries, totals[LogActivity.PLC].minutes) == (2, 60)
    assert totals[LogActivity.PLC].share == pytest.approx(0.5)
    assert totals[LogActivity.DATA_MEETING].minutes == 0
    assert sum(t.share for t in totals.values()) == pytest.approx(1.0)


def test_week_share_of_an_empty_week():
    assert WeekShare(date(2026, 9, 14)).coaching_share is None
