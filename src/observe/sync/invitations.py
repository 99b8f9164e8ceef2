"""Inviting a roster teacher to read what the coach shares, and knowing who has an account.

The server makes the invitation (a one-time link and a short code, valid 14 days) for the
teacher's email; nothing is sent anywhere, the coach hands it over (or prints the link as a QR
code on the teacher's next feedback sheet). Teacher status ("not invited", "invited",
"active", "no email") is asked after each sync and kept in this profile's settings: local,
never synced, only as fresh as the last answer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import httpx
from pydantic import BaseModel, Field
from sqlalchemy import select

from observe.clock import as_utc
from observe.errors import UsageError
from observe.i18n import _
from observe.roster.invite_qr import qr_link, set_qr_link
from observe.store import Store
from observe.store.models import Teacher
from observe.sync import state
from observe.sync.client import SyncClient
from observe.sync.credentials import Credentials
from observe.sync.errors import KEPT, NotSignedIn, ServerUnreachable, SyncError
from observe.sync.teacher_status import (
    ACTIVE,
    EXPIRED,
    INVITED,
    NOT_INVITED,
    remember_status,
    save_status,
)

log = logging.getLogger(__name__)

MAX_STATUS_EMAILS = 1000

_FROM_SERVER = {"active": ACTIVE, "invited": INVITED, "expired": EXPIRED}


class InvitationReply(BaseModel):
    email: str = Field(max_length=254)
    link: str = Field(min_length=1, max_length=2000)
    code: str = Field(min_length=1, max_length=100)
    expires_at: datetime


class StatusReply(BaseModel):
    accounts: dict[str, str]


@dataclass(frozen=True)
class Invitation:
    teacher_id: str
    teacher_name: str
    email: str
    link: str
    code: str
    expires_at: datetime  # UTC

    @property
    def expires_local(self) -> str:
        local = as_utc(self.expires_at).astimezone()
        return f"{local:%A} {local.day} {local:%B %Y}, {local:%H:%M}"


@dataclass(frozen=True)
class TeacherContact:
    id: str
    name: str
    email: str | None


def teacher_contact(store: Store, name_or_id: str) -> TeacherContact:
    """The roster teacher by id or (case-insensitive, unique) name."""
    wanted = name_or_id.strip()
    with store.read() as s:
        rows = list(
            s.execute(
                select(Teacher.id, Teacher.display_name, Teacher.email).where(
                    Teacher.deleted.is_(False)
                )
            )
        )
    by_id = [r for r in rows if r.id == wanted]
    named = by_id or [r for r in rows if r.display_name.casefold() == wanted.casefold()]
    if not named:
        raise UsageError(
            _(
                "No teacher in this profile is called {wanted!r}; check the name on the "
                "Teachers tab (or use the teacher's id)."
            ).format(wanted=wanted)
        )
    if len(named) > 1:
        raise UsageError(
            _("Several teachers are called {wanted!r}; use the teacher's id instead: ").format(
                wanted=wanted
            )
            + ", ".join(r.id for r in named)
        )
    row = named[0]
    email = (row.email or "").strip().lower() or None
    return TeacherContact(row.id, row.display_name, email)


def _client(
    store: Store,
    credentials: Credentials | None,
    what: str,
    transport: httpx.BaseTransport | None = None,
) -> SyncClient:
    st = state.load(store)
    if not st.has_account:
        raise NotSignedIn(
            _(
                "No sync server is set up for this profile, so there is nowhere to "
                "{what}. Sign in to your school's Observe server first (Sync → Sign in…, "
                "or observe login --server URL --email ADDRESS)."
            ).format(what=what)
        )
    assert st.server_url and st.email
    token = (credentials or Credentials(store.paths.data_dir)).load(st.server_url, st.email)
    if not token:
        raise NotSignedIn(
            _(
                "This profile has no sign-in for {server_url} on this computer. Sign in "
                "again (Sync → Sign in…, or observe login), then try again."
            ).format(server_url=st.server_url)
        )
    return SyncClient(st.server_url, token, transport=transport)


def invite_teacher(
    store: Store,
    teacher_id: str,
    *,
    credentials: Credentials | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Invitation:
    """Asks the server for an invitation for this roster teacher (``POST /v1/invitations``).

    Refusals come back as sentences: no email, no server, offline, an account that already
    exists (409), an email the server won't invite for this coach (403)."""
    teacher = teacher_contact(store, teacher_id)
    if teacher.email is None:
        raise UsageError(
            _(
                "{name} has no email in your roster, and the invitation is for that "
                "email. Add it first (Teachers tab → select the teacher → Edit…), then "
                "invite."
            ).format(name=teacher.name)
        )
    client = _client(store, credentials, "invite a teacher to", transport)
    body = {"email": teacher.email, "name": teacher.name}
    try:
        with client:
            reply = client.post("/invitations", body, InvitationReply)
    except SyncError as exc:
        raise _invite_refusal(exc, teacher, client.server_url) from exc
    invitation = Invitation(
        teacher_id=teacher.id,
        teacher_name=teacher.name,
        email=teacher.email,
        link=reply.link,
        code=reply.code,
        expires_at=as_utc(reply.expires_at),
    )
    remember_status(store, {teacher.email: INVITED})
    # A QR code already chosen for this teacher now points at the new link.
    if qr_link(store, teacher.id) is not None:
        choose_qr(store, invitation, True)
    return invitation


def _invite_refusal(exc: SyncError, teacher: TeacherContact, server: str) -> SyncError:
    if isinstance(exc, ServerUnreachable):
        return ServerUnreachable(
            _(
                "Observe couldn't reach the sync server at {server}, so no invitation "
                "was made for {name}. Check the network (are you offline?) and try again."
            ).format(server=server, name=teacher.name),
            detail=exc.detail,
        )
    if exc.status == 409:
        return SyncError(
            _(
                "{name} already has an account on {server} ({email}): they can sign in "
                "there and read what you share. No new invitation was made."
            ).format(name=teacher.name, server=server, email=teacher.email),
            detail=exc.detail,
        )
    if exc.status == 403:
        return SyncError(
            _(
                "The server at {server} won't invite {email}: that email belongs to an "
                "account that isn't a teacher's, or to another school. Check the "
                "teacher's email on the Teachers tab, or ask your server's administrator."
            ).format(server=server, email=teacher.email),
            detail=exc.detail,
        )
    if exc.status in (404, 405):
        return SyncError(
            _(
                "The server at {server} can't make invitations yet (it is an older "
                "version). Ask your server's administrator to update observe-server."
            ).format(server=server),
            detail=exc.detail,
        )
    if exc.sentence.endswith(_(KEPT)):
        # A garbled reply or a server error: "your changes will be sent at the next sync"
        # is about records, and an invitation is never sent later by itself.
        exc.sentence = exc.sentence.removesuffix(_(KEPT)) + _(
            "No invitation was made for {name}; try again in a few minutes."
        ).format(name=teacher.name)
    return exc


# -- teacher status ------------------------------------------------------------------------


def roster_emails(store: Store) -> list[str]:
    with store.read() as s:
        emails = s.scalars(
            select(Teacher.email).where(Teacher.deleted.is_(False), Teacher.email.is_not(None))
        )
        return sorted({e.strip().lower() for e in emails if e and e.strip()})


def refresh_status(store: Store, client: SyncClient) -> dict[str, str]:
    """Asks the server which roster emails have accounts (``POST /v1/teachers/status``) and
    keeps the answer; raises SyncError like any request (the caller decides if it matters)."""
    emails = roster_emails(store)
    found: dict[str, str] = {}
    for start in range(0, len(emails), MAX_STATUS_EMAILS):
        chunk = emails[start : start + MAX_STATUS_EMAILS]
        reply = client.post("/teachers/status", {"emails": chunk}, StatusReply)
        for email in chunk:
            said = reply.accounts.get(email)
            found[email] = _FROM_SERVER.get(said or "", NOT_INVITED)
    save_status(store, found, replace=True)
    return found


def refresh_status_now(store: Store, *, credentials: Credentials | None = None) -> None:
    """On demand (the Teachers tab's Refresh): the same question outside a sync."""
    with _client(store, credentials, "ask about teacher accounts") as client:
        refresh_status(store, client)


def refresh_after_sync(store: Store, client: SyncClient) -> None:
    """After a sync: a server without the endpoint (older) or a refusal is logged, never a
    failed sync."""
    try:
        refresh_status(store, client)
    except SyncError as exc:
        log.info("teacher status not refreshed: %s", exc.detail or exc)


# -- the QR code on the next sheet ---------------------------------------------------------


def choose_qr(store: Store, invitation: Invitation, chosen: bool) -> None:
    """Whether this teacher's next feedback sheets print the invitation link as a QR code."""
    if chosen:
        set_qr_link(store, invitation.teacher_id, invitation.link, invitation.expires_at)
    else:
        set_qr_link(store, invitation.teacher_id, None)
