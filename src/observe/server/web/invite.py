"""``/invite/{token}`` and ``/invite``: an invited teacher sets their password, by the link
or by typing the short code, and is signed in.

Nobody is signed in yet, so the forms carry the sign-in page's double-submitted token (a
cookie and a field that must match). The link's token or the typed code travels in a hidden
field to the password form; ``observe.server.invitations`` checks it again on every step, with
its own sentences and its server-wide limit on wrong codes.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import Response

from observe.server import invitations
from observe.server.accounts import MIN_PASSWORD_LENGTH, principal_of
from observe.server.errors import ApiError
from observe.server.web import sessions
from observe.server.web.auth import current, engine, form_token, keep_form_token, sign_in_to
from observe.server.web.i18n import N_, _
from observe.server.web.render import page

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

Field = Annotated[str, Form(max_length=1000)]
Token = Annotated[str, Path(max_length=200)]

STALE = N_(
    "This form has expired or did not come from this site. Nothing was changed: "
    "the form is fresh now, try again."
)


def _render(
    request: Request, template: str, *, status: int = 200, title: str, **values: object
) -> Response:
    token = form_token(request)
    response = page(
        request, template, current(request), status=status, title=title, form_csrf=token,
        **values,
    )  # fmt: skip
    keep_form_token(response, request, token)
    return response


def _code_page(request: Request, *, error: str | None = None, status: int = 200) -> Response:
    return _render(
        request, "invite_code.html", status=status, title=_("Set your password"), error=error
    )


def _password_page(
    request: Request,
    invitation: str,
    email: str,
    name: str,
    *,
    error: str | None = None,
    status: int = 200,
) -> Response:
    return _render(
        request,
        "invite_password.html",
        status=status,
        title=_("Set your password"),
        invitation=invitation,
        invited_email=email,
        invited_name=name,
        min_length=MIN_PASSWORD_LENGTH,
        error=error,
    )


def _refused(request: Request, exc: ApiError) -> Response:
    """The invitation can't be used: say why, and offer the code form and sign-in."""
    return _render(
        request,
        "invite_refused.html",
        status=exc.status,
        title=_("This invitation cannot be used"),
        error=exc.sentence,
    )


@router.get("/invite")
def code_form(request: Request) -> Response:
    return _code_page(request)


@router.post("/invite")
def code_given(request: Request, code: Field = "", csrf: Field = "") -> Response:
    if not sessions.same(request.cookies.get(sessions.PRE_COOKIE), csrf):
        return _code_page(request, error=_(STALE), status=403)
    if invitations.normalize_code(code) is None:
        sentence = _(
            "Type the 8-character code from your invitation, like K7QX-3M9P "
            "(letters and digits; the dash is optional)."
        )
        return _code_page(request, error=sentence, status=422)
    try:
        email, name = invitations.check(engine(request), code)
    except ApiError as exc:
        return _code_page(request, error=exc.sentence, status=exc.status)
    return _password_page(request, code, email, name)


@router.get("/invite/{token}")
def link_opened(request: Request, token: Token) -> Response:
    try:
        email, name = invitations.check(engine(request), token)
    except ApiError as exc:
        return _refused(request, exc)
    return _password_page(request, token, email, name)


@router.post("/invite/password")
def set_password(
    request: Request,
    invitation: Field = "",
    password: Field = "",
    confirm: Field = "",
    csrf: Field = "",
) -> Response:
    try:
        email, name = invitations.check(engine(request), invitation)
    except ApiError as exc:
        return _refused(request, exc)
    if not sessions.same(request.cookies.get(sessions.PRE_COOKIE), csrf):
        return _password_page(request, invitation, email, name, error=_(STALE), status=403)
    if len(password) < MIN_PASSWORD_LENGTH:
        sentence = _("Choose a password of at least {count} characters.").format(
            count=MIN_PASSWORD_LENGTH
        )
        return _password_page(request, invitation, email, name, error=sentence, status=422)
    if password != confirm:
        sentence = _("The two passwords are not the same; type them again.")
        return _password_page(request, invitation, email, name, error=sentence, status=422)
    try:
        account_id = invitations.accept(
            engine(request), token_or_code=invitation, password=password
        )
    except ApiError as exc:
        if exc.status == 422:
            return _password_page(request, invitation, email, name, error=exc.sentence, status=422)
        return _refused(request, exc)
    with engine(request).connect() as conn:
        principal = principal_of(conn, account_id)
    # Whoever else was signed in on this browser is not any more.
    response, started = sign_in_to(request, principal, "/teacher?done=welcome")
    log.info("user %s set their password from an invitation (session %s)", account_id, started.id)
    return response
