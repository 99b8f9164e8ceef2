"""Garbage in gets a 4xx with the error shape, never a 5xx, and changes nothing."""

from __future__ import annotations

import gzip
import json

import pytest

from observe.protocol import MAX_BODY_BYTES, MAX_PUSH_OPS
from tests.server.helpers import op, pull_all


@pytest.fixture(scope="module")
def coach_session(shared_server):
    return shared_server.login(shared_server.add_user(school="Robust School"))


def error_of(reply, status):
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"].endswith(".")
    return body["error"]["code"]


GARBAGE = [
    (b"{not json", "application/json", 400),
    (b"\xff\xfe\x00garbage", "application/json", 400),
    (b"[]", "application/json", 422),
    (b'{"ops": "many"}', "application/json", 422),
    (b'{"ops": [{"op_id": 5}]}', "application/json", 422),
    (b'{"ops": [], "extra": true}', "application/json", 422),
    (b'{"ops": [null]}', "application/json", 422),
    (b"ops=1", "application/x-www-form-urlencoded", 422),
    (b"", "application/json", 422),
    (b'{"ops": [{"op_id": "\\u0000"}]}', "application/json", 422),
]


@pytest.mark.parametrize(("body", "ctype", "status"), GARBAGE)
def test_garbage_push_bodies_are_4xx(shared_server, coach_session, body, ctype, status):
    reply = coach_session.client.post(
        "/v1/sync/push", content=body, headers={"Content-Type": ctype}
    )
    error_of(reply, status)


def test_wrong_types_in_ops_name_the_field(coach_session):
    bad = op()
    bad["base_version"] = "three"
    reply = coach_session.client.post("/v1/sync/push", json={"ops": [bad]})
    assert error_of(reply, 422) == "invalid"
    assert "base_version" in reply.json()["error"]["message"]


def test_huge_bodies_are_413_before_any_work(coach_session):
    huge = b'{"ops": [' + b" " * (MAX_BODY_BYTES + 10) + b"]}"
    assert error_of(coach_session.client.post("/v1/sync/push", content=huge), 413) == "too_large"

    def chunks():  # no Content-Length: counted while reading
        yield b'{"ops": ['
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b" " * 65536

    streamed = coach_session.client.post("/v1/sync/push", content=chunks())
    assert error_of(streamed, 413) == "too_large"


def test_too_many_ops_is_413_and_nothing_is_applied(coach_session):
    ops = [op() for _ in range(MAX_PUSH_OPS + 1)]
    reply = coach_session.client.post("/v1/sync/push", json={"ops": ops})
    assert error_of(reply, 413) == "too_many_ops"
    seen = {c["id"] for c in pull_all(coach_session)}
    assert not seen & {o["id"] for o in ops}


@pytest.mark.parametrize(
    "params",
    [{"since": -1}, {"since": "x"}, {"limit": 0}, {"limit": 100000}, {"since": 2**70}],
)
def test_bad_pull_parameters_are_422(coach_session, params):
    assert error_of(coach_session.client.get("/v1/sync/pull", params=params), 422) == "invalid"


def test_unknown_paths_methods_and_aggregates(coach_session):
    assert error_of(coach_session.client.get("/v1/nothing"), 404) == "not_found"
    assert error_of(coach_session.client.get("/v1/sync/push"), 405) == "method_not_allowed"
    error_of(coach_session.client.get("/v1/aggregates/salaries"), 422)
    error_of(coach_session.client.get("/v1/aggregates/coaching-time?from=2026-13-01"), 422)
    error_of(
        coach_session.client.get("/v1/aggregates/coaching-time?from=2026-05-01&to=2026-04-01"),
        422,
    )


def test_login_garbage(shared_server):
    client = shared_server.client()
    error_of(
        client.post("/v1/auth/login", content=b"{", headers={"Content-Type": "application/json"}),
        400,
    )
    error_of(client.post("/v1/auth/login", json={"email": "a@b.org"}), 422)
    error_of(
        client.post(
            "/v1/auth/login",
            json={"email": "a@b.org", "password": "x", "device_id": "not-a-uuid"},
        ),
        422,
    )
    nul_and_surrogate = json.dumps(
        {
            "email": "a\u0000@b.org",
            "password": "\ud800",
            "device_id": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        }
    )
    json_type = {"Content-Type": "application/json"}
    error_of(client.post("/v1/auth/login", content=nul_and_surrogate, headers=json_type), 422)


def test_text_no_database_can_store_is_rejected_per_op(coach_session):
    bad, good = op(), op()
    bad["data"]["text"] = "\ud800 and \u0000"
    reply = coach_session.client.post(
        "/v1/sync/push",
        content=json.dumps({"ops": [bad, good]}),
        headers={"Content-Type": "application/json"},
    )
    assert reply.status_code == 200, reply.text
    assert [r["status"] for r in reply.json()["results"]] == ["rejected", "applied"]
    not_a_number = op()
    body = json.dumps({"ops": [not_a_number]}).replace(
        '"prompt_index": null', '"prompt_index": NaN'
    )
    reply = coach_session.client.post(
        "/v1/sync/push", content=body, headers={"Content-Type": "application/json"}
    )
    assert reply.status_code in (200, 400, 422), reply.text
    if reply.status_code == 200:
        assert reply.json()["results"][0]["status"] == "rejected"
    pulled = coach_session.client.get("/v1/sync/pull", params={"limit": 1000})
    assert pulled.status_code == 200 and pulled.json()["changes"] is not None
    for path in ("/v1/admin/users/%00/disable", "/v1/admin/devices/%00%ff/revoke"):
        assert coach_session.client.post(path).status_code == 403


def test_numbers_json_cannot_hold_are_rejected_per_op_but_the_words_are_kept(coach_session):
    not_a_number, words = op(), op()
    words["data"]["text"] = "A student says NaN and -Infinity are not numbers"
    body = json.dumps({"ops": [not_a_number, words]}).replace(
        '"prompt_index": null', '"prompt_index": NaN', 1
    )
    reply = coach_session.client.post(
        "/v1/sync/push", content=body, headers={"Content-Type": "application/json"}
    )
    assert reply.status_code == 200, reply.text
    assert [r["status"] for r in reply.json()["results"]] == ["rejected", "applied"]
    pulled = coach_session.client.get("/v1/sync/pull", params={"limit": 1000}).json()["changes"]
    texts = {c["id"]: c["data"]["text"] for c in pulled}
    assert texts[words["id"]] == "A student says NaN and -Infinity are not numbers"
    assert not_a_number["id"] not in texts


def test_large_replies_are_gzipped(coach_session):
    coach_session.client.post("/v1/sync/push", json={"ops": [op() for _ in range(30)]})
    reply = coach_session.client.get("/v1/sync/pull", headers={"Accept-Encoding": "gzip"})
    assert reply.headers.get("content-encoding") == "gzip"
    raw = coach_session.client.build_request("GET", "/v1/sync/pull")
    assert gzip.decompress(gzip.compress(b"x")) == b"x" and raw is not None
