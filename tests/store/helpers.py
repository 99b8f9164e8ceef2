"""Small builders for tests that need a visit to hang evidence on."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import insert

from observe.store import Store
from observe.store.models import (
    Classroom,
    CoachingCycle,
    CoachingLogEntry,
    CycleAssessment,
    CycleStatus,
    CycleStep,
    CycleSurvey,
    Evidence,
    EvidenceKind,
    Feedback,
    LogActivity,
    LookFor,
    LookForSet,
    MeasureKind,
    ParticipationEvent,
    ParticipationKind,
    Reflection,
    SampleScore,
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


def make_visit(store: Store) -> tuple[str, list[str]]:
    """A school, teacher, classroom, visit and two look-fors: (visit id, look-for ids)."""
    with store.write() as s:
        school = School(name="Lincoln Middle")
        teacher = Teacher(school=school, display_name="Zoë Okafor")
        room = Classroom(teacher=teacher, subject="Science", grade="6", period="2")
        visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
        lset = LookForSet(name="Discourse")
        lookfors = [
            LookFor(lookfor_set=lset, code="D1", title="Students explain", hotkey=1),
            LookFor(lookfor_set=lset, code="D2", title="Students question", hotkey=2),
        ]
        s.add_all([school, teacher, room, visit, lset, *lookfors])
    return visit.id, [lf.id for lf in lookfors]


T0 = datetime(2026, 10, 6, 14, 5, 30, 250000, tzinfo=UTC)
TEACHER_ACCOUNT = "01a24e7e-0000-7000-8000-00000000a11a"
REFLECTION_ID = "01a24e7e-0000-7000-8000-0000000000f1"
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
    survey = CycleSurvey(
        cycle=cycle,
        phase="before",
        title="Sondage élèves",
        source="google_forms",
        respondents=23,
        questions=[
            {
                "text": "J’ose partager mes idées 🙂",
                "scale": "agree5",
                "options": ["Strongly agree", "Agree", "Neither", "Disagree", "Strongly disagree"],
                "counts": [3, 6, 5, 6, 3],
                "agree": [0, 1],
            }
        ],
    )
    assessment = CycleAssessment(
        cycle=cycle,
        phase="before",
        title="Tâche commune",
        meets=3.0,
        out_of=4.0,
        students=20,
        scores=[[1.0, 4], [2.0, 6], [3.5, 7], [4.0, 3]],
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
            survey,
            assessment,
        ]
    )
    s.flush()
    # A work sample's score (the store keeps what it is given; the core scores only photos).
    score = SampleScore(
        evidence_id=talk.id,
        cycle_id=cycle.id,
        phase="before",
        level="approaching",
        meets=False,
        note="Étiquette les axes 📈",
    )
    s.add(score)
    feedback.glows = [{"evidence_id": talk.id, "text": "Students were able to explain"}]
    # Teachers write reflections on the server and the app only pulls them: written with
    # Core, as sync's apply does, so nothing is queued to push.
    s.execute(
        insert(Reflection),
        [
            {
                "id": REFLECTION_ID,
                "author_id": TEACHER_ACCOUNT,
                "device_id": TEACHER_ACCOUNT,
                "created_at": T0,
                "updated_at": T0,
                "version": 1,
                "deleted": False,
                "visibility": Visibility.TEACHER,
                "target_kind": "feedback",
                "target_id": feedback.id,
                "text": "I noticed table 2 waited for me 🤔 — «سأحاول»",
            }
        ],
    )
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
