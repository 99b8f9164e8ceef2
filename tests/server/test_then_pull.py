"""A push that asks for the pull's first page (``then_pull``) gets the page a pull sent right
after it would get, on SQLite and PostgreSQL; a bad position is refused before anything is
written."""

from __future__ import annotations

import uuid
from typing import Any

from tests.server.helpers import op, push


def _push_then_pull(session: Any, ops: list[dict[str, Any]], **query: str) -> Any:
    return session.client.post(
        "/v1/sync/push", params={"then_pull": "true", **query}, json={"ops": ops}
    )


def _pull(session: Any, **query: str) -> dict[str, Any]:
    reply = session.client.get("/v1/sync/pull", params=query)
    assert reply.status_code == 200, reply.text
    return reply.json()


def test_the_page_is_the_one_a_pull_after_the_push_gets(shared_server: Any) -> None:
    school = f"Then Pull {uuid.uuid4().hex[:6]}"
    laptop = shared_server.login(shared_server.add_user(school=school))
    colleague = shared_server.login(shared_server.add_user(school=school))
    start = _pull(laptop)
    shared = op(visibility="team")
    push(colleague, shared)
    push(colleague, op())  # private: not for the laptop

    mine = [op() for _ in range(3)]
    mine[1]["data"]["text"] = "Student: «لماذا؟» 🙂"
    reply = _push_then_pull(laptop, mine, cursor=start["next_cursor"])

    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert [r["status"] for r in body["results"]] == ["applied"] * 3
    page = body["pull"]
    assert page == _pull(laptop, cursor=start["next_cursor"])
    # The colleague's shared item, then this push's own three, in seq order.
    assert [c["id"] for c in page["changes"]] == [shared["id"]] + [o["id"] for o in mine]
    assert page["changes"][2]["data"]["text"] == "Student: «لماذا؟» 🙂"
    assert page["more"] is False and page["head_seq"] == body["head_seq"]


def test_nothing_to_send_still_gets_the_page(shared_server: Any) -> None:
    school = f"Then Pull {uuid.uuid4().hex[:6]}"
    coach = shared_server.login(shared_server.add_user(school=school))
    sent = push(coach, op(), op())
    reply = _push_then_pull(coach, [], since=str(sent["head_seq"] - 1), limit="1")

    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert body["results"] == []
    assert len(body["pull"]["changes"]) == 1 and body["pull"]["more"] is False


def test_a_bad_position_is_refused_and_the_push_not_applied(shared_server: Any) -> None:
    coach = shared_server.login(shared_server.add_user())
    before = _pull(coach)
    for query in (
        {"cursor": "not a cursor"},
        {"limit": "0"},
        {"limit": "1001"},
        {"since": "-1"},
    ):
        reply = _push_then_pull(coach, [op()], **query)
        assert reply.status_code == 422, (query, reply.text)
        assert reply.json()["error"]["message"].startswith(("The request is not valid", "The sync"))
    reply = coach.client.post("/v1/sync/push", params={"then_pull": "maybe"}, json={"ops": [op()]})
    assert reply.status_code == 422
    assert "then_pull" in reply.json()["error"]["message"]
    # None of those pushes went in.
    assert _pull(coach, cursor=before["next_cursor"])["changes"] == []


def test_without_then_pull_the_push_replies_as_before(shared_server: Any) -> None:
    coach = shared_server.login(shared_server.add_user())
    for query in ({}, {"then_pull": "false"}, {"since": "not a number", "limit": "0"}):
        reply = coach.client.post("/v1/sync/push", params=query, json={"ops": [op()]})
        assert reply.status_code == 200, (query, reply.text)
        assert "pull" not in reply.json()
        assert reply.json()["results"][0]["status"] == "applied"


def test_only_coaches_push_and_pull(shared_server: Any) -> None:
    leader = shared_server.login(shared_server.add_user(role="leader"))
    reply = _push_then_pull(leader, [])
    assert reply.status_code == 403
