"""Signing a profile in to a sync server and out again.

After the first sign-in the server's user id becomes this profile's author id, and records
written before it are re-labelled (without queueing: the server sets the owner from the token
anyway). A profile belongs to one coach: signing in as someone else is refused, so two
people's notes never mix in one profile.
"""

from __future__ import annotations

import logging
import platform
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection, update

from observe.errors import UsageError
from observe.i18n import _
from observe.protocol import LoginReply
from observe.safetext import printable
from observe.store import Store
from observe.store.models import SYNC_MODELS, OutboxOp, ProfileSetting
from observe.store.outbox import Identity
from observe.sync import state
from observe.sync.client import SyncClient, normalize_server_url
from observe.sync.credentials import Credentials
from observe.sync.errors import AuthFailed, SyncError
from observe.sync.records import table

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignedIn:
    server_url: str
    email: str
    name: str
    user_id: str
    device_id: str
    token_stored_in: str  # "keyring" or "file"
    credentials_path: str


def login(
    store: Store,
    server_url: str,
    email: str,
    password: str,
    *,
    device_name: str | None = None,
    credentials: Credentials | None = None,
    client: SyncClient | None = None,
) -> SignedIn:
    url = normalize_server_url(server_url)
    email = email.strip()
    if "@" not in email:
        raise UsageError(
            _("{value} is not an email address; sign in with your email.").format(
                value=email or "That"
            )
        )
    if not password:
        raise UsageError(_("Enter your password to sign in."))
    creds = credentials or Credentials(store.paths.data_dir)
    st = state.load(store)
    if st.email and st.email.lower() != email.lower():
        raise UsageError(
            _(
                "This profile belongs to {email}. Sign in as {email}, or use another "
                "profile folder (--data-dir) for {email2}, so two people's records never "
                "mix."
            ).format(email=st.email, email2=email)
        )
    http = client or SyncClient(url)
    try:
        reply = http.login(
            email, password, store.identity.device_id, device_name or platform.node() or "Observe"
        )
        if reply.user.role != "coach":
            _revoke(url, reply.token)
            raise SyncError(
                _(
                    "{email} is a {role} account; Observe syncs records only for coach "
                    "accounts. Use the server's web pages for your role's tools."
                ).format(email=email, role=reply.user.role)
            )
        if st.user_id and st.user_id != reply.user.id and st.server_id == reply.server_id:
            _revoke(url, reply.token)
            raise UsageError(
                _(
                    "This profile was synced with another account on {url}. Use another "
                    "profile folder (--data-dir) for this account."
                ).format(url=url)
            )
        where = creds.save(url, email, reply.token)
        _adopt(store, url, reply)
    finally:
        if client is None:
            http.close()
    return SignedIn(
        server_url=url,
        email=printable(reply.user.email, 254),  # shown in the terminal and the app
        name=printable(reply.user.name, 200),
        user_id=reply.user.id,
        device_id=reply.device_id,
        token_stored_in=where,
        credentials_path=str(creds.path),
    )


def _revoke(url: str, token: str) -> None:
    try:
        with SyncClient(url, token) as c:
            c.logout()
    except SyncError as exc:
        log.warning("could not revoke a token just issued: %s", exc.detail)


def _adopt(store: Store, url: str, reply: LoginReply) -> None:
    """Makes the server's user id this profile's author id, in one transaction."""
    old_author = store.identity.author_id
    st = state.load(store)
    old_ids = {i for i in (old_author, st.user_id) if i and i != reply.user.id}
    with store.write_core() as conn:
        for model in SYNC_MODELS:
            t = table(model)
            if old_ids:
                conn.execute(
                    update(t).where(t.c.author_id.in_(old_ids)).values(author_id=reply.user.id)
                )
        if old_ids:
            _adopt_queued(conn, old_ids, reply.user.id)
        settings = ProfileSetting.__table__
        for key, value in (("author_id", reply.user.id), ("device_id", reply.device_id)):
            conn.execute(update(settings).where(settings.c.key == key).values(value=value))
        values = {
            "server_url": url,
            "email": reply.user.email,
            "user_id": reply.user.id,
            "user_name": reply.user.name,
        }
        if st.server_id is None:
            # First contact: nothing was ever acknowledged elsewhere, so no recovery is due.
            values.update(server_id=reply.server_id, epoch=reply.epoch)
        state.write(conn, **values)
    store.identity = Identity(author_id=reply.user.id, device_id=reply.device_id)


def _adopt_queued(conn: Connection, old_ids: set[str], user_id: str) -> None:
    """Queued snapshots name their author too: the server holds a new record whose snapshot
    names someone other than the pusher (a colleague's record lost in a restore), so changes
    made before signing in must name the account they now belong to."""
    snap = OutboxOp.__table__.c.snapshot
    author = sa.func.json_extract(snap, "$.author_id")
    conn.execute(
        update(OutboxOp.__table__)
        .where(sa.func.json_valid(snap), author.in_(sorted(old_ids)))
        .values(snapshot=sa.func.json_set(snap, "$.author_id", user_id))
    )


@dataclass(frozen=True)
class SignedOut:
    server_told: bool
    sentence: str


def logout(store: Store, *, credentials: Credentials | None = None) -> SignedOut:
    """Revokes this device's token on the server (if reachable) and forgets it here."""
    creds = credentials or Credentials(store.paths.data_dir)
    st = state.load(store)
    if not st.has_account:
        return SignedOut(False, _("This profile was not signed in."))
    assert st.server_url and st.email
    token = creds.load(st.server_url, st.email)
    told = False
    problem = ""
    if token:
        try:
            with SyncClient(st.server_url, token) as c:
                c.logout()
            told = True
        except AuthFailed:
            told = True  # the token was no longer valid anyway
        except SyncError as exc:
            problem = exc.sentence
            log.warning("logout: the server was not told: %s", exc.detail)
    creds.delete(st.server_url, st.email)
    if told or not token:
        return SignedOut(
            told,
            _("Signed out of {server_url}. Your records stay here.").format(
                server_url=st.server_url
            ),
        )
    return SignedOut(
        False,
        _(
            "Signed out on this computer, but the server could not be told "
            "({value}). Ask your server's administrator to revoke this device if it "
            "matters. Your records stay here."
        ).format(value=problem.rstrip(".")),
    )
