"""Visits, participation figures and drafts, against a real profile."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from observe.capture import drafts, participation, visits
from observe.capture.evidence import restore_evidence, save_evidence, visit_evidence
from observe.capture.participation import SeatSpec
from observe.errors import UsageError
from observe.roster import csv_import as roster
from observe.store import open_profile
from observe.store.models import (
    EvidenceKind,
    OutboxOp,
    ParticipationKind,
    VisitType,
)

from ..store.helpers import make_visit

ROSTER = """teacher,subject,grade,period,room
Nguyễn Thị Ánh,Math 7,7,1,B12
Nguyễn Thị Ánh,Math 7,7,3,B12
Zoë Okafor,Science,6,2,Lab 1
Ólafur Jónsson,History,8,4,C3
"""


def chart(store, classroom_id: str, groups: list[str | None]) -> list:
    cells = {
        (0, i): SeatSpec(participation.default_label(0, i), group) for i, group in enumerate(groups)
    }
    return participation.save_seating(store, classroom_id, 1, len(groups), cells)


def classroom_of(store, visit_id: str) -> str:
    from observe.store.models import Visit

    with store.read() as s:
        return s.get_one(Visit, visit_id).classroom_id


def test_distinct_voices_and_group_shares(store):
    visit_id, _ = make_visit(store)
    room = classroom_of(store, visit_id)
    seats = chart(store, room, ["Table 1", "Table 1", "Table 2", "Table 2"])
    a1, a2, a3, _a4 = seats
    for seat, kind in [
        (a1, ParticipationKind.VOLUNTEERED),
        (a1, ParticipationKind.CALLED_ON),
        (a2, ParticipationKind.PEER_TALK),
        (a3, ParticipationKind.ASKED_QUESTION),
    ]:
        participation.tally(store, visit_id, seat.id, kind)
    summary = participation.visit_summary(store, visit_id)
    assert summary.contributions == 4
    assert summary.occupied_seats == 4 and summary.distinct_voices == 3
    t1, t2 = summary.groups
    assert (t1.group, t1.contributions, t1.share_of_contributions, t1.share_of_class) == (
        "Table 1",
        3,
        0.75,
        0.5,
    )
    assert (t2.group, t2.contributions, t2.voices, t2.share_of_contributions) == (
        "Table 2",
        1,
        1,
        0.25,
    )
    assert summary.sentence() == "3 of 4 students spoke (4 contributions); every group contributed."
    assert summary.by_kind[ParticipationKind.VOLUNTEERED] == 1


def test_removing_a_tally_changes_the_figures_and_syncs(store):
    visit_id, _ = make_visit(store)
    seats = chart(store, classroom_of(store, visit_id), ["A", "B"])
    event = participation.tally(store, visit_id, seats[1].id, ParticipationKind.VOLUNTEERED)
    participation.remove_tally(store, event.id)
    summary = participation.visit_summary(store, visit_id)
    assert summary.contributions == 0
    assert summary.sentence() == "0 of 2 students spoke (0 contributions)."
    participation.restore_tally(store, event.id)
    summary = participation.visit_summary(store, visit_id)
    assert summary.sentence() == "1 of 2 students spoke (1 contribution); not yet heard from: A."
    with store.read() as s:
        ops = s.scalar(select(func.count()).where(OutboxOp.record_id == event.id))
    assert ops == 3


def test_seating_edits_keep_seat_identity_and_refuse_bad_charts(store):
    visit_id, _ = make_visit(store)
    room = classroom_of(store, visit_id)
    first = chart(store, room, ["G1", "G1", "G2"])
    again = participation.save_seating(
        store,
        room,
        2,
        3,
        {
            (0, 0): SeatSpec("Front-left", "G1"),
            (0, 1): SeatSpec("A2", "G3"),
            (1, 0): SeatSpec("B1"),
        },
    )
    by_pos = {(s.row, s.col): s for s in again}
    assert by_pos[(0, 0)].id == first[0].id and by_pos[(0, 0)].label == "Front-left"
    assert by_pos[(0, 1)].group_label == "G3"
    assert (0, 2) not in by_pos and by_pos[(1, 0)].group_label is None
    with pytest.raises(UsageError, match="used twice"):
        participation.save_seating(
            store, room, 1, 2, {(0, 0): SeatSpec("X"), (0, 1): SeatSpec("X")}
        )
    with pytest.raises(UsageError, match="rows by"):
        participation.save_seating(store, room, 0, 2, {})
    assert len(participation.live_seats(store, room)) == 3


def test_visit_lifecycle_and_walk_order(store):
    visit_id, _ = make_visit(store)
    room = classroom_of(store, visit_id)
    walk = visits.start_walk(store, "Week 6 walk", focus="Student talk")
    v1 = visits.start_visit(store, room, VisitType.LEARNING_WALK, walk_id=walk.id)
    ended = visits.end_visit(store, v1.id)
    assert ended.ended_at is not None and ended.ended_at >= v1.started_at
    again = visits.end_visit(store, v1.id, ended_at=ended.ended_at + timedelta(hours=1))
    assert again.ended_at == ended.ended_at
    assert visits.visited_classrooms(store, walk.id) == [room]


def test_type_ahead_puts_name_starts_first(store):
    preview = roster.parse_roster(store, ROSTER + "Anh Pham,Art,6,5,D1\n")
    roster.import_roster(store, preview)
    choices = visits.classroom_choices(store, "anh")
    assert [c.teacher_name for c in choices] == [
        "Anh Pham",
        "Nguyễn Thị Ánh",
        "Nguyễn Thị Ánh",
    ]
    assert [c.period for c in visits.classroom_choices(store, "nguyen")] == ["1", "3"]
    assert [c.teacher_name for c in visits.classroom_choices(store, "zoe")] == ["Zoë Okafor"]
    assert visits.classroom_choices(store, "nobody here") == []
    assert len(visits.classroom_choices(store, "")) == 5
    science = visits.classroom_choices(store, "sci lab")
    assert [c.label for c in science] == ["Zoë Okafor · Science · period 2 · Lab 1"]


def test_drafts_survive_reopen_and_clear(profile_dir: Path):
    store = open_profile(profile_dir)
    visit_id, _ = make_visit(store)
    key = drafts.capture_key(visit_id)
    drafts.save_draft(store, key, '"We could use a ta', {"kind": "student_talk"})
    drafts.save_draft(store, key, '"We could use a table', {"kind": "student_talk"})
    store.close()
    store = open_profile(profile_dir)
    (draft,) = drafts.load_drafts(store, "capture:")
    assert draft.text == '"We could use a table' and draft.meta == {"kind": "student_talk"}
    drafts.save_draft(store, key, "   ")
    assert drafts.load_draft(store, key) is None
    store.close()


def test_restore_brings_back_deleted_evidence(store):
    from observe.capture.evidence import delete_evidence

    visit_id, _ = make_visit(store)
    item = save_evidence(store, visit_id, EvidenceKind.NOTE, "Anchor chart posted")
    delete_evidence(store, item.id)
    assert visit_evidence(store, visit_id) == []
    restore_evidence(store, item.id)
    assert [e.text for e in visit_evidence(store, visit_id)] == ["Anchor chart posted"]


def test_evidence_text_limits(store):
    visit_id, _ = make_visit(store)
    with pytest.raises(UsageError, match="needs some text"):
        save_evidence(store, visit_id, EvidenceKind.NOTE, "   ")
    with pytest.raises(UsageError, match="the limit is 100,000"):
        save_evidence(store, visit_id, EvidenceKind.NOTE, "x" * 100_001)
    big = save_evidence(store, visit_id, EvidenceKind.NOTE, "y" * 50_000)
    assert len(visit_evidence(store, visit_id)[0].text) == 50_000 and big.id


def test_quick_chart_shapes_fit_the_seats_in_rows_of_six_or_eight():
    from observe.capture.participation import MAX_COLS, MAX_ROWS, quick_chart_shape

    assert quick_chart_shape(4) == (1, 4)
    assert quick_chart_shape(24) == (4, 6)
    assert quick_chart_shape(30) == (5, 6)
    assert quick_chart_shape(40) == (5, 8)
    rows, cols = quick_chart_shape(MAX_ROWS * MAX_COLS)
    assert (rows, cols) == (MAX_ROWS, MAX_COLS)
    for n in (1, 7, 37, 170, 399):
        rows, cols = quick_chart_shape(n)
        assert rows * cols >= n > (rows - 1) * cols and rows <= MAX_ROWS and cols <= MAX_COLS
    with pytest.raises(UsageError, match="1–400 seats"):
        quick_chart_shape(0)
