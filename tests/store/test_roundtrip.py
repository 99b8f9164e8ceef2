"""Every record kind survives a write, a close and a reopen, with Unicode intact."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from observe.store import open_profile
from observe.store.models import (
    SYNC_MODELS,
    Classroom,
    CoachingCycle,
    CoachingLogEntry,
    CycleStatus,
    CycleStep,
    Evidence,
    EvidenceKind,
    Feedback,
    LogActivity,
    LookFor,
    LookForSet,
    MeasureKind,
    ParticipationEvent,
    ParticipationKind,
    School,
    Seat,
    StepKind,
    StepStatus,
    Teacher,
    Visibility,
    Visit,
    VisitType,
    Walk,
)

T0 = datetime(2026, 10, 6, 14, 5, 30, 250000, tzinfo=UTC)
LONG_NOTE = "Students revise their claims after peer feedback. " * 1000  # 50,000 characters


def build_all(s) -> dict[str, object]:
    school = School(name="École Saint-Éloi", timezone="America/Chicago")
    teacher = Teacher(school=school, display_name="Nguyễn Thị Ánh", email="anh@example.org")
    room = Classroom(
        teacher=teacher, subject="Math 7", grade="7", period="3", room="B12", rows=5, cols=6
    )
    seat = Seat(classroom=room, label="A1", row=0, col=0, group_label="Table 1")
    lset = LookForSet(
        name="Student discourse", description="Talk moves", visibility=Visibility.TEAM
    )
    lookfor = LookFor(
        lookfor_set=lset,
        code="D1",
        title="Students build on each other",
        category="Discourse",
        hotkey=1,
        position=0,
    )
    walk = Walk(school_id=None, title="Week 6 walk", focus="Who is talking?", started_at=T0)
    cycle = CoachingCycle(
        teacher=teacher,
        focus="Equity of voice",
        student_goal="More students explain their reasoning",
        measure_kind=MeasureKind.DISTINCT_VOICES,
        baseline=9,
        target=17,
        status=CycleStatus.ACTIVE,
        started_on=date(2026, 9, 1),
    )
    visit = Visit(
        classroom=room,
        walk=walk,
        cycle=cycle,
        visit_type=VisitType.STUDENT_LISTENING,
        started_at=T0,
        ended_at=T0.replace(minute=25),
        focus="Discourse",
        prompts=["What helps you learn?", "¿Cuándo hablas en clase?"],
    )
    talk = Evidence(
        visit=visit,
        observed_at=T0,
        evidence_kind=EvidenceKind.STUDENT_TALK,
        text='"I think it\'s 3 because… 🙂" — «مرحبا بالعالم»',
        lookfors=[lookfor],
        prompt_index=1,
    )
    note = Evidence(
        visit=visit,
        observed_at=T0.replace(second=59),
        evidence_kind=EvidenceKind.NOTE,
        text=LONG_NOTE,
    )
    event = ParticipationEvent(
        visit=visit, seat=seat, occurred_at=T0, participation_kind=ParticipationKind.VOLUNTEERED
    )
    feedback = Feedback(
        visit=visit,
        glows=[{"evidence_id": None, "text": "Students were able to…"}],
        wondering="I wonder what would happen if…",
        reflection_prompt="What did you notice?",
    )
    step = CycleStep(
        cycle=cycle,
        step_kind=StepKind.CO_PLAN,
        title="Co-plan the launch",
        due_on=date(2026, 10, 8),
        status=StepStatus.DONE,
        position=1,
    )
    log = CoachingLogEntry(
        occurred_on=date(2026, 10, 6),
        minutes=45,
        activity=LogActivity.COACHING_CYCLE,
        note="Debrief ☕",
    )
    s.add_all(
        [
            school,
            teacher,
            room,
            seat,
            lset,
            lookfor,
            walk,
            cycle,
            visit,
            talk,
            note,
            feedback,
            step,
            log,
            event,
        ]
    )
    s.flush()
    feedback.glows = [{"evidence_id": talk.id, "text": "Students were able to explain"}]
    log.visit_id = visit.id
    s.add(event)
    return {
        "talk": talk.id,
        "note": note.id,
        "visit": visit.id,
        "lookfor": lookfor.id,
        "event": event.id,
        "feedback": feedback.id,
        "log": log.id,
        "step": step.id,
    }


def test_every_kind_round_trips_through_a_reopened_file(profile_dir: Path):
    store = open_profile(profile_dir)
    with store.write() as s:
        ids = build_all(s)
    store.close()

    store = open_profile(profile_dir)
    with store.read() as s:
        for model in SYNC_MODELS:
            rows = s.scalars(select(model)).all()
            assert rows, f"no {model.kind} came back"
            for row in rows:
                assert row.author_id == store.identity.author_id
                assert row.device_id == store.identity.device_id
                assert row.created_at.tzinfo is not None and row.updated_at >= row.created_at
                assert row.version == 0 and row.deleted is False

        talk = s.get_one(Evidence, ids["talk"])
        assert talk.text == '"I think it\'s 3 because… 🙂" — «مرحبا بالعالم»'
        assert talk.observed_at == T0
        assert talk.evidence_kind is EvidenceKind.STUDENT_TALK
        assert [lf.id for lf in talk.lookfors] == [ids["lookfor"]]
        assert talk.prompt_index == 1
        assert s.get_one(Evidence, ids["note"]).text == LONG_NOTE

        visit = s.get_one(Visit, ids["visit"])
        assert visit.prompts == ["What helps you learn?", "¿Cuándo hablas en clase?"]
        assert visit.classroom.teacher.display_name == "Nguyễn Thị Ánh"
        assert visit.classroom.teacher.school.name == "École Saint-Éloi"
        assert visit.cycle.measure_kind is MeasureKind.DISTINCT_VOICES
        assert visit.cycle.baseline == 9 and visit.cycle.started_on == date(2026, 9, 1)
        assert [e.id for e in visit.evidence] == [ids["talk"], ids["note"]]

        feedback = s.get_one(Feedback, ids["feedback"])
        assert feedback.glows == [
            {"evidence_id": ids["talk"], "text": "Students were able to explain"}
        ]
        assert (
            s.get_one(ParticipationEvent, ids["event"]).participation_kind
            is ParticipationKind.VOLUNTEERED
        )
        assert s.get_one(CoachingLogEntry, ids["log"]).visit_id == ids["visit"]
        assert s.get_one(CycleStep, ids["step"]).status is StepStatus.DONE
        assert s.scalars(select(LookForSet)).one().visibility is Visibility.TEAM
    store.close()


def test_new_records_are_private_by_default(store):
    with store.write() as s:
        school = School(name="North")
        s.add(school)
    with store.read() as s:
        assert s.get_one(School, school.id).visibility is Visibility.PRIVATE


def test_identity_is_stable_across_reopen(profile_dir: Path):
    first = open_profile(profile_dir)
    identity = first.identity
    first.close()
    second = open_profile(profile_dir)
    assert second.identity == identity
    assert identity.author_id != identity.device_id
    second.close()
