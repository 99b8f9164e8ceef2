"""Reading a sync request (body, query, token) by hand, with the answers FastAPI would give.

The two sync endpoints are what every device calls every few seconds, so they take the bare
request instead of FastAPI's dependencies (a fifth of the server's CPU for a sync under 200
devices' load); the checks here keep their 422s, 401s and OpenAPI entries the same.
"""

from __future__ import annotations

import json

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.security.utils import get_authorization_scheme_param
from pydantic import BaseModel, Field, ValidationError

from observe.protocol import DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT, PushRequest
from observe.server.cursor import MAX_SEQ
from observe.server.cursor import parse as parse_cursor


async def push_request(request: Request) -> PushRequest:
    """The push body, parsed and checked by pydantic-core in one pass.

    FastAPI's own body handling parses with ``json`` and then validates the objects built:
    twice the work, on the largest request the server gets. JSON that pydantic-core refuses
    but the standard library reads (escaped lone surrogates, NaN) is read the old way, so that
    each op in it is still judged on its own (``push._storable``) instead of the whole push
    failing."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media and media != "application/json" and not media.endswith("+json"):
        raise refused("model_type", "Input should be JSON (Content-Type: application/json)")
    body = await request.body()
    if not body:
        raise refused("missing", "Field required")
    try:
        return PushRequest.model_validate_json(body)
    except ValidationError as exc:
        if not any(e["type"] == "json_invalid" for e in exc.errors()):
            raise invalid(exc) from exc
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RequestValidationError([{"type": "json_invalid", "loc": ("body",)}]) from exc
    try:
        return PushRequest.model_validate(data)
    except ValidationError as exc:
        raise invalid(exc) from exc


def refused(kind: str, message: str) -> RequestValidationError:
    return RequestValidationError([{"type": kind, "loc": ("body",), "msg": message}])


def invalid(exc: ValidationError, where: str = "body") -> RequestValidationError:
    """pydantic's errors as FastAPI reports them, located in the body or the query."""
    return RequestValidationError(
        [{**e, "loc": (where, *e["loc"])} for e in exc.errors(include_url=False)]
    )


class PullQuery(BaseModel):
    """The pull's query parameters, checked as FastAPI would check them (same 422s)."""

    since: int = Field(0, ge=0, le=MAX_SEQ)
    limit: int = Field(DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT)
    cursor: str | None = Field(
        None,
        max_length=4096,
        description="The next_cursor of the last page (opaque); takes over from since.",
    )


class ThenPullQuery(PullQuery):
    """A push's query: ``then_pull`` asks for the pull's first page in the same reply."""

    then_pull: bool = Field(
        False,
        description="Reply with the pull's first page from since/cursor as well, as `pull`.",
    )


def pull_query(request: Request) -> PullQuery:
    try:
        return PullQuery.model_validate(dict(request.query_params))
    except ValidationError as exc:
        raise invalid(exc, "query") from exc


def then_pull_of(request: Request) -> PullQuery | None:
    """The pull asked for beside a push, or None. A bad position or limit is refused before
    the push is applied, so a 422 never hides a push that went in."""
    if "then_pull" not in request.query_params:  # a push alone, as before (the rest ignored)
        return None
    try:
        query = ThenPullQuery.model_validate(dict(request.query_params))
        if query.then_pull and query.cursor is not None:
            parse_cursor(query.cursor)
    except ValidationError as exc:
        raise invalid(exc, "query") from exc
    return query if query.then_pull else None


def bearer_token(request: Request) -> str | None:
    """The token as ``HTTPBearer(auto_error=False)`` reads it: None unless "Bearer <token>"."""
    scheme, token = get_authorization_scheme_param(request.headers.get("Authorization"))
    return token if scheme.lower() == "bearer" and token else None


SIGNED_IN = {"security": [{"HTTPBearer": []}]}
"""The two sync endpoints read their token themselves; the document still says they need one."""


def _query_parameters(model: type[BaseModel]) -> dict:
    return {
        "parameters": [
            {"name": name, "in": "query", "required": False, "schema": schema}
            for name, schema in model.model_json_schema()["properties"].items()
        ]
    }


PULL_PARAMETERS = _query_parameters(PullQuery)
THEN_PULL_PARAMETERS = _query_parameters(ThenPullQuery)
