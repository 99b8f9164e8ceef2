"""Server rules for life after a restore (issue 13): nobody creates a record naming another
author, the author takes a taken record back, and a re-push of the same content is a
duplicate whatever its version."""

from __future__ import annotations

import uuid

from sqlalchemy import select, update

from observe.server.schema import record
from tests.server.helpers import evidence_data, new_id, op, pull_all, push


def _colleagues(server):
    school = f"Restore {uuid.uuid4().hex[:6]}"
    return (
        server.login(server.add_user(school=school)),
        server.login(server.add_user(school=school)),
    )


def _owner(server, rid: str) -> str | None:
    with server.engine.connect() as conn:
        return conn.scalar(select(record.c.owner_id).where(record.c.id == rid))


def test_a_create_naming_another_author_waits_for_the_author(shared_server):
    a, b = _colleagues(shared_server)
    rid, gone = new_id(), new_id()
    bens = {**evidence_data(rid, "b's words"), "author_id": b.user.id, "visibility": "team"}
    held = op(rid, base_version=None, client_version=2, visibility="team", data=bens)
    edit = {**bens, "text": "a's words over b's"}
    for attempt in (
        held,
        op(rid, base_version=1, visibility="team", data=edit),
        op(gone, delete=True, base_version=None, client_version=3)
        | {"data": {**evidence_data(gone), "author_id": b.user.id}},
    ):
        result = push(a, attempt)["results"][0]
        assert result["status"] == "conflict" and result["server"] is None
        assert result["version"] is None
        assert "waits here until its author syncs again" in result["reason"]
    assert _owner(shared_server, rid) is None and _owner(shared_server, gone) is None
    assert push(a, held)["results"][0]["status"] == "conflict"  # a replay: still waiting

    mine = push(b, op(rid, base_version=None, client_version=2, visibility="team", data=bens))
    assert mine["results"][0]["status"] == "applied" and mine["results"][0]["version"] == 2
    assert _owner(shared_server, rid) == b.user.id
    replay = push(a, held)["results"][0]  # a's client asks again: now it sees b's copy
    assert replay["status"] == "conflict" and replay["server"]["owner_id"] == b.user.id
    assert replay["server"]["data"]["text"] == "b's words"
    refused = push(a, op(rid, base_version=2, visibility="team", data=edit))["results"][0]
    assert refused["status"] == "rejected" and "someone else" in refused["reason"]


def test_the_author_takes_back_a_record_someone_else_took(shared_server):
    a, b = _colleagues(shared_server)
    rid = new_id()
    bens = {**evidence_data(rid, "b's words"), "author_id": b.user.id}
    push(b, op(rid, data=bens, visibility="team"))
    with shared_server.engine.begin() as conn:  # as an older server let a restore do
        conn.execute(update(record).where(record.c.id == rid).values(owner_id=a.user.id))
    again = push(b, op(rid, base_version=None, client_version=1, data=bens, visibility="team"))
    assert again["results"][0]["status"] == "applied"
    assert _owner(shared_server, rid) == b.user.id
    assert (
        push(b, op(rid, base_version=1, data={**bens, "text": "b again"}, visibility="team"))[
            "results"
        ][0]["status"]
        == "applied"
    )


def test_the_same_content_is_a_duplicate_whatever_its_version(shared_server):
    coach = shared_server.login(shared_server.add_user())
    rid = new_id()
    data = evidence_data(rid, "kept")
    push(coach, op(rid, data=data))
    push(coach, op(rid, base_version=1, data={**data, "text": "changed"}))
    current = next(c for c in pull_all(coach) if c["id"] == rid)
    same = {**current["data"], "version": 7, "updated_at": "2026-01-01T00:00:00Z"}
    same["device_id"] = new_id()
    for attempt in (
        op(rid, base_version=1, data=same),  # an old-version edit that ended up the same
        op(rid, base_version=None, client_version=1, data=same),  # a second device's re-push
        op(rid, base_version=None, client_version=9, data=same),  # even a higher version
    ):
        result = push(coach, attempt)["results"][0]
        assert (result["status"], result["version"]) == ("duplicate", 2)
    for differs in (
        op(rid, base_version=1, data={**same, "text": "other"}),
        op(rid, base_version=1, data=same, visibility="team"),
        op(rid, base_version=1, data={**same, "created_at": "2020-01-01T00:00:00Z"}),
        op(rid, base_version=1, delete=True),
    ):
        assert push(coach, differs)["results"][0]["status"] == "conflict"
    newer = push(coach, op(rid, base_version=None, client_version=9, data={**same, "text": "v9"}))
    assert (newer["results"][0]["status"], newer["results"][0]["version"]) == ("applied", 9)
