"""Inviting a teacher: a one-time link and short code with which they set their password.

No email infrastructure is needed: the coach (from the app) or an administrator (from the CLI)
gets the link and the code and hands them over. Both are random and stored only as SHA-256
hashes. The code ("K7QX-3M9P") uses letters and digits that can't be mistaken for one another
when read aloud or copied from paper; with 31**8 codes and failed tries limited server-wide,
guessing one is hopeless. An invitation lasts 14 days, works once, and a new invitation for the
same teacher replaces any older unused one.
"""

from __future__ import annotations

import hashlib
import math
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from observe.errors import UsageError
from observe.server.accounts import (
    MIN_PASSWORD_LENGTH,
    NO_PASSWORD,
    Principal,
    has_password,
    hash_password,
    normalize_email,
)
from observe.server.errors import ApiError, forbidden
from observe.server.login import _limited, _record_failure
from observe.server.schema import account, invitation, school, utcnow

ENV_PUBLIC_URL = "OBSERVE_PUBLIC_URL"
"""The address teachers open (``serve --public-url``), the base of invitation links."""
VALID_FOR = timedelta(days=14)
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I/L: a code read from paper or over the phone has one spelling."""
CODE_LENGTH = 8
MAX_CODE_FAILURES = 100
"""Wrong codes tried server-wide in the login window before code entry pauses."""
_CODE_KEY = "invite-code"


@dataclass(frozen=True)
class Invitation:
    email: str
    link: str
    code: str
    expires_at: datetime
    invitation_id: str = ""


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalize_code(text: str) -> str | None:
    """The code as typed ("k7qx 3m9p", "K7QX-3M9P") uppercased without separators; None when
    it can't be a code."""
    raw = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(raw) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in raw):
        return raw
    return None


def _token_of(text: str) -> str:
    """The token of a link pasted whole (".../invite/<token>") or of the token alone."""
    text = text.strip()
    if "/invite/" in text:
        text = text.rsplit("/invite/", 1)[1]
    return text.split("?", 1)[0].split("#", 1)[0].strip("/")


def link_for(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/invite/{token}"


def check_public_url(url: str) -> str:
    """The address teachers open, as given to ``serve --public-url`` or ``user invite``."""
    url = url.strip()
    if not url.startswith(("http://", "https://")) or len(url) > 500 or " " in url:
        raise UsageError(
            f"The public address should look like https://observe.school.org, not {url!r}."
        )
    return url.rstrip("/")


def _fresh_code(conn: Connection) -> str:
    while True:
        code = _new_code()
        clash = conn.execute(
            select(invitation.c.id).where(invitation.c.code_hash == _sha(code.replace("-", "")))
        ).first()
        if clash is None:
            return code


def invite(
    engine: Engine,
    *,
    email: str,
    name: str,
    school_id: str,
    created_by: str | None,
    base_url: str,
) -> Invitation:
    """A new invitation for the teacher with this email at this school (their account is
    made, without a password, if they have none). Refuses an email of another role or
    school, a switched-off account, and a teacher who has already set a password."""
    email = normalize_email(email)
    name = name.strip()
    if "@" not in email or len(email) > 254:
        raise ApiError(422, "invalid", f"{email!r} is not an email address.")
    if not name or len(name) > 200:
        raise ApiError(422, "invalid", "Give the teacher's name (at most 200 characters).")
    try:
        return _invite(engine, email, name, school_id, created_by, base_url)
    except IntegrityError as exc:  # the same teacher invited twice at the same moment
        raise ApiError(
            409, "busy", f"{email} is being invited at this very moment; try again."
        ) from exc


def _invite(
    engine: Engine,
    email: str,
    name: str,
    school_id: str,
    created_by: str | None,
    base_url: str,
) -> Invitation:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        if conn.execute(select(school.c.id).where(school.c.id == school_id)).first() is None:
            raise UsageError("There is no such school on this server.")
        found = conn.execute(
            select(account.c.id, account.c.role, account.c.school_id, account.c.disabled,
                   account.c.password_hash)
            .where(account.c.email == email)
        ).one_or_none()  # fmt: skip
        if found is None:
            account_id = str(uuid.uuid4())
            conn.execute(
                insert(account).values(
                    id=account_id,
                    email=email,
                    name=name,
                    role="teacher",
                    school_id=school_id,
                    password_hash=NO_PASSWORD,
                    disabled=False,
                    created_at=now,
                )
            )
        else:
            account_id = found.id
            _check_invitable(email, found, school_id)
            conn.execute(update(account).where(account.c.id == account_id).values(name=name))
        conn.execute(
            delete(invitation).where(
                invitation.c.account_id == account_id, invitation.c.used_at.is_(None)
            )
        )
        code = _fresh_code(conn)
        expires = now + VALID_FOR
        invitation_id = str(uuid.uuid4())
        conn.execute(
            insert(invitation).values(
                id=invitation_id,
                account_id=account_id,
                token_hash=_sha(token),
                code_hash=_sha(code.replace("-", "")),
                created_by=created_by,
                created_at=now,
                expires_at=expires,
            )
        )
    return Invitation(
        email=email,
        link=link_for(base_url, token),
        code=code,
        expires_at=expires,
        invitation_id=invitation_id,
    )


def _check_invitable(email: str, found: Any, school_id: str) -> None:
    if found.role != "teacher":
        raise forbidden(
            f"{email} belongs to a {found.role}'s account on this server, so it can't be "
            "invited as a teacher."
        )
    if found.school_id != school_id:
        raise forbidden(
            f"{email} is a teacher at another school on this server; ask your administrator."
        )
    if found.disabled:
        raise forbidden(f"{email}'s account has been switched off; ask your administrator.")
    if has_password(found.password_hash):
        raise ApiError(
            409,
            "exists",
            f"{email} already has a teacher account and can sign in with their password.",
        )


def _find(engine: Engine, token_or_code: str) -> tuple[Any, bool]:
    """(the invitation row with its account, or None; whether a code was given)."""
    text = token_or_code if isinstance(token_or_code, str) else ""
    code = normalize_code(text)
    if code is not None:
        with engine.connect() as conn:
            wait = _limited(conn, _CODE_KEY, MAX_CODE_FAILURES)
        if wait:
            minutes = max(1, math.ceil(wait / 60))
            raise ApiError(
                429,
                "rate_limited",
                f"Too many wrong invitation codes were tried; try again in {minutes} minutes, "
                "or open the invitation link instead.",
                headers={"Retry-After": str(wait)},
            )
        column, key = invitation.c.code_hash, _sha(code)
    else:
        token = _token_of(text)
        if not token or len(token) > 200 or not token.isprintable():
            return None, False
        column, key = invitation.c.token_hash, _sha(token)
    with engine.connect() as conn:
        row = conn.execute(
            select(
                invitation.c.id,
                invitation.c.expires_at,
                invitation.c.used_at,
                account.c.id.label("account_id"),
                account.c.email,
                account.c.name,
                account.c.disabled,
            )
            .join(account, account.c.id == invitation.c.account_id)
            .where(column == key)
        ).one_or_none()
    if row is None and code is not None:
        _record_failure(engine, [_CODE_KEY])
    return row, code is not None


_UNKNOWN = (
    "This invitation link or code is not right; check it, or ask your coach for a new invitation."
)


def _usable(row: Any) -> None:
    if row is None:
        raise ApiError(404, "not_found", _UNKNOWN)
    if row.used_at is not None:
        raise ApiError(
            410,
            "used",
            "This invitation has already been used; sign in with the password you chose, or "
            "ask your coach for a new invitation.",
        )
    if row.expires_at <= utcnow():
        raise ApiError(
            410,
            "expired",
            f"This invitation expired on {row.expires_at:%Y-%m-%d}; ask your coach for a new one.",
        )
    if row.disabled:
        raise forbidden("This account has been switched off; ask your administrator.")


def check(engine: Engine, token_or_code: str) -> tuple[str, str]:
    """(email, name) of a usable invitation; otherwise the ApiError saying why not (unknown,
    used, expired, too many wrong codes), for the page that must tell the teacher."""
    row, _ = _find(engine, token_or_code)
    _usable(row)
    return row.email, row.name


def peek(engine: Engine, token_or_code: str) -> tuple[str, str] | None:
    """(email, name) of a usable invitation, for the page where the teacher sets a password;
    None when the link or code is unknown, used or expired."""
    try:
        return check(engine, token_or_code)
    except ApiError as exc:
        if exc.code == "rate_limited":
            raise
        return None


def accept(engine: Engine, *, token_or_code: str, password: str) -> str:
    """Sets the invited teacher's password and uses up the invitation; returns the account id."""
    row, _ = _find(engine, token_or_code)
    _usable(row)
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise ApiError(
            422,
            "invalid",
            f"Choose a password of at least {MIN_PASSWORD_LENGTH} characters.",
        )
    if len(password) > 1024:
        raise ApiError(422, "invalid", "Choose a password of at most 1,024 characters.")
    hashed = hash_password(password)
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        taken = conn.execute(
            update(invitation)
            .where(invitation.c.id == row.id, invitation.c.used_at.is_(None))
            .values(used_at=utcnow())
        ).rowcount
        if taken != 1:  # accepted at the same moment elsewhere
            raise ApiError(410, "used", "This invitation has just been used; sign in instead.")
        conn.execute(
            update(account).where(account.c.id == row.account_id).values(password_hash=hashed)
        )
    return str(row.account_id)


def teacher_status(engine: Engine, principal: Principal, emails: list[str]) -> dict[str, str]:
    """ "active" | "invited" | "expired" per email with a teacher account at the caller's
    school (switched-off accounts and other schools' are not listed)."""
    wanted = sorted({normalize_email(e) for e in emails if isinstance(e, str)})
    if not wanted:
        return {}
    now = utcnow()
    live = (
        select(invitation.c.account_id)
        .where(and_(invitation.c.used_at.is_(None), invitation.c.expires_at > now))
        .subquery()
    )
    with engine.connect() as conn:
        rows = conn.execute(
            select(account.c.email, account.c.password_hash, live.c.account_id)
            .outerjoin(live, live.c.account_id == account.c.id)
            .where(
                account.c.email.in_(wanted),
                account.c.role == "teacher",
                account.c.school_id == principal.school_id,
                account.c.disabled.is_(False),
            )
        ).all()
    status: dict[str, str] = {}
    for email, password_hash, pending in rows:
        if has_password(password_hash):
            status[email] = "active"
        elif pending is not None or status.get(email) == "invited":
            status[email] = "invited"
        else:
            status[email] = "expired"
    return status


def base_url_for(request_base: str) -> str:
    """The base of links teachers open: ``serve --public-url`` (``$OBSERVE_PUBLIC_URL``) if
    given, else the address this request came to (the API's and the web pages' alike)."""
    configured = os.environ.get(ENV_PUBLIC_URL, "").strip()
    return configured.rstrip("/") if configured else request_base.rstrip("/")
