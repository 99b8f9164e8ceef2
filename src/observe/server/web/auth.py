"""Who is at the browser: the session cookie, the form token, and the role a page needs."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy import Engine

from observe.server.accounts import Principal
from observe.server.web import sessions
from observe.server.web.i18n import N_, _
from observe.server.web.render import go, refusal
from observe.server.web.sessions import WebSession

STALE_FORM = N_(
    "This form has expired or did not come from this site. Nothing was changed: "
    "reload the page and try again."
)


def engine(request: Request) -> Engine:
    return request.app.state.engine


def current(request: Request) -> WebSession | None:
    return sessions.find(engine(request), request.cookies.get(sessions.COOKIE))


def secure(request: Request) -> bool:
    return request.url.scheme == "https"


def set_session_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(
        sessions.COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=secure(request),
        path="/",
    )


def form_token(request: Request) -> str:
    """The token of a form shown before anyone is signed in (sign-in, invitation): the
    browser's own if it has a sound one, else a new one. Checked against the cookie that
    :func:`keep_form_token` sets (double submit)."""
    token = request.cookies.get(sessions.PRE_COOKIE) or ""
    return token if 20 <= len(token) <= 100 else sessions.new_token()


def keep_form_token(response: Response, request: Request, token: str) -> None:
    response.set_cookie(
        sessions.PRE_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=secure(request),
        path="/",
        max_age=3600,
    )


def sign_in_to(
    request: Request, principal: Principal, path: str
) -> tuple[Response, sessions.WebSession]:
    """Starts a web session for ``principal`` on this browser (ending whoever's was there)
    and sends it on to ``path``; the pre-sign-in form token is no longer needed."""
    earlier = current(request)
    if earlier is not None:
        sessions.end(engine(request), earlier.id)
    token, started = sessions.start(engine(request), principal)
    response: Response = go(path)
    set_session_cookie(response, request, token)
    response.delete_cookie(
        sessions.PRE_COOKIE, path="/", httponly=True, samesite="strict", secure=secure(request)
    )
    return response, started


def forget(response: Response, request: Request) -> None:
    response.delete_cookie(
        sessions.COOKIE, path="/", httponly=True, samesite="strict", secure=secure(request)
    )


def gate(
    request: Request, roles: tuple[str, ...], csrf: str | None = None, *, posted: bool = False
) -> WebSession | Response:
    """The session if its person may use this page (and, for a POST, the form is ours);
    otherwise the response to send instead: sign in, or a sentence saying why not."""
    session = current(request)
    if session is None:
        response: Response = go("/")
        if request.cookies.get(sessions.COOKIE):
            forget(response, request)
        return response
    if session.principal.role not in roles:
        return refusal(request, session, _not_for(roles), 403)
    if posted and not sessions.same(session.csrf, csrf):
        return refusal(request, session, _(STALE_FORM), 403)
    return session


def _not_for(roles: tuple[str, ...]) -> str:
    names = {
        "leader": _("school leaders"),
        "admin": _("administrators"),
        "coach": _("coaches"),
        "teacher": _("teachers"),
    }
    return _("This page is for {people}; your account cannot open it.").format(
        people=_(" and ").join(names.get(r, r) for r in roles)
    )
