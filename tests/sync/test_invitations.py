"""Inviting a roster teacher from the app or the CLI, and the teachers' account status.

The success, "already has an account" (409) and "won't invite" (403) paths run against a real
observe-server (tests/serverfixtures.py); a scripted loopback server stands in only for what a
real one can't produce: an older server without the endpoint (404) and a garbled reply.
Being offline is a port nobody listens on.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from observe.cli import main as cli_main
from observe.clock import utcnow
from observe.errors import UsageError
from observe.server import invitations as server_invitations
from observe.store.models import School, Teacher
from observe.sync import state
from observe.sync.account import login
from observe.sync.credentials import Credentials
from observe.sync.errors import NotSignedIn, ServerUnreachable, SyncError
from observe.sync.invitations import (
    choose_qr,
    invite_teacher,
    qr_link,
    refresh_status_now,
)
from observe.sync.teacher_status import teacher_statuses
from tests.serverfixtures import ServerProcess, UserAccount
from tests.sync.netfaults import Answer, Scripted

TOKEN = "device-token-for-tests"
EXPIRES = datetime(2026, 12, 21, 15, 0, tzinfo=UTC)
TEACHER_PASSWORD = "a teacher's own password"


def _json(status: int, body: object) -> Answer:
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _error(status: int, code: str, message: str) -> Answer:
    return _json(status, {"error": {"code": code, "message": message}})


def _server(answers: dict[str, Answer]) -> Scripted:
    return Scripted(lambda method, path, query: answers.get(path) or _error(404, "x", "none"))


def _sign_in(store, url: str) -> None:
    """A sign-in as the app keeps it, for a scripted server (no real login to make)."""
    state.save(store, server_url=url, email="coach@example.org")
    Credentials(store.paths.data_dir).save(url, "coach@example.org", TOKEN)


def _tag() -> str:
    return uuid.uuid4().hex[:8]


def _roster(store, tag: str = "") -> dict[str, str]:
    """Ana and Ben with emails (Ana's typed in capitals), Cho without; ``tag`` keeps one
    test's emails apart from another's on a shared server."""
    with store.write() as s:
        school = School(name="Lincoln Middle")
        rows = {
            "ana": Teacher(school=school, display_name="Ana Ortiz", email=f"Ana{tag}@School.org"),
            "ben": Teacher(school=school, display_name="Ben Cho", email=f"ben{tag}@school.org"),
            "cho": Teacher(school=school, display_name="Cho Park", email=None),
        }
        s.add_all([school, *rows.values()])
    return {k: v.id for k, v in rows.items()}


def _coach(server: ServerProcess, store, school: str) -> UserAccount:
    """A coach of ``school`` on the real server, this profile signed in as them."""
    coach = server.add_user(school=school)
    login(store, server.base_url, coach.email, coach.password, device_name="laptop")
    return coach


@pytest.fixture
def keyring_off(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


def test_invite_makes_a_working_invitation_on_the_real_server(store, keyring_off, observe_server):
    tag = _tag()
    ids = _roster(store, tag)
    _coach(observe_server, store, f"Lincoln {tag}")
    before = utcnow()
    invitation = invite_teacher(store, ids["ana"])
    assert invitation.email == f"ana{tag}@school.org"  # the roster's email, lowercased
    assert invitation.link.startswith(f"{observe_server.base_url}/invite/")
    assert server_invitations.normalize_code(invitation.code) is not None
    valid = invitation.expires_at - before
    assert timedelta(days=13, hours=23) < valid <= timedelta(days=14, minutes=1)
    assert str(invitation.expires_at.year) in invitation.expires_local
    # The server knows the teacher by the roster's name, and the code opens the account.
    assert server_invitations.peek(observe_server.engine, invitation.code) == (
        f"ana{tag}@school.org",
        "Ana Ortiz",
    )
    # Invited now, as far as this profile knows; Cho has no email; Ben was never asked about.
    pairs = [(ids["ana"], f"ana{tag}@school.org"), (ids["ben"], f"ben{tag}@school.org")]
    pairs.append((ids["cho"], None))
    shown = teacher_statuses(store, pairs)
    assert shown == {ids["ana"]: "invited", ids["ben"]: "not invited", ids["cho"]: "no email"}
    refresh_status_now(store)  # the server says the same
    assert teacher_statuses(store, pairs) == shown
    # The QR choice is kept locally and ends with the link's expiry.
    assert qr_link(store, ids["ana"]) is None
    choose_qr(store, invitation, True)
    assert qr_link(store, ids["ana"]) == invitation.link
    # A second invitation replaces the first: the chosen QR code follows the new link, and
    # the old link no longer opens anything.
    again = invite_teacher(store, ids["ana"])
    assert again.link != invitation.link and qr_link(store, ids["ana"]) == again.link
    assert server_invitations.peek(observe_server.engine, invitation.link) is None
    choose_qr(store, again, False)
    assert qr_link(store, ids["ana"]) is None
    expired = type(again)(**{**again.__dict__, "expires_at": utcnow() - timedelta(1)})
    choose_qr(store, expired, True)
    assert qr_link(store, ids["ana"]) is None
    # The teacher sets a password with the link: active, and a new invitation is refused.
    server_invitations.accept(
        observe_server.engine, token_or_code=again.link, password=TEACHER_PASSWORD
    )
    refresh_status_now(store)
    assert teacher_statuses(store, pairs)[ids["ana"]] == "active"
    with pytest.raises(SyncError) as refused:
        invite_teacher(store, ids["ana"])
    assert refused.value.sentence == (
        f"Ana Ortiz already has an account on {observe_server.base_url} "
        f"(ana{tag}@school.org): they can sign in there and read what you share. "
        "No new invitation was made."
    )


def test_an_email_of_another_role_or_school_is_refused_in_words(store, keyring_off, module_server):
    tag = _tag()
    ids = _roster(store, tag)
    _coach(module_server, store, f"Lincoln {tag}")
    # Ana's email is a leader's account here; Ben's is a teacher of another school.
    module_server.add_user(role="leader", school=f"Lincoln {tag}", email=f"ana{tag}@school.org")
    module_server.add_user(role="teacher", school=f"Far {tag}", email=f"ben{tag}@school.org")
    for who, email in (("ana", f"ana{tag}@school.org"), ("ben", f"ben{tag}@school.org")):
        with pytest.raises(SyncError) as refused:
            invite_teacher(store, ids[who])
        assert refused.value.sentence == (
            f"The server at {module_server.base_url} won't invite {email}: that email belongs "
            "to an account that isn't a teacher's, or to another school. Check the teacher's "
            "email on the Teachers tab, or ask your server's administrator."
        )
    # Nothing changed for either of them on the server.
    refresh_status_now(store)
    shown = teacher_statuses(store, [(ids["ana"], f"ana{tag}@school.org")])
    assert shown == {ids["ana"]: "not invited"}


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (_error(404, "not_found", "Not found."), "can't make invitations yet"),
        (
            (200, {"Content-Type": "application/json"}, b"\x00\xff garbage"),
            "reply that was cut off or garbled. No invitation was made for Ana Ortiz; try "
            "again in a few minutes.",
        ),
    ],
    ids=["older-server", "garbage"],
)
def test_invite_refusals_a_real_server_cannot_give_are_sentences(store, keyring_off, answer, words):
    ids = _roster(store)
    server = _server({"/v1/invitations": answer})
    try:
        _sign_in(store, server.url)
        with pytest.raises(SyncError) as refused:
            invite_teacher(store, ids["ana"])
    finally:
        server.close()
    assert words in refused.value.sentence, refused.value.sentence
    assert "Traceback" not in refused.value.sentence
    # Nothing is remembered as invited.
    assert teacher_statuses(store, [(ids["ana"], "ana@school.org")]) == {ids["ana"]: "not invited"}


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


def test_teacher_status_is_asked_for_roster_emails_and_kept(store, keyring_off, module_server):
    tag = _tag()
    ids = _roster(store, tag)
    school = f"Lincoln {tag}"
    _coach(module_server, store, school)
    module_server.add_user(role="teacher", school=school, email=f"ana{tag}@school.org")
    # Ben has a teacher account, but at another school: not this coach's to know.
    module_server.add_user(role="teacher", school=f"Far {tag}", email=f"ben{tag}@school.org")
    refresh_status_now(store)
    shown = teacher_statuses(
        store,
        [
            (ids["ana"], f"ana{tag}@school.org"),
            (ids["ben"], f"ben{tag}@school.org"),
            (ids["cho"], None),
        ],
    )
    assert shown == {ids["ana"]: "active", ids["ben"]: "not invited", ids["cho"]: "no email"}


def test_cli_invite_prints_link_and_code(store, keyring_off, capsys, module_server):
    tag = _tag()
    _roster(store, tag)
    _coach(module_server, store, f"Lincoln {tag}")
    data_dir = str(store.paths.data_dir)
    store.close()
    code = cli_main(["invite", "--teacher", "ben cho", "--qr", "--data-dir", data_dir])
    out = capsys.readouterr().out
    assert code == 0, out
    link = next(line.split("Link: ", 1)[1] for line in out.splitlines() if "Link: " in line)
    code_line = next(line.split("Code: ", 1)[1] for line in out.splitlines() if "Code: " in line)
    assert link.startswith(f"{module_server.base_url}/invite/")
    assert "QR code" in out
    # What the CLI printed is what the teacher types: both open Ben's invitation.
    for printed in (link, code_line.strip()):
        found = server_invitations.peek(module_server.engine, printed)
        assert found == (f"ben{tag}@school.org", "Ben Cho")
    code = cli_main(["invite", "--teacher", "Nobody", "--data-dir", data_dir])
    err = capsys.readouterr().err
    assert code == 2 and "No teacher in this profile is called 'Nobody'" in err
