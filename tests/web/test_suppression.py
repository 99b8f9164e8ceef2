"""Small-group suppression counts teachers, not visits, and never guesses an unknown one."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from observe.ids import new_id
from observe.server.accounts import Principal
from observe.server.aggregates import teachers_behind
from observe.server.schema import account
from observe.server.web.figures import SUPPRESSED, school_figures
from tests.server.helpers import op, push


def _visit_with_talk(room: str | None, day: str) -> list[dict]:
    visit, event = new_id(), new_id()
    data = {"id": visit, "visit_type": "learning_walk", "started_at": f"{day}T09:00:00Z"}
    if room:
        data["classroom_id"] = room
    return [
        op(visit, kind="visit", data=data),
        op(event, kind="participation_event", data={
            "id": event, "visit_id": visit, "seat_id": new_id(),
            "occurred_at": f"{day}T09:05:00Z", "participation_kind": "volunteered",
        }),
    ]  # fmt: skip


def test_three_visits_of_two_known_teachers_stay_hidden(web_server):
    school = f"Small {uuid.uuid4().hex[:6]}"
    coach = web_server.login(web_server.add_user(role="coach", school=school))
    teacher_a, teacher_b, room_a, room_a2, room_b = (new_id() for _ in range(5))
    ops = [
        op(room_a, kind="classroom", data={"id": room_a, "teacher_id": teacher_a}),
        op(room_a2, kind="classroom", data={"id": room_a2, "teacher_id": teacher_a}),
        op(room_b, kind="classroom", data={"id": room_b, "teacher_id": teacher_b}),
        # Week of 2 March: four visits, but two of teacher A, one of B and one whose
        # classroom the server does not hold: two known teachers, so hidden.
        *_visit_with_talk(room_a, "2026-03-02"),
        *_visit_with_talk(room_a2, "2026-03-03"),
        *_visit_with_talk(room_b, "2026-03-04"),
        *_visit_with_talk(None, "2026-03-05"),
    ]
    push(coach, *ops)
    leader_user = web_server.add_user(role="leader", school=school)
    leader = web_server.login(leader_user).login_reply["user"]
    with web_server.engine.connect() as conn:
        school_id = conn.execute(
            select(account.c.school_id).where(account.c.id == leader["id"])
        ).scalar_one()
    principal = Principal(
        leader["id"], leader["email"], leader["name"], "leader", school_id, school, ""
    )
    assert teachers_behind(web_server.engine, principal, None, None)["participation"] == {
        "2026-03-02": 2
    }
    talk = school_figures(web_server.engine, principal, None, None)[3]
    assert talk.rows == [["Week of 2 Mar 2026", SUPPRESSED]]
    assert talk.bars == [] and talk.csv_rows == []
