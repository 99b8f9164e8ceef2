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
    [nothing] = stranger.client.get("/v1/aggregates/cycles").json()["rows"]
    assert nothing["section"] == "all" and nothing["cycles"] == nothing["started"] == 0


def _cycle(cid, teacher, kind, started, *, baseline=None, target=None, ended=None, lookfor=None):
    data = {"id": cid, "teacher_id": teacher, "focus": SECRET, "measure_kind": kind,
            "measure_lookfor_id": lookfor, "baseline": baseline, "target": target,
            "status": "completed" if ended else "active", "started_on": started,
            "ended_on": ended}  # fmt: skip
    return op(cid, kind="coaching_cycle", data=data)


def _cycle_visit(cycle, day, voices=0, seen=0, about=0):
    """A visit of the cycle on ``day``: ``voices`` different seats each speak once; ``seen``
    items marked seen for the cycle's look-for, ``about`` items only tagged with it."""
    cid, lookfor = cycle
    visit = new_id()
    ops = [op(visit, kind="visit", data={"id": visit, "cycle_id": cid,
              "visit_type": "coaching_observation", "started_at": f"{day}T09:00:00Z"})]  # fmt: skip
    for _ in range(voices):
        seat, event = new_id(), new_id()
        ops += [
            op(seat, kind="seat", data={"id": seat, "label": "A1"}),
            op(event, kind="participation_event", data={"id": event, "visit_id": visit,
               "seat_id": seat, "occurred_at": f"{day}T09:05:00Z",
               "participation_kind": "volunteered"}),
        ]  # fmt: skip
    for i in range(seen + about):
        item = new_id()
        marks = {lookfor: "seen"} if i < seen else {}
        ops.append(op(item, data={"id": item, "visit_id": visit, "text": SECRET,
                   "observed_at": f"{day}T09:06:00Z", "lookfor_ids": [lookfor],
                   "lookfor_marks": marks}))  # fmt: skip
    return ops


def cycle_school(server):
    """Four cycles of three teachers (see the comments); (school, coach, teacher 1, cycle 1)."""
    school = f"Cycles {uuid.uuid4().hex[:6]}"
    coach = server.login(server.add_user(school=school))
    t1, t2, t3 = new_id(), new_id(), new_id()
    c1, c2, c3, c4, lookfor = new_id(), new_id(), new_id(), new_id(), new_id()
    push(
        coach,
        # Baseline 5, target 8; visits hear 2 then 4 voices: 5 → 4, not met.
        _cycle(c1, t1, "distinct_voices", "2026-09-01", baseline=5, target=8, ended="2026-10-20"),
        # No baseline: the first measured visit (1) → the latest (3); target 3 met.
        _cycle(c2, t2, "distinct_voices", "2026-09-15", target=3),
        # Baseline 2 → the one measured visit (5).
        _cycle(c3, t3, "distinct_voices", "2026-10-02", baseline=2),
        # Items marked seen: baseline 0 → 2 (an item only tagged is not "seen").
        _cycle(c4, t2, "lookfor_frequency", "2026-10-03", baseline=0, lookfor=lookfor),
        *_cycle_visit((c1, None), "2026-09-10", voices=2),
        *_cycle_visit((c1, None), "2026-10-01", voices=4),
        *_cycle_visit((c2, None), "2026-09-20", voices=1),
        *_cycle_visit((c2, None), "2026-09-27"),  # no tally: not measured, not a zero
        *_cycle_visit((c2, None), "2026-10-05", voices=3),
        *_cycle_visit((c3, None), "2026-10-10", voices=5),
        *_cycle_visit((c4, lookfor), "2026-10-12", seen=2, about=1),
    )
    return school, coach, t1, c1


def test_cycle_measures_for_the_school_before_and_after(shared_server):
    """Months and measures of fewer than 3 teachers are hidden from the leader, never from
    the coach; before → after follows the desktop's rule (observe.cyclemeasure)."""
    school, coach, t1, c1 = cycle_school(shared_server)
    leader = shared_server.login(shared_server.add_user(role="leader", school=school))
    reply = leader.client.get("/v1/aggregates/cycles").json()
    assert reply["rows"] == [
        {"section": "month", "month": "2026-09", "suppressed": True},  # teachers 1 and 2 only
        {"section": "month", "month": "2026-10", "started": 2, "ended": 1},
        {"section": "measure", "measure": "distinct_voices", "cycles": 3, "measured": 3,
         "median_before": 2.0, "median_after": 4.0, "median_change": 2.0, "improved": 2,
         "with_target": 2, "target_met": 1},
        {"section": "measure", "measure": "lookfor_frequency", "suppressed": True},
        {"section": "all", "cycles": 4, "started": 4, "ended": 1, "with_measure": 4,
         "measured": 4, "improved": 3, "improved_share": 0.75, "with_target": 2,
         "target_met": 1, "target_met_share": 0.5},
    ]  # fmt: skip
    assert reply["suppressed"] == {"reason": "fewer_teachers", "rows": 2, "min_teachers": 3}
    assert SECRET not in str(reply) and t1 not in str(reply) and c1 not in str(reply)

    # The coach sees every row of their own cycles, the small ones too.
    own = coach.client.get("/v1/aggregates/cycles").json()
    assert own["suppressed"] is None
    assert own["rows"][0] == {"section": "month", "month": "2026-09", "started": 2, "ended": 0}
    assert own["rows"][3] == {
        "section": "measure", "measure": "lookfor_frequency", "cycles": 1, "measured": 1,
        "median_before": 0.0, "median_after": 2.0, "median_change": 2.0, "improved": 1,
        "with_target": 0, "target_met": 0,
    }  # fmt: skip

    # A range keeps the cycles it overlaps: up to September, only teachers 1 and 2.
    early = leader.client.get("/v1/aggregates/cycles", params={"to": "2026-09-30"}).json()
    assert all(r.get("suppressed") for r in early["rows"])
    mine_early = coach.client.get("/v1/aggregates/cycles", params={"to": "2026-09-30"}).json()
    assert mine_early["rows"][-1]["cycles"] == 2
