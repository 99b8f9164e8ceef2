"""Signing in, with failed attempts counted in the database.

Counting in the database (not in process memory) means the limit holds however many worker
processes serve the requests. Limits are per email and per client address over a sliding
window; a limited caller gets 429 with ``Retry-After`` before any password is checked.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from observe.server.accounts import (
    PRINCIPAL_COLUMNS,
    Principal,
    hash_password,
    issue_token,
    needs_rehash,
    normalize_email,
    principal_from,
    verify_password,
)
from observe.server.errors import ApiError
from observe.server.schema import account, login_failure, school, utcnow

log = logging.getLogger(__name__)

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_ADDRESS = 30


@dataclass(frozen=True)
class LoginResult:
    token: str
    principal: Principal


def _limited(conn: Connection, key: str, limit: int) -> int | None:
    """Seconds to wait if ``key`` has used up its failures in the window, else None."""
    now = utcnow()
    count, oldest = conn.execute(
        select(func.count(), func.min(login_failure.c.at)).where(
            login_failure.c.key == key, login_failure.c.at > now - WINDOW
        )
    ).one()
    if count < limit or oldest is None:
        return None
    return max(1, math.ceil((oldest + WINDOW - now).total_seconds()))


def _record_failure(engine: Engine, keys: list[str]) -> None:
    now = utcnow()
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        conn.execute(insert(login_failure), [{"key": k, "at": now} for k in keys])
        conn.execute(delete(login_failure).where(login_failure.c.at < now - WINDOW))


def check_password(engine: Engine, *, email: str, password: str, client_address: str) -> Principal:
    """The account behind ``email`` if ``password`` is right, under the sign-in limits.

    Shared by the API's sign-in and the web pages', so both count failures in the same
    table and refuse a limited caller the same way. The principal has no device yet.
    """
    email = normalize_email(email)
    email_key = f"email:{email}"
    keys = [email_key, f"addr:{client_address}"]
    with engine.connect() as conn:
        wait = _limited(conn, email_key, MAX_FAILURES_PER_EMAIL) or _limited(
            conn, keys[1], MAX_FAILURES_PER_ADDRESS
        )
        if wait:
            log.warning("login refused: too many failed attempts (retry in %d s)", wait)
            raise ApiError(
                429,
                "rate_limited",
                f"Too many failed sign-in attempts; try again in {_minutes(wait)}.",
                headers={"Retry-After": str(wait)},
            )
        user = conn.execute(
            select(*PRINCIPAL_COLUMNS, account.c.password_hash)
            .join(school, school.c.id == account.c.school_id)
            .where(account.c.email == email)
        ).one_or_none()
    if not verify_password(user.password_hash if user else None, password):
        _record_failure(engine, keys)
        log.info("login failed for an %s email", "unknown" if user is None else "existing")
        raise ApiError(401, "bad_credentials", "The email or password is not right.")
    assert user is not None
    if user.disabled:
        log.info("login refused: user %s is disabled", user.user_id)
        raise ApiError(401, "disabled", "This account has been disabled; ask your administrator.")
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        conn.execute(delete(login_failure).where(login_failure.c.key == email_key))
        if needs_rehash(user.password_hash):
            conn.execute(
                update(account)
                .where(account.c.id == user.user_id)
                .values(password_hash=hash_password(password))
            )
    return principal_from(user, "")


def login(
    engine: Engine,
    *,
    email: str,
    password: str,
    device_id: str,
    device_name: str,
    client_address: str,
) -> LoginResult:
    user = check_password(engine, email=email, password=password, client_address=client_address)
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        token, used_device = issue_token(conn, user.user_id, device_id, device_name)
    log.info("user %s signed in on device %s", user.user_id, used_device)
    return LoginResult(token=token, principal=replace(user, device_id=used_device))


def _minutes(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    return "a minute" if minutes <= 1 else f"{minutes} minutes"


def as_reply(result: LoginResult, state: dict[str, Any]) -> dict[str, Any]:
    return {
        **state,
        "token": result.token,
        "device_id": result.principal.device_id,
        "user": result.principal.user_info(),
    }
