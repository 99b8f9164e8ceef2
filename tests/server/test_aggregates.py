"""Figures for leaders: counted from the coaches' snapshots, and nothing but figures."""

from __future__ import annotations

import uuid

from observe.ids import new_id
from tests.server.helpers import op, push

SECRET = "Maya said the answer is twelve"
PRIVATE_TITLE = "Ana's questioning, after the hard talk"


def _school_with_data(server):
    school = f"Figures {uuid.uuid4().hex[:6]}"
    coach_a = server.login(server.add_user(school=school))
    coach_b = server.login(server.add_user(school=school))
    lf1, lf2, room, visit, visit_b = new_id(), new_id(), new_id(), new_id(), new_id()
    shared_set, private_set = new_id(), new_id()
    seats = [new_id() for _ in range(4)]
    ops = [
        op(
            shared_set,
            kind="lookfor_set",
            data={"id": shared_set, "name": "School framework"},
            visibility="team",
        ),
        op(
            lf1,
            kind="lookfor",
            data={"id": lf1, "set_id": shared_set, "code": "T1", "title": "Students explain"},
            visibility="team",
        ),
        # The coach's own set, kept private: its titles are the coach's words.
        op(private_set, kind="lookfor_set", data={"id": private_set, "name": "Mine"}),
        op(
            lf2,
            kind="lookfor",
            data={"id": lf2, "set_id": private_set, "code": "M2", "title": PRIVATE_TITLE},
        ),
        *[
            op(s, kind="seat", data={"id": s, "classroom_id": room, "label": f"A{i}"})
            for i, s in enumerate(seats)
        ],
        op(
            visit,
            kind="visit",
            data={
                "id": visit,
                "classroom_id": room,
                "visit_type": "learning_walk",
                "started_at": "2026-03-04T09:00:00Z",  # a Wednesday
                "ended_at": "2026-03-04T09:20:00Z",
                "focus": SECRET,
            },
        ),
    ]
    # The second item shows T1 (seen) and T2 not yet; the first is only about T1.
    marks = [None, {lf1: "seen", lf2: "not_yet"}, None]
    for i, tags in enumerate([[lf1], [lf1, lf2], []]):
        eid = new_id()
        ops.append(
            op(
                eid,
                data={
                    "id": eid,
                    "visit_id": visit,
                    "observed_at": f"2026-03-04T09:0{i}:00Z",
                    "text": SECRET,
                    "lookfor_ids": tags,
                    "lookfor_marks": marks[i],
                },
            )
        )
    for seat, kind in [(seats[0], "volunteered"), (seats[0], "called_on"), (seats[1], "peer_talk")]:
        pid = new_id()
        ops.append(
            op(
                pid,
                kind="participation_event",
                data={
                    "id": pid,
                    "visit_id": visit,
                    "seat_id": seat,
                    "occurred_at": "2026-03-04T09:05:00Z",
                    "participation_kind": kind,
                },
            )
        )
    for minutes, activity, day in [(30, "plc", "2026-03-02"), (45, "plc", "2026-03-09")]:
        lid = new_id()
        ops.append(
            op(
                lid,
                kind="coaching_log_entry",
                data={"id": lid, "occurred_on": day, "minutes": minutes, "activity": activity,
                      "note": SECRET},
            )
        )  # fmt: skip
    push(coach_a, *ops)
    # Coach B's private visit counts for the leader, not for coach A.
    push(
        coach_b,
        op(
            visit_b,
            kind="visit",
            data={"id": visit_b, "visit_type": "modeling", "started_at": "2026-03-10T10:00:00Z"},
        ),
    )
    # A deleted visit counts for nobody.
    gone = new_id()
    push(coach_b, op(gone, kind="visit", data={"id": gone, "started_at": "2026-03-10T10:00:00Z"}))
    push(coach_b, op(gone, kind="visit", base_version=1, delete=True))
    leader = server.login(server.add_user(role="leader", school=school))
    leader.room, leader.coach_b = room, coach_b
    return leader, coach_a


def _two_more_teachers(leader, coach_a, *, known: int = 3) -> None:
    """Gives the first week's visits three teachers (``known`` of them with a classroom the
    server holds): two more modeling visits, each with one question asked and one untagged
    evidence item, in classrooms of two other teachers."""
    room2, room3 = new_id(), new_id()
    rooms = [(leader.room, new_id(), coach_a), (room2, new_id(), leader.coach_b)]
    rooms.append((room3, new_id(), leader.coach_b))
    for room, teacher, coach in rooms[:known]:
        push(coach, op(room, kind="classroom", data={"id": room, "teacher_id": teacher}))
    ops = []
    for room in (room2, room3):
        visit, event, item = new_id(), new_id(), new_id()
        ops += [
            op(visit, kind="visit", data={"id": visit, "classroom_id": room,
               "visit_type": "modeling", "started_at": "2026-03-03T10:00:00Z"}),
            op(event, kind="participation_event", data={"id": event, "visit_id": visit,
               "seat_id": new_id(), "occurred_at": "2026-03-03T10:05:00Z",
               "participation_kind": "asked_question"}),
            op(item, data={"id": item, "visit_id": visit, "observed_at": "2026-03-03T10:06:00Z",
               "text": SECRET, "lookfor_ids": []}),
        ]  # fmt: skip
    push(leader.coach_b, *ops)


NAMES = ("visits-per-week", "coaching-time", "lookfor-frequencies", "participation")


def test_a_leader_never_gets_a_figure_drawn_from_fewer_than_three_teachers(shared_server):
    leader, coach_a = _school_with_data(shared_server)
    # Three visits in the first week, but only two of them in classrooms the server knows.
    _two_more_teachers(leader, coach_a, known=2)
    get = leader.client.get
    visits = get("/v1/aggregates/visits-per-week").json()
    assert visits["rows"] == [
        {"week_start": "2026-03-02", "suppressed": True},
        {"week_start": "2026-03-09", "suppressed": True},
    ]
    assert visits["suppressed"] == {"reason": "fewer_teachers", "weeks": 2, "min_teachers": 3}
    participation = get("/v1/aggregates/participation").json()
    assert participation["rows"] == [{"week_start": "2026-03-02", "suppressed": True}]
    lookfors = get("/v1/aggregates/lookfor-frequencies").json()
    assert lookfors["rows"] == []
    assert lookfors["suppressed"] == {
        "reason": "fewer_teachers",
        "teachers": 2,
        "min_teachers": 3,
    }
    # Coaching time is the coaches' own minutes, no teacher's figure: it is not hidden.
    time = get("/v1/aggregates/coaching-time").json()
    assert time["rows"] == [{"activity": "plc", "entries": 2, "minutes": 75}]
    assert time["suppressed"] is None
    # The coach reading their own records gets every figure, from one classroom or not.
    own = coach_a.client.get("/v1/aggregates/participation").json()
    assert own["suppressed"] is None and own["rows"][0]["visits"] == 1


def test_leader_figures_for_the_school(shared_server):
    leader, coach_a = _school_with_data(shared_server)
    _two_more_teachers(leader, coach_a)
    get = leader.client.get

    visits = get("/v1/aggregates/visits-per-week").json()
    assert visits["rows"] == [
        {"week_start": "2026-03-02", "visit_type": "learning_walk", "visits": 1, "minutes": 20},
        {"week_start": "2026-03-02", "visit_type": "modeling", "visits": 2, "minutes": 0},
        # Coach B's lone visit of the next week has no known classroom: hidden.
        {"week_start": "2026-03-09", "suppressed": True},
    ]
    assert visits["name"] == "visits-per-week" and "epoch" in visits

    time = get("/v1/aggregates/coaching-time", params={"from": "2026-03-01", "to": "2026-03-07"})
    assert time.json()["rows"] == [{"activity": "plc", "entries": 1, "minutes": 30}]

    lookfors = get("/v1/aggregates/lookfor-frequencies").json()
    assert lookfors["suppressed"] is None
    assert lookfors["rows"] == [
        {"code": "T1", "title": "Students explain", "evidence": 2, "seen": 1, "share": 0.4},
        {"code": "", "title": "a private look-for", "evidence": 1, "seen": 0, "share": 0.2},
        {"code": None, "title": None, "evidence": 5, "seen": 1, "share": 1.0},
    ]

    participation = get("/v1/aggregates/participation").json()["rows"]
    assert participation == [
        {
            "week_start": "2026-03-02",
            "visits": 3,
            "events": 5,
            "volunteered": 1,
            "called_on": 1,
            "asked_question": 2,
            "peer_talk": 1,
            "distinct_voices_mean": 1.3333,
            "seat_share_mean": 0.5,
        }
    ]
    for name in NAMES:
        body = get(f"/v1/aggregates/{name}").text
        assert SECRET not in body and coach_a.user.id not in body
        assert PRIVATE_TITLE not in body and "M2" not in body

    # A coach gets the same figures over their own records only.
    own = coach_a.client.get("/v1/aggregates/visits-per-week").json()
    assert [r["visit_type"] for r in own["rows"]] == ["learning_walk"]
    assert own["suppressed"] is None  # one teacher, but the coach's own figures
    # ... and the titles of their own private look-fors.
    mine = coach_a.client.get("/v1/aggregates/lookfor-frequencies").json()["rows"]
    assert [(r["code"], r["title"]) for r in mine[:2]] == [
        ("T1", "Students explain"),
        ("M2", PRIVATE_TITLE),
    ]


def test_another_schools_leader_sees_none_of_it(shared_server):
    _school_with_data(shared_server)
    stranger = shared_server.login(
        shared_server.add_user(role="leader", school=f"Else {uuid.uuid4().hex[:6]}")
    )
    for name in ("visits-per-week", "coaching-time", "lookfor-frequencies", "participation"):
        rows = stranger.client.get(f"/v1/aggregates/{name}").json()["rows"]
        empty = {"code": None, "title": None, "evidence": 0, "seen": 0, "share": 0.0}
        assert rows in ([], [empty])
