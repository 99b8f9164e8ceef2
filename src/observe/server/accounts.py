"""Users, schools, devices and tokens: the part the admin CLI and the admin endpoints share.

Passwords are hashed with argon2id (argon2-cffi's defaults). Device tokens are 32 random bytes,
shown once and stored only as a SHA-256 hash: a leaked database holds no usable token, and a
revoked device's hash is cleared so its token can never match again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from observe.errors import UsageError
from observe.server.errors import ApiError, not_found
from observe.server.schema import account, device, school, school_seq, utcnow

ROLES = ("coach", "leader", "admin", "teacher")
MIN_PASSWORD_LENGTH = 8
NO_PASSWORD = "!"
"""The password hash of an account whose password was never set (a teacher invited but not
yet signed up): no password verifies against it."""
LAST_SEEN_RESOLUTION = timedelta(minutes=5)
TOKEN_IDLE_DAYS = 90.0
"""A device token unused this long expires: a lost laptop's sign-in does not live forever."""
ENV_TOKEN_IDLE_DAYS = "OBSERVE_SERVER_TOKEN_IDLE_DAYS"

ENV_ARGON2 = "OBSERVE_SERVER_ARGON2"


def _make_hasher() -> PasswordHasher:
    """argon2id with argon2-cffi's defaults (t=3, m=64 MiB, p=4), or the cost named in
    ``$OBSERVE_SERVER_ARGON2`` ("t=2,m=32768,p=2") for small machines and test suites."""
    spec = os.environ.get(ENV_ARGON2, "").strip()
    if not spec:
        return PasswordHasher()
    try:
        cost = {k.strip(): int(v) for k, v in (part.split("=") for part in spec.split(","))}
        return PasswordHasher(
            time_cost=cost.get("t", 3),
            memory_cost=cost.get("m", 65536),
            parallelism=cost.get("p", 4),
        )
    except (ValueError, TypeError) as exc:
        raise UsageError(f"{ENV_ARGON2} should look like t=3,m=65536,p=4, not {spec!r}.") from exc


_hasher = _make_hasher()
_dummy_hash: str | None = None


def _dummy() -> str:
    """A hash to verify against for unknown emails, so they take as long as known ones."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("not a real password: keeps timing alike for unknown emails")
    return _dummy_hash


@dataclass(frozen=True)
class Principal:
    """Who is calling, looked up afresh on every request (so revocation is immediate)."""

    user_id: str
    email: str
    name: str
    role: str
    school_id: str
    school: str
    device_id: str

    def user_info(self) -> dict[str, Any]:
        return {
            "id": self.user_id,
            "email": self.email,
            "name": self.name,
            "role": self.role,
            "school": self.school,
        }


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def normalize_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's defaults."""
    return _hasher.check_needs_rehash(stored_hash)


def has_password(stored_hash: str | None) -> bool:
    return bool(stored_hash) and not str(stored_hash).startswith(NO_PASSWORD)


def verify_password(stored_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash or _dummy(), password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def school_id_of(conn: Connection, name: str) -> str:
    """The id of the school with this name, which is created if new."""
    return _school_id(conn, name)


def _school_id(conn: Connection, name: str) -> str:
    found = conn.execute(select(school.c.id).where(school.c.name == name)).scalar()
    if found:
        return str(found)
    new = str(uuid.uuid4())
    conn.execute(insert(school).values(id=new, name=name, created_at=utcnow()))
    conn.execute(insert(school_seq).values(school_id=new, head_seq=0))  # its push counter
    return new


def add_user(
    engine: Engine, *, email: str, name: str, role: str, school_name: str, password: str
) -> dict[str, Any]:
    email = normalize_email(email)
    if "@" not in email or len(email) > 254:
        raise UsageError(f"{email!r} is not an email address.")
    if role not in ROLES:
        raise UsageError(f"The role must be one of {', '.join(ROLES)}, not {role!r}.")
    if not name.strip():
        raise UsageError("Give the person's name with --name.")
    if not school_name.strip():
        raise UsageError("Give the school's name with --school.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    password_hash = hash_password(password)
    user_id = str(uuid.uuid4())
    try:
        with engine.connect().execution_options(immediate=True) as conn, conn.begin():
            taken = conn.execute(select(account.c.id).where(account.c.email == email)).scalar()
            if taken:
                raise UsageError(f"There is already a user with the email {email}.")
            conn.execute(
                insert(account).values(
                    id=user_id,
                    email=email,
                    name=name.strip(),
                    role=role,
                    school_id=_school_id(conn, school_name.strip()),
                    password_hash=password_hash,
                    disabled=False,
                    created_at=utcnow(),
                )
            )
    except IntegrityError as exc:  # a concurrent add of the same email
        raise UsageError(f"There is already a user with the email {email}.") from exc
    return {"id": user_id, "email": email, "name": name.strip(), "role": role}


def _user_rows(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(
            account.c.id,
            account.c.email,
            account.c.name,
            account.c.role,
            school.c.name.label("school"),
            account.c.disabled,
            account.c.created_at,
        )
        .join(school, school.c.id == account.c.school_id)
        .order_by(school.c.name, account.c.email)
    )
    return [dict(r._mapping) for r in rows]


def list_users(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return _user_rows(conn)


def _usable_key(key: str) -> bool:
    """Keys from URLs or the command line may hold what no database column can match."""
    return "\x00" not in key and key.isprintable() and len(key) <= 254


def find_user_id(conn: Connection, email_or_id: str) -> str:
    key = email_or_id.strip()
    if not _usable_key(key):
        raise not_found(f"There is no user {key!r}.")
    found = conn.execute(
        select(account.c.id).where(
            (account.c.email == normalize_email(key)) | (account.c.id == key.lower())
        )
    ).scalar()
    if not found:
        raise not_found(f"There is no user {key}.")
    return str(found)


def set_disabled(engine: Engine, email_or_id: str, disabled: bool = True) -> str:
    """Disables (or enables) a user; a disabled user's devices are refused from the next call."""
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        user_id = find_user_id(conn, email_or_id)
        conn.execute(update(account).where(account.c.id == user_id).values(disabled=disabled))
        return user_id


def token_idle_days() -> float:
    """Days without a request after which a device token expires (``serve
    --token-idle-days`` passes it to the workers in the environment)."""
    text = os.environ.get(ENV_TOKEN_IDLE_DAYS, "").strip()
    try:
        days = float(text) if text else TOKEN_IDLE_DAYS
    except ValueError:
        return TOKEN_IDLE_DAYS
    return days if 0 < days < 100_000 else TOKEN_IDLE_DAYS


def check_idle_days(days: float) -> float:
    if not 0 < days < 100_000:
        raise UsageError("--token-idle-days must be a number of days above 0.")
    return days


def expires_at(last_used: datetime | None, created: datetime, idle_days: float) -> datetime:
    return (last_used or created) + timedelta(days=idle_days)


def list_devices(
    engine: Engine, email_or_id: str | None = None, idle_days: float | None = None
) -> list[dict[str, Any]]:
    """Each device with when it was last used and when its token expires if unused."""
    idle = idle_days if idle_days is not None else token_idle_days()
    now = utcnow()
    with engine.connect() as conn:
        query = (
            select(
                device.c.id,
                device.c.user_id,
                account.c.email.label("user_email"),
                device.c.name,
                device.c.created_at,
                device.c.last_seen_at,
                device.c.revoked_at,
            )
            .join(account, account.c.id == device.c.user_id)
            .order_by(account.c.email, device.c.created_at)
        )
        if email_or_id:
            query = query.where(device.c.user_id == find_user_id(conn, email_or_id))
        rows = []
        for r in conn.execute(query):
            ends = expires_at(r.last_seen_at, r.created_at, idle)
            revoked = r.revoked_at is not None
            rows.append(
                {
                    **dict(r._mapping),
                    "expires_at": None if revoked else ends,
                    "revoked": revoked,
                    "expired": not revoked and ends <= now,
                }
            )
        return rows


def revoke_device(engine: Engine, device_id: str) -> None:
    key = device_id.strip().lower()
    if not _usable_key(key):
        raise not_found(f"There is no device {key!r}.")
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        found = conn.execute(select(device.c.id).where(device.c.id == key)).scalar()
        if not found:
            raise not_found(f"There is no device {device_id}.")
        conn.execute(
            update(device)
            .where(device.c.id == key)
            .values(revoked_at=func.coalesce(device.c.revoked_at, utcnow()))
        )


def issue_token(
    conn: Connection, user_id: str, device_id: str, device_name: str
) -> tuple[str, str]:
    """A new token for the device; returns (token, device id actually used).

    The client's own device id is kept unless it belongs to someone else or was revoked (a
    revoked device stays revoked; signing in again makes a new device).
    """
    token = secrets.token_urlsafe(32)
    now = utcnow()
    existing = conn.execute(
        select(device.c.user_id, device.c.revoked_at).where(device.c.id == device_id)
    ).one_or_none()
    if existing is not None and existing.user_id == user_id and existing.revoked_at is None:
        conn.execute(
            update(device)
            .where(device.c.id == device_id)
            .values(token_hash=hash_token(token), name=device_name, last_seen_at=now)
        )
        return token, device_id
    if existing is not None:
        device_id = str(uuid.uuid4())
    conn.execute(
        insert(device).values(
            id=device_id,
            user_id=user_id,
            name=device_name,
            token_hash=hash_token(token),
            created_at=now,
            last_seen_at=now,
        )
    )
    return token, device_id


PRINCIPAL_COLUMNS = (
    account.c.id.label("user_id"),
    account.c.email,
    account.c.name,
    account.c.role,
    account.c.disabled,
    school.c.id.label("school_id"),
    school.c.name.label("school"),
)
"""Who a caller is (an account and its school: join ``school`` on ``account.school_id``), the
same for a device token, a web session, a sign-in and a web write; see :func:`principal_from`."""


def principal_from(row: Any, device_id: str) -> Principal:
    """The :class:`Principal` of a row that selected :data:`PRINCIPAL_COLUMNS`."""
    return Principal(
        user_id=row.user_id,
        email=row.email,
        name=row.name,
        role=row.role,
        school_id=row.school_id,
        school=row.school,
        device_id=device_id,
    )


_CALLER = (
    select(
        device.c.id.label("device_id"),
        device.c.revoked_at,
        device.c.last_seen_at,
        device.c.created_at,
        *PRINCIPAL_COLUMNS,
    )
    .join(account, account.c.id == device.c.user_id)
    .join(school, school.c.id == account.c.school_id)
    .where(device.c.token_hash == bindparam("token_hash"))
)


def authenticate(engine: Engine, token: str | None, conn: Connection | None = None) -> Principal:
    """The caller of this request, checked against the database every time.

    ``conn``: a connection the request goes on to use (saves a round of BEGIN/ROLLBACK).
    """
    if not token:
        raise ApiError(401, "unauthenticated", "Sign in first: this request carries no token.")
    with contextlib.nullcontext(conn) if conn is not None else engine.connect() as used:
        row = used.execute(_CALLER, {"token_hash": hash_token(token)}).one_or_none()
    if row is None:
        raise ApiError(
            401, "unauthenticated", "This device is not signed in to the server; sign in again."
        )
    if row.revoked_at is not None or row.disabled:
        raise ApiError(
            401,
            "revoked",
            "This device or account has been switched off on the server; ask your administrator.",
        )
    idle = token_idle_days()
    if expires_at(row.last_seen_at, row.created_at, idle) <= utcnow():
        # The same answer as a revoked token: the device must sign in again either way.
        raise ApiError(
            401,
            "revoked",
            f"This device's sign-in expired after {idle:g} days without a sync.",
        )
    _touch(engine, row.device_id, row.last_seen_at)
    return principal_from(row, row.device_id)


WEB_DEVICE_NAMESPACE = uuid.UUID("6f1d7d0e-5a43-4c1e-9a0b-8f6f0c0b7e51")


def principal_of(conn: Connection, user_id: str, device_id: str | None = None) -> Principal:
    """The principal of a signed-in web user (their session stands in for a device token).

    Without ``device_id`` the user's web pages count as one device of theirs, with a stable id
    (conflict siblings name the device a change came from). Refuses a disabled account."""
    row = conn.execute(
        select(*PRINCIPAL_COLUMNS)
        .join(school, school.c.id == account.c.school_id)
        .where(account.c.id == user_id)
    ).one_or_none()
    if row is None or row.disabled:
        raise ApiError(
            401,
            "revoked",
            "This account has been switched off on the server; ask your administrator.",
        )
    return principal_from(row, device_id or str(uuid.uuid5(WEB_DEVICE_NAMESPACE, row.user_id)))


def _touch(engine: Engine, device_id: str, last_seen: datetime | None) -> None:
    now = utcnow()
    if last_seen is not None and now - last_seen < LAST_SEEN_RESOLUTION:
        return
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        conn.execute(update(device).where(device.c.id == device_id).values(last_seen_at=now))


def logout(engine: Engine, principal: Principal) -> None:
    revoke_device(engine, principal.device_id)
