"""Every record kind survives a write, a close and a reopen, with Unicode intact."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from observe.store import open_profile
from observe.store.models import (
    SYNC_MODELS,
    CoachingLogEntry,
    CycleStep,
    Evidence,
    EvidenceKind,
    Feedback,
    LookForSet,
    MeasureKind,
    ParticipationEvent,
    ParticipationKind,
    Reflection,
    School,
    StepStatus,
    Visibility,
    Visit,
)

from .helpers import LONG_NOTE, T0, TEACHER_ACCOUNT, build_all


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
                if model is Reflection:  # a teacher's, pulled: never this device's own
                    assert row.author_id == TEACHER_ACCOUNT and row.version == 1
                    assert row.text == "I noticed table 2 waited for me 🤔 — «سأحاول»"
                    continue
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
