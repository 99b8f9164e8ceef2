"""Who may read and write what, checked on the server for every role."""

from __future__ import annotations

import uuid

from observe.ids import new_id
from tests.server.helpers import evidence_data, op, pull_all, push


def test_coaches_see_own_and_same_school_team_records_only(shared_server):
    school, elsewhere = f"North {uuid.uuid4().hex[:6]}", f"South {uuid.uuid4().hex[:6]}"
    a = shared_server.login(shared_server.add_user(school=school))
    b = shared_server.login(shared_server.add_user(school=school))
    c = shared_server.login(shared_server.add_user(school=elsewhere))
    private, team, teacher = new_id(), new_id(), new_id()
    push(b, op(private), op(team, visibility="team"), op(teacher, visibility="teacher"))
    far_team = new_id()
    push(c, op(far_team, visibility="team"))

    seen_by_a = {x["id"] for x in pull_all(a)}
    assert team in seen_by_a
    assert not seen_by_a & {private, teacher, far_team}
    seen_by_c = {x["id"] for x in pull_all(c)}
    assert not seen_by_c & {private, team, teacher}
    seen_by_b = {x["id"] for x in pull_all(b)}
    assert {private, team, teacher} <= seen_by_b


def test_a_coach_cannot_change_anothers_record(shared_server):
    school = f"West {uuid.uuid4().hex[:6]}"
    a = shared_server.login(shared_server.add_user(school=school))
    b = shared_server.login(shared_server.add_user(school=school))
    rid = new_id()
    push(b, op(rid, visibility="team", data=evidence_data(rid, "b's words")))
    for attempt in (
        op(rid, base_version=1, data=evidence_data(rid, "a rewrote it"), visibility="team"),
        op(rid, base_version=1, delete=True),
        op(rid, base_version=None, client_version=9),
    ):
        result = push(a, attempt)["results"][0]
        assert result["status"] == "rejected"
        assert "someone else" in result["reason"]
        assert result["server"]["data"]["text"] == "b's words"  # a copy a may read
    hidden = new_id()
    push(b, op(hidden, data=evidence_data(hidden, "b's private note")))
    refused = push(a, op(hidden, base_version=1))["results"][0]
    assert refused["status"] == "rejected" and refused["server"] is None
    latest = next(x for x in pull_all(b) if x["id"] == rid)
    assert latest["version"] == 1 and latest["data"]["text"] == "b's words"


def test_leader_gets_aggregates_and_403_on_records(shared_server):
    leader = shared_server.login(shared_server.add_user(role="leader"))
    assert leader.client.get("/v1/sync/pull").status_code == 403
    assert leader.client.post("/v1/sync/push", json={"ops": [op()]}).status_code == 403
    assert leader.client.get("/v1/admin/users").status_code == 403
    assert leader.client.get("/v1/aggregates/coaching-time").status_code == 200


def test_admin_manages_accounts_but_reads_no_records(shared_server):
    admin = shared_server.login(shared_server.add_user(role="admin"))
    coach = shared_server.add_user()
    assert admin.client.get("/v1/sync/pull").status_code == 403
    assert admin.client.post("/v1/sync/push", json={"ops": []}).status_code == 403
    assert admin.client.get("/v1/aggregates/participation").status_code == 403
    users = admin.client.get("/v1/admin/users").json()["users"]
    assert coach.email in {u["email"] for u in users}
    assert all("password" not in str(u.keys()) for u in users)
    assert admin.client.get("/v1/admin/devices").status_code == 200
    assert admin.client.post(f"/v1/admin/users/{coach.id}/disable").status_code == 200
    assert admin.client.post(f"/v1/admin/users/{uuid.uuid4()}/disable").status_code == 404


def test_coach_cannot_use_admin_endpoints(shared_server):
    coach = shared_server.login(shared_server.add_user())
    assert coach.client.get("/v1/admin/users").status_code == 403
    assert coach.client.post(f"/v1/admin/devices/{coach.device_id}/revoke").status_code == 403
    assert coach.client.get("/v1/me").status_code == 200


def test_unsharing_sends_a_tombstone_to_the_team_and_resharing_brings_it_back(shared_server):
    school = f"East {uuid.uuid4().hex[:6]}"
    owner = shared_server.login(shared_server.add_user(school=school))
    colleague = shared_server.login(shared_server.add_user(school=school))
    rid = new_id()
    push(owner, op(rid, visibility="team", data=evidence_data(rid, "shared words")))
    assert next(x for x in pull_all(colleague) if x["id"] == rid)["data"]["text"] == "shared words"
    cursor = colleague.client.get("/v1/me").json()["head_seq"]

    push(owner, op(rid, base_version=1, visibility="private", data=evidence_data(rid, "mine")))
    withdrawn = [x for x in pull_all(colleague, since=cursor) if x["id"] == rid]
    assert len(withdrawn) == 1
    assert withdrawn[0]["deleted"] is True and withdrawn[0]["data"] is None
    owner_view = next(x for x in pull_all(owner) if x["id"] == rid)
    assert owner_view["deleted"] is False and owner_view["data"]["text"] == "mine"

    push(owner, op(rid, base_version=2, visibility="team", data=evidence_data(rid, "again")))
    back = next(x for x in pull_all(colleague) if x["id"] == rid)
    assert back["deleted"] is False and back["data"]["text"] == "again"
