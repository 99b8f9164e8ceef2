"""The "student-evidence" aggregate on a real server: a school's work samples, surveys and
assessments as pooled shares before → after, hidden from a leader below three teachers, and
never a question, caption, note, title or id."""

from __future__ import annotations

import uuid

from observe.ids import new_id
from tests.server.helpers import op, push

QUESTION = "I get to share my thinking in Ms Quillfeather's class"
CAPTION = "Maya's exit ticket"
NOTE = "Maya labels both axes"
TITLE = "Unit 3 task (Room 12)"


DAY = "2026-09-10T09:00:00Z"


def _made(phase: str) -> str:
    return f"2026-09-0{1 if phase == 'before' else 2}T00:00:00Z"


def _cycle(cid: str, teacher: str, started: str = "2026-09-01") -> dict:
    return op(cid, kind="coaching_cycle", data={
        "id": cid, "teacher_id": teacher, "focus": NOTE, "status": "active",
        "started_on": started, "ended_on": None,
    })  # fmt: skip


def _survey(cid: str, phase: str, counts: list[int]) -> dict:
    """One agree5 question: the first two options agree."""
    sid = new_id()
    return op(sid, kind="cycle_survey", data={
        "id": sid, "cycle_id": cid, "phase": phase, "title": TITLE, "source": "paper",
        "respondents": sum(counts), "created_at": _made(phase),
        "questions": [{"text": QUESTION, "scale": "agree5", "options": ["SA", "A", "N", "D", "SD"],
                       "counts": counts, "agree": [0, 1]}],
    })  # fmt: skip


def _scores(cid: str, phase: str, scores: list[list[float]], meets: float = 3) -> dict:
    aid = new_id()
    return op(aid, kind="cycle_assessment", data={
        "id": aid, "cycle_id": cid, "phase": phase, "title": TITLE, "meets": meets,
        "out_of": 4, "students": sum(int(n) for _, n in scores), "scores": scores,
        "created_at": _made(phase),
    })  # fmt: skip


def _samples(cid: str, levels: list[tuple[str, bool]]) -> list[dict]:
    """A visit of the cycle with one photo per (phase, meets), each scored."""
    visit = new_id()
    ops = [op(visit, kind="visit", data={"id": visit, "cycle_id": cid,
              "visit_type": "coaching_observation", "started_at": DAY})]  # fmt: skip
    for phase, meets in levels:
        item, score = new_id(), new_id()
        ops += [
            op(item, data={"id": item, "visit_id": visit, "observed_at": "2026-09-10T09:05:00Z",
               "evidence_kind": "artifact", "text": CAPTION, "image_sha256": "a" * 64}),
            op(score, kind="sample_score", data={"id": score, "evidence_id": item,
               "cycle_id": cid, "phase": phase, "level": "meets" if meets else "not_yet",
               "meets": meets, "note": NOTE}),
        ]  # fmt: skip
    return ops


def _school(server):
    school = f"Evidence {uuid.uuid4().hex[:6]}"
    coach = server.login(server.add_user(school=school))
    teachers = [new_id() for _ in range(3)]
    cycles = [new_id() for _ in range(3)]
    ops: list[dict] = [_cycle(c, t) for c, t in zip(cycles, teachers, strict=True)]
    # Work samples in all three teachers' cycles: before 1 of 2, 0 of 1, 1 of 1; after 2 of 2,
    # 1 of 1, and the third cycle has no after (not compared).
    ops += _samples(
        cycles[0], [("before", True), ("before", False), ("after", True), ("after", True)]
    )
    ops += _samples(cycles[1], [("before", False), ("after", True)])
    ops += _samples(cycles[2], [("before", True)])
    # Surveys in two teachers' cycles only: hidden from the leader.
    ops += [
        _survey(cycles[0], "before", [2, 3, 5, 6, 4]),
        _survey(cycles[0], "after", [6, 8, 3, 2, 1]),
    ]
    ops += [
        _survey(cycles[1], "before", [1, 1, 1, 1, 1]),
        _survey(cycles[1], "after", [2, 2, 1, 0, 0]),
    ]
    # Assessments in all three, compared in all three (scores at or above 3 meet).
    for c, before, after in [
        (cycles[0], [[1, 2], [3, 2]], [[1, 1], [3, 3]]),
        (cycles[1], [[2, 3], [4, 1]], [[2, 1], [4, 3]]),
        (cycles[2], [[3, 1], [1, 1]], [[3, 1], [1, 1]]),
    ]:
        ops += [_scores(c, "before", before), _scores(c, "after", after)]
    push(coach, *ops)
    return school, coach, cycles


def test_student_evidence_for_leaders_pooled_and_suppressed(shared_server):
    school, coach, cycles = _school(shared_server)
    leader = shared_server.login(shared_server.add_user(role="leader", school=school))
    reply = leader.client.get("/v1/aggregates/student-evidence")
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["rows"] == [
        # Compared in two teachers' cycles only (the third has no after): hidden.
        {"measure": "work_samples", "suppressed": True},
        {"measure": "survey", "suppressed": True},  # two teachers
        # Before 2 of 4 + 1 of 4 + 1 of 2, after 3 of 4 + 3 of 4 + 1 of 2; two rose.
        {"measure": "assessment", "cycles": 3, "compared": 3, "before_share": 0.4,
         "after_share": 0.7, "before_count": 10, "after_count": 10, "improved": 2},
    ]  # fmt: skip
    assert body["suppressed"] == {"reason": "fewer_teachers", "rows": 2, "min_teachers": 3}
    for leak in (QUESTION, CAPTION, NOTE, TITLE, *cycles, "a" * 64):
        assert leak not in reply.text

    # The coach reads their own figures, the small ones too.
    own = coach.client.get("/v1/aggregates/student-evidence").json()
    assert own["suppressed"] is None
    assert own["rows"][0] == {
        "measure": "work_samples", "cycles": 3, "compared": 2, "before_share": 0.3333,
        "after_share": 1.0, "before_count": 3, "after_count": 3, "improved": 2,
    }  # fmt: skip
    assert own["rows"][1] == {
        "measure": "survey", "cycles": 2, "compared": 2, "before_share": 0.28,
        "after_share": 0.72, "before_count": 25, "after_count": 25, "improved": 2,
    }  # fmt: skip


def test_a_third_teachers_after_samples_show_the_figure(shared_server):
    school, coach, cycles = _school(shared_server)
    # The third teacher's cycle gets an after sample: three teachers behind the compared row.
    push(coach, *_samples(cycles[2], [("after", False)]))
    leader = shared_server.login(shared_server.add_user(role="leader", school=school))
    rows = leader.client.get("/v1/aggregates/student-evidence").json()["rows"]
    assert rows[0] == {
        "measure": "work_samples", "cycles": 3, "compared": 3, "before_share": 0.5,
        "after_share": 0.75, "before_count": 4, "after_count": 4, "improved": 2,
    }  # fmt: skip
    # Outside the range of every cycle: no rows at all.
    early = leader.client.get("/v1/aggregates/student-evidence", params={"to": "2026-08-01"})
    assert early.json()["rows"] == [] and early.json()["suppressed"] is None
