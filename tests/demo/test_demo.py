"""The demo generator against real profiles: shape, sync bookkeeping, safety and determinism."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text

from observe.demo import SCALES, DemoCancelled, Scale, load_demo, load_scale
from observe.demo.schoolyear import school_year_days
from observe.errors import ObserveError, UsageError
from observe.store import Store, open_profile
from observe.store.models import (
    SYNC_MODELS,
    CoachingCycle,
    CycleStatus,
    CycleStep,
    Evidence,
    EvidenceKind,
    Feedback,
    LookFor,
    LookForSet,
    OutboxOp,
    School,
    Seat,
    Teacher,
    Visibility,
    Visit,
    VisitType,
    Walk,
)
from observe.store.snapshot import snapshot

TODAY = date(2026, 3, 16)  # a Monday in the 2025–26 school year; keeps tests calendar-proof
ZONE = ZoneInfo(SCALES["small"].timezone)

# Common first names the corpus never uses: any of them in evidence would be a student name.
STUDENT_NAMES = (
    *("Emma", "Olivia", "Liam", "Noah", "Sophia", "Jackson", "Aiden", "Madison", "Ethan"),
    *("Isabella", "Jacob", "Mason", "Mia", "Lucas", "Logan", "Harper", "Elijah", "Amelia"),
    *("Ana", "Maria", "Jayden", "Muhammad", "Aaliyah", "Camila", "Diego", "Sofia", "Jamal"),
    *("Tyler", "Brianna", "Kayla", "DeShawn", "Luis", "Aisha", "Hannah", "Emily", "Daniel"),
)

#: Kinds the demo makes: every synced kind but teachers' reflections (teachers write those) and
#: work samples' scores (the demo attaches no photos to score).
DEMO_MODELS = tuple(m for m in SYNC_MODELS if m.kind not in ("reflection", "sample_score"))


def scalar(store: Store, sql: str) -> object:
    with store.engine.connect() as conn:
        return conn.execute(text(sql)).scalar()


def rows(store: Store, sql: str) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def evidence_texts(store: Store) -> list[str]:
    return [r[0] for r in rows(store, "SELECT text FROM evidence ORDER BY observed_at, text")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One small demo shared by the read-only tests (loading it per test adds nothing)."""
    s = open_profile(tmp_path_factory.mktemp("demo") / "profile")
    s.demo_summary = load_demo(s, "small", today=TODAY)  # type: ignore[attr-defined]
    try:
        yield s
    finally:
        s.close()


# --- shape -------------------------------------------------------------------------------------


def test_small_demo_has_the_expected_shape(demo):
    counts = demo.counts()
    assert demo.demo_summary.counts == counts
    assert counts["school"] == 1
    assert counts["teacher"] == 12
    assert 12 <= counts["classroom"] <= 36
    assert counts["seat"] >= 20 * counts["classroom"]
    assert counts["lookfor_set"] == 1
    assert counts["lookfor"] == 8
    assert counts["walk"] == 6
    assert 2 <= counts["coaching_cycle"] <= 3
    assert 30 <= counts["visit"] <= 120
    assert 300 <= counts["evidence"] <= 2000
    assert counts["participation_event"] >= 100
    assert counts["feedback"] >= 5
    assert counts["cycle_step"] >= 10
    assert counts["coaching_log_entry"] >= 20
    assert counts["outbox"] == sum(counts[m.kind] for m in SYNC_MODELS)


def test_every_evidence_kind_and_the_main_visit_types_are_present(demo):
    kinds = {r[0] for r in rows(demo, "SELECT DISTINCT evidence_kind FROM evidence")}
    assert kinds == {k.value for k in EvidenceKind}
    types = {r[0] for r in rows(demo, "SELECT DISTINCT visit_type FROM visit")}
    assert {"learning_walk", "coaching_observation", "student_listening"} <= types


def test_walks_have_three_to_six_visits_in_their_own_school(demo):
    with demo.read() as s:
        for walk in s.scalars(select(Walk)):
            assert 3 <= len(walk.visits) <= 6
            assert walk.lookfor_set_id is not None
            for visit in walk.visits:
                assert visit.visit_type is VisitType.LEARNING_WALK
                assert visit.classroom.teacher.school_id == walk.school_id
                assert walk.started_at <= visit.started_at <= visit.ended_at <= walk.ended_at


def test_lookfor_set_is_shared_with_hotkeys_one_to_eight(demo):
    with demo.read() as s:
        lset = s.scalars(select(LookForSet)).one()
        assert lset.visibility is Visibility.TEAM
        assert [lf.hotkey for lf in lset.items] == list(range(1, 9))
        assert len({lf.code for lf in lset.items}) == 8
        assert all(lf.category and lf.title for lf in lset.items)
    visibilities = Counter(r[0] for r in rows(demo, "SELECT visibility FROM evidence"))
    assert visibilities["private"] > visibilities["team"] > 0


def test_evidence_is_tagged_and_timed_inside_its_visit(demo):
    tagged = scalar(demo, "SELECT count(DISTINCT evidence_id) FROM evidence_lookfor")
    assert tagged > scalar(demo, "SELECT count(*) FROM evidence") / 2
    outside = scalar(
        demo,
        "SELECT count(*) FROM evidence e JOIN visit v ON v.id = e.visit_id "
        "WHERE e.observed_at < v.started_at OR e.observed_at > v.ended_at",
    )
    assert outside == 0


def test_visits_fall_on_past_school_days_in_school_hours(demo):
    _year, past = school_year_days(TODAY)
    with demo.read() as s:
        for visit in s.scalars(select(Visit)):
            local_start = visit.started_at.astimezone(ZONE)
            local_end = visit.ended_at.astimezone(ZONE)
            assert local_start.date() in past
            assert time(7, 30) <= local_start.time() and local_end.time() <= time(15, 30)


def test_student_listening_has_prompts_and_indexed_answers(demo):
    with demo.read() as s:
        sessions = s.scalars(
            select(Visit).where(Visit.visit_type == VisitType.STUDENT_LISTENING)
        ).all()
        assert sessions
        for visit in sessions:
            assert visit.prompts and len(visit.prompts) >= 3
            answers = [e for e in visit.evidence if e.prompt_index is not None]
            assert answers
            assert {e.prompt_index for e in answers} == set(range(len(visit.prompts)))
            assert all(e.evidence_kind is EvidenceKind.STUDENT_TALK for e in answers)
    # Visits without prompts store SQL NULL, as the ORM path does, not the JSON text 'null'.
    assert scalar(demo, "SELECT count(*) FROM visit WHERE prompts = 'null'") == 0


def test_participation_is_on_seats_of_the_visited_classroom(demo):
    mismatched = scalar(
        demo,
        "SELECT count(*) FROM participation_event p JOIN visit v ON v.id = p.visit_id "
        "JOIN seat s ON s.id = p.seat_id WHERE s.classroom_id != v.classroom_id",
    )
    assert mismatched == 0
    kinds = {
        r[0] for r in rows(demo, "SELECT DISTINCT participation_kind FROM participation_event")
    }
    assert len(kinds) == 4


def test_feedback_glows_point_at_evidence_from_the_same_visit(demo):
    with demo.read() as s:
        for fb in s.scalars(select(Feedback)):
            assert fb.wondering
            assert 1 <= len(fb.glows) <= 3
            for glow in fb.glows:
                evidence = s.get(Evidence, glow["evidence_id"])
                assert evidence is not None and evidence.visit_id == fb.visit_id
                assert glow["text"]
            if fb.shared_at is not None:
                assert fb.visibility is Visibility.TEACHER


def test_cycles_have_steps_and_linked_visits(demo):
    with demo.read() as s:
        cycles = s.scalars(select(CoachingCycle)).all()
        statuses = {c.status for c in cycles}
        assert CycleStatus.COMPLETED in statuses
        for cycle in cycles:
            assert len(cycle.steps) >= 4
            assert [st.position for st in cycle.steps] == sorted(st.position for st in cycle.steps)
            linked = s.scalar(select(func.count()).where(Visit.cycle_id == cycle.id))
            if cycle.status is CycleStatus.COMPLETED:
                assert cycle.reflection and cycle.ended_on
                assert linked >= 2
        done = s.scalar(select(func.count()).where(CycleStep.done_on.is_not(None)))
        assert done >= 3
    weeks = scalar(
        demo, "SELECT count(DISTINCT strftime('%Y-%W', occurred_on)) FROM coaching_log_entry"
    )
    assert weeks >= 10


def test_completed_cycles_have_a_survey_and_scores_before_and_after(demo):
    """The demo's evidence from students reads as the cycle window and summary show it."""
    from observe.coaching import scores, surveys

    with demo.read() as s:
        cycles = s.scalars(select(CoachingCycle).order_by(CoachingCycle.started_on)).all()
        completed = [c.id for c in cycles if c.status is CycleStatus.COMPLETED]
    assert completed
    for cycle_id in completed:
        found = surveys.cycle_surveys(demo, cycle_id)
        assert found.before_respondents and found.after_respondents
        for m in found.measures:
            assert m.before is not None and m.after is not None
            assert m.before.answered == found.before_respondents
            assert m.after.share > m.before.share  # the cycle helped, as the demo tells it
    assessed = [scores.cycle_assessment(demo, c) for c in completed]
    measured = [a for a in assessed if a is not None]
    assert measured, "at least one completed cycle has a common task's scores"
    for a in measured:
        assert a.before and a.after and a.after.share > a.before.share
        assert a.before.students == a.after.students and a.threshold == "“at or above 3 of 4”"
    # Nothing names a student: titles and questions are the coach's words about the class.
    texts = [r[0] for r in rows(demo, "SELECT questions FROM cycle_survey")]
    assert all(name not in t for t in texts for name in STUDENT_NAMES)


# --- sync bookkeeping --------------------------------------------------------------------------


def test_every_record_has_exactly_one_outbox_row(demo):
    outbox = dict(rows(demo, "SELECT record_kind, count(*) FROM outbox GROUP BY record_kind"))
    for model in SYNC_MODELS:
        assert outbox.get(model.kind, 0) == demo.counts()[model.kind], model.kind
        orphans = scalar(
            demo,
            f"SELECT count(*) FROM {model.__tablename__} r "
            f"LEFT JOIN outbox o ON o.record_id = r.id AND o.record_kind = '{model.kind}' "
            "WHERE o.seq IS NULL",
        )
        assert orphans == 0, model.kind
    assert (
        scalar(
            demo,
            "SELECT count(*) FROM (SELECT record_id FROM outbox "
            "GROUP BY record_id HAVING count(*) > 1)",
        )
        == 0
    )
    assert scalar(demo, "SELECT count(DISTINCT op) FROM outbox") == 1


def test_bulk_snapshots_equal_what_the_orm_path_would_queue(demo):
    """Sync can't tell demo records from hand-captured ones."""
    with demo.read() as s:
        for model in DEMO_MODELS:
            record = s.scalars(select(model).order_by(model.id).limit(1)).one()
            queued = s.scalars(select(OutboxOp).where(OutboxOp.record_id == record.id)).one()
            assert queued.snapshot == json.loads(json.dumps(snapshot(record))), model.kind
        tagged = s.scalars(
            select(Evidence)
            .where(Evidence.id.in_(text("SELECT evidence_id FROM evidence_lookfor")))
            .limit(1)
        ).one()
        queued = s.scalars(select(OutboxOp).where(OutboxOp.record_id == tagged.id)).one()
        assert queued.snapshot["lookfor_ids"] == sorted(lf.id for lf in tagged.lookfors) != []


def test_evidence_is_searchable(demo):
    assert scalar(demo, "SELECT count(*) FROM evidence_fts") == demo.counts()["evidence"]
    hits = scalar(demo, "SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'table'")
    like = scalar(demo, "SELECT count(*) FROM evidence WHERE text LIKE '%table%'")
    assert 0 < hits <= like
    arabic = scalar(demo, "SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH 'المثلثين'")
    assert arabic == 1


# --- privacy and Unicode -----------------------------------------------------------------------


def test_no_student_or_teacher_names_in_evidence(demo):
    texts = evidence_texts(demo)
    names = re.compile(r"\b(" + "|".join(STUDENT_NAMES) + r")\b")
    assert [t for t in texts if names.search(t)] == []
    with demo.read() as s:
        teachers = s.scalars(select(Teacher.display_name)).all()
        labels = s.scalars(select(Seat.label)).all()
        groups = {g for g in s.scalars(select(Seat.group_label)) if g}
    words = {w for name in teachers for w in re.split(r"[\s()]+", name) if len(w) > 2}
    assert [t for t in texts if any(re.search(rf"\b{re.escape(w)}\b", t) for w in words)] == []
    assert all(re.fullmatch(r"[A-Z][0-9]{1,2}", label) for label in labels)
    assert groups <= {f"Table {n}" for n in range(1, 7)}
    assert groups


def test_teacher_names_and_evidence_keep_their_unicode(demo):
    with demo.read() as s:
        names = set(s.scalars(select(Teacher.display_name)))
        assert {"Nguyễn Thị Ánh", "Zoë Okafor", "Ólafur Jónsson", "José Álvarez"} <= names
        assert all(e.isascii() for e in s.scalars(select(Teacher.email)))
    texts = evidence_texts(demo)
    assert any(re.search(r"[\u0590-\u08ff]", t) for t in texts)  # right-to-left script
    assert any(re.search(r"[\U0001F300-\U0001FAFF]", t) for t in texts)  # emoji
    assert any("Cô ơi" in t for t in texts)


# --- refusing, cancelling, progress ------------------------------------------------------------


def test_refuses_a_profile_with_records_and_changes_nothing(store):
    with store.write() as s:
        s.add(School(name="Lincoln Middle"))
    before = store.counts()
    with pytest.raises(UsageError, match="already has records"):
        load_demo(store)
    assert store.counts() == before


def test_unknown_size_is_a_usage_error(store):
    with pytest.raises(UsageError, match="not a demo size"):
        load_demo(store, "huge")
    assert store.is_empty()


def test_cancel_rolls_everything_back(store):
    calls = 0

    def cancel_on_third_batch() -> bool:
        nonlocal calls
        calls += 1
        return calls >= 3

    seen: list[tuple[int, int]] = []
    with pytest.raises(DemoCancelled) as info:
        load_demo(
            store,
            today=TODAY,
            should_cancel=cancel_on_third_batch,
            progress=lambda d, t: seen.append((d, t)),
        )
    assert isinstance(info.value, ObserveError) and "cancelled" in str(info.value)
    assert seen and seen[-1][0] > 0  # it really had written something before cancelling
    assert store.is_empty()
    assert store.counts()["outbox"] == 0
    for table in ("evidence_lookfor", "evidence_fts", "evidence_search_key"):
        assert scalar(store, f"SELECT count(*) FROM {table}") == 0
    # ...and the profile is still usable for a real load afterwards.
    assert load_demo(store, today=TODAY).counts["evidence"] > 0


def test_progress_is_monotonic_and_ends_at_the_total(store):
    seen: list[tuple[int, int]] = []
    summary = load_demo(store, progress=lambda d, t: seen.append((d, t)))
    assert len(seen) >= 5
    totals = {t for _, t in seen}
    assert totals == {summary.counts["outbox"]}
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[0] == 0 and done[-1] == summary.counts["outbox"]
    assert summary.seconds > 0


# --- determinism and the calendar --------------------------------------------------------------


def test_same_seed_same_content(tmp_path: Path):
    profiles = [open_profile(tmp_path / name) for name in ("a", "b", "c")]
    try:
        for profile, seed in zip(profiles, (7, 7, 8), strict=True):
            load_demo(profile, seed=seed, today=TODAY)
        a, b, c = (evidence_texts(p) for p in profiles)
        assert a == b
        assert a != c
        query = "SELECT label, group_label FROM seat ORDER BY created_at, row, col, label"
        assert rows(profiles[0], query) == rows(profiles[1], query)
        query = "SELECT started_at, visit_type, focus FROM visit ORDER BY started_at, focus"
        assert rows(profiles[0], query) == rows(profiles[1], query)
    finally:
        for profile in profiles:
            profile.close()


@pytest.mark.parametrize(
    ("today", "first_day", "last_day"),
    [
        (date(2026, 11, 23), date(2026, 8, 17), date(2026, 11, 20)),  # mid-year: so far
        (date(2026, 7, 10), date(2025, 8, 18), date(2026, 6, 11)),  # summer: last year
        (date(2026, 8, 24), date(2025, 8, 18), date(2026, 6, 11)),  # first weeks: last year
    ],
)
def test_school_year_window(today: date, first_day: date, last_day: date):
    year, past = school_year_days(today)
    assert past[0] == first_day and past[-1] == last_day
    assert all(d.weekday() < 5 for d in year)
    assert not any(date(2025, 12, 22) <= d <= date(2026, 1, 1) for d in year)


def test_times_are_utc_and_never_after_today(store):
    load_demo(store, today=TODAY)
    with store.read() as s:
        latest = s.scalar(select(func.max(Evidence.observed_at)))
        assert latest.tzinfo == UTC
        assert latest.date() < TODAY
        for model in DEMO_MODELS:
            newest = s.scalar(select(func.max(model.created_at)))
            assert newest.date() <= TODAY, model.kind


# --- the district path, scaled down ------------------------------------------------------------


def test_district_path_at_reduced_scale(store):
    scale = Scale(
        schools=3,
        teachers=9,
        classrooms_per_teacher=(1, 2),
        walks=9,
        visits_per_walk=(3, 5),
        walk_evidence=(6, 14),
        observations=10,
        observation_evidence=(20, 45),
        listening=2,
        cycles=5,
        min_evidence=1500,
    )
    summary = load_scale(store, scale, seed=11, today=TODAY)
    counts = store.counts()
    assert summary.counts == counts
    assert counts["school"] == 3 and counts["teacher"] == 9
    assert counts["evidence"] >= 1500
    assert counts["coaching_cycle"] == 5
    assert counts["outbox"] == sum(counts[m.kind] for m in SYNC_MODELS)
    assert scalar(store, "SELECT count(*) FROM evidence_fts") == counts["evidence"]
    schools_walked = scalar(store, "SELECT count(DISTINCT school_id) FROM walk")
    assert schools_walked == 3
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(LookFor)) == 8


def test_district_scale_is_big_enough():
    """The district size itself is too slow for unit tests; its parameters are checked instead."""
    district = SCALES["district"]
    assert district.min_evidence >= 100_000
    assert district.teachers >= 40 and 3 <= district.schools <= 4


def test_shared_demo_feedback_carries_what_saving_it_would_publish(demo):
    """The teacher's copy of every shared demo sheet equals what the app publishes on save,
    read back from the visit itself; private feedback publishes nothing."""
    from observe.feedback.draft import Glow
    from observe.feedback.facts import read_visit_facts
    from observe.feedback.publish import published_document, teacher_email
    from observe.store.models import Feedback, Visibility

    checked = 0
    with demo.read() as s:
        for row in s.scalars(select(Feedback).order_by(Feedback.id)):
            if row.visibility is not Visibility.TEACHER:
                assert row.published is None
                continue
            facts = read_visit_facts(s, row.visit_id)
            _, email = teacher_email(s, row.visit_id)
            expected = published_document(
                facts,
                [Glow(g["text"], g["evidence_id"]) for g in row.glows],
                row.wondering,
                row.reflection_prompt,
                teacher_email=email or "",
                coach_name=None,
                shared_at=row.shared_at,
            )
            assert row.published == expected, row.id
            checked += 1
    assert checked >= 5


# --- several school years (issue 18: the desktop at five years of data) ------------------------


def test_school_years_before_this_one_come_first_and_complete():
    one_year, one_past = school_year_days(TODAY)
    days, past = school_year_days(TODAY, years=3)
    assert days[-len(one_year) :] == one_year and past[-len(one_past) :] == one_past
    assert past[0] == date(2023, 8, 17) and days[: len(past)] == past
    assert {d.year for d in past} == {2023, 2024, 2025, 2026}
    assert not any(date(2024, 12, 22) <= d <= date(2025, 1, 1) for d in days)


def test_years_repeat_the_yearly_amount_over_consecutive_school_years(tmp_path: Path):
    one = open_profile(tmp_path / "one")
    three = open_profile(tmp_path / "three")
    try:
        load_demo(one, "small", today=TODAY)
        summary = load_demo(three, "small", today=TODAY, years=3)
        counts, yearly = three.counts(), one.counts()
        assert summary.counts == counts
        # Same teachers and rooms; three years of walks, visits and evidence.
        assert counts["teacher"] == yearly["teacher"] and counts["school"] == yearly["school"]
        assert counts["walk"] == 3 * yearly["walk"]
        assert 2.5 * yearly["evidence"] <= counts["evidence"] <= 3.5 * yearly["evidence"]
        assert counts["outbox"] == sum(counts[m.kind] for m in SYNC_MODELS)
        starts = [r[0] for r in rows(three, "SELECT substr(started_at, 1, 10) FROM visit")]
        years_visited = {date.fromisoformat(s).year for s in starts}
        assert years_visited == {2023, 2024, 2025, 2026}
        assert max(date.fromisoformat(s) for s in starts) < TODAY
        assert scalar(three, "SELECT count(*) FROM evidence_fts") == counts["evidence"]
    finally:
        one.close()
        three.close()


@pytest.mark.parametrize("years", [0, 11])
def test_years_out_of_range_is_a_usage_error(store, years: int):
    with pytest.raises(UsageError, match=f"1 to 10 school years, not {years}"):
        load_demo(store, "small", years=years)
    assert store.is_empty()
