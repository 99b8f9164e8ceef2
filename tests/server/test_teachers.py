"""Issue 16's role matrix: teacher A vs teacher B vs the sharing coach vs another coach vs a
leader vs an administrator, over private feedback, a team record, feedback shared with A, and
A's reflection on it; and the same for coaching cycles (private, team, shared with A, A's
reflection). Every cell says what each can see through pull, the teacher's pages
(``teacher_view``) and the figures, on a real server (SQLite and PostgreSQL)."""

from __future__ import annotations

import gzip
import json
import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from observe.ids import new_id
from observe.protocol import Op
from observe.server import push as server_push
from observe.server import teacher_view
from observe.server.accounts import Principal, principal_of
from observe.server.errors import ApiError
from tests.server.helpers import evidence_data, op, pull_all, push
from tests.serverfixtures import DeviceSession, ServerProcess, UserAccount

REFLECTION_TEXT = "I noticed the quiet table never got a turn; I'll try think-pair-share."
CYCLE_TEXT = "Partner talk first helped: the back table spoke in both visits."


def published(teacher_email: str, name: str = "Ana Ortiz") -> dict[str, Any]:
    return {
        "format": 1,
        "teacher_email": teacher_email,
        "teacher_name": name,
        "coach_name": "Sam Lee",
        "visit_date": "2026-12-01",
        "visit_type": "Coaching-cycle visit",
        "class_label": "Grade 5 Math, period 2",
        "strengths": [{"text": "Students explained their reasoning.", "evidence": []}],
        "wondering": "What if every table reported once?",
        "reflection_prompt": None,
        "voices": {"heard": 14, "of": 22, "turns": 41},
        "shared_at": "2026-12-01T15:02:11Z",
    }


CYCLE_NOTE = "the coach's own reflection on the cycle"


def cycle_published(teacher_email: str) -> dict[str, Any]:
    """``coaching_cycle.data.published`` as the desktop writes it (``coaching.cycle_share``)."""
    return {
        "format": 1,
        "teacher_email": teacher_email,
        "teacher_name": "Ana Ortiz",
        "coach_name": "Sam Lee",
        "focus": "Widen participation in discussion",
        "student_goal": "18 of 24 students speak in each discussion.",
        "status": "Active",
        "started_on": "2026-09-14",
        "ended_on": None,
        "steps": [{"title": "Model think-pair-share", "kind": "Model", "status": "Done",
                   "done": True, "due_on": "2026-09-22", "done_on": "2026-09-22"}],
        "measure": {"label": "Distinct voices", "unit": "students who spoke", "before": 9.0,
                    "before_from": "baseline", "after": 17.0, "out_of": 24, "target": 18.0,
                    "target_met": False, "measured_visits": 2,
                    "sentence": "Distinct voices: baseline 9 → 17/24 (+8); target 18."},
        "shared_at": "2026-12-01T15:02:11Z",
    }  # fmt: skip


def cycle_data(
    record_id: str, author: str, shared_with: str | None, visibility: str = "teacher"
) -> dict[str, Any]:
    return {
        "id": record_id,
        "author_id": author,
        "teacher_id": new_id(),
        "focus": "Widen participation in discussion",
        "reflection": CYCLE_NOTE,
        "version": 0,
        "deleted": False,
        "visibility": visibility,
        "published": cycle_published(shared_with) if shared_with else None,
    }


def feedback_data(
    record_id: str, author: str, shared_with: str | None, secret: str = "coach's own note"
) -> dict[str, Any]:
    return {
        "id": record_id,
        "author_id": author,
        "visit_id": new_id(),
        "wondering": secret,
        "version": 0,
        "deleted": False,
        "visibility": "teacher" if shared_with else "private",
        "published": published(shared_with) if shared_with else None,
    }


@dataclass
class World:
    server: ServerProcess
    coach: DeviceSession
    colleague: DeviceSession
    leader: DeviceSession
    admin: DeviceSession
    teacher_a: UserAccount
    teacher_b: UserAccount
    far_teacher: UserAccount
    private: str
    team: str
    shared: str
    reflection: str
    private_cycle: str = ""
    team_cycle: str = ""
    shared_cycle: str = ""
    cycle_reflection: str = ""

    def principal(self, user: UserAccount) -> Principal:
        with self.server.engine.connect() as conn:
            return principal_of(conn, user.id)

    def shared_ids(self, user: UserAccount) -> list[str]:
        with self.server.engine.connect() as conn:
            return [i.record_id for i in teacher_view.shared_with(conn, self.principal(user))]

    def reflections(self, user: UserAccount, target: str) -> list[str]:
        with self.server.engine.connect() as conn:
            found = teacher_view.reflections_on(conn, self.principal(user), target)
        return [r.text for r in found]


def make_world(server: ServerProcess) -> World:
    tag = uuid.uuid4().hex[:8]
    school, elsewhere = f"Lincoln {tag}", f"Far {tag}"
    coach_user = server.add_user(school=school, name="Sam Lee")
    coach = server.login(coach_user)
    colleague = server.login(server.add_user(school=school))
    leader = server.login(server.add_user(role="leader", school=school))
    admin = server.login(server.add_user(role="admin", school=school))
    teacher_a = server.add_user(role="teacher", school=school, email=f"ana.{tag}@school.org")
    teacher_b = server.add_user(role="teacher", school=school, email=f"ben.{tag}@school.org")
    far_teacher = server.add_user(role="teacher", school=elsewhere, email=f"ana.{tag}@far.org")
    private, team, shared = new_id(), new_id(), new_id()
    results = push(
        coach,
        op(private, kind="feedback", data=feedback_data(private, coach_user.id, None)),
        op(team, visibility="team", data=evidence_data(team, "a team note")),
        # Shared with A, written with A's email in capitals: the server lowercases it.
        op(
            shared,
            kind="feedback",
            visibility="teacher",
            data=feedback_data(shared, coach_user.id, teacher_a.email.upper()),
        ),
    )["results"]
    assert [r["status"] for r in results] == ["applied"] * 3
    private_cycle, team_cycle, shared_cycle = new_id(), new_id(), new_id()
    results = push(
        coach,
        op(private_cycle, kind="coaching_cycle", visibility="private",
           data=cycle_data(private_cycle, coach_user.id, None, "private")),
        # Team-visible with a copy naming A: the other coaches see it, A does not.
        op(team_cycle, kind="coaching_cycle", visibility="team",
           data=cycle_data(team_cycle, coach_user.id, teacher_a.email, "team")),
        op(shared_cycle, kind="coaching_cycle", visibility="teacher",
           data=cycle_data(shared_cycle, coach_user.id, teacher_a.email)),
    )["results"]  # fmt: skip
    assert [r["status"] for r in results] == ["applied"] * 3
    # A coach of another school shares with A's email: not A's school, so not A's to read.
    far_coach = server.login(server.add_user(school=elsewhere))
    far = new_id()
    push(
        far_coach,
        op(far, kind="feedback", visibility="teacher",
           data=feedback_data(far, far_coach.user.id, teacher_a.email)),
    )  # fmt: skip
    world = World(
        server, coach, colleague, leader, admin, teacher_a, teacher_b, far_teacher,
        private, team, shared, "",
    )  # fmt: skip
    world.reflection = teacher_view.write_reflection(
        server.engine, world.principal(teacher_a), "feedback", shared, REFLECTION_TEXT
    )
    world.private_cycle, world.team_cycle, world.shared_cycle = (
        private_cycle,
        team_cycle,
        shared_cycle,
    )
    world.cycle_reflection = teacher_view.write_reflection(
        server.engine, world.principal(teacher_a), "coaching_cycle", shared_cycle, CYCLE_TEXT
    )
    return world


def teacher_push(world: World, user: UserAccount, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    """A teacher's op through the server's own push code (the path the web pages use)."""
    parsed = [Op.model_validate(o) for o in ops]
    return server_push.push(world.server.engine, world.principal(user), parsed)["results"]


def reflection_op(world: World, author: str, target: str, **extra: Any) -> dict[str, Any]:
    rid = extra.pop("rid", new_id())
    changes = extra.pop("changes", {})
    extra.setdefault("visibility", "teacher")
    data = {
        "id": rid,
        "author_id": author,
        "target_kind": "feedback",
        "target_id": target,
        "text": "my reflection",
        "created_at": "2026-12-02T10:00:00Z",
        "updated_at": "2026-12-02T10:00:00Z",
        "deleted": False,
        "version": 0,
        "visibility": "teacher",
        **changes,
    }
    return op(rid, kind="reflection", data=data, **extra)


def test_who_pulls_what(shared_server):
    w = make_world(shared_server)
    owner = {x["id"]: x for x in pull_all(w.coach)}
    assert {w.private, w.team, w.shared, w.reflection} <= set(owner)
    assert {w.private_cycle, w.team_cycle, w.shared_cycle, w.cycle_reflection} <= set(owner)
    got = owner[w.reflection]
    assert got["kind"] == "reflection" and got["owner_id"] == w.teacher_a.id
    assert got["data"]["text"] == REFLECTION_TEXT and got["deleted"] is False
    on_cycle = owner[w.cycle_reflection]["data"]
    assert (on_cycle["target_kind"], on_cycle["target_id"], on_cycle["text"]) == (
        "coaching_cycle",
        w.shared_cycle,
        CYCLE_TEXT,
    )
    colleague = {x["id"] for x in pull_all(w.colleague)}
    assert {w.team, w.team_cycle} <= colleague
    assert not colleague & {w.private, w.shared, w.reflection}
    assert not colleague & {w.private_cycle, w.shared_cycle, w.cycle_reflection}
    for role_session in (w.leader, w.admin):
        assert role_session.client.get("/v1/sync/pull").status_code == 403
    teacher = w.server.login(w.teacher_a)  # teachers can sign in, but sync is for coaches
    refused = teacher.client.get("/v1/sync/pull")
    assert refused.status_code == 403 and "web pages" in refused.json()["error"]["message"]
    assert teacher.client.post("/v1/sync/push", json={"ops": [op()]}).status_code == 403


def test_what_the_teacher_pages_show_each_role(shared_server):
    w = make_world(shared_server)
    assert w.shared_ids(w.teacher_a) == [w.shared_cycle, w.shared]  # newest first
    assert w.shared_ids(w.teacher_b) == []
    assert w.shared_ids(w.far_teacher) == []  # same name at another school: nothing
    with w.server.engine.connect() as conn:
        a = w.principal(w.teacher_a)
        item = teacher_view.shared_item(conn, a, w.shared)
        assert item is not None and item.coach_name == "Sam Lee" and item.version == 1
        assert item.published["teacher_email"] == w.teacher_a.email.upper()
        assert "coach's own note" not in json.dumps(item.published)  # only what was published
        for hidden in (w.private, w.team, w.reflection, "not-an-id"):
            assert teacher_view.shared_item(conn, a, hidden) is None
        assert teacher_view.shared_item(conn, w.principal(w.teacher_b), w.shared) is None
        # The cycle: only its published copy, told apart from sheets by its kind.
        cycle = teacher_view.shared_item(conn, a, w.shared_cycle)
        assert cycle is not None and cycle.kind == "coaching_cycle" and item.kind == "feedback"
        assert cycle.published["focus"] == "Widen participation in discussion"
        assert CYCLE_NOTE not in json.dumps(cycle.published)
        assert teacher_view.shared_item(conn, a, w.shared_cycle, "feedback") is None
        assert teacher_view.shared_item(conn, a, w.shared, "coaching_cycle") is None
        for hidden in (w.private_cycle, w.team_cycle, w.cycle_reflection):
            assert teacher_view.shared_item(conn, a, hidden) is None
        assert teacher_view.shared_item(conn, w.principal(w.teacher_b), w.shared_cycle) is None
        listed = teacher_view.shared_summaries(conn, a)
        assert [(x.record_id, x.kind) for x in listed] == [
            (w.shared_cycle, "coaching_cycle"),
            (w.shared, "feedback"),
        ]
        assert listed[0].listed["focus"] == "Widen participation in discussion"
        assert listed[0].listed["started_on"] == "2026-09-14"
        for other in (w.coach.user, w.colleague.user, w.leader.user, w.admin.user):
            with pytest.raises(ApiError) as refused:
                teacher_view.shared_with(conn, w.principal(other))
            assert refused.value.status == 403
    assert w.reflections(w.teacher_a, w.shared) == [REFLECTION_TEXT]
    assert w.reflections(w.teacher_b, w.shared) == []
    assert w.reflections(w.coach.user, w.shared) == [REFLECTION_TEXT]
    assert w.reflections(w.colleague.user, w.shared) == []
    assert w.reflections(w.teacher_a, w.shared_cycle) == [CYCLE_TEXT]
    assert w.reflections(w.teacher_b, w.shared_cycle) == []
    assert w.reflections(w.coach.user, w.shared_cycle) == [CYCLE_TEXT]
    assert w.reflections(w.colleague.user, w.shared_cycle) == []
    for outsider in (w.leader.user, w.admin.user):
        with pytest.raises(ApiError):
            w.reflections(outsider, w.shared)
        with pytest.raises(ApiError):
            w.reflections(outsider, w.shared_cycle)


def test_figures_never_carry_reflections_or_shared_words(shared_server):
    w = make_world(shared_server)
    for name in ("visits-per-week", "coaching-time", "lookfor-frequencies", "participation"):
        reply = w.leader.client.get(f"/v1/aggregates/{name}")
        assert reply.status_code == 200
        assert "think-pair-share" not in reply.text and "Ana Ortiz" not in reply.text
    assert w.admin.client.get("/v1/aggregates/participation").status_code == 403
    teacher = w.server.login(w.teacher_a)
    refused = teacher.client.get("/v1/aggregates/participation")
    assert refused.status_code == 403 and "teachers read" in refused.json()["error"]["message"]


def test_teachers_write_only_their_own_reflections_on_what_they_may_read(shared_server):
    w = make_world(shared_server)
    a, b = w.teacher_a, w.teacher_b
    with pytest.raises(ApiError) as on_b:
        teacher_view.write_reflection(w.server.engine, w.principal(b), "feedback", w.shared, "x")
    assert "shared with you" in on_b.value.sentence
    for target in (w.private, w.team, new_id()):
        with pytest.raises(ApiError):
            teacher_view.write_reflection(w.server.engine, w.principal(a), "feedback", target, "x")
    for target in (w.private_cycle, w.team_cycle):
        with pytest.raises(ApiError):
            teacher_view.write_reflection(
                w.server.engine, w.principal(a), "coaching_cycle", target, "x"
            )
    with pytest.raises(ApiError) as b_on_cycle:
        teacher_view.write_reflection(
            w.server.engine, w.principal(b), "coaching_cycle", w.shared_cycle, "x"
        )
    assert "shared with you" in b_on_cycle.value.sentence
    with pytest.raises(ApiError):  # the kind must be the target's
        teacher_view.write_reflection(
            w.server.engine, w.principal(a), "feedback", w.shared_cycle, "x"
        )
    refused = teacher_push(
        w,
        a,
        reflection_op(w, b.id, w.shared),  # in another teacher's name
        reflection_op(w, a.id, w.shared, visibility="team"),
        op(kind="evidence"),  # not a reflection
        op(w.shared, kind="feedback", base_version=1,
           data=feedback_data(w.shared, w.coach.user.id, a.email, "rewritten by A")),
    )  # fmt: skip
    assert [r["status"] for r in refused] == ["rejected"] * 4
    assert refused[0]["reason"] == "You can only write reflections in your own name."
    assert "Teachers write reflections only" in refused[2]["reason"]
    assert "Teachers write reflections only" in refused[3]["reason"]
    odd = teacher_push(
        w,
        a,
        reflection_op(w, a.id, w.shared, changes={"text": "x" * 10_001}),
        reflection_op(w, a.id, w.shared, changes={"target_kind": "coaching_cycle"}),
        reflection_op(w, a.id, w.shared, changes={"target_id": None}),
    )
    assert [r["status"] for r in odd] == ["rejected"] * 3
    assert "at most 10,000 characters" in odd[0]["reason"]
    assert odd[1]["reason"] == "You can only reflect on a sheet or cycle a coach shared with you."
    with pytest.raises(ApiError) as empty:
        teacher_view.write_reflection(w.server.engine, w.principal(a), "feedback", w.shared, " ")
    assert empty.value.status == 422
    # B can't edit A's reflection either.
    with pytest.raises(ApiError):
        teacher_view.write_reflection(
            w.server.engine, w.principal(b), "feedback", w.shared, "B's", w.reflection
        )
    assert w.reflections(w.coach.user, w.shared) == [REFLECTION_TEXT]
    assert w.reflections(w.teacher_a, w.shared) == [REFLECTION_TEXT]


def test_the_coach_receives_a_reflection_and_cannot_change_it(shared_server):
    w = make_world(shared_server)
    copy = next(x for x in pull_all(w.coach) if x["id"] == w.reflection)
    edited = {**copy["data"], "text": "the coach rewrote it"}
    results = push(
        w.coach,
        op(w.reflection, kind="reflection", base_version=1, data=edited, visibility="teacher"),
        op(w.reflection, kind="reflection", base_version=1, delete=True, visibility="teacher"),
        reflection_op(w, w.coach.user.id, w.shared),  # a coach writing a reflection
    )["results"]
    assert [r["status"] for r in results] == ["rejected"] * 3
    assert "someone else" in results[0]["reason"]
    assert results[0]["server"]["data"]["text"] == REFLECTION_TEXT  # "keep theirs" has a copy
    assert "Only teachers write reflections" in results[2]["reason"]
    # The teacher edits it: the coach's next pull brings the new words.
    since = max(x["server_seq"] for x in pull_all(w.coach))
    teacher_view.write_reflection(
        w.server.engine, w.principal(w.teacher_a), "feedback", w.shared, "Second thoughts.",
        w.reflection,
    )  # fmt: skip
    newer = [x for x in pull_all(w.coach, since=since) if x["id"] == w.reflection]
    assert [(x["version"], x["data"]["text"]) for x in newer] == [(2, "Second thoughts.")]


def test_unsharing_takes_the_sheet_away_from_the_teacher(shared_server):
    w = make_world(shared_server)
    coach_id = w.coach.user.id
    results = push(
        w.coach,
        op(w.shared, kind="feedback", base_version=1, visibility="private",
           data=feedback_data(w.shared, coach_id, None)),
    )["results"]  # fmt: skip
    assert results[0]["status"] == "applied"
    assert w.shared_ids(w.teacher_a) == [w.shared_cycle]
    assert w.reflections(w.teacher_a, w.shared) == []
    with pytest.raises(ApiError):
        teacher_view.write_reflection(
            w.server.engine, w.principal(w.teacher_a), "feedback", w.shared, "still here?"
        )
    # What A wrote before stays with the coach.
    kept = next(x for x in pull_all(w.coach) if x["id"] == w.reflection)
    assert kept["data"]["text"] == REFLECTION_TEXT and not kept["deleted"]
    # Shared with B instead: B reads it, A does not.
    push(
        w.coach,
        op(w.shared, kind="feedback", base_version=2, visibility="teacher",
           data=feedback_data(w.shared, coach_id, w.teacher_b.email)),
    )  # fmt: skip
    assert (w.shared_ids(w.teacher_a), w.shared_ids(w.teacher_b)) == (
        [w.shared_cycle],
        [w.shared],
    )
    # A cycle made private again (the copy cleared) is gone from A's pages; the reflection A
    # wrote on it stays with the coach.
    results = push(
        w.coach,
        op(w.shared_cycle, kind="coaching_cycle", base_version=1, visibility="private",
           data=cycle_data(w.shared_cycle, coach_id, None, "private")),
    )["results"]  # fmt: skip
    assert results[0]["status"] == "applied"
    assert w.shared_ids(w.teacher_a) == []
    assert w.reflections(w.teacher_a, w.shared_cycle) == []
    assert w.reflections(w.coach.user, w.shared_cycle) == [CYCLE_TEXT]


def test_restore_recomputes_readers_and_addressees(observe_server, tmp_path):
    w = make_world(observe_server)
    made = tmp_path / "backup.jsonl.gz"
    assert observe_server.cli("backup", str(made)).returncode == 0
    # A backup made before the columns existed: the restore derives them from the snapshots.
    old = tmp_path / "old.jsonl.gz"
    with gzip.open(made, "rt") as src, gzip.open(old, "wt") as out:
        for line in src:
            item = json.loads(line)
            if item.get("t") == "record":
                del item["r"]["reader"], item["r"]["addressee_id"]
            if item.get("t") != "invitation":
                out.write(json.dumps(item) + "\n")
    restored = observe_server.cli("restore", str(old), "--replace")
    assert restored.returncode == 0, restored.stderr
    assert w.shared_ids(w.teacher_a) == [w.shared_cycle, w.shared]
    coach = observe_server.login(w.coach.user)
    assert {w.reflection, w.cycle_reflection} <= {x["id"] for x in pull_all(coach)}
    assert w.reflections(w.coach.user, w.shared) == [REFLECTION_TEXT]
    assert w.reflections(w.coach.user, w.shared_cycle) == [CYCLE_TEXT]
