"""The server's web pages: sign in, change password, an invited teacher's password, what was
shared with a teacher and their reflections, the leader's figures, the admin's users and devices.
Server-rendered HTML (Jinja2), one CSS file, no JavaScript.

Mounted at ``/`` beside the API (``/v1``), in the same app and process, so a page and an API
call see the same database and the same rules.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from observe.protocol import API_PREFIX
from observe.server.web import admin, invite, leader, pages, teacher
from observe.server.web.auth import current
from observe.server.web.i18n import N_, WebLanguage, _
from observe.server.web.render import STATIC, SecurityHeaders, refusal


def install(app: FastAPI) -> None:
    app.include_router(pages.router)
    app.include_router(leader.router)
    app.include_router(admin.router)
    app.include_router(invite.router)
    app.include_router(teacher.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(WebLanguage)


def install_errors(app: FastAPI) -> None:
    """Errors on the web pages as pages with a sentence; the API keeps its JSON errors.

    Call after ``observe.server.http_errors.install``, whose handlers stay in charge of /v1.
    """
    api_http = app.exception_handlers[StarletteHTTPException]
    api_invalid = app.exception_handlers[RequestValidationError]

    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request):
            return await api_http(request, exc)
        sentence = {
            404: N_("There is no such page on this server; check the address or go home."),
            405: N_("This page cannot be used that way; go back and use its buttons."),
        }.get(exc.status_code, N_("The server could not do that; go back and try again."))
        return refusal(request, current(request), _(sentence), exc.status_code)

    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return await api_invalid(request, exc)
        sentence = _("Something typed in the form is too long or not valid; nothing was changed.")
        return refusal(request, current(request), sentence, 422)

    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid)  # type: ignore[arg-type]


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX + "/") or request.url.path == API_PREFIX
