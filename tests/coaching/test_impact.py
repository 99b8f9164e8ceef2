"""Impact tables from the coach's records, their CSV files read back, and the CLI."""

from __future__ import annotations

import csv
import itertools
from collections import Counter
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from observe.cli import main
from observe.coaching.impact import LocalImpactSource, local_report, school_year_start
from observe.coaching.impact_tables import cell_text, write_report
from observe.demo import load_demo
from observe.store.models import CoachingLogEntry, LookFor, LookForSet, Visit
from tests.coaching.helpers import T0, make_room, visit_with_voices

START, END = date(2026, 8, 1), date(2026, 11, 22)


@pytest.fixture
def demo(store):
    load_demo(store, "small")
    return store


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_visits_per_week_add_up_to_the_visits_in_the_period(demo):
    report = local_report(demo, None, None, UTC)
    table = report.tables["visits_per_week"]
    with demo.read() as s:
        total = s.scalar(select(func.count()).select_from(Visit).where(Visit.deleted.is_(False)))
    assert sum(table.column("visits")) == total
    weeks = table.column("week_start")
    assert all(b - a == timedelta(days=7) for a, b in itertools.pairwise(weeks))
    for row in table.dicts():  # the per-type columns add up to the week's visits
        types = ("learning_walk", "coaching_observation", "modeling", "co_teaching")
        assert row["visits"] == sum(row[t] for t in types) + row["student_listening"]


def test_time_tables_agree_with_the_log(demo):
    report = local_report(demo, None, None, UTC)
    with demo.read() as s:
        minutes = s.scalar(
            select(func.sum(CoachingLogEntry.minutes)).where(CoachingLogEntry.deleted.is_(False))
        )
    by_activity = report.tables["time_by_activity"]
    by_week = report.tables["time_by_week"]
    assert sum(by_activity.column("minutes")) == minutes == sum(by_week.column("total_minutes"))
    assert sum(by_activity.column("share_of_time")) == pytest.approx(1.0)
    coaching = sum(r["minutes"] for r in by_activity.dicts() if r["counts_as"] == "coaching")
    assert sum(by_week.column("coaching_minutes")) == coaching
    for row in by_week.dicts():
        if row["total_minutes"]:
            assert row["coaching_share"] == pytest.approx(
                row["coaching_minutes"] / row["total_minutes"]
            )


def test_cycles_show_the_measure_before_and_after(store):
    from observe.coaching import cycles
    from observe.coaching.cycles import CycleDraft
    from observe.store.models import MeasureKind

    teacher, room, seats = make_room(store, seats=24)
    cycle_id = cycles.save_cycle(
        store,
        CycleDraft(
            teacher,
            "Widen participation",
            measure_kind=MeasureKind.DISTINCT_VOICES,
            baseline=7,
            target=16,
            started_on=T0.date(),
        ),
    )
    for week, voices in enumerate((9, 17)):
        visit_with_voices(
            store, room, seats, voices, start=T0 + timedelta(weeks=week), cycle_id=cycle_id
        )
    [row] = local_report(store, START, END, UTC).tables["cycles"].dicts()
    # Before is the coach's baseline (a bare number), after the latest measured visit.
    assert (row["before"], row["before_out_of"], row["after"], row["after_out_of"]) == (
        7,
        None,
        17,
        24,
    )
    assert (row["change"], row["target_met"], row["visits"]) == (10, "yes", 2)


def test_participation_equity_by_week(store):
    _teacher, room, seats = make_room(store, seats=20)
    visit_with_voices(store, room, seats, 5, start=T0)  # 5/20 heard
    visit_with_voices(store, room, seats, 15, start=T0 + timedelta(days=2))  # 15/20
    visit_with_voices(store, room, seats, 18, start=T0 + timedelta(days=7), extra=18)
    rows = (
        local_report(store, T0.date(), T0.date() + timedelta(days=13), UTC)
        .tables["participation"]
        .dicts()
    )
    first, second = rows
    assert (first["visits_tallied"], first["contributions"]) == (2, 20)
    assert first["distinct_voices_mean"] == 10
    assert first["voice_share_mean"] == pytest.approx(0.5)
    # Week 2: 36 contributions; the most-heard 5 seats made 19 + 4.
    assert second["top_quarter_share_mean"] == pytest.approx(round(23 / 36, 4))


def test_every_table_written_as_csv_reads_back_the_same(demo, tmp_path):
    report = LocalImpactSource(demo, UTC).load(START, END)
    paths = write_report(report, tmp_path / "csv")
    assert sorted(p.name for p in paths) == sorted(f"{k}.csv" for k in report.tables)
    for table in report.ordered():
        rows = _read(tmp_path / "csv" / f"{table.key}.csv")
        assert list(rows[0]) == list(table.columns) if rows else True
        assert [list(r.values()) for r in rows] == [
            [cell_text(v) for v in row] for row in table.rows
        ]
    cycles = _read(tmp_path / "csv" / "cycles.csv")
    assert any(c["status"] == "Completed" and c["before"] for c in cycles)
    assert "Siobhán O'Connell" in {c["teacher"] for c in cycles}  # UTF-8 survives


def test_cli_writes_the_impact_tables(capsys, demo, tmp_path):
    data_dir = str(demo.paths.data_dir)
    out = tmp_path / "impact"
    code = main(
        ["report", "impact", "--out", str(out), "--data-dir", data_dir, "--from", "2026-08-01"]
    )
    printed = capsys.readouterr().out
    assert code == 0
    for name in ("visits_per_week", "time_by_activity", "cycles", "lookfors", "participation"):
        assert (out / f"{name}.csv").is_file() and f"{name}.csv" in printed
    visits = _read(out / "visits_per_week.csv")
    with demo.read() as s:
        total = s.scalar(select(func.count()).select_from(Visit))
    assert sum(int(r["visits"]) for r in visits) == total
    lookfors = _read(out / "lookfors.csv")
    assert {r["code"] for r in lookfors} >= {"SD1", "SD2"}


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--from", "2026-02-30"], "is not a date"),
        (["--from", "2026-10-01", "--to", "2026-09-01"], "is after --to"),
    ],
)
def test_cli_refuses_bad_dates_with_a_sentence(capsys, store, tmp_path, args, words):
    code = main(
        [
            "report",
            "impact",
            "--out",
            str(tmp_path / "x"),
            "--data-dir",
            str(store.paths.data_dir),
            *args,
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and words in err and "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_cli_refuses_an_out_path_that_is_a_file(capsys, store, tmp_path):
    target = tmp_path / "taken"
    target.write_text("not a folder")
    code = main(["report", "impact", "--out", str(target), "--data-dir", str(store.paths.data_dir)])
    assert code == 1 and "is a file" in capsys.readouterr().err
    assert target.read_text() == "not a folder"


def test_school_year_starts_in_august():
    assert school_year_start(date(2026, 11, 23)) == date(2026, 8, 1)
    assert school_year_start(date(2027, 3, 2)) == date(2026, 8, 1)
    assert school_year_start(date(2027, 8, 1)) == date(2027, 8, 1)


def _one_lookfor(store) -> LookFor:
    """A look-for set of one look-for, "Students explain"."""
    with store.write() as s:
        lset = LookForSet(name="Discourse")
        lookfor = LookFor(lookfor_set=lset, code="DI1", title="Students explain")
        s.add_all([lset, lookfor])
    return lookfor


def test_look_for_weeks_follow_the_coachs_time_zone_even_at_half_hours(store):
    """18:40 UTC on Sunday 13 Sep is 00:10 on Monday 14 Sep in India (UTC+5:30)."""
    from datetime import datetime, timezone

    from observe.capture.evidence import save_evidence
    from observe.capture.visits import start_visit
    from observe.store.models import EvidenceKind, VisitType

    _teacher, room, _seats = make_room(store, seats=4)
    lookfor = _one_lookfor(store)
    sunday_evening = datetime(2026, 9, 13, 18, 40, tzinfo=UTC)
    visit = start_visit(store, room, VisitType.COACHING_OBSERVATION, started_at=sunday_evening)
    save_evidence(
        store,
        visit.id,
        EvidenceKind.STUDENT_TALK,
        "Because the slope is 3",
        lookfor_ids=[lookfor.id],
        observed_at=sunday_evening,
    )
    india = timezone(timedelta(hours=5, minutes=30))
    week = date(2026, 9, 14)
    for tz, expected in ((india, week), (UTC, week - timedelta(days=7))):
        trends = local_report(store, None, None, tz).tables["lookfor_trends"].dicts()
        assert [(r["week_start"], r["tagged_evidence"], r["evidence"]) for r in trends] == [
            (expected, 1, 1)
        ]


def test_items_of_a_visit_deleted_on_another_device_are_not_counted(store):
    """A tombstone synced from another device marks only the visit deleted: its items keep
    deleted = 0, and still must not count (nor their look-for tags)."""
    from datetime import datetime

    from observe.capture.evidence import save_evidence
    from observe.capture.visits import start_visit
    from observe.store.models import EvidenceKind, VisitType

    _teacher, room, _seats = make_room(store, seats=4)
    lookfor = _one_lookfor(store)
    monday = datetime(2026, 9, 14, 14, 0, tzinfo=UTC)
    kept, gone = (
        start_visit(store, room, VisitType.COACHING_OBSERVATION, started_at=monday + delta)
        for delta in (timedelta(0), timedelta(hours=2))
    )
    for visit, texts in ((kept, ["Because the slope is 3"]), (gone, ["One", "Two", "Three"])):
        for text in texts:
            save_evidence(
                store,
                visit.id,
                EvidenceKind.STUDENT_TALK,
                text,
                lookfor_ids=[lookfor.id],
                observed_at=monday + timedelta(hours=2 if visit is gone else 0),
            )
    with store.write() as s:
        s.get(Visit, gone.id).deleted = True  # the visit only, as a synced tombstone leaves it

    report = local_report(store, None, None, UTC)
    (row,) = report.tables["lookfors"].dicts()
    assert row["tagged_evidence"] == 1
    assert "1 evidence items in the period" in report.tables["lookfors"].note
    assert [
        (r["tagged_evidence"], r["evidence"]) for r in report.tables["lookfor_trends"].dicts()
    ] == [(1, 1)]
    assert sum(r["visits"] for r in report.tables["visits_per_week"].dicts()) == 1


@pytest.mark.parametrize(
    "zone",
    ["America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "Europe/London"],
)
def test_look_for_weeks_are_each_items_local_week_whatever_the_zone(store, zone):
    """Items are grouped by UTC hour when every hour falls on one local day, by quarter hour
    when not (India at +5:30, Nepal at +5:45, Chatham at +12:45/+13:45): either way each item
    counts in the week of its own local time, around midnights and changes of clocks too."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from observe.capture.evidence import save_evidence
    from observe.capture.visits import start_visit
    from observe.coaching.dates import week_start
    from observe.store.models import EvidenceKind, VisitType

    tz = ZoneInfo(zone)
    _teacher, room, _seats = make_room(store, seats=4)
    lookfor = _one_lookfor(store)
    moments = [
        datetime(2026, m, d, h, minute, tzinfo=UTC)
        for m, d in ((3, 8), (3, 29), (4, 5), (9, 27), (11, 1))  # Sundays, around clock changes
        for h in (0, 4, 5, 10, 11, 12, 13, 18, 19, 23)
        for minute in (10, 40, 50)
    ]
    visit = start_visit(store, room, VisitType.COACHING_OBSERVATION, started_at=moments[0])
    # The trend has a row for every week from the first visit's to the last's.
    start_visit(store, room, VisitType.COACHING_OBSERVATION, started_at=moments[-1])
    for i, moment in enumerate(moments):
        save_evidence(
            store,
            visit.id,
            EvidenceKind.STUDENT_TALK,
            f"Item {i}",
            lookfor_ids=[lookfor.id] if i % 2 else [],
            observed_at=moment,
        )
    expected_all = Counter(week_start(m.astimezone(tz).date()) for m in moments)
    expected_tagged = Counter(week_start(m.astimezone(tz).date()) for m in moments[1::2])
    trends = local_report(store, None, None, tz).tables["lookfor_trends"].dicts()
    got = {r["week_start"]: (r["tagged_evidence"], r["evidence"]) for r in trends if r["evidence"]}
    assert got == {w: (expected_tagged[w], n) for w, n in expected_all.items()}
