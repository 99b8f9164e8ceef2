"""The server's own tables (SQLAlchemy Core), portable between SQLite and PostgreSQL.

Records are stored generically (kind, id, owner, visibility, version, seq, JSON snapshot): the
server never needs the desktop's domain tables, so it never imports ``observe.store``. Ids that
leave the server are UUID strings; there are no integer autoincrement keys in the tables a
backup carries, so a restore can insert rows as they are on either database.

Migrations under ``migrations/versions`` create exactly these tables (a test compares them).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Naive UTC in the database (SQLite has no zones), aware UTC in Python."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


ID = String(36)

server_state = Table(
    "server_state",
    metadata,
    # One row (id 1): who this server is. The push counters are per school (school_seq).
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("server_id", ID, nullable=False),
    Column("epoch", ID, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

school = Table(
    "school",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
)

school_seq = Table(
    "school_seq",
    metadata,
    # One push counter per school, the unit of visibility: a push locks its school's row
    # (FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on SQLite) until it commits, so each school's
    # server_seq is gap-free in commit order, and schools never queue on each other.
    Column("school_id", ID, ForeignKey("school.id"), primary_key=True),
    Column("head_seq", BigInteger, nullable=False),
)

account = Table(
    "account",
    metadata,
    Column("id", ID, primary_key=True),
    Column("email", String(254), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("role", String(10), nullable=False),
    Column("school_id", ID, ForeignKey("school.id"), nullable=False, index=True),
    Column("password_hash", String(200), nullable=False),
    Column("disabled", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

device = Table(
    "device",
    metadata,
    Column("id", ID, primary_key=True),
    Column("user_id", ID, ForeignKey("account.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    # SHA-256 hex of the bearer token. Kept after revocation so the device is told "revoked"
    # (revoked_at set), not merely "unknown".
    Column("token_hash", String(64), unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime),
    Column("revoked_at", UTCDateTime),
)


def _only_set(column: str) -> dict[str, Any]:
    """A partial index's condition (rows where ``column`` is set), for both databases."""
    condition = text(f"{column} IS NOT NULL")
    return {"sqlite_where": condition, "postgresql_where": condition}


record = Table(
    "record",
    metadata,
    Column("id", ID, primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("owner_id", ID, ForeignKey("account.id"), nullable=False),
    Column("school_id", ID, ForeignKey("school.id"), nullable=False),
    Column("visibility", String(10), nullable=False),
    Column("version", BigInteger, nullable=False),
    # Numbered per school (school_seq); unique within the school.
    Column("server_seq", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("data", JSON),
    # "team" once the record has ever been shared with its school's team, never cleared: when
    # the owner un-shares it, the coaches who pulled it are sent a tombstone (see pull.py).
    Column("audience", String(10)),
    # The one teacher who may read this record: the lowercased ``data.published.teacher_email``
    # of a feedback record shared with its teacher (visibility "teacher"), else NULL. Set on
    # every push and restore (see readers.py), so a teacher's reads are one indexed lookup.
    Column("reader", String(254)),
    # For a teacher's reflection: the owner of the record it reflects on (the coach who
    # shared it), who receives it in pull. NULL for every other kind.
    Column("addressee_id", ID, ForeignKey("account.id")),
    # What the leader's and coach's figures read of the snapshot, derived by observe.server.facts
    # on every push and restore (like ``reader``): the record's date, the visit and seat it
    # names, and its category or look-fors. NULL for tombstones and undated kinds.
    Column("day", String(10)),
    Column("visit_ref", Text),
    Column("seat_ref", Text),
    Column("facet", Text),
    # And for visits, seats and log entries (migration 0008): the classroom and cycle named,
    # the visit's type or the log entry's activity, and minutes.
    Column("room_ref", Text),
    Column("cycle_ref", Text),
    Column("label", String(40)),
    Column("minutes", BigInteger),
    # The image (blob) the snapshot names, its ``image_sha256`` (observe.server.blob_refs),
    # NULL for tombstones: who may fetch a blob, and which blobs are still referenced.
    Column("blob_ref", String(64)),
    UniqueConstraint("school_id", "server_seq", name="uq_record_school_seq"),
    # A pull's own records: owner, school and seq in one range scan (migration 0011).
    Index("ix_record_owner_school_seq", "owner_id", "school_id", "server_seq"),
    # The figures' facts, ordered so SQL counts them per visit from the index alone; its
    # (school_id, kind) prefix serves the lookups by kind too (its own index went in 0010).
    Index(
        "ix_record_school_kind_facts", "school_id", "kind", "visit_ref", "seat_ref", "facet", "day"
    ),
    # Visits, seats and log entries read from the index alone (their rows sit among a
    # year's evidence, one page each).
    Index(
        "ix_record_school_kind_day_facts",
        "school_id",
        "kind",
        "day",
        "label",
        "minutes",
        "room_ref",
        "cycle_ref",
        "owner_id",
        "deleted",
        "id",
    ),
    # The four columns below are NULL on nearly every record (a coach's private evidence), so
    # their indexes hold only the rows that have them: every push writes each index it
    # touches, and these were a quarter of a push's index writes for rows no query looks up
    # (migration 0010). An equality on the column implies IS NOT NULL, so both databases
    # still use them.
    Index(
        "ix_record_school_audience_seq",
        "school_id",
        "audience",
        "server_seq",
        **_only_set("audience"),
    ),
    Index("ix_record_school_reader", "school_id", "reader", **_only_set("reader")),
    Index("ix_record_addressee_seq", "addressee_id", "server_seq", **_only_set("addressee_id")),
    Index("ix_record_blob_ref", "blob_ref", **_only_set("blob_ref")),
)

applied_op = Table(
    "applied_op",
    metadata,
    # Every op id the server has answered, with the answer, so a retry gets the same one.
    Column("op_id", ID, primary_key=True),
    Column("user_id", ID, ForeignKey("account.id"), nullable=False),
    Column("record_id", ID, nullable=False),
    Column("status", String(10), nullable=False),
    Column("version", BigInteger),
    Column("server_seq", BigInteger),
    Column("reason", Text),
    Column("created_at", UTCDateTime, nullable=False),
)

conflict = Table(
    "conflict",
    metadata,
    # An incoming change that lost a race: kept whole, never dropped.
    Column("id", ID, primary_key=True),
    Column("record_id", ID, nullable=False, index=True),
    Column("kind", String(40), nullable=False),
    Column("op_id", ID, nullable=False),
    Column("user_id", ID, ForeignKey("account.id"), nullable=False),
    Column("device_id", ID, nullable=False),
    Column("base_version", BigInteger),
    Column("deleted", Boolean, nullable=False),
    Column("visibility", String(10), nullable=False),
    Column("data", JSON),
    Column("created_at", UTCDateTime, nullable=False),
    Column("resolved_at", UTCDateTime),
)

login_failure = Table(
    "login_failure",
    metadata,
    # Failed logins per key ("email:..." / "addr:..."), counted across all worker processes.
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(300), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_login_failure_key_at", "key", "at"),
)

web_session = Table(
    "web_session",
    metadata,
    # A browser signed in to the web pages. The cookie holds a random token; only its SHA-256
    # is stored. ``csrf`` is the session's form token. Left out of backups: a restored server
    # signs everyone out of the web pages.
    Column("id", ID, primary_key=True),
    Column("account_id", ID, ForeignKey("account.id"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("csrf", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime),
)

invitation = Table(
    "invitation",
    metadata,
    # A one-time invitation for a teacher account to set its password: by link (a random
    # token) or by a short code typed in. Both are stored only as SHA-256 hashes.
    Column("id", ID, primary_key=True),
    Column("account_id", ID, ForeignKey("account.id"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("code_hash", String(64), nullable=False, unique=True),
    Column("created_by", ID, ForeignKey("account.id")),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("used_at", UTCDateTime),
    # The invitation email (serve --smtp-url, observe.server.mail): NULL when none was sent,
    # "sending", "sent", or the sentence saying why it was not (migration 0008).
    Column("email_status", Text),
)

fact_count = Table(
    "fact_count",
    metadata,
    # Evidence items and participation events counted per school, owner, kind and facts
    # (observe.server.rollup): kept by the push in its transaction, rebuilt from ``record`` by
    # a restore and by migration 0008, so the figures read per-visit rows, not every item.
    # ``id`` is the SHA-256 of the other key columns (several may be NULL, which a unique
    # index would not tell apart).
    Column("id", String(64), primary_key=True),
    Column("school_id", ID, nullable=False),
    Column("owner_id", ID, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("day", String(10)),
    Column("visit_ref", Text),
    Column("seat_ref", Text),
    Column("facet", Text),
    Column("n", BigInteger, nullable=False),
    # Every column, visits in order: per-visit counts are grouped from the index alone.
    Index(
        "ix_fact_count_school_kind_visit",
        "school_id",
        "kind",
        "visit_ref",
        "day",
        "seat_ref",
        "facet",
        "owner_id",
        "n",
    ),
)

blob = Table(
    "blob",
    metadata,
    # The blobs stored in the blob folder, for collecting unreferenced ones (observe.server.
    # blob_gc). The files are the truth of what is stored; a row only times how long a blob
    # has gone unreferenced (``unreferenced_since``: NULL while a live record names it; set
    # when it was stored, asked about, or first found unreferenced). Left out of backups.
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("unreferenced_since", UTCDateTime),
)

blob_holder = Table(
    "blob_holder",
    metadata,
    # The accounts that sent a blob's bytes (or proved they have them by sending them again):
    # a record names an image for its readers only if its owner holds it, so knowing an
    # image's hash is never enough to read it (observe.server.blobs).
    Column("sha256", String(64), primary_key=True),
    Column("account_id", ID, ForeignKey("account.id"), primary_key=True),
    Column("created_at", UTCDateTime, nullable=False),
)

BACKUP_TABLES = (
    server_state,
    school,
    school_seq,
    account,
    invitation,
    device,
    record,
    applied_op,
    conflict,
    blob_holder,
)
"""Tables a backup carries, parents first (login failures and web sessions are transient and
left out; ``fact_count`` is derived from ``record`` and rebuilt by a restore; blob rows other
than who holds what are left out: the blob folder is backed up as files)."""
