"""Browser sessions: a random cookie token, stored only as its SHA-256, with its form token.

A session ends when its owner signs out, after ``idle`` without a request, ``absolute`` after
sign-in whatever happens, or as soon as the account is disabled (checked on every request).
An unknown, tampered or ended cookie reads as "not signed in": nothing more is said about it.
"""

from __future__ import annotations

import hmac
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, delete, insert, select, update

from observe.server.accounts import PRINCIPAL_COLUMNS, Principal, hash_token, principal_from
from observe.server.schema import account, school, utcnow, web_session

COOKIE = "observe_session"
PRE_COOKIE = "observe_signin"
"""Before sign-in there is no session to hold a form token: the sign-in form's token is
double-submitted (this cookie and the form field must match)."""

ENV_IDLE_MINUTES = "OBSERVE_WEB_IDLE_MINUTES"
ENV_ABSOLUTE_HOURS = "OBSERVE_WEB_ABSOLUTE_HOURS"
TOUCH_RESOLUTION = timedelta(seconds=30)


def _setting(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, "").strip() or default)
    except ValueError:
        return default
    return value if 0 < value < 1_000_000 else default


def idle_limit() -> timedelta:
    """30 minutes unless ``$OBSERVE_WEB_IDLE_MINUTES`` says otherwise."""
    return timedelta(minutes=_setting(ENV_IDLE_MINUTES, 30))


def absolute_limit() -> timedelta:
    """12 hours unless ``$OBSERVE_WEB_ABSOLUTE_HOURS`` says otherwise."""
    return timedelta(hours=_setting(ENV_ABSOLUTE_HOURS, 12))


@dataclass(frozen=True)
class WebSession:
    id: str
    csrf: str
    principal: Principal


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison of form tokens; a missing one never matches."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())


def start(engine: Engine, principal: Principal) -> tuple[str, WebSession]:
    """A new session for a person who just proved their password: (cookie token, session)."""
    token, csrf, now = new_token(), new_token(), utcnow()
    session_id = str(uuid.uuid4())
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        # Sessions past their absolute limit can never be used again: keep the table small.
        conn.execute(delete(web_session).where(web_session.c.created_at < now - absolute_limit()))
        conn.execute(
            insert(web_session).values(
                id=session_id,
                account_id=principal.user_id,
                token_hash=hash_token(token),
                csrf=csrf,
                created_at=now,
                last_seen_at=now,
            )
        )
    return token, WebSession(session_id, csrf, principal)


_LOOKUP = (
    select(
        web_session.c.id,
        web_session.c.csrf,
        web_session.c.created_at,
        web_session.c.last_seen_at,
        web_session.c.revoked_at,
        *PRINCIPAL_COLUMNS,
    )
    .join(account, account.c.id == web_session.c.account_id)
    .join(school, school.c.id == account.c.school_id)
)


def find(engine: Engine, token: str | None) -> WebSession | None:
    """The live session behind a cookie, or None (and an ended one is marked revoked)."""
    if not token or len(token) > 200 or not token.isascii():
        return None
    with engine.connect() as conn:
        row = conn.execute(
            _LOOKUP.where(web_session.c.token_hash == hash_token(token))
        ).one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    now = utcnow()
    if (
        row.disabled
        or now - row.last_seen_at > idle_limit()
        or now - row.created_at > absolute_limit()
    ):
        end(engine, row.id)
        return None
    if now - row.last_seen_at >= TOUCH_RESOLUTION:
        with engine.connect().execution_options(immediate=True) as conn, conn.begin():
            conn.execute(
                update(web_session).where(web_session.c.id == row.id).values(last_seen_at=now)
            )
    return WebSession(row.id, row.csrf, principal_from(row, ""))


def end(engine: Engine, session_id: str) -> None:
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        conn.execute(
            update(web_session)
            .where(web_session.c.id == session_id, web_session.c.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )


def end_others(engine: Engine, user_id: str, keep: str) -> None:
    """After a password change, every other browser of that person is signed out."""
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        conn.execute(
            update(web_session)
            .where(
                web_session.c.account_id == user_id,
                web_session.c.id != keep,
                web_session.c.revoked_at.is_(None),
            )
            .values(revoked_at=utcnow())
        )
