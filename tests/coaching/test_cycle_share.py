"""Sharing a coaching cycle with its teacher: the published copy says what the cycle window
says (focus, goal, steps, the measure before → after) and nothing private."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from observe.capture.evidence import save_evidence
from observe.coaching import cycle_share, cycles, measures
from observe.coaching.cycles import CycleDraft, StepDraft
from observe.errors import UsageError
from observe.settings import COACH_NAME_KEY, put
from observe.store.models import (
    CoachingCycle,
    EvidenceKind,
    MeasureKind,
    StepKind,
    StepStatus,
    Teacher,
    Visibility,
)
from tests.coaching.helpers import T0, make_room, visit_with_voices

STEP_NOTE = "Private: she seemed tired, ask about the new schedule."
CLOSING = "We agreed the partner talk worked; students asked to keep it."
EVIDENCE = "Student in seat 4: I think it's twelve because three fours."


def _with_email(store, teacher_id: str, email: str | None) -> None:
    with store.write() as s:
        s.get(Teacher, teacher_id).email = email


def _cycle(store):
    teacher, room, seats = make_room(store, "Ana Reyes")
    draft = CycleDraft(
        teacher_id=teacher,
        focus="Widen participation in whole-class discussion",
        student_goal="At least 18 of 24 students contribute aloud in each discussion.",
        measure_kind=MeasureKind.DISTINCT_VOICES,
        baseline=9.0,
        target=18.0,
        started_on=date(2026, 9, 14),
        steps=(
            StepDraft(StepKind.OBSERVE, "Baseline observation", date(2026, 9, 15),
                      StepStatus.DONE, date(2026, 9, 15), notes=STEP_NOTE),
            StepDraft(StepKind.MODEL, "Model think-pair-share", date(2026, 9, 22)),
        ),
    )  # fmt: skip
    cycle_id = cycles.save_cycle(store, draft)
    first = visit_with_voices(store, room, seats, 10, start=T0, cycle_id=cycle_id)
    save_evidence(store, first, EvidenceKind.STUDENT_TALK, EVIDENCE)
    visit_with_voices(store, room, seats, 17, start=T0 + timedelta(weeks=2), cycle_id=cycle_id)
    return teacher, cycle_id, draft


def _row(store, cycle_id):
    with store.read() as s:
        c = s.get(CoachingCycle, cycle_id)
        return c.visibility, c.published, c.version


def test_the_published_cycle_says_what_the_window_says_and_nothing_private(store):
    teacher, cycle_id, _draft = _cycle(store)
    _with_email(store, teacher, " Ana.Reyes@School.ORG ")
    put(store, COACH_NAME_KEY, "Sam Lee")
    cycle_share.share_cycle(store, cycle_id, True)

    visibility, published, _ = _row(store, cycle_id)
    assert visibility is Visibility.TEACHER and cycle_share.is_shared(store, cycle_id)
    progress = measures.cycle_progress(store, cycle_id)
    assert published["measure"]["sentence"] == progress.sentence()
    assert published["measure"]["sentence"] == (
        "Distinct voices: baseline 9 → 17/24 (+8); target 18, not yet met."
    )
    shared_at = published.pop("shared_at")
    assert shared_at.endswith("Z")
    assert published == {
        "format": 1,
        "teacher_email": "ana.reyes@school.org",
        "teacher_name": "Ana Reyes",
        "coach_name": "Sam Lee",
        "focus": "Widen participation in whole-class discussion",
        "student_goal": "At least 18 of 24 students contribute aloud in each discussion.",
        "status": "Active",
        "started_on": "2026-09-14",
        "ended_on": None,
        "steps": [
            {"title": "Baseline observation", "kind": "Observe", "status": "Done", "done": True,
             "due_on": "2026-09-15", "done_on": "2026-09-15"},
            {"title": "Model think-pair-share", "kind": "Model", "status": "Planned",
             "done": False, "due_on": "2026-09-22", "done_on": None},
        ],
        "measure": {
            "label": "Distinct voices",
            "unit": "students who spoke",
            "before": 9.0,
            "before_from": "baseline",
            "after": 17.0,
            "out_of": 24,
            "target": 18.0,
            "target_met": False,
            "measured_visits": 2,
            "sentence": progress.sentence(),
        },
    }  # fmt: skip
    # The teacher's copy (all the server shows them) holds no step note, no evidence text and
    # not the coach's closing reflection.
    cycles.close_cycle(store, cycle_id, CLOSING, date(2026, 10, 30))
    _, published, _ = _row(store, cycle_id)
    text = json.dumps(published)
    for private in (STEP_NOTE, CLOSING, EVIDENCE):
        assert private not in text
    assert published["status"] == "Completed" and published["ended_on"] == "2026-10-30"
    assert published["measure"]["sentence"].endswith("target 18, not met.")


def test_resaving_refreshes_the_copy_and_unsharing_clears_it(store):
    teacher, cycle_id, draft = _cycle(store)
    _with_email(store, teacher, "ana@school.org")
    cycle_share.share_cycle(store, cycle_id, True)
    _, first, version = _row(store, cycle_id)
    assert first["coach_name"] is None  # no name in Settings: none is made up

    # Saving the same cycle again changes nothing, so nothing new goes to the server.
    cycles.save_cycle(store, cycles.load_cycle(store, cycle_id), cycle_id)
    assert _row(store, cycle_id)[2] == version

    edited = cycles.load_cycle(store, cycle_id)
    steps = (*edited.steps, StepDraft(StepKind.DEBRIEF, "Debrief with Ana"))
    cycles.save_cycle(store, CycleDraft(**{**edited.__dict__, "focus": "Partner talk first",
                                          "steps": steps}), cycle_id)  # fmt: skip
    _, second, _ = _row(store, cycle_id)
    assert second["focus"] == "Partner talk first"
    assert [s["title"] for s in second["steps"]][-1] == "Debrief with Ana"
    assert second["shared_at"] == first["shared_at"]  # shared once, refreshed since

    # Unlinking the visits takes the measure back to "not measured yet".
    cycles.link_visits(store, cycle_id, [])
    _, third, _ = _row(store, cycle_id)
    assert third["measure"]["after"] is None and third["measure"]["measured_visits"] == 0

    cycle_share.share_cycle(store, cycle_id, False)
    visibility, published, _ = _row(store, cycle_id)
    assert visibility is Visibility.PRIVATE and published is None
    # A private cycle publishes nothing when saved.
    cycles.save_cycle(store, draft, cycle_id)
    assert _row(store, cycle_id)[1] is None


def test_sharing_needs_the_teachers_email(store):
    teacher, cycle_id, _ = _cycle(store)
    assert cycle_share.share_blocker(store, cycle_id) == (
        "Ana Reyes has no email in your roster, and sharing needs it: the teacher reads a "
        "shared cycle by signing in with that email. Add it first (Teachers tab → select the "
        "teacher → Edit…), then share again."
    )
    with pytest.raises(UsageError, match=r"The cycle is still private\.$"):
        cycle_share.share_cycle(store, cycle_id, True)
    assert _row(store, cycle_id)[:2] == (Visibility.PRIVATE, None)

    _with_email(store, teacher, "ana@school.org")
    assert cycle_share.share_blocker(store, cycle_id) is None
    cycle_share.share_cycle(store, cycle_id, True)
    # The email removed later: saving the shared cycle says so and keeps what was saved.
    _with_email(store, teacher, None)
    with pytest.raises(UsageError, match=r"Nothing was saved\.$"):
        cycles.save_cycle(
            store,
            CycleDraft(**{**cycles.load_cycle(store, cycle_id).__dict__, "focus": "Changed"}),
            cycle_id,
        )
    assert cycles.load_cycle(store, cycle_id).focus != "Changed"
