"""Invitation emails (``--smtp-url``) through a real SMTP server (aiosmtpd) on 127.0.0.1:
sent off the request path when a coach or an admin invites, sent by ``user invite``, a
failure reported as a sentence without losing the invitation, nothing sent without the
option, and the mail server's password never on a command line or in the log."""

from __future__ import annotations

import asyncio
import email
import re
import time
import uuid
from collections.abc import Iterator
from email.message import Message
from pathlib import Path

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from observe.server import invitations
from tests.serverfixtures import ServerProcess, free_port

SMTP_USER = "observe-mailer"
SMTP_PASSWORD = f"pw-{uuid.uuid4().hex}"


class Inbox:
    """What the SMTP server received; ``delay`` holds each message that long before "250"."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.delay = 0.0
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        if isinstance(auth_data, LoginPassword):
            login, password = auth_data.login.decode(), auth_data.password.decode()
            self.logins.append((login, password))
            return AuthResult(success=(login, password) == (SMTP_USER, SMTP_PASSWORD))
        return AuthResult(success=False)

    def wait(self, count: int = 1, timeout: float = 20.0) -> list[Message]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    found = Inbox()
    port = free_port()
    controller = Controller(
        found,
        hostname="127.0.0.1",
        port=port,
        authenticator=found.authenticate,
        auth_require_tls=False,
    )
    controller.start()
    try:
        yield found, port
    finally:
        controller.stop()


def _server(tmp_path: Path, *args: str) -> ServerProcess:
    server = ServerProcess(
        database_url=f"sqlite:///{tmp_path / 'server.sqlite3'}",
        workdir=tmp_path / "server",
        extra_args=list(args),
    )
    return server.start()


def _body(message: Message) -> str:
    part = message.get_payload(decode=True) if not message.is_multipart() else None
    return part.decode() if isinstance(part, bytes) else str(message.get_payload())


def _admin_page(server: ServerProcess, admin) -> str:
    client = httpx.Client(base_url=server.base_url, timeout=30)
    form = client.get("/")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf
    client.post("/", data={"email": admin.email, "password": admin.password, "csrf": csrf[1]})
    page = client.get("/admin")
    client.close()
    assert page.status_code == 200
    return page.text


def test_a_coach_invitation_is_emailed_without_waiting_for_the_mail_server(
    inbox, tmp_path, monkeypatch
):
    """The coach's app gets the link and code at once while the mail server takes its
    time; the email then arrives with the same link and code, signed in with the user name
    and password from the environment, which appear neither on the command line nor in the
    log."""
    found, port = inbox
    found.delay = 3.0
    monkeypatch.setenv("OBSERVE_SMTP_USERNAME", SMTP_USER)
    monkeypatch.setenv("OBSERVE_SMTP_PASSWORD", SMTP_PASSWORD)
    server = _server(
        tmp_path, "--smtp-url", f"smtp://127.0.0.1:{port}", "--smtp-from", "coach-news@school.org"
    )
    try:
        coach = server.login(server.add_user(school="Mail School"))
        start = time.monotonic()
        reply = coach.client.post(
            "/v1/invitations", json={"email": "ana@school.org", "name": "Ana Ortiz"}
        )
        waited = time.monotonic() - start
        assert reply.status_code == 200, reply.text
        assert waited < found.delay, "the reply waited for the mail server"
        made = reply.json()
        [message] = found.wait()
        assert message["To"] == "Ana Ortiz <ana@school.org>"
        assert "coach-news@school.org" in message["From"]
        body = _body(message)
        assert made["link"] in body and made["code"] in body
        assert found.logins == [(SMTP_USER, SMTP_PASSWORD)]
        with open(f"/proc/{server.proc.pid}/cmdline", "rb") as cmdline:
            assert SMTP_PASSWORD.encode() not in cmdline.read()
        # The invitation in the email works.
        assert invitations.peek(server.engine, made["code"]) == ("ana@school.org", "Ana Ortiz")
        deadline = time.monotonic() + 10
        admin = server.add_user(role="admin", school="Mail School")
        while "was sent" not in (page := _admin_page(server, admin)):
            assert time.monotonic() < deadline, page
            time.sleep(0.2)
        assert "The invitation email to ana@school.org was sent." in page
    finally:
        server.close()
    assert SMTP_PASSWORD not in server.log_text()


def test_an_email_that_fails_keeps_the_invitation_and_tells_the_admin(inbox, tmp_path):
    """The admin page's invitation is emailed; with the mail server gone, the invitation is
    still made and shown with its link and code, and the admin page then says in a sentence
    that the email was not sent and what to do, and the code still works."""
    found, port = inbox
    server = _server(tmp_path, "--smtp-url", f"smtp://127.0.0.1:{port}")
    try:
        admin = server.add_user(role="admin", school="Mail School")
        client = httpx.Client(base_url=server.base_url, timeout=30)
        form = client.get("/")
        csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)[1]
        client.post("/", data={"email": admin.email, "password": admin.password, "csrf": csrf})
        page = client.get("/admin")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)[1]
        made = client.post(
            "/admin/invitations",
            data={"email": "bo@school.org", "name": "Bo Li", "school": "", "csrf": csrf},
        )
        client.close()
        assert made.status_code == 200
        assert "It is being emailed to bo@school.org" in made.text
        code = re.search(r'id="invite-code" type="text" readonly value="([^"]+)"', made.text)[1]
        [message] = found.wait()
        assert code in _body(message)
    finally:
        server.close()
    # A server whose mail server is gone.
    dead = free_port()
    server = _server(tmp_path, "--smtp-url", f"smtp://127.0.0.1:{dead}")
    try:
        admin = server.add_user(role="admin", school="Mail School 2")
        client = httpx.Client(base_url=server.base_url, timeout=30)
        form = client.get("/")
        csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)[1]
        client.post("/", data={"email": admin.email, "password": admin.password, "csrf": csrf})
        csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/admin").text)[1]
        made = client.post(
            "/admin/invitations",
            data={"email": "cy@school.org", "name": "Cy", "school": "", "csrf": csrf},
        )
        client.close()
        assert made.status_code == 200
        code = re.search(r'id="invite-code" type="text" readonly value="([^"]+)"', made.text)[1]
        deadline = time.monotonic() + 20
        while "was not sent" not in (page := _admin_page(server, admin)):
            assert time.monotonic() < deadline, page
            time.sleep(0.2)
        assert (
            f"The invitation email to cy@school.org was not sent: The mail server at "
            f"127.0.0.1:{dead} could not be reached"
        ) in page
        assert "give the teacher the link and code yourself" in page
        assert invitations.peek(server.engine, code) == ("cy@school.org", "Cy")
    finally:
        server.close()


def test_without_smtp_nothing_is_sent(inbox, tmp_path, monkeypatch):
    """No ``--smtp-url`` (and none in the environment): inviting from the app, the admin
    page and the CLI sends nothing, and the admin page still says to hand the link over."""
    found, _port = inbox
    monkeypatch.delenv("OBSERVE_SMTP_URL", raising=False)
    server = _server(tmp_path)
    try:
        coach = server.login(server.add_user(school="Quiet School"))
        reply = coach.client.post("/v1/invitations", json={"email": "di@school.org", "name": "Di"})
        assert reply.status_code == 200
        done = server.cli(
            "user", "invite", "--email", "ed@school.org", "--name", "Ed",
            "--school", "Quiet School", "--public-url", "https://observe.example.org",
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "Emailed" not in done.stdout and not done.stderr
        admin = server.add_user(role="admin", school="Quiet School")
        page = _admin_page(server, admin)
        assert "Nothing is sent by email" in page and "Invitation emails" not in page
        time.sleep(1.0)
        assert found.messages == []
    finally:
        server.close()


def test_the_cli_emails_the_invitation_or_says_why_not(inbox, tmp_path):
    found, port = inbox
    server = _server(tmp_path)
    try:
        server.add_user(school="Cli School")
        base = ["user", "invite", "--name", "Flo", "--school", "Cli School",
                "--public-url", "https://observe.example.org"]  # fmt: skip
        sent = server.cli(
            *base, "--email", "flo@school.org", "--smtp-url", f"smtp://127.0.0.1:{port}"
        )
        assert sent.returncode == 0, sent.stderr
        code = re.search(r"^Code: (\S+)", sent.stdout, re.M)[1]
        assert sent.stdout.rstrip().endswith("Emailed the invitation to flo@school.org.")
        [message] = found.wait()
        assert code in _body(message) and message["To"] == "Flo <flo@school.org>"

        dead = free_port()
        failed = server.cli(
            *base, "--email", "gil@school.org", "--smtp-url", f"smtp://127.0.0.1:{dead}"
        )
        assert failed.returncode == 0
        assert "Code: " in failed.stdout  # the invitation stands and is shown
        assert failed.stderr.startswith(
            f"The invitation email to gil@school.org was not sent: The mail server at "
            f"127.0.0.1:{dead} could not be reached"
        ), failed.stderr
        assert "Traceback" not in failed.stderr

        secret = server.cli(
            *base, "--email", "hal@school.org", "--smtp-url", "smtp://u:secret@127.0.0.1:25"
        )
        assert secret.returncode == 2
        assert "OBSERVE_SMTP_USERNAME" in secret.stderr and "Code:" not in secret.stdout
        bad = server.cli(*base, "--email", "hal@school.org", "--smtp-url", "http://127.0.0.1:25")
        assert bad.returncode == 2 and "smtp://host:port" in bad.stderr
    finally:
        server.close()
