"""The FastAPI application: /v1 endpoints of docs/sync-protocol.md.

Endpoints are plain ``def`` functions: FastAPI runs them in its thread pool, and SQLAlchemy's
blocking engine is shared by those threads. Every authenticated request looks its token up in
the database (no cache), so a revoked device or disabled user is refused on the very next call.
"""

from __future__ import annotations

import gc
import logging
import os
import pathlib
from collections.abc import Callable
from datetime import date
from typing import Annotated

import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.telemetry import TelemetryConfig
from pydantic import BaseModel
from pydantic_core import to_json
from sqlalchemy import Connection, Engine

from observe import __version__
from observe.protocol import (
    API_PREFIX,
    MAX_BODY_BYTES,
    MAX_PUSH_OPS,
    PROTOCOL_VERSION,
    AdminDevicesReply,
    AdminUsersReply,
    AggregateName,
    AggregateReply,
    BlobStatus,
    ErrorReply,
    InvitationReply,
    InvitationRequest,
    LoginReply,
    LoginRequest,
    MeReply,
    PullReply,
    PushReply,
    PushRequest,
    ServerState,
    TeacherStatusReply,
    TeacherStatusRequest,
)
from observe.server import accounts, blobs, http_errors, invitations, login, pull
from observe.server.accounts import Principal
from observe.server.aggregates import aggregate
from observe.server.blob_store import ENV_BLOB_DIR, BlobStore, default_blob_dir
from observe.server.concurrency import DEFAULT_POOL_SIZE, ENV_POOL_SIZE, bounded_threads
from observe.server.cursor import legacy as legacy_cursor
from observe.server.cursor import parse as parse_cursor
from observe.server.db import ENV_DATABASE_URL, make_engine, read_connection
from observe.server.errors import ApiError, forbidden, not_found
from observe.server.group_commit import GroupCommit
from observe.server.mail import Mailer, SmtpConfig, config_from_environment, email_invitation
from observe.server.schema import utcnow
from observe.server.state import read_state
from observe.server.sync_requests import (
    PULL_PARAMETERS,
    SIGNED_IN,
    THEN_PULL_PARAMETERS,
    PullQuery,
    bearer_token,
    pull_query,
    push_request,
    then_pull_of,
)
from observe.server.web import install as install_web
from observe.server.web import install_errors as install_web_errors

log = logging.getLogger(__name__)

_bearer = HTTPBearer(auto_error=False, description="The device token from /v1/auth/login.")
_ERRORS = {
    status: {"model": ErrorReply} for status in (400, 401, 403, 404, 409, 413, 422, 429, 503)
}
NO_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


async def engine_of(request: Request) -> Engine:
    # async (it never blocks): FastAPI then calls it in the event loop, not the thread pool.
    return request.app.state.engine


EngineDep = Annotated[Engine, Depends(engine_of)]
Token = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def who(
    engine: Engine, token: HTTPAuthorizationCredentials | None, conn: Connection | None = None
) -> Principal:
    """The caller, looked up inside the endpoint's own worker thread (one hop per request)."""
    return accounts.authenticate(engine, token.credentials if token else None, conn)


def _coach(principal: Principal) -> None:
    if principal.role != "coach":
        raise forbidden(
            "Only coaches sync records; teachers read and reflect on the server's web pages, "
            "leaders see figures and administrators manage accounts."
        )


def _admin(principal: Principal) -> None:
    if principal.role != "admin":
        raise forbidden("Only administrators can manage users and devices.")


router = APIRouter(prefix=API_PREFIX, responses=_ERRORS)


@router.get("/health", tags=["server"])
def health() -> dict[str, str | int]:
    """Unauthenticated liveness check (used by the test fixtures and load balancers)."""
    return {"status": "ok", "protocol": PROTOCOL_VERSION, "version": __version__}


@router.post("/auth/login", response_model=LoginReply, tags=["auth"])
def auth_login(body: LoginRequest, request: Request, engine: EngineDep) -> dict:
    address = request.client.host if request.client else "unknown"
    result = login.login(
        engine,
        email=body.email,
        password=body.password,
        device_id=body.device_id,
        device_name=body.device_name,
        client_address=address,
    )
    with read_connection(engine) as conn:
        state = read_state(conn, result.principal.school_id)
    return login.as_reply(result, state)


@router.post("/auth/logout", response_model=ServerState, tags=["auth"])
def auth_logout(token: Token, engine: EngineDep) -> dict:
    principal = who(engine, token)
    accounts.logout(engine, principal)
    with read_connection(engine) as conn:
        return read_state(conn, principal.school_id)


@router.get("/me", response_model=MeReply, tags=["auth"])
def me(token: Token, engine: EngineDep) -> dict:
    with read_connection(engine) as conn:
        principal = who(engine, token, conn)
        state = read_state(conn, principal.school_id)
    return {**state, "user": principal.user_info(), "device_id": principal.device_id}


_BODY_IN_COMPONENTS = (PushRequest,)
"""Request bodies read by a dependency rather than by FastAPI: the OpenAPI document gets
their schemas from ``_openapi`` instead."""


def _body_schema(model: type[BaseModel]) -> dict:
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": ref}}}}


def _openapi(app: FastAPI) -> Callable[[], dict]:
    generate = app.openapi

    def openapi() -> dict:
        if app.openapi_schema is None:
            document = generate()
            schemas = document.setdefault("components", {}).setdefault("schemas", {})
            for model in _BODY_IN_COMPONENTS:
                own = model.model_json_schema(ref_template="#/components/schemas/{model}")
                schemas.update(own.pop("$defs", {}))
                schemas[model.__name__] = own
        return app.openapi_schema

    return openapi


# The two sync endpoints are ``async`` and take the request alone (see ``sync_requests``); they
# hop to a worker thread once, for the database work.


@router.post(
    "/sync/push",
    response_model=PushReply,
    tags=["sync"],
    openapi_extra={**_body_schema(PushRequest), **THEN_PULL_PARAMETERS, **SIGNED_IN},
)
async def sync_push(request: Request) -> Response:
    then_pull = then_pull_of(request)  # checked before anything is written
    body = await push_request(request)
    token = bearer_token(request)
    reply = await anyio.to_thread.run_sync(_push, request.app, token, body, then_pull)
    return Response(reply, media_type="application/json")


def _push(app: FastAPI, token: str | None, body: PushRequest, then_pull: PullQuery | None) -> bytes:
    """The reply as JSON bytes, built without FastAPI's re-validation against
    ``response_model`` (which documents the shape; the tests check the replies): with up to
    1,000 records in a page, validating again would cost more than the database work."""
    engine = app.state.engine
    if not body.ops:  # a sync with nothing to send: one connection, no write transaction
        with read_connection(engine) as conn:
            principal = accounts.authenticate(engine, token, conn)
            _coach(principal)
            reply = {**read_state(conn, principal.school_id), "results": []}
            if then_pull is None:
                return to_json(reply)
            return _with_page(reply, _page(conn, principal, then_pull))
    with read_connection(engine) as conn:
        principal = accounts.authenticate(engine, token, conn)
    _coach(principal)
    if len(body.ops) > MAX_PUSH_OPS:
        raise ApiError(413, "too_many_ops", f"Send at most {MAX_PUSH_OPS} changes in one push.")
    reply = app.state.pushes.push(principal, body.ops)
    if then_pull is None:
        return to_json(reply)
    # After the commit, so the page holds what this push just wrote, as a pull sent after
    # the push's reply would.
    with read_connection(engine) as conn:
        return _with_page(reply, _page(conn, principal, then_pull))


def _with_page(reply: dict, page: bytes) -> bytes:
    """The push's reply with the pull's page as its ``pull`` member (the page is JSON already)."""
    encoded = to_json(reply)
    return encoded[:-1] + b',"pull":' + page + b"}"


@router.get(
    "/sync/pull",
    response_model=PullReply,
    tags=["sync"],
    openapi_extra={**PULL_PARAMETERS, **SIGNED_IN},
)
async def sync_pull(request: Request) -> Response:
    query = pull_query(request)
    token = bearer_token(request)
    body = await anyio.to_thread.run_sync(_pull, request.app.state.engine, token, query)
    return Response(body, media_type="application/json")


def _pull(engine: Engine, token: str | None, query: PullQuery) -> bytes:
    with read_connection(engine) as conn:
        principal = accounts.authenticate(engine, token, conn)
        _coach(principal)
        return _page(conn, principal, query)


def _page(conn: Connection, principal: Principal, query: PullQuery) -> bytes:
    cursor = query.cursor
    position = parse_cursor(cursor) if cursor is not None else legacy_cursor(query.since)
    return pull.pull_body(conn, principal, position, query.limit)


@router.get("/aggregates/{name}", response_model=AggregateReply, tags=["aggregates"])
def aggregates(
    name: Annotated[AggregateName, Path()],
    token: Token,
    engine: EngineDep,
    start: Annotated[date | None, Query(alias="from")] = None,
    end: Annotated[date | None, Query(alias="to")] = None,
) -> dict:
    principal = who(engine, token)
    return aggregate(engine, principal, name, start, end)


@router.get("/admin/users", response_model=AdminUsersReply, tags=["admin"])
def admin_users(token: Token, engine: EngineDep) -> dict:
    principal = who(engine, token)
    _admin(principal)
    with read_connection(engine) as conn:
        state = read_state(conn, principal.school_id)
    return {**state, "users": accounts.list_users(engine)}


@router.post("/admin/users/{user_id}/disable", response_model=ServerState, tags=["admin"])
def admin_disable(
    user_id: Annotated[str, Path(max_length=64)], token: Token, engine: EngineDep
) -> dict:
    principal = who(engine, token)
    _admin(principal)
    accounts.set_disabled(engine, user_id, True)
    with read_connection(engine) as conn:
        return read_state(conn, principal.school_id)


@router.get("/admin/devices", response_model=AdminDevicesReply, tags=["admin"])
def admin_devices(token: Token, engine: EngineDep) -> dict:
    principal = who(engine, token)
    _admin(principal)
    with read_connection(engine) as conn:
        state = read_state(conn, principal.school_id)
    return {**state, "devices": accounts.list_devices(engine)}


@router.post("/admin/devices/{device_id}/revoke", response_model=ServerState, tags=["admin"])
def admin_revoke(
    device_id: Annotated[str, Path(max_length=64)], token: Token, engine: EngineDep
) -> dict:
    principal = who(engine, token)
    _admin(principal)
    accounts.revoke_device(engine, device_id)
    with read_connection(engine) as conn:
        return read_state(conn, principal.school_id)


def _inviting_coach(principal: Principal) -> None:
    if principal.role != "coach":
        raise forbidden("Only coaches invite the teachers they share feedback with.")


@router.post("/invitations", response_model=InvitationReply, tags=["teachers"])
def invite_teacher(
    body: InvitationRequest, request: Request, token: Token, engine: EngineDep
) -> dict:
    """A one-time link and code with which a teacher of the caller's school sets a password."""
    principal = who(engine, token)
    _inviting_coach(principal)
    made = invitations.invite(
        engine,
        email=body.email,
        name=body.name,
        school_id=principal.school_id,
        created_by=principal.user_id,
        base_url=invitations.base_url_for(str(request.base_url)),
    )
    email_invitation(request, made, body.name, principal.school)
    return {
        "email": made.email,
        "link": made.link,
        "code": made.code,
        "expires_at": made.expires_at,
    }


@router.post("/teachers/status", response_model=TeacherStatusReply, tags=["teachers"])
def teachers_status(body: TeacherStatusRequest, token: Token, engine: EngineDep) -> dict:
    """Which of these emails have a teacher account at the caller's school, and its state."""
    principal = who(engine, token)
    _inviting_coach(principal)
    return {"accounts": invitations.teacher_status(engine, principal, body.emails)}


# -- blobs (images of student work) ---------------------------------------------------------

Sha256 = Annotated[str, Path(pattern="^[0-9a-f]{64}$", description="SHA-256 of the bytes, hex")]


def _blob_coach(principal: Principal) -> None:
    if principal.role != "coach":
        raise forbidden(
            "Only coaches send and receive images of student work; teachers, leaders and "
            "administrators never receive them."
        )


def _store(request: Request) -> BlobStore:
    return request.app.state.blobs


async def blob_chunk(request: Request) -> bytes:
    """The chunk's raw bytes (the body limit applies, as to every request)."""
    return await request.body()


@router.get("/blobs/{sha256}/status", response_model=BlobStatus, tags=["blobs"])
def blob_status(sha256: Sha256, request: Request, token: Token, engine: EngineDep) -> dict:
    """How much of this blob the server holds for the caller: whole (sent by this account
    before), or the bytes of the caller's own partial upload, to resume from."""
    principal = who(engine, token)
    _blob_coach(principal)
    held = blobs.holds(engine, principal, sha256)
    status = _store(request).status(sha256, principal.user_id, holds=held)
    if status.complete:
        blobs.renew(engine, sha256, utcnow())
    return status.as_reply()


@router.put("/blobs/{sha256}", response_model=BlobStatus, tags=["blobs"])
def blob_upload(
    sha256: Sha256,
    request: Request,
    token: Token,
    engine: EngineDep,
    body: Annotated[bytes, Depends(blob_chunk)],
    size: Annotated[int, Query(ge=0, le=2**62, description="The whole blob's size in bytes")],
    offset: Annotated[int, Query(ge=0, le=2**62, description="Where this chunk starts")] = 0,
) -> dict:
    """Appends one chunk at ``offset`` (which must equal what the server holds, else 409);
    the last chunk has the whole verified by its SHA-256 and stored (422 if it differs)."""
    principal = who(engine, token)
    _blob_coach(principal)
    held = blobs.holds(engine, principal, sha256)
    status = _store(request).append(sha256, principal.user_id, offset, size, body, holds=held)
    if status.complete:
        blobs.add_holder(engine, principal, sha256, utcnow())
        blobs.renew(engine, sha256, utcnow())
    return status.as_reply()


@router.get(
    "/blobs/{sha256}",
    tags=["blobs"],
    response_class=FileResponse,
    responses={200: {"content": {"image/jpeg": {}}}},
)
def blob_download(sha256: Sha256, request: Request, token: Token, engine: EngineDep) -> Response:
    """The blob's bytes, to a coach who may read a live record naming it; 404 otherwise
    (stored or not)."""
    with read_connection(engine) as conn:
        principal = who(engine, token, conn)
        _blob_coach(principal)
        allowed = blobs.may_fetch(conn, principal, sha256)
    store = _store(request)
    if not allowed or not store.has(sha256):
        raise not_found(
            "No image with this name that you may see is on the server (its record may be "
            "private to another coach, deleted, or its image not sent yet)."
        )
    return FileResponse(
        store.path(sha256),
        media_type="image/jpeg",
        headers={"Cache-Control": "private, max-age=31536000, immutable"},
    )


def create_app(
    engine: Engine,
    smtp: SmtpConfig | None = None,
    blob_dir: os.PathLike[str] | str | None = None,
    request_threads: int | None = None,
) -> FastAPI:
    """``smtp``: a mail server to email new invitations through (``serve --smtp-url``);
    without one nothing is sent anywhere. ``blob_dir``: where images of student work are
    kept (``serve --blob-dir``). ``request_threads``: how many requests run their
    (blocking) work at once in this process; the rest wait their turn (see
    :func:`observe.server.concurrency.bounded_threads`)."""
    app = FastAPI(
        lifespan=bounded_threads(request_threads) if request_threads else None,
        # FastAPI's OpenTelemetry can export to an endpoint named in the environment
        # (FASTAPI_OTEL_AUTO_CONFIGURE): student data goes to the configured database and
        # nowhere else, so it is off, and no request pays for asking whether it is on.
        telemetry=NO_TELEMETRY,
        title="Observe server",
        version=__version__,
        description="Sync, accounts and figures for Observe (protocol v1).",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.openapi = _openapi(app)  # type: ignore[method-assign]
    app.state.engine = engine
    app.state.pushes = GroupCommit(engine)
    app.state.mailer = Mailer(engine, smtp) if smtp is not None else None
    folder = blob_dir or os.environ.get(ENV_BLOB_DIR) or default_blob_dir(str(engine.url))
    app.state.blobs = BlobStore(pathlib.Path(folder))
    app.include_router(router)
    install_web(app)  # the web pages at /, beside the API
    http_errors.install(app)
    install_web_errors(app)  # pages, not JSON, for errors outside /v1
    # Level 4: most of level 9's saving on JSON at a fraction of the CPU (pull pages are big).
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=4)
    app.add_middleware(http_errors.BodyLimit, limit=MAX_BODY_BYTES)
    return app


def app_from_environment() -> FastAPI:
    """Factory for uvicorn workers: the CLI passes the database URL in the environment."""
    url = os.environ.get(ENV_DATABASE_URL)
    if not url:
        raise RuntimeError(f"{ENV_DATABASE_URL} is not set; start the server with observe-server")
    pool = int(os.environ.get(ENV_POOL_SIZE, str(DEFAULT_POOL_SIZE)))
    # As many requests at work as connections kept: none has to open a connection of its
    # own. The overflow is for the rare request that needs a second one (a device's
    # last-seen time written beside its read), so it can never wait on itself.
    app = create_app(
        make_engine(url, pool_size=pool, max_overflow=pool),
        smtp=config_from_environment(),
        request_threads=pool,
    )
    settle_heap()
    return app


def settle_heap() -> None:
    """Moves everything made at start (modules, the app, its schemas: most of the heap) out of
    the garbage collector's sight for good.

    A 500-op push allocates thousands of containers, so every few pushes the collector's full
    pass ran, and each walked the whole start-up heap for nothing (~55 ms a pass, a tenth of a
    stream of pushes' time). Frozen objects are never freed, which is right for what lives as
    long as the process; what requests create is collected as before."""
    gc.collect()
    gc.freeze()
