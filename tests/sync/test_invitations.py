"""Inviting a roster teacher from the app or the CLI, and the teachers' account status.

The server endpoints (``POST /v1/invitations``, ``POST /v1/teachers/status``) are built on
branch i16-server; until the merge these tests talk real HTTP to a scripted loopback server
that answers as the contract says. After the merge, the success paths should run against the
real observe-server (tests/serverfixtures.py) instead.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from observe.cli import main as cli_main
from observe.clock import utcnow
from observe.errors import UsageError
from observe.store.models import School, Teacher
from observe.sync import state
from observe.sync.credentials import Credentials
from observe.sync.errors import NotSignedIn, ServerUnreachable, SyncError
from observe.sync.invitations import (
    choose_qr,
    invite_teacher,
    qr_link,
    refresh_status_now,
    teacher_statuses,
)
from tests.sync.netfaults import Answer, Scripted

TOKEN = "device-token-for-tests"
EXPIRES = datetime(2026, 12, 21, 15, 0, tzinfo=UTC)


def _json(status: int, body: object) -> Answer:
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _error(status: int, code: str, message: str) -> Answer:
    return _json(status, {"error": {"code": code, "message": message}})


def _server(answers: dict[str, Answer]) -> Scripted:
    return Scripted(lambda method, path, query: answers.get(path) or _error(404, "x", "none"))


def _roster(store) -> dict[str, str]:
    with store.write() as s:
        school = School(name="Lincoln Middle")
        rows = {
            "ana": Teacher(school=school, display_name="Ana Ortiz", email="Ana@School.org"),
            "ben": Teacher(school=school, display_name="Ben Cho", email="ben@school.org"),
            "cho": Teacher(school=school, display_name="Cho Park", email=None),
        }
        s.add_all([school, *rows.values()])
    return {k: v.id for k, v in rows.items()}


def _sign_in(store, url: str) -> None:
    state.save(store, server_url=url, email="coach@example.org")
    Credentials(store.paths.data_dir).save(url, "coach@example.org", TOKEN)


@pytest.fixture
def keyring_off(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def test_invite_sends_the_roster_email_and_shows_link_code_and_expiry(store, keyring_off):
    ids = _roster(store)
    reply = {
        "email": "ana@school.org",
        "link": "https://observe.school.org/invite/tok-123",
        "code": "K7M-4QX",
        "expires_at": EXPIRES.isoformat(),
    }
    server = _server({"/v1/invitations": _json(200, reply)})
    try:
        _sign_in(store, server.url)
        invitation = invite_teacher(store, ids["ana"])
    finally:
        server.close()
    assert (invitation.link, invitation.code) == (reply["link"], "K7M-4QX")
    assert invitation.expires_at == EXPIRES and "December 2026" in invitation.expires_local
    headers, body = server.received[-1]
    assert json.loads(body) == {"email": "ana@school.org", "name": "Ana Ortiz"}
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert server.seen == [("POST", "/v1/invitations")]
    # Invited now, as far as this profile knows; Cho has no email; Ben was never asked about.
    shown = teacher_statuses(
        store, [(ids["ana"], "ana@school.org"), (ids["ben"], "ben@school.org"), (ids["cho"], None)]
    )
    assert shown == {ids["ana"]: "invited", ids["ben"]: "not invited", ids["cho"]: "no email"}
    # The QR choice is kept locally and ends with the link's expiry.
    assert qr_link(store, ids["ana"]) is None
    choose_qr(store, invitation, True)
    assert qr_link(store, ids["ana"]) == reply["link"]
    choose_qr(store, invitation, False)
    assert qr_link(store, ids["ana"]) is None
    expired = type(invitation)(**{**invitation.__dict__, "expires_at": utcnow() - timedelta(1)})
    choose_qr(store, expired, True)
    assert qr_link(store, ids["ana"]) is None


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (
            _error(409, "exists", "That teacher already has an account."),
            "Ana Ortiz already has an account on",
        ),
        (_error(403, "forbidden", "Not yours."), "won't invite ana@school.org"),
        (_error(404, "not_found", "Not found."), "can't make invitations yet"),
    ],
)
def test_invite_refusals_are_sentences(store, keyring_off, answer, words):
    ids = _roster(store)
    server = _server({"/v1/invitations": answer})
    try:
        _sign_in(store, server.url)
        with pytest.raises(SyncError) as refused:
            invite_teacher(store, ids["ana"])
    finally:
        server.close()
    assert words in refused.value.sentence
    assert "Traceback" not in refused.value.sentence


def test_invite_without_email_server_or_network(store, keyring_off):
    ids = _roster(store)
    with pytest.raises(NotSignedIn) as no_server:
        invite_teacher(store, ids["ana"])
    assert "No sync server is set up" in no_server.value.sentence
    with pytest.raises(UsageError) as no_email:
        invite_teacher(store, ids["cho"])
    assert "Cho Park has no email" in no_email.value.sentence
    assert "Teachers tab" in no_email.value.sentence
    server = _server({})
    url = server.url
    server.close()  # nobody listens there any more: offline
    _sign_in(store, url)
    with pytest.raises(ServerUnreachable) as offline:
        invite_teacher(store, ids["ana"])
    assert "couldn't reach the sync server" in offline.value.sentence
    assert "no invitation was made for Ana Ortiz" in offline.value.sentence


def test_teacher_status_is_asked_for_roster_emails_and_kept(store, keyring_off):
    ids = _roster(store)
    server = _server(
        {"/v1/teachers/status": _json(200, {"accounts": {"ana@school.org": "active"}})}
    )
    try:
        _sign_in(store, server.url)
        refresh_status_now(store)
    finally:
        server.close()
    _, body = server.received[-1]
    assert json.loads(body) == {"emails": ["ana@school.org", "ben@school.org"]}
    shown = teacher_statuses(
        store, [(ids["ana"], "ana@school.org"), (ids["ben"], "ben@school.org"), (ids["cho"], None)]
    )
    assert shown == {ids["ana"]: "active", ids["ben"]: "not invited", ids["cho"]: "no email"}


def test_cli_invite_prints_link_and_code(store, keyring_off, capsys):
    _roster(store)
    reply = {
        "email": "ben@school.org",
        "link": "http://127.0.0.1/invite/tok-456",
        "code": "ABC-DEF",
        "expires_at": EXPIRES.isoformat(),
    }
    server = _server({"/v1/invitations": _json(200, reply)})
    data_dir = str(store.paths.data_dir)
    try:
        _sign_in(store, server.url)
        store.close()
        code = cli_main(["invite", "--teacher", "ben cho", "--qr", "--data-dir", data_dir])
        out = capsys.readouterr().out
        assert code == 0
        assert "Link: http://127.0.0.1/invite/tok-456" in out and "Code: ABC-DEF" in out
        assert "QR code" in out
        code = cli_main(["invite", "--teacher", "Nobody", "--data-dir", data_dir])
        err = capsys.readouterr().err
        assert code == 2 and "No teacher in this profile is called 'Nobody'" in err
    finally:
        server.close()
