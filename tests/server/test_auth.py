"""Signing in, rate limits, and revocation that takes effect on the very next request."""

from __future__ import annotations

import uuid

import httpx


def _login(server, email, password, device_id=None):
    return httpx.post(
        f"{server.base_url}/v1/auth/login",
        json={
            "email": email,
            "password": password,
            "device_id": device_id or str(uuid.uuid4()),
            "device_name": "laptop",
        },
        timeout=30,
    )


def test_right_password_gives_a_token_that_works(shared_server):
    user = shared_server.add_user(school="Auth School")
    reply = _login(shared_server, user.email.upper(), user.password)
    assert reply.status_code == 200
    body = reply.json()
    assert body["user"] == {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": "coach",
        "school": "Auth School",
    }
    assert len(body["token"]) >= 40
    me = shared_server.client(body["token"]).get("/v1/me")
    assert me.status_code == 200 and me.json()["device_id"] == body["device_id"]
    # The token is stored hashed only.
    from sqlalchemy import select

    from observe.server.schema import device

    with shared_server.engine.connect() as conn:
        stored = conn.execute(
            select(device.c.token_hash).where(device.c.id == body["device_id"])
        ).scalar_one()
    assert stored != body["token"] and len(stored) == 64


def test_wrong_password_and_unknown_email_are_refused_alike(shared_server):
    user = shared_server.add_user()
    wrong = _login(shared_server, user.email, "not the password")
    unknown = _login(shared_server, "nobody@example.org", "whatever it is")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["error"]["code"] == "bad_credentials"


def test_too_many_failures_are_rate_limited_even_with_the_right_password(shared_server):
    user = shared_server.add_user()
    for _ in range(5):
        assert _login(shared_server, user.email, "guess guess").status_code == 401
    limited = _login(shared_server, user.email, user.password)
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.json()["error"]["code"] == "rate_limited"
    # Another account is not affected.
    other = shared_server.add_user()
    assert _login(shared_server, other.email, other.password).status_code == 200


def test_disabled_user_is_refused_at_once_and_cannot_sign_in(shared_server):
    user = shared_server.add_user()
    session = shared_server.login(user)
    assert session.client.get("/v1/me").status_code == 200
    result = shared_server.cli("user", "disable", user.email)
    assert result.returncode == 0, result.stderr
    refused = session.client.get("/v1/sync/pull")
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "revoked"
    again = _login(shared_server, user.email, user.password)
    assert again.status_code == 401 and again.json()["error"]["code"] == "disabled"
    assert shared_server.cli("user", "enable", user.email).returncode == 0
    assert _login(shared_server, user.email, user.password).status_code == 200


def test_revoked_device_is_refused_at_once_other_devices_keep_working(shared_server):
    admin = shared_server.login(shared_server.add_user(role="admin", school="District"))
    user = shared_server.add_user()
    laptop, tablet = shared_server.login(user), shared_server.login(user)
    devices = admin.client.get("/v1/admin/devices").json()["devices"]
    assert laptop.device_id in {d["id"] for d in devices}
    revoke = admin.client.post(f"/v1/admin/devices/{laptop.device_id}/revoke")
    assert revoke.status_code == 200
    refused = laptop.client.post("/v1/sync/push", json={"ops": []})
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "revoked"
    assert tablet.client.post("/v1/sync/push", json={"ops": []}).status_code == 200
    # Signing in again from the revoked device id makes a new device.
    fresh = _login(shared_server, user.email, user.password, device_id=laptop.device_id).json()
    assert fresh["device_id"] != laptop.device_id


def test_logout_revokes_only_the_calling_device(shared_server):
    user = shared_server.add_user()
    a, b = shared_server.login(user), shared_server.login(user)
    assert a.client.post("/v1/auth/logout").status_code == 200
    after = a.client.get("/v1/me")
    assert after.status_code == 401 and after.json()["error"]["code"] == "revoked"
    assert b.client.get("/v1/me").status_code == 200


def test_missing_or_bad_tokens_are_401_with_the_error_shape(shared_server):
    plain = shared_server.client()
    for reply in (
        plain.get("/v1/me"),
        plain.get("/v1/sync/pull", headers={"Authorization": "Bearer nope"}),
        plain.get("/v1/me", headers={"Authorization": "Basic abc"}),
    ):
        assert reply.status_code == 401
        assert set(reply.json()["error"]) == {"code", "message"}


def test_device_id_of_another_user_is_not_taken_over(shared_server):
    a = shared_server.login(shared_server.add_user())
    b_user = shared_server.add_user()
    b = shared_server.login(b_user, device_id=a.device_id)
    assert b.device_id != a.device_id
    assert a.client.get("/v1/me").json()["user"]["id"] == a.user.id


def test_the_server_log_holds_no_passwords_or_tokens(tmp_path):
    from tests.serverfixtures import ServerProcess

    server = ServerProcess(
        f"sqlite:///{tmp_path / 'log.sqlite3'}", tmp_path / "server", access_log=True
    )
    server.start()
    try:
        user = server.add_user()
        session = server.login(user)
        _login(server, user.email, "a wrong guess at it")
        session.client.get("/v1/sync/pull", params={"since": 0})
        session.client.post("/v1/auth/logout")
        server.stop()
        log = server.log_text()
        assert "signed in" in log and "login failed" in log  # the app does log these events
        assert "GET /v1/sync/pull?since=0" in log  # and the access log is on
        for secret in (user.password, "a wrong guess at it", session.token):
            assert secret not in log
    finally:
        server.close()
