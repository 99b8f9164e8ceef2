"""``/teacher``: what coaches shared with this teacher, each sheet as a page and a PDF, each
coaching cycle as a page (goal, steps, the measure before → after), and the teacher's
reflection on each.

Everything read comes through ``observe.server.teacher_view`` (only the published copy of
sheets shared with this teacher); the reflection is written through the server's push code.
A sheet or cycle that does not exist, is not shared, or is another teacher's (or is of the
other kind) gets the same "no such page" answer, so an address says nothing about what lies
behind it.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import Response

from observe.server import teacher_view
from observe.server.accounts import principal_of
from observe.server.errors import ApiError
from observe.server.readers import MAX_REFLECTION_CHARS
from observe.server.web import sessions
from observe.server.web.auth import STALE_FORM, current, engine, forget, gate
from observe.server.web.cycle import cycle_of, listed_cycle
from observe.server.web.i18n import N_, _
from observe.server.web.render import go, page, refusal
from observe.server.web.sessions import WebSession
from observe.server.web.sheet import listed_of, long_date, sheet_of
from observe.server.web.sheet_pdf import sheet_pdf, sheet_pdf_name

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
TEACHERS = ("teacher",)
Id = Annotated[str, Path(max_length=64)]
Text = Annotated[str, Form(max_length=200_000)]
Field = Annotated[str, Form(max_length=1000)]

FEEDBACK, CYCLE = "feedback", "coaching_cycle"
NO_SUCH_PAGE = N_("There is no such page on this server; check the address or go home.")
SAVED = N_("Saved. Your coach will see it after their next sync.")


def _signed_out() -> str:
    minutes = int(sessions.idle_limit().total_seconds() // 60)
    return _(
        "You were signed out (after {minutes} minutes without activity, or from another "
        "browser), so your reflection was not saved. Sign in again and paste it back in."
    ).format(minutes=minutes)


@router.get("/teacher")
def shared_list(request: Request) -> Response:
    session = gate(request, TEACHERS)
    if isinstance(session, Response):
        return session
    with engine(request).connect() as conn:
        items = teacher_view.shared_summaries(conn, session.principal)
        reflected = teacher_view.reflected_on(conn, session.principal)
    rows = [
        {
            "sheet": listed_of(item) if item.kind == FEEDBACK else None,
            "cycle": listed_cycle(item) if item.kind == CYCLE else None,
            "reflected": item.record_id in reflected,
        }
        for item in items
    ]
    notice = {
        "welcome": _("Your password is set and you are signed in."),
        "password": _("Your password is changed. Other browsers signed in as you were signed out."),
    }.get(request.query_params.get("done", ""))
    return page(
        request, "teacher_list.html", session, title=_("Shared with you"), rows=rows, notice=notice
    )


def _shared_page(
    request: Request,
    session: WebSession,
    record_id: str,
    kind: str,
    *,
    draft: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> Response:
    """A sheet or a cycle shared with this teacher, with their reflection box under it; the
    same "no such page" for anything else, whatever it is."""
    with engine(request).connect() as conn:
        item = teacher_view.shared_item(conn, session.principal, record_id, kind)
        mine = teacher_view.reflections_on(conn, session.principal, record_id) if item else []
    if item is None:
        return refusal(request, session, _(NO_SUCH_PAGE), 404)
    if kind == FEEDBACK:
        sheet = sheet_of(item)
        template = "teacher_sheet.html"
        title = _("Feedback from {coach}, {day}").format(
            coach=sheet.coach_name, day=sheet.visit_date
        )
        shown: dict[str, object] = {"sheet": sheet}
    else:
        cycle = cycle_of(item)
        template = "teacher_cycle.html"
        title = _("Coaching cycle with {coach}: {focus}").format(
            coach=cycle.coach_name, focus=cycle.focus
        )
        shown = {"cycle": cycle}
    return page(
        request,
        template,
        session,
        status=status,
        title=title,
        **shown,
        **_reflection_box(request, mine, draft, error),
    )


def _reflection_box(
    request: Request,
    mine: list[teacher_view.ReflectionView],
    draft: str | None,
    error: str | None,
) -> dict[str, object]:
    """What the reflection form under a sheet or a cycle shows: the teacher's latest words (or
    the words just refused), when they last saved, and the outcome of the last save."""
    latest = mine[-1] if mine else None
    return dict(
        reflection=draft if draft is not None else (latest.text if latest else ""),
        reflection_id=latest.id if latest else "",
        reflected_on=long_date(latest.updated_at.isoformat()) if latest else "",
        max_chars=MAX_REFLECTION_CHARS,
        reflection_error=error,
        saved=_(SAVED) if request.query_params.get("done") == "saved" else None,
    )


@router.get("/teacher/cycle/{record_id}")
def cycle_page(request: Request, record_id: Id) -> Response:
    session = gate(request, TEACHERS)
    if isinstance(session, Response):
        return session
    return _shared_page(request, session, record_id, CYCLE)


def _locale(request: Request) -> str | None:
    """The reader's first language tag ("en-US"), which picks Letter or A4 paper."""
    first = request.headers.get("accept-language", "").split(",")[0].split(";")[0].strip()
    return first if 0 < len(first) <= 35 else None


@router.get("/teacher/sheet/{record_id}.pdf")
def sheet_as_pdf(request: Request, record_id: Id) -> Response:
    session = gate(request, TEACHERS)
    if isinstance(session, Response):
        return session
    with engine(request).connect() as conn:
        item = teacher_view.shared_item(conn, session.principal, record_id, FEEDBACK)
    if item is None:
        return refusal(request, session, _(NO_SUCH_PAGE), 404)
    sheet = sheet_of(item)
    return Response(
        sheet_pdf(sheet, _locale(request)),
        media_type="application/pdf",
        headers={
            "content-disposition": f'attachment; filename="{sheet_pdf_name(sheet)}"',
            "cache-control": "no-store",
        },
    )


@router.get("/teacher/sheet/{record_id}")
def sheet_page(request: Request, record_id: Id) -> Response:
    session = gate(request, TEACHERS)
    if isinstance(session, Response):
        return session
    return _shared_page(request, session, record_id, FEEDBACK)


@router.post("/teacher/sheet/{record_id}/reflection")
def save_reflection(
    request: Request,
    record_id: Id,
    text: Text = "",
    reflection_id: Field = "",
    csrf: Field = "",
) -> Response:
    return _save_reflection(request, FEEDBACK, record_id, text, reflection_id, csrf)


@router.post("/teacher/cycle/{record_id}/reflection")
def save_cycle_reflection(
    request: Request,
    record_id: Id,
    text: Text = "",
    reflection_id: Field = "",
    csrf: Field = "",
) -> Response:
    return _save_reflection(request, CYCLE, record_id, text, reflection_id, csrf)


def _save_reflection(
    request: Request, kind: str, record_id: str, text: str, reflection_id: str, csrf: str
) -> Response:
    """One rule for both boxes: saved through the push path, or refused with the words given
    back (signed out, a stale form, something no longer shared)."""
    found = current(request)
    if found is None and text.strip():
        # Signed out while writing (idle long enough): keep their words on screen.
        response = refusal(request, None, _signed_out(), 401, kept=text)
        forget(response, request)
        return response
    session = gate(request, TEACHERS, csrf, posted=True)
    if isinstance(session, Response):
        if found is not None and found.principal.role in TEACHERS:
            # A teacher's own form whose token no longer matches: refuse, but give back the words.
            return refusal(request, found, _(STALE_FORM), 403, kept=text)
        return session
    with engine(request).connect() as conn:
        item = teacher_view.shared_item(conn, session.principal, record_id, kind)
        # The web pages count as one device of the teacher's, with a stable id.
        principal = principal_of(conn, session.principal.user_id)
    if item is None:
        # The same page as for any address that leads nowhere, with the words given back:
        # they are the teacher's own, so showing them says nothing about the sheet or cycle.
        return refusal(request, session, _(NO_SUCH_PAGE), 404, kept=text)
    try:
        teacher_view.write_reflection(
            engine(request),
            principal,
            kind,
            item.record_id,
            text,
            reflection_id=reflection_id or None,
        )
    except ApiError as exc:
        return _shared_page(
            request, session, record_id, kind, draft=text, error=exc.sentence, status=exc.status
        )
    log.info("teacher %s saved a reflection on %s", principal.user_id, item.record_id)
    where = "sheet" if kind == FEEDBACK else "cycle"
    return go(f"/teacher/{where}/{item.record_id}?done=saved#reflection")
