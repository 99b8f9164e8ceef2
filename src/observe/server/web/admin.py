"""``/admin``: users and devices, as the ``observe-server user``/``device`` commands manage
them. Administrators see accounts and devices only, never a record."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import Response

from observe.errors import UsageError
from observe.server import accounts, invitations
from observe.server.errors import ApiError
from observe.server.mail import SENDING, SENT, email_invitation, email_outcomes
from observe.server.web.auth import engine, gate
from observe.server.web.i18n import N_, _
from observe.server.web.render import go, page

router = APIRouter(include_in_schema=False)
ADMINS = ("admin",)
Field = Annotated[str, Form(max_length=1000)]
Id = Annotated[str, Path(max_length=64)]

DONE = {
    "added": N_("The user is added. Give them their email and the password you chose."),
    "disabled": N_("The user is disabled: they are signed out everywhere from their next request."),
    "enabled": N_("The user is enabled again."),
    "revoked": N_("The device is revoked: it must sign in again to sync."),
    "password": N_("Your password is changed."),
}


def _outcome(email: str, status: str) -> str:
    if status == SENT:
        return _("The invitation email to {email} was sent.").format(email=email)
    if status == SENDING:
        return _("The invitation email to {email} is being sent.").format(email=email)
    return status  # why it was not sent, as the mail server's answer was put


def _page(request: Request, session: object, *, error: str | None = None,
          status: int = 200, form: dict[str, str] | None = None,
          invite_form: dict[str, str] | None = None,
          invited: invitations.Invitation | None = None,
          emailed: bool = False) -> Response:  # fmt: skip
    return page(
        request,
        "admin.html",
        session,  # type: ignore[arg-type]
        title=_("Users and devices"),
        users=accounts.list_users(engine(request)),
        devices=accounts.list_devices(engine(request)),
        roles=accounts.ROLES,
        form=form or {"email": "", "name": "", "role": "coach", "school": ""},
        invite_form=invite_form or {"email": "", "name": "", "school": ""},
        invited=invited,
        emailed=emailed,
        mailing=getattr(request.app.state, "mailer", None) is not None,
        emails=[
            (email, _outcome(email, status)) for email, status in email_outcomes(engine(request))
        ],
        error=error,
        status=status,
        notice=_(DONE[done]) if (done := request.query_params.get("done", "")) in DONE else None,
    )


@router.get("/admin")
def admin_home(request: Request) -> Response:
    session = gate(request, ADMINS)
    if isinstance(session, Response):
        return session
    return _page(request, session)


@router.post("/admin/users")
def add_user(
    request: Request,
    email: Field = "",
    name: Field = "",
    role: Field = "",
    school: Field = "",
    password: Field = "",
    csrf: Field = "",
) -> Response:
    session = gate(request, ADMINS, csrf, posted=True)
    if isinstance(session, Response):
        return session
    form = {"email": email, "name": name, "role": role, "school": school}
    try:
        accounts.add_user(
            engine(request),
            email=email,
            name=name,
            role=role,
            school_name=school or session.principal.school,
            password=password,
        )
    except UsageError as exc:
        sentence = str(exc).replace(" with --name", "").replace(" with --school", "")
        return _page(request, session, error=sentence, status=422, form=form)
    return go("/admin?done=added")


@router.post("/admin/invitations")
def invite_teacher(
    request: Request,
    email: Field = "",
    name: Field = "",
    school: Field = "",
    csrf: Field = "",
) -> Response:
    """As ``observe-server user invite``: a one-time link and code for a teacher to set their
    password, shown here once (only their hashes are stored) for the admin to pass on."""
    session = gate(request, ADMINS, csrf, posted=True)
    if isinstance(session, Response):
        return session
    form = {"email": email, "name": name, "school": school}
    where = school.strip() or session.principal.school
    try:
        with engine(request).connect().execution_options(immediate=True) as conn, conn.begin():
            school_id = accounts.school_id_of(conn, where)
        made = invitations.invite(
            engine(request),
            email=email,
            name=name,
            school_id=school_id,
            created_by=session.principal.user_id,
            base_url=invitations.base_url_for(str(request.base_url)),
        )
    except ApiError as exc:
        return _page(request, session, error=exc.sentence, status=exc.status, invite_form=form)
    except UsageError as exc:
        return _page(request, session, error=str(exc), status=422, invite_form=form)
    emailed = email_invitation(request, made, name.strip(), where)
    return _page(request, session, invited=made, emailed=emailed)


def _switch(request: Request, user_id: str, csrf: str, disabled: bool) -> Response:
    session = gate(request, ADMINS, csrf, posted=True)
    if isinstance(session, Response):
        return session
    if disabled and user_id == session.principal.user_id:
        return _page(request, session, error=_("You cannot disable your own account."), status=409)
    try:
        accounts.set_disabled(engine(request), user_id, disabled)
    except ApiError as exc:
        return _page(request, session, error=exc.sentence, status=exc.status)
    return go(f"/admin?done={'disabled' if disabled else 'enabled'}")


@router.post("/admin/users/{user_id}/disable")
def disable(request: Request, user_id: Id, csrf: Field = "") -> Response:
    return _switch(request, user_id, csrf, True)


@router.post("/admin/users/{user_id}/enable")
def enable(request: Request, user_id: Id, csrf: Field = "") -> Response:
    return _switch(request, user_id, csrf, False)


@router.post("/admin/devices/{device_id}/revoke")
def revoke(request: Request, device_id: Id, csrf: Field = "") -> Response:
    session = gate(request, ADMINS, csrf, posted=True)
    if isinstance(session, Response):
        return session
    try:
        accounts.revoke_device(engine(request), device_id)
    except ApiError as exc:
        return _page(request, session, error=exc.sentence, status=exc.status)
    return go("/admin?done=revoked")
