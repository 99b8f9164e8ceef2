"""Optional invitation emails (``serve --smtp-url``, ``user invite --smtp-url``).

Without an SMTP URL nothing is sent anywhere: the link and code are handed over by the coach
or administrator as before. With one, each new invitation is also emailed to the teacher.
The server sends off the request path (one background thread per process), and records the
outcome on the invitation (``invitation.email_status``) so the admin page can say it in a
sentence; a failure never undoes the invitation, whose link and code were already shown.

The user name and password come from the environment (``OBSERVE_SMTP_USERNAME``,
``OBSERVE_SMTP_PASSWORD``), never from the URL: a command line is visible to every user of
the machine and ends up in logs.
"""

from __future__ import annotations

import logging
import os
import queue
import smtplib
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr
from urllib.parse import urlsplit

from sqlalchemy import Engine, select, update
from starlette.requests import Request

from observe.errors import UsageError
from observe.server.invitations import Invitation
from observe.server.schema import account, invitation

log = logging.getLogger(__name__)

ENV_SMTP_URL = "OBSERVE_SMTP_URL"
ENV_SMTP_FROM = "OBSERVE_SMTP_FROM"
ENV_SMTP_USERNAME = "OBSERVE_SMTP_USERNAME"
ENV_SMTP_PASSWORD = "OBSERVE_SMTP_PASSWORD"
SCHEMES = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
TIMEOUT = 20.0

SENDING = "sending"
SENT = "sent"


@dataclass(frozen=True)
class SmtpConfig:
    scheme: str
    host: str
    port: int
    sender: str
    username: str = ""
    password: str = field(default="", repr=False)

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def parse_smtp_url(url: str, sender: str = "") -> SmtpConfig:
    """The mail server given as ``smtp://host:port`` (plain), ``smtp+starttls://host:port``
    or ``smtps://host:port`` (TLS from the start); a sentence for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise UsageError(f"--smtp-url {url!r} is not a mail server address.") from exc
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise UsageError(
            "Give --smtp-url as smtp://host:port, smtp+starttls://host:port or smtps://host:port."
        )
    if parts.username or parts.password:
        raise UsageError(
            "Don't put the mail server's user name or password in --smtp-url (command lines "
            f"are visible to others): set {ENV_SMTP_USERNAME} and {ENV_SMTP_PASSWORD} instead."
        )
    sender = sender.strip() or os.environ.get(ENV_SMTP_FROM, "").strip()
    if not sender:
        sender = f"observe@{socket.getfqdn() or 'localhost'}"
    if "@" not in sender or any(ch in sender for ch in "\r\n"):
        raise UsageError(f"--smtp-from {sender!r} is not an email address.")
    return SmtpConfig(
        scheme=parts.scheme,
        host=parts.hostname,
        port=port or SCHEMES[parts.scheme],
        sender=sender,
        username=os.environ.get(ENV_SMTP_USERNAME, ""),
        password=os.environ.get(ENV_SMTP_PASSWORD, ""),
    )


def config_from_environment() -> SmtpConfig | None:
    """What ``serve`` passed its workers; None when no mail server was given."""
    url = os.environ.get(ENV_SMTP_URL, "").strip()
    return parse_smtp_url(url) if url else None


def invitation_message(
    config: SmtpConfig, made: Invitation, name: str, school: str
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr(("Observe", config.sender))
    message["To"] = formataddr((name, made.email)) if name else made.email
    message["Subject"] = f"Your coach's feedback at {school}: set your password"
    base = made.link.rsplit("/invite/", 1)[0]
    message.set_content(
        f"Hello{' ' + name if name else ''},\n\n"
        f"Your instructional coach at {school} shares feedback from classroom visits with you "
        "in Observe. To read it, open this link and choose a password:\n\n"
        f"{made.link}\n\n"
        f"Or go to {base}/invite and type in this code: {made.code}\n\n"
        f"The invitation works once and until {made.expires_at:%Y-%m-%d %H:%M} UTC. If it "
        "runs out, ask your coach for a new one.\n\n"
        "If you did not expect this, you can ignore this email.\n"
    )
    return message


class MailError(Exception):
    """A sending failure as a sentence for the admin (never with the password in it)."""


def send(config: SmtpConfig, message: EmailMessage) -> None:
    context = ssl.create_default_context()
    try:
        if config.scheme == "smtps":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                config.host, config.port, timeout=TIMEOUT, context=context
            )
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=TIMEOUT)
        with client:
            if config.scheme == "smtp+starttls":
                client.starttls(context=context)
            if config.username:
                client.login(config.username, config.password)
            client.send_message(message)
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(
            f"The mail server at {config.where} refused the user name and password "
            f"({ENV_SMTP_USERNAME}, {ENV_SMTP_PASSWORD})."
        ) from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError(
            f"The mail server at {config.where} refused the address {message['To']}."
        ) from exc
    except ssl.SSLError as exc:
        raise MailError(
            f"The secure connection to the mail server at {config.where} failed "
            f"({exc.reason or exc})."
        ) from exc
    except (smtplib.SMTPException, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise MailError(
            f"The mail server at {config.where} could not be reached or refused the message "
            f"({reason or type(exc).__name__})."
        ) from exc


def failure_sentence(email: str, reason: str) -> str:
    return (
        f"The invitation email to {email} was not sent: {reason} The invitation still "
        "stands: give the teacher the link and code yourself, or invite them again."
    )


def send_now(
    engine: Engine, config: SmtpConfig, made: Invitation, name: str, school: str
) -> tuple[bool, str]:
    """Sends at once (the CLI, which has no request to keep waiting) and records the outcome
    on the invitation; (sent, the outcome as a sentence)."""
    try:
        send(config, invitation_message(config, made, name, school))
    except MailError as exc:
        sentence = failure_sentence(made.email, str(exc))
        record_status(engine, made.invitation_id, sentence)
        return False, sentence
    record_status(engine, made.invitation_id, SENT)
    return True, f"Emailed the invitation to {made.email}."


def record_status(engine: Engine, invitation_id: str, status: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(invitation)
            .where(invitation.c.id == invitation_id)
            .values(email_status=status[:1000])
        )


class Mailer:
    """One background thread per server process that sends invitation emails in order and
    writes each outcome on its invitation (``email_status``)."""

    def __init__(self, engine: Engine, config: SmtpConfig) -> None:
        self.engine = engine
        self.config = config
        self._queue: queue.Queue[tuple[str, Invitation, str, str] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, made: Invitation, name: str, school: str) -> None:
        """Queues the email; the request that made the invitation does not wait for it."""
        self._status(made.invitation_id, SENDING)
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="observe-mail", daemon=True)
                self._thread.start()
        self._queue.put((made.invitation_id, made, name, school))

    def close(self, timeout: float = 10.0) -> None:
        with self._lock:
            thread = self._thread
        if thread is not None and thread.is_alive():
            self._queue.put(None)
            thread.join(timeout)

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            invitation_id, made, name, school = job
            try:
                send(self.config, invitation_message(self.config, made, name, school))
                status = SENT
                log.info("invitation email sent through %s", self.config.where)
            except MailError as exc:
                status = failure_sentence(made.email, str(exc))
                log.warning("invitation email not sent: %s", exc)
            except Exception:  # the thread must outlive any one email
                log.exception("invitation email failed")
                status = failure_sentence(made.email, "an unexpected error; see the server log.")
            try:
                self._status(invitation_id, status)
            except Exception:
                log.exception("could not record an invitation email's outcome")

    def _status(self, invitation_id: str, status: str) -> None:
        record_status(self.engine, invitation_id, status)


def email_outcomes(engine: Engine, limit: int = 20) -> list[tuple[str, str]]:
    """(email, status) of the newest invitation emails of unused invitations, for the admin
    page: ``SENT``, ``SENDING``, or the sentence saying why not."""
    query = (
        select(account.c.email, invitation.c.email_status)
        .join(account, account.c.id == invitation.c.account_id)
        .where(invitation.c.email_status.is_not(None), invitation.c.used_at.is_(None))
        .order_by(invitation.c.created_at.desc())
        .limit(limit)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [(email, status) for email, status in rows]


def email_invitation(request: Request, made: Invitation, name: str, school: str) -> bool:
    """Queues the invitation email when the server has a mail server; whether it did."""
    mailer: Mailer | None = getattr(request.app.state, "mailer", None)
    if mailer is None:
        return False
    mailer.submit(made, name, school)
    return True
