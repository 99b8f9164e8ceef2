"""The counts the impact view reads (migration 0014) stay exact under every kind of write, and
the view built from them shows what counting the records themselves shows."""

from __future__ import annotations

from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from observe.capture.evidence import (
    delete_evidence,
    restore_evidence,
    save_evidence,
    update_evidence,
)
from observe.capture.participation import remove_tally, restore_tally, tally
from observe.capture.visit_removal import delete_visit, restore_visit
from observe.capture.visits import start_visit
from observe.coaching import impact
from observe.coaching.impact import local_report
from observe.coaching.measures import visit_equity
from observe.demo import load_demo
from observe.store import Store
from observe.store.models import (
    Evidence,
    EvidenceKind,
    LookFor,
    LookForSet,
    ParticipationEvent,
    ParticipationKind,
    Seat,
    Visit,
    VisitType,
)
from tests.coaching.counts import assert_counts_exact, recounted
from tests.coaching.helpers import T0, make_room

ZONES = (UTC, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata"), ZoneInfo("Asia/Kathmandu"))


def _lookfor_tables(store: Store, start: date | None, end: date | None, tz) -> dict:
    report = local_report(store, start, end, tz)
    return {
        k: (t.rows, t.note) for k, t in report.tables.items() if k in ("lookfors", "lookfor_trends")
    }


def assert_view_as_counted(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The look-for tables from the kept counts equal those counted from the items, for the
    whole record and a period, in whole-hour, half-hour and quarter-hour zones."""
    periods = ((None, None), (date(2026, 9, 1), date(2026, 9, 20)))
    kept = {(p, str(tz)): _lookfor_tables(store, *p, tz) for p in periods for tz in ZONES}
    with monkeypatch.context() as m:
        m.setattr(impact, "_counted_lookfors", lambda *_a: None)
        counted = {(p, str(tz)): _lookfor_tables(store, *p, tz) for p in periods for tz in ZONES}
    assert kept == counted


@pytest.fixture
def lookfors(store: Store) -> list[str]:
    with store.write() as s:
        lset = LookForSet(name="Discourse")
        made = [
            LookFor(lookfor_set=lset, code=f"DI{i}", title=f"Look-for {i}", position=i)
            for i in range(3)
        ]
        s.add_all([lset, *made])
    return [lf.id for lf in made]


def test_counts_follow_edits_deletes_and_undo(store, lookfors, monkeypatch):
    _teacher, room, seats = make_room(store, seats=8)
    visits = [
        start_visit(store, room, VisitType.COACHING_OBSERVATION, started_at=T0 + timedelta(days=d))
        for d in (0, 1, 8)
    ]
    items = []
    for n, visit in enumerate(visits):
        for i in range(6):
            items.append(
                save_evidence(
                    store,
                    visit.id,
                    EvidenceKind.STUDENT_TALK,
                    f"Item {n}.{i}",
                    lookfor_ids=lookfors[: i % 4],
                    lookfor_marks={lookfors[0]: "seen"} if i % 2 else None,
                    observed_at=visit.started_at + timedelta(minutes=7 * i),
                ).id
            )
        for i, seat in enumerate(seats[: 3 + n]):
            for _ in range(i + 1):
                tally(store, visit.id, seat, ParticipationKind.VOLUNTEERED)
    assert_counts_exact(store)
    assert recounted(store)[0][(f"{T0:%Y-%m-%d %H}:0", lookfors[0])] == (2, 1)

    update_evidence(store, items[1], lookfor_ids=lookfors[1:], lookfor_marks={lookfors[2]: "seen"})
    update_evidence(store, items[3], lookfor_marks={lookfors[0]: "not_yet"})
    assert_counts_exact(store)
    delete_evidence(store, items[2])
    assert_counts_exact(store)
    restore_evidence(store, items[2])
    assert_counts_exact(store)
    with store.write() as s:  # an item moved in time (as a synced edit may)
        s.get_one(Evidence, items[4]).observed_at = T0 + timedelta(days=30, minutes=50)
    assert_counts_exact(store)

    with store.read() as s:
        event = s.scalars(select(ParticipationEvent.id).limit(1)).one()
    remove_tally(store, event)
    assert_counts_exact(store)
    restore_tally(store, event)
    assert_counts_exact(store)

    removed = delete_visit(store, visits[0].id)
    assert_counts_exact(store)
    assert_view_as_counted(store, monkeypatch)
    restore_visit(store, removed)
    assert_counts_exact(store)
    with store.write() as s:  # a tombstone from another device: the visit's flag only
        s.get_one(Visit, visits[1].id).deleted = True
    assert_counts_exact(store)
    assert_view_as_counted(store, monkeypatch)
    with store.write() as s:
        s.get_one(Visit, visits[1].id).deleted = False
    assert_counts_exact(store)

    with store.engine.begin() as conn:  # removed outright, tags going with it (cascade)
        conn.exec_driver_sql("DELETE FROM evidence WHERE id = ?", (items[7],))
        conn.exec_driver_sql("DELETE FROM participation_event WHERE id = ?", (event,))
    assert_counts_exact(store)
    assert_view_as_counted(store, monkeypatch)


def test_equity_from_the_counts_is_the_equity_of_the_tallies(store, monkeypatch):
    """A deleted seat's tallies stop counting; a visit whose tallies were all removed leaves
    the table (nobody counted), as when every tally was read."""
    _teacher, room, seats = make_room(store, seats=12, groups=3)
    visit_ids = []
    for d in range(4):
        visit = start_visit(
            store, room, VisitType.COACHING_OBSERVATION, started_at=T0 + timedelta(days=d)
        )
        visit_ids.append(visit.id)
        for i, seat in enumerate(seats[: 4 + 2 * d]):
            for _ in range(1 + (i * d) % 3):
                tally(store, visit.id, seat, ParticipationKind.CALLED_ON)
    with store.read() as s:
        only = s.scalars(
            select(ParticipationEvent.id).where(ParticipationEvent.visit_id == visit_ids[0])
        ).all()
    for event in only:
        remove_tally(store, event)
    with store.write() as s:
        s.get_one(Seat, seats[5]).deleted = True
    assert_counts_exact(store)

    def by_hand() -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        with store.read() as s:
            for visit_id, seat_id in s.execute(
                select(ParticipationEvent.visit_id, ParticipationEvent.seat_id)
                .join(Seat, Seat.id == ParticipationEvent.seat_id)
                .where(ParticipationEvent.deleted.is_(False), Seat.deleted.is_(False))
            ):
                counts = out.setdefault(visit_id, {})
                counts[seat_id] = counts.get(seat_id, 0) + 1
        return out

    expected = by_hand()
    with store.read() as s:
        few = visit_equity(s, visit_ids)
    monkeypatch.setattr("observe.coaching.measures._SCAN_ALL", 0)  # the one-pass way too
    with store.read() as s:
        many = visit_equity(s, visit_ids)
    assert few == many
    assert set(few) == set(expected) == set(visit_ids[1:])
    for visit_id, counts in expected.items():
        assert few[visit_id].contributions == sum(counts.values())
        assert few[visit_id].voices == len(counts)
        assert few[visit_id].seats == 11


def test_demo_records_view_the_same_from_the_counts(store, monkeypatch):
    load_demo(store, "small", today=date(2026, 11, 20))
    assert_counts_exact(store)
    assert_view_as_counted(store, monkeypatch)


def test_migration_counts_the_records_already_there(store):
    """A profile made before 0014 gets its counts when it is upgraded."""
    from alembic import command

    from observe.store.migrate import alembic_config, upgrade

    load_demo(store, "small", today=date(2026, 11, 20))
    cfg = alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0013")
        assert not conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE 'impact_%'"
        ).all()
    # Written while there were no counts: a new item, a deleted one, a tombstoned visit.
    with store.read() as s:
        item, visit = s.execute(select(Evidence.id, Evidence.visit_id).limit(1)).one()
        other = s.scalars(select(Visit.id).where(Visit.id != visit).limit(1)).one()
    save_evidence(store, visit, EvidenceKind.NOTE, "Written at 0013")
    delete_evidence(store, item)
    with store.write() as s:
        s.get_one(Visit, other).deleted = True
    upgrade(store.engine)
    assert_counts_exact(store)


def test_marks_that_are_not_json_do_not_stop_a_write(store, lookfors):
    """A damaged marks cell counts as unmarked; the write it comes with still happens."""
    _teacher, room, _seats = make_room(store, seats=4)
    visit = start_visit(store, room, VisitType.COACHING_OBSERVATION, started_at=T0)
    item = save_evidence(store, visit.id, EvidenceKind.NOTE, "x", lookfor_ids=lookfors[:1])
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE evidence SET lookfor_marks = '{not json' WHERE id = ?", (item.id,)
        )
    with store.engine.connect() as conn:
        (row,) = conn.exec_driver_sql(
            "SELECT items, seen FROM impact_lookfor_count WHERE lookfor_id = ?", (lookfors[0],)
        ).all()
    assert tuple(row) == (1, 0)
    with store.engine.connect() as conn:
        marks = conn.exec_driver_sql(
            "SELECT lookfor_marks FROM evidence WHERE id = ?", (item.id,)
        ).scalar()
    assert marks == "{not json"


def test_a_new_profile_has_every_count_trigger(store):
    """A later migration that rebuilds one of these tables (Alembic's batch mode copies it)
    drops its triggers; the counts would then silently go stale."""
    with store.engine.connect() as conn:
        names = {
            (name, table)
            for name, table in conn.exec_driver_sql(
                "SELECT name, tbl_name FROM sqlite_master "
                "WHERE type = 'trigger' AND name LIKE 'impact_%'"
            )
        }
    assert names == {
        *((f"impact_evidence_{w}", "evidence") for w in ("insert", "update", "delete")),
        *((f"impact_tag_{w}", "evidence_lookfor") for w in ("insert", "update", "delete")),
        *((f"impact_visit_{w}", "visit") for w in ("insert", "update", "delete")),
        *((f"impact_tally_{w}", "participation_event") for w in ("insert", "update", "delete")),
    }
