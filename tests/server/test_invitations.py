"""Inviting teachers: a one-time link and code that set a password, from the coach's app (HTTP)
and the administrator's CLI, on a real server (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import update

from observe.server import accounts, invitations
from observe.server.errors import ApiError
from observe.server.schema import invitation, utcnow
from tests.serverfixtures import DEFAULT_PASSWORD, ServerProcess, UserAccount

CODE = re.compile(r"^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")
NEW_PASSWORD = "a long new password"


def invite(server: ServerProcess, coach, email: str, name: str = "Ana Ortiz"):
    return coach.client.post("/v1/invitations", json={"email": email, "name": name})


def sign_in(server: ServerProcess, email: str, password: str) -> int:
    import httpx

    reply = httpx.post(
        f"{server.base_url}/v1/auth/login",
        json={"email": email, "password": password, "device_id": str(uuid.uuid4())},
        timeout=30.0,
    )
    return reply.status_code


def school_of(server: ServerProcess, tag: str) -> tuple[str, UserAccount]:
    school = f"Invites {tag}"
    return school, server.add_user(school=school)


def test_a_link_sets_the_password_once(shared_server):
    tag = uuid.uuid4().hex[:8]
    _, coach_user = school_of(shared_server, tag)
    coach = shared_server.login(coach_user)
    email = f"Ana.{tag}@School.org"
    reply = invite(shared_server, coach, email)
    assert reply.status_code == 200, reply.text
    made = reply.json()
    assert made["email"] == email.lower()
    assert made["link"].startswith(f"{shared_server.base_url}/invite/")
    assert CODE.match(made["code"])
    engine = shared_server.engine
    assert invitations.peek(engine, made["link"]) == (email.lower(), "Ana Ortiz")
    assert sign_in(shared_server, email, DEFAULT_PASSWORD) == 401  # no password yet
    with pytest.raises(ApiError) as short:
        invitations.accept(engine, token_or_code=made["link"], password="short")
    assert short.value.sentence == "Choose a password of at least 8 characters."
    token = made["link"].rsplit("/", 1)[1]
    account_id = invitations.accept(engine, token_or_code=token, password=NEW_PASSWORD)
    assert sign_in(shared_server, email, NEW_PASSWORD) == 200
    for again in (token, made["code"]):  # link and code are one invitation: used up
        with pytest.raises(ApiError) as used:
            invitations.accept(engine, token_or_code=again, password="another password")
        assert used.value.code == "used" and "already been used" in used.value.sentence
        assert invitations.peek(engine, again) is None
    assert sign_in(shared_server, email, "another password") == 401
    status = coach.client.post("/v1/teachers/status", json={"emails": [email, "x@y.org"]})
    assert status.json()["accounts"] == {email.lower(): "active"}
    exists = invite(shared_server, coach, email)
    assert exists.status_code == 409 and exists.json()["error"]["code"] == "exists"
    assert "can sign in" in exists.json()["error"]["message"]
    with engine.connect() as conn:
        listed = {u["id"]: u["role"] for u in accounts._user_rows(conn)}
    assert listed[account_id] == "teacher"


def test_a_typed_code_works_once_and_a_new_invitation_replaces_the_old(shared_server):
    tag = uuid.uuid4().hex[:8]
    _, coach_user = school_of(shared_server, tag)
    coach = shared_server.login(coach_user)
    email = f"ben.{tag}@school.org"
    first = invite(shared_server, coach, email, "Ben").json()
    second = invite(shared_server, coach, email, "Ben Ray").json()
    engine = shared_server.engine
    for old in (first["link"], first["code"]):
        assert invitations.peek(engine, old) is None
        with pytest.raises(ApiError) as replaced:
            invitations.accept(engine, token_or_code=old, password=NEW_PASSWORD)
        assert replaced.value.code == "not_found"
        assert replaced.value.sentence == (
            "This invitation link or code is not right; check it, or ask your coach for a new "
            "invitation."
        )
    typed = " " + second["code"].lower().replace("-", " ") + " "
    assert invitations.peek(engine, typed) == (email, "Ben Ray")
    invitations.accept(engine, token_or_code=typed, password=NEW_PASSWORD)
    with pytest.raises(ApiError) as used:
        invitations.accept(engine, token_or_code=second["link"], password=NEW_PASSWORD)
    assert used.value.code == "used"
    assert sign_in(shared_server, email, NEW_PASSWORD) == 200


def test_an_expired_invitation_is_refused_in_words(shared_server):
    tag = uuid.uuid4().hex[:8]
    _, coach_user = school_of(shared_server, tag)
    coach = shared_server.login(coach_user)
    email = f"cam.{tag}@school.org"
    made = invite(shared_server, coach, email, "Cam").json()
    engine = shared_server.engine
    token = made["link"].rsplit("/", 1)[1]
    with engine.begin() as conn:
        conn.execute(
            update(invitation)
            .where(invitation.c.token_hash == invitations._sha(token))
            .values(expires_at=utcnow() - timedelta(days=1))
        )
    for attempt in (made["link"], made["code"]):
        assert invitations.peek(engine, attempt) is None
        with pytest.raises(ApiError) as expired:
            invitations.accept(engine, token_or_code=attempt, password=NEW_PASSWORD)
        assert expired.value.code == "expired"
        assert "expired on" in expired.value.sentence and "new one" in expired.value.sentence
    assert sign_in(shared_server, email, NEW_PASSWORD) == 401
    status = coach.client.post("/v1/teachers/status", json={"emails": [email]}).json()
    assert status["accounts"] == {email: "expired"}
    fresh = invite(shared_server, coach, email, "Cam").json()
    status = coach.client.post("/v1/teachers/status", json={"emails": [email]}).json()
    assert status["accounts"] == {email: "invited"}
    invitations.accept(engine, token_or_code=fresh["code"], password=NEW_PASSWORD)


def test_wrong_codes_and_who_may_invite_whom(shared_server):
    tag = uuid.uuid4().hex[:8]
    school, coach_user = school_of(shared_server, tag)
    coach = shared_server.login(coach_user)
    engine = shared_server.engine
    with pytest.raises(ApiError) as wrong:
        invitations.accept(engine, token_or_code="ZZZZ-2222", password=NEW_PASSWORD)
    assert wrong.value.status == 404 and "not right" in wrong.value.sentence
    assert invitations.peek(engine, "no such link") is None
    leader = shared_server.add_user(role="leader", school=school)
    refused = invite(shared_server, coach, leader.email)
    assert refused.status_code == 403
    assert refused.json()["error"]["message"] == (
        f"{leader.email} belongs to a leader's account on this server, so it can't be invited "
        "as a teacher."
    )
    far = shared_server.add_user(role="teacher", school=f"Far {tag}")
    other_school = invite(shared_server, coach, far.email)
    assert other_school.status_code == 403 and "another school" in other_school.text
    status = coach.client.post("/v1/teachers/status", json={"emails": [far.email]}).json()
    assert status["accounts"] == {}  # another school's teacher is not this coach's to know
    for role in ("leader", "teacher", "admin"):
        other = shared_server.login(shared_server.add_user(role=role, school=school))
        assert invite(shared_server, other, f"x.{tag}@school.org").status_code == 403
        no_status = other.client.post("/v1/teachers/status", json={"emails": []})
        assert no_status.status_code == 403
        assert "Only coaches invite" in no_status.json()["error"]["message"]
    too_many = coach.client.post(
        "/v1/teachers/status", json={"emails": [f"t{i}@x.org" for i in range(1001)]}
    )
    assert too_many.status_code == 422


def test_the_cli_prints_the_link_and_code(sqlite_server):
    email = "dee@school.org"
    made = sqlite_server.cli(
        "user", "invite", "--email", email, "--name", "Dee", "--school", "Lincoln High",
        "--public-url", "https://observe.school.org/",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    link = re.search(r"^Link: (https://observe\.school\.org/invite/\S+)$", made.stdout, re.M)
    code = re.search(r"^Code: (\S+) \(to type in at https://observe.school.org/invite\)$",
                     made.stdout, re.M)  # fmt: skip
    assert link and code and CODE.match(code.group(1))
    assert re.search(r"^Valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC, once\.$", made.stdout, re.M)
    assert invitations.peek(sqlite_server.engine, code.group(1)) == (email, "Dee")
    missing = sqlite_server.cli("user", "invite", "--email", email, "--name", "D", "--school", "L")
    assert missing.returncode == 2 and "--public-url" in missing.stderr
    assert "Traceback" not in missing.stderr
    sqlite_server.add_user(role="coach", email="coach.e@school.org")
    coach_email = sqlite_server.cli(
        "user", "invite", "--email", "coach.e@school.org", "--name", "E",
        "--school", "Lincoln High", "--public-url", "https://observe.school.org",
    )  # fmt: skip
    assert coach_email.returncode == 2 and "coach's account" in coach_email.stderr


def test_serve_public_url_is_the_base_of_links(tmp_path):
    server = ServerProcess(
        database_url=f"sqlite:///{tmp_path / 'server.sqlite3'}",
        workdir=tmp_path / "server",
        extra_args=["--public-url", "https://observe.example.org/district/"],
    )
    server.start()
    try:
        coach = server.login(server.add_user())
        made = invite(server, coach, "fay@school.org", "Fay").json()
        assert made["link"].startswith("https://observe.example.org/district/invite/")
    finally:
        server.close()
