"""Push and pull against a real server: per-op acks, idempotent retries, conflicts kept."""

from __future__ import annotations

from observe.ids import new_id
from tests.server.helpers import evidence_data, op, pull_all, push


def test_push_acks_each_op_and_pull_returns_them_in_seq_order(shared_server):
    coach = shared_server.login(shared_server.add_user())
    ops = [op() for _ in range(3)]
    reply = push(coach, *ops)
    assert [r["op_id"] for r in reply["results"]] == [o["op_id"] for o in ops]
    assert {r["status"] for r in reply["results"]} == {"applied"}
    seqs = [r["server_seq"] for r in reply["results"]]
    assert seqs == sorted(seqs) and seqs[-1] == reply["head_seq"]
    assert all(r["version"] == 1 for r in reply["results"])
    for key in ("server_id", "epoch", "head_seq"):
        assert key in reply

    changes = pull_all(coach, since=seqs[0] - 1)
    mine = [c for c in changes if c["owner_id"] == coach.user.id]
    assert [c["id"] for c in mine] == [o["id"] for o in ops]
    assert mine[0]["data"]["text"] == ops[0]["data"]["text"]
    assert mine[0]["kind"] == "evidence" and mine[0]["deleted"] is False


def test_one_bad_op_does_not_fail_the_batch(shared_server):
    coach = shared_server.login(shared_server.add_user())
    good, unknown, empty = op(), op(kind="homework"), op()
    empty["data"] = None
    results = push(coach, good, unknown, empty)["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected"]
    assert "kind" in results[1]["reason"]
    assert results[2]["reason"]


def test_repeated_op_id_returns_the_stored_result_and_changes_nothing(shared_server):
    coach = shared_server.login(shared_server.add_user())
    first = op()
    applied = push(coach, first)["results"][0]
    again = push(coach, first)
    result = again["results"][0]
    assert result["status"] == "duplicate"
    assert (result["version"], result["server_seq"]) == (applied["version"], applied["server_seq"])
    assert again["head_seq"] >= applied["server_seq"]
    changes = [c for c in pull_all(coach) if c["id"] == first["id"]]
    assert len(changes) == 1 and changes[0]["version"] == 1


def test_edit_racing_edit_keeps_both_and_reports_the_server_copy(shared_server):
    user = shared_server.add_user()
    laptop, tablet = shared_server.login(user), shared_server.login(user)
    record_id = new_id()
    push(laptop, op(record_id, data=evidence_data(record_id, "original")))
    push(laptop, op(record_id, base_version=1, data=evidence_data(record_id, "laptop edit")))
    lost = push(tablet, op(record_id, base_version=1, data=evidence_data(record_id, "tablet")))
    result = lost["results"][0]
    assert result["status"] == "conflict"
    assert result["server"]["data"]["text"] == "laptop edit"
    assert result["server"]["version"] == 2

    # The server kept its copy, and the losing snapshot is stored as a sibling.
    from sqlalchemy import select

    from observe.server.schema import conflict

    with shared_server.engine.connect() as conn:
        siblings = conn.execute(select(conflict).where(conflict.c.record_id == record_id)).all()
    assert [s.data["text"] for s in siblings] == ["tablet"]
    assert siblings[0].resolved_at is None

    # Resolving: an edit on the current version applies and marks the sibling resolved.
    merged = push(tablet, op(record_id, base_version=2, data=evidence_data(record_id, "merged")))
    assert merged["results"][0]["status"] == "applied"
    with shared_server.engine.connect() as conn:
        resolved = conn.execute(
            select(conflict.c.resolved_at).where(conflict.c.record_id == record_id)
        ).scalar_one()
    assert resolved is not None


def test_edit_racing_delete_and_delete_racing_edit_are_conflicts(shared_server):
    user = shared_server.add_user()
    a, b = shared_server.login(user), shared_server.login(user)
    first, second = new_id(), new_id()
    push(a, op(first), op(second))
    # a deletes first, b edits it from the old version
    assert push(a, op(first, base_version=1, delete=True))["results"][0]["status"] == "applied"
    edit = push(b, op(first, base_version=1, data=evidence_data(first, "late edit")))
    assert edit["results"][0]["status"] == "conflict"
    assert edit["results"][0]["server"]["deleted"] is True
    # a edits second, b deletes it from the old version
    push(a, op(second, base_version=1, data=evidence_data(second, "kept")))
    gone = push(b, op(second, base_version=1, delete=True))["results"][0]
    assert gone["status"] == "conflict"
    assert gone["server"]["data"]["text"] == "kept"
    latest = {c["id"]: c for c in pull_all(a)}
    assert latest[first]["deleted"] is True and latest[first]["data"] is None
    assert latest[second]["deleted"] is False


def test_replayed_conflict_is_still_a_conflict(shared_server):
    user = shared_server.add_user()
    a, b = shared_server.login(user), shared_server.login(user)
    rid = new_id()
    push(a, op(rid))
    push(a, op(rid, base_version=1, data=evidence_data(rid, "a")))
    losing = op(rid, base_version=1, data=evidence_data(rid, "b"))
    assert push(b, losing)["results"][0]["status"] == "conflict"
    replay = push(b, losing)["results"][0]
    assert replay["status"] == "conflict"
    assert replay["server"]["data"]["text"] == "a"


def test_recovery_ops_apply_skip_or_conflict(shared_server):
    coach = shared_server.login(shared_server.add_user())
    rid, same, newer = new_id(), new_id(), new_id()
    push(coach, op(same), op(newer))
    push(coach, op(newer, base_version=1, data=evidence_data(newer, "server v2")))
    same_data = pull_all(coach)
    same_data = next(c for c in same_data if c["id"] == same)["data"]
    results = push(
        coach,
        op(rid, base_version=None, client_version=3),  # server lacks it: applied
        op(same, base_version=None, client_version=1, data=same_data),  # identical: duplicate
        op(newer, base_version=None, client_version=1, data=evidence_data(newer, "old")),
    )["results"]
    assert [r["status"] for r in results] == ["applied", "duplicate", "conflict"]
    assert results[0]["version"] == 3  # the version the old server gave it (Changes, 16)


def test_pull_pages_never_skip_a_change(shared_server):
    coach = shared_server.login(shared_server.add_user())
    ops = [op() for _ in range(25)]
    first = push(coach, *ops)["results"][0]["server_seq"]
    seen = pull_all(coach, since=first - 1, limit=7)
    mine = [c["id"] for c in seen if c["owner_id"] == coach.user.id]
    assert mine == [o["id"] for o in ops]
    reply = coach.client.get("/v1/sync/pull", params={"since": 10**12}).json()
    assert reply["changes"] == [] and reply["more"] is False and reply["next_since"] == 10**12


def test_a_coach_changes_visibility_and_kinds_round_trip(shared_server):
    coach = shared_server.login(shared_server.add_user())
    rid = new_id()
    push(coach, op(rid, kind="seat", data={"id": rid, "label": "A3", "row": 1, "col": 3}))
    push(
        coach,
        op(rid, kind="seat", base_version=1, visibility="teacher", data={"id": rid, "label": "A4"}),
    )
    latest = next(c for c in pull_all(coach) if c["id"] == rid)
    assert (latest["kind"], latest["visibility"], latest["version"]) == ("seat", "teacher", 2)
    clash = push(coach, op(rid, kind="visit", base_version=2))["results"][0]
    assert clash["status"] == "rejected"
