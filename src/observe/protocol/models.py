"""Wire schemas of sync protocol v1 (see docs/sync-protocol.md for what each field means).

Ids travel as canonical lowercase UUID strings (``UUIDStr``) rather than ``uuid.UUID`` objects:
the desktop store keeps ids as strings, so the client never has to convert. Replies ignore
unknown fields, so a newer server can add fields without breaking an older client.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    TypeAdapter,
    ValidationError,
)
from pydantic_core import PydanticSerializationError, core_schema, to_json

PROTOCOL_VERSION = 1
API_PREFIX = "/v1"

MAX_PUSH_OPS = 500
"""Most ops in one push; more is refused with 413 (the client sends batches of this size)."""
DEFAULT_PULL_LIMIT = 500
MAX_PULL_LIMIT = 1000
MAX_BODY_BYTES = 8 * 1024 * 1024
"""Largest request body the server reads; bigger ones get 413 before any work is done."""
#: Small-group suppression: a leader never gets a figure drawn from fewer teachers than this.
MIN_TEACHERS = 3
MAX_BLOB_BYTES = 15 * 1024 * 1024
"""Largest image (blob) the server keeps: a stripped, downscaled photo is far smaller."""
BLOB_CHUNK_BYTES = 1024 * 1024
"""The client's upload chunk: a lost connection costs at most this much again."""

KINDS: tuple[str, ...] = (
    "school",
    "teacher",
    "classroom",
    "seat",
    "lookfor_set",
    "lookfor",
    "walk",
    "coaching_cycle",
    "visit",
    "evidence",
    "participation_event",
    "feedback",
    "reflection",
    "cycle_step",
    "coaching_log_entry",
    "cycle_survey",
    "cycle_assessment",
    "sample_score",
)
"""Record kinds that sync, parents before children. Equal to the ``kind`` names of
``observe.store.models.SYNC_MODELS`` (a test checks it), kept here so the server needs no
desktop code."""


_CANONICAL_UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_UUID_ERROR = "must be a UUID such as 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"


def _canonical_uuid(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except (ValueError, AttributeError, TypeError) as exc:
        raise ValueError(_UUID_ERROR) from exc


class _UUIDText:
    """A UUID kept as its canonical text. Every id our own clients send is canonical already,
    and a push carries two per op: pydantic-core's own pattern match accepts those without a
    call into Python (about 8x cheaper); anything else goes through ``uuid.UUID``."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.union_schema(
            [
                core_schema.str_schema(pattern=_CANONICAL_UUID),
                core_schema.no_info_after_validator_function(
                    _canonical_uuid, core_schema.str_schema(min_length=32, max_length=45)
                ),
            ],
            mode="left_to_right",
            custom_error_type="uuid_text",
            custom_error_message=_UUID_ERROR,
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> Any:
        return {"type": "string", "format": "uuid", "minLength": 32, "maxLength": 45}


def _clean_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("must be valid Unicode text") from exc
    return value


Text = Annotated[str, AfterValidator(_clean_text)]
"""Text that every database can store (no NUL, no lone surrogates)."""

UUIDStr = Annotated[str, _UUIDText]
Visibility = Literal["private", "teacher", "team"]
Role = Literal["coach", "leader", "admin", "teacher"]
OpKind = Literal["upsert", "delete"]
OpStatus = Literal["applied", "duplicate", "conflict", "rejected"]
AggregateName = Literal[
    "visits-per-week",
    "coaching-time",
    "lookfor-frequencies",
    "participation",
    "cycles",
    "student-evidence",
]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Reply(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorBody(_Reply):
    code: str
    message: str


class ErrorReply(_Reply):
    """Every 4xx/5xx body: ``{"error": {"code", "message"}}``; show ``message`` to people."""

    error: ErrorBody


class ServerState(_Reply):
    """Carried by every authenticated reply so the client can notice a restored server."""

    server_id: UUIDStr
    epoch: UUIDStr
    head_seq: int


class UserInfo(_Reply):
    id: UUIDStr
    email: str
    name: str
    role: Role
    school: str


class LoginRequest(_Request):
    email: Text = Field(min_length=3, max_length=254)
    password: Text = Field(min_length=1, max_length=1024)
    device_id: UUIDStr
    device_name: Text = Field(default="", max_length=200)


class LoginReply(ServerState):
    token: str
    device_id: UUIDStr
    user: UserInfo


class MeReply(ServerState):
    user: UserInfo
    device_id: UUIDStr


class Op(_Request):
    """One local change. ``base_version`` None marks a recovery op (see the protocol doc)."""

    op_id: UUIDStr
    kind: Text = Field(min_length=1, max_length=40)
    id: UUIDStr
    op: OpKind
    base_version: int | None = Field(ge=0, le=2**53)
    client_version: int = Field(default=0, ge=0, le=2**53)
    data: dict[str, Any] | None = None
    visibility: Visibility = "private"


BOOKKEEPING_FIELDS = frozenset({"version", "updated_at", "device_id"})
"""Snapshot fields that say which copy this is (its server version, when and on which device
it was last saved), not what the record says. Two snapshots equal but for these are the same
content; ``author_id``, ``created_at``, ``visibility`` and every domain field are content."""


def same_content(
    a: dict[str, Any] | None, a_deleted: bool, b: dict[str, Any] | None, b_deleted: bool
) -> bool:
    """True when two copies of a record say the same thing (a re-push of what the server
    already holds): both deleted, or both live with equal snapshots apart from bookkeeping."""
    if a_deleted or b_deleted:
        return a_deleted and b_deleted
    if a is None or b is None:
        return False
    keys = (set(a) | set(b)) - BOOKKEEPING_FIELDS
    return all(a.get(k) == b.get(k) for k in keys)


class PushRequest(_Request):
    """At most ``MAX_PUSH_OPS`` ops; the server answers 413 above that."""

    ops: list[Op]


_OP = TypeAdapter(Op)


def encode_op(op: dict[str, Any], data_json: str | None = None) -> bytes:
    """One op as the JSON a push carries, checked against ``Op`` first, so that a row the
    server would refuse is set aside alone instead of failing its whole batch.

    ``data_json``, when given, is the op's ``data`` already as the text of a JSON object (the
    desktop outbox keeps snapshots as JSON text); it goes in as it is, instead of being parsed
    and serialized again, which cost the client more than anything else it did per op.
    Raises ``ValueError`` with the reason."""
    try:
        _OP.validate_python(op)
        encoded = to_json(op)
        if data_json is not None:
            encoded = encoded[:-1] + b',"data":' + data_json.encode("utf-8") + b"}"
        return encoded
    except ValidationError as exc:
        raise ValueError(str(exc)) from exc
    except (PydanticSerializationError, UnicodeEncodeError) as exc:  # not valid Unicode, say
        raise ValueError(str(exc)) from exc


def push_body(encoded_ops: list[bytes]) -> bytes:
    """The body of ``POST /sync/push`` from ops made by ``encode_op``."""
    return b'{"ops":[' + b",".join(encoded_ops) + b"]}"


class ServerRecord(_Reply):
    kind: str
    id: UUIDStr
    owner_id: UUIDStr
    visibility: Visibility
    version: int
    server_seq: int
    deleted: bool
    updated_at: datetime
    data: dict[str, Any] | None = None


class OpResult(_Reply):
    op_id: UUIDStr
    status: OpStatus
    version: int | None = None
    server_seq: int | None = None
    reason: str | None = None
    server: ServerRecord | None = None


class PullReply(ServerState):
    changes: list[ServerRecord]
    next_since: int
    # The position to send back as ``cursor`` (a place in each school's sequence; opaque).
    # Servers before per-school seqs send none: the client then sends ``since`` alone.
    next_cursor: str | None = Field(default=None, max_length=4096)
    more: bool


class PushReply(ServerState):
    results: list[OpResult]
    # The pull's first page, when the push asked for it (``then_pull``). Servers before it
    # send none: the client then pulls with a request of its own.
    pull: PullReply | None = None


class AggregateReply(ServerState):
    """Figures only: each row maps column names to numbers (and week starts / category codes)."""

    name: AggregateName
    school: str
    rows: list[dict[str, bool | int | float | str | None]]
    #: Set (for leaders) when figures drawn from fewer than ``min_teachers`` teachers were left
    #: out: ``{reason: "fewer_teachers", min_teachers, teachers | weeks}``; see "Aggregates".
    suppressed: dict[str, int | str] | None = None


class AdminUser(_Reply):
    id: UUIDStr
    email: str
    name: str
    role: Role
    school: str
    disabled: bool
    created_at: datetime


class AdminUsersReply(ServerState):
    users: list[AdminUser]


class AdminDevice(_Reply):
    id: UUIDStr
    user_id: UUIDStr
    user_email: str
    name: str
    created_at: datetime
    last_seen_at: datetime | None = None
    expires_at: datetime | None = None  # when the token expires if unused (None once revoked)
    revoked: bool
    expired: bool = False


class AdminDevicesReply(ServerState):
    devices: list[AdminDevice]


class InvitationRequest(_Request):
    """A coach inviting a teacher of their school to read what was shared with them."""

    email: Text = Field(min_length=3, max_length=254)
    name: Text = Field(min_length=1, max_length=200)


class InvitationReply(_Reply):
    email: str
    link: str
    code: str
    expires_at: datetime


MAX_STATUS_EMAILS = 1000
TeacherStatus = Literal["active", "invited", "expired"]


class TeacherStatusRequest(_Request):
    emails: list[Annotated[Text, Field(max_length=254)]] = Field(max_length=MAX_STATUS_EMAILS)


class TeacherStatusReply(_Reply):
    """Teacher accounts of the caller's school by email; an email not listed has none."""

    accounts: dict[str, TeacherStatus]


class BlobStatus(_Reply):
    """How much of a blob the server holds for the caller (``GET /v1/blobs/{sha256}/status``
    and every ``PUT``): ``complete`` once the whole, verified blob is stored (by anyone: blobs
    are deduplicated by hash); else ``received`` bytes of the caller's own partial upload."""

    sha256: str
    complete: bool
    received: int
    size: int | None = None
    max_bytes: int = MAX_BLOB_BYTES
