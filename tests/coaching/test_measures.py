"""Equity-of-voice figures and a cycle's measure before and after."""

from __future__ import annotations

from datetime import timedelta

import pytest

from observe.capture.evidence import save_evidence
from observe.capture.marks import ABOUT, NOT_YET, SEEN
from observe.capture.participation import visit_summary
from observe.capture.visits import start_visit
from observe.coaching import cycles, measures
from observe.coaching.cycles import CycleDraft
from observe.coaching.measures import equity, equity_from_counts
from observe.store.models import EvidenceKind, LookFor, LookForSet, MeasureKind, VisitType
from tests.coaching.helpers import T0, make_room, visit_with_voices


def test_even_talk_gives_a_quarter_to_the_most_heard_quarter():
    counts = {f"s{i}": 2 for i in range(24)}
    eq = equity_from_counts(24, counts)
    assert (eq.voices, eq.contributions) == (24, 48)
    assert eq.voice_share == pytest.approx(1.0)
    assert eq.top_quarter_share == pytest.approx(0.25)


def test_a_few_dominant_voices_raise_the_top_quarter_share():
    # 6 students (a quarter of 24) make 30 of 36 contributions; 6 others speak once each.
    counts = {**{f"loud{i}": 5 for i in range(6)}, **{f"quiet{i}": 1 for i in range(6)}}
    eq = equity_from_counts(24, counts)
    assert eq.voices == 12
    assert eq.voice_share == pytest.approx(0.5)
    assert eq.top_quarter_share == pytest.approx(30 / 36)


def test_silent_seats_count_in_the_quarter_but_not_as_voices():
    # 5 seats: the most-heard quarter is ceil(5/4) = 2 seats.
    eq = equity_from_counts(5, {"a": 3, "b": 1, "c": 0})
    assert (eq.voices, eq.contributions) == (2, 4)
    assert eq.top_quarter_share == pytest.approx(1.0)
    assert eq.voice_share == pytest.approx(0.4)


def test_no_talk_and_no_chart_give_unknowns_not_zeros():
    assert equity_from_counts(24, {}).top_quarter_share is None
    assert equity_from_counts(0, {}).voice_share is None


def test_group_gap_is_the_largest_difference_between_talk_share_and_class_share():
    # Two groups of equal size; one made 80% of the contributions.
    eq = equity_from_counts(10, {"a": 8, "b": 2}, [(0.5, 0.8), (0.5, 0.2)])
    assert eq.group_gap == pytest.approx(0.3)


def test_equity_of_a_real_visit_matches_its_participation_summary(store):
    _teacher, room, seats = make_room(store, seats=24, groups=4)
    visit_id = visit_with_voices(store, room, seats, voices=9, start=T0, extra=6)
    summary = visit_summary(store, visit_id)
    eq = equity(summary)
    assert (eq.seats, eq.voices, eq.contributions) == (24, 9, 15)
    # Most-heard quarter = 6 seats: the first seat's 7 plus five seats' 1 each.
    assert eq.top_quarter_share == pytest.approx(12 / 15)
    with store.read() as s:
        batch = measures.visit_equity(s, [visit_id])[visit_id]
    assert batch == eq


def _cycle(store, teacher_id, kind, **kw):
    return cycles.save_cycle(
        store,
        CycleDraft(
            teacher_id=teacher_id,
            focus="Widen participation in discussion",
            measure_kind=kind,
            **kw,
        ),
    )


def test_distinct_voices_before_and_after(store):
    teacher, room, seats = make_room(store, seats=24)
    cycle_id = _cycle(store, teacher, MeasureKind.DISTINCT_VOICES, baseline=9, target=16)
    for week, voices in enumerate((9, 12, 17)):
        visit_with_voices(
            store, room, seats, voices, start=T0 + timedelta(weeks=week), cycle_id=cycle_id
        )
    # A visit in the cycle without a tally: listed, but not measured.
    start_visit(
        store,
        room,
        VisitType.MODELING,
        cycle_id=cycle_id,
        started_at=T0 + timedelta(days=3),
    )
    progress = measures.cycle_progress(store, cycle_id)
    assert [p.text() for p in progress.points] == ["9/24", "not measured", "12/24", "17/24"]
    assert progress.before.text() == "9/24" and progress.after.text() == "17/24"
    assert progress.change == 8
    assert progress.target_met is True
    assert progress.sentence() == "Distinct voices: baseline 9 → 17/24 (+8); target 16, met."


def test_one_measured_visit_has_no_after(store):
    teacher, room, seats = make_room(store, seats=20)
    cycle_id = _cycle(store, teacher, MeasureKind.CONTRIBUTIONS, target=40)
    visit_with_voices(store, room, seats, 10, start=T0, extra=5, cycle_id=cycle_id)
    progress = measures.cycle_progress(store, cycle_id)
    assert progress.before.value == 15 and progress.after is None and progress.change is None
    assert "one measured visit so far" in progress.sentence()
    assert "not yet met" in progress.sentence()


def test_the_baseline_is_compared_with_the_latest_visit_not_the_first(store):
    teacher, room, seats = make_room(store, seats=20)
    cycle_id = _cycle(store, teacher, MeasureKind.DISTINCT_VOICES, baseline=6, target=15)
    visit_with_voices(store, room, seats, 10, start=T0, cycle_id=cycle_id)
    progress = measures.cycle_progress(store, cycle_id)
    # One measured visit is enough to compare with the baseline the coach set.
    assert (progress.start_value, progress.end_point.text(), progress.change) == (6, "10/20", 4)
    assert progress.sentence() == (
        "Distinct voices: baseline 6 → 10/20 (+4) in the one measured visit so far; "
        "target 15, not yet met."
    )
    visit_with_voices(store, room, seats, 13, start=T0 + timedelta(weeks=1), cycle_id=cycle_id)
    progress = measures.cycle_progress(store, cycle_id)
    assert progress.change == 7  # 13 − baseline 6, not 13 − first visit's 10
    assert (
        progress.sentence() == "Distinct voices: baseline 6 → 13/20 (+7); target 15, not yet met."
    )


def test_lookfor_frequency_counts_evidence_marked_seen_per_visit(store):
    teacher, room, _seats = make_room(store, seats=4)
    with store.write() as s:
        lset = LookForSet(name="Discourse")
        justify = LookFor(lookfor_set=lset, code="DI2", title="Students justify", hotkey=2)
        other = LookFor(lookfor_set=lset, code="DI3", title="Students build on", hotkey=3)
        s.add_all([lset, justify, other])
    cycle_id = _cycle(
        store,
        teacher,
        MeasureKind.LOOKFOR_FREQUENCY,
        measure_lookfor_id=justify.id,
        baseline=2,
        target=6,
    )
    for week, tagged in enumerate((2, 7)):
        visit = start_visit(
            store,
            room,
            VisitType.COACHING_OBSERVATION,
            cycle_id=cycle_id,
            started_at=T0 + timedelta(weeks=week),
        )
        for n in range(10):
            # Two more items each visit are only *about* DI2 (or show it not yet there): they
            # must not count as times it was seen.
            tags = [justify.id] if n < tagged + 2 else [other.id]
            mark = SEEN if n < tagged else (NOT_YET if n == tagged else ABOUT)
            save_evidence(
                store,
                visit.id,
                EvidenceKind.STUDENT_TALK,
                f"Because {n}",
                lookfor_ids=tags,
                lookfor_marks={justify.id: mark},
            )
    progress = measures.cycle_progress(store, cycle_id)
    assert [p.text() for p in progress.points] == ["2/10", "7/10"]
    assert progress.sentence().startswith(
        "Evidence marked seen: DI2 Students justify: baseline 2 → 7/10 (+5)"
    )


def test_a_cycle_without_visits_says_so(store):
    teacher, _room, _seats = make_room(store)
    cycle_id = _cycle(store, teacher, MeasureKind.DISTINCT_VOICES, baseline=9, target=18)
    assert measures.cycle_progress(store, cycle_id).sentence() == (
        "Distinct voices: no linked visit has measured it yet (baseline 9; target 18)."
    )
