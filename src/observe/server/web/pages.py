"""Signing in and out, changing one's password, and each role's home at ``/``."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from sqlalchemy import select, update

from observe.i18n import LANGUAGES
from observe.server import login
from observe.server.accounts import MIN_PASSWORD_LENGTH, hash_password
from observe.server.errors import ApiError
from observe.server.schema import account
from observe.server.web import sessions
from observe.server.web.auth import (
    STALE_FORM,
    current,
    engine,
    forget,
    form_token,
    gate,
    keep_form_token,
    sign_in_to,
)
from observe.server.web.i18n import COOKIE as LANGUAGE_COOKIE
from observe.server.web.i18n import N_, _
from observe.server.web.render import HOMES, go, page, refusal

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

NOTICES = {
    "signed-out": N_("You are signed out."),
    "password": N_("Your password is changed. Other browsers signed in as you were signed out."),
}

Field = Annotated[str, Form(max_length=1000)]


def _notice(request: Request) -> str | None:
    found = NOTICES.get(request.query_params.get("done", ""))
    return _(found) if found else None


def _signin_page(request: Request, *, error: str | None = None, status: int = 200) -> Response:
    token = form_token(request)
    response = page(
        request,
        "signin.html",
        None,
        status=status,
        title=_("Sign in"),
        signin_csrf=token,
        error=error,
        notice=_notice(request),
    )
    keep_form_token(response, request, token)
    return response


@router.get("/")
def home(request: Request) -> Response:
    session = current(request)
    if session is None:
        response = _signin_page(request)
        if request.cookies.get(sessions.COOKIE):
            forget(response, request)
        return response
    target = HOMES.get(session.principal.role)
    if target:
        return go(target)
    return page(
        request,
        "home.html",
        session,
        title=_("Signed in"),
        notice=_notice(request),
    )


@router.post("/")
def sign_in(
    request: Request, email: Field = "", password: Field = "", csrf: Field = ""
) -> Response:
    if not sessions.same(request.cookies.get(sessions.PRE_COOKIE), csrf):
        return _signin_page(request, error=sessions_stale(), status=403)
    if not email.strip() or not password:
        return _signin_page(request, error=_("Enter your email and your password."), status=422)
    address = request.client.host if request.client else "unknown"
    try:
        principal = login.check_password(
            engine(request), email=email, password=password, client_address=address
        )
    except ApiError as exc:
        return _signin_page(request, error=exc.sentence, status=exc.status)
    response, started = sign_in_to(request, principal, "/")  # replaces the browser's session
    log.info("user %s signed in to the web pages (session %s)", principal.user_id, started.id)
    return response


def sessions_stale() -> str:
    return _(
        "This sign-in form has expired or did not come from this site. "
        "Try again: the form is fresh now."
    )


@router.get("/language")
def choose_language(request: Request, to: str = "", next: str = "/") -> Response:
    """The language links at the foot of every page: the choice is kept in a cookie (it
    changes only how pages read, so a plain link may set it) and the reader goes back to the
    page they were on, on this site only."""
    local = next.startswith("/") and not next.startswith("//") and "\\" not in next
    response = go(next if local else "/")
    if to in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            to,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
            path="/",
        )
    return response


@router.post("/signout")
def sign_out(request: Request, csrf: Field = "") -> Response:
    session = current(request)
    if session is None:
        response = go("/")
        forget(response, request)
        return response
    if not sessions.same(session.csrf, csrf):
        return refusal(request, session, _(STALE_FORM), 403)
    sessions.end(engine(request), session.id)
    log.info("web session %s signed out", session.id)
    response = go("/?done=signed-out")
    forget(response, request)
    return response


ANYONE = ("coach", "leader", "admin", "teacher")


@router.get("/password")
def password_form(request: Request) -> Response:
    session = gate(request, ANYONE)
    if isinstance(session, Response):
        return session
    return page(request, "password.html", session, title=_("Change your password"))


@router.post("/password")
def change_password(
    request: Request,
    current_password: Field = "",
    new_password: Field = "",
    confirm: Field = "",
    csrf: Field = "",
) -> Response:
    session = gate(request, ANYONE, csrf, posted=True)
    if isinstance(session, Response):
        return session

    def again(sentence: str, status: int) -> Response:
        return page(
            request, "password.html", session, title=_("Change your password"), error=sentence,
            status=status,
        )  # fmt: skip

    if len(new_password) < MIN_PASSWORD_LENGTH:
        return again(
            _("The new password needs at least {count} characters.").format(
                count=MIN_PASSWORD_LENGTH
            ),
            422,
        )
    if new_password != confirm:
        return again(_("The two new passwords are not the same; type them again."), 422)
    address = request.client.host if request.client else "unknown"
    try:
        login.check_password(
            engine(request),
            email=session.principal.email,
            password=current_password,
            client_address=address,
        )
    except ApiError as exc:
        if exc.code == "bad_credentials":
            return again(_("Your current password is not right; nothing was changed."), 401)
        return again(exc.sentence, exc.status)
    with engine(request).connect().execution_options(immediate=True) as conn, conn.begin():
        still = conn.execute(
            select(account.c.id).where(account.c.id == session.principal.user_id)
        ).scalar()
        if still:
            conn.execute(
                update(account)
                .where(account.c.id == session.principal.user_id)
                .values(password_hash=hash_password(new_password))
            )
    sessions.end_others(engine(request), session.principal.user_id, keep=session.id)
    log.info("user %s changed their password on the web pages", session.principal.user_id)
    target = HOMES.get(session.principal.role, "/")
    return go(f"{target}?done=password")
