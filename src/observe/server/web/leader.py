"""``/leader``: the school's figures for its leaders, with a CSV per figure."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from observe.server.errors import ApiError
from observe.server.web.auth import engine, gate
from observe.server.web.figures import TITLES, as_csv, school_figures
from observe.server.web.i18n import _
from observe.server.web.render import page, refusal

router = APIRouter(include_in_schema=False)
LEADERS = ("leader",)


def _dates(request: Request, csv: bool = False) -> tuple[date | None, date | None, str | None]:
    """The range asked for; a date that does not read as one gets a sentence, not a guess
    (the page then shows all dates; a CSV is refused)."""
    found: list[date | None] = []
    for key, label in (("from", _("From")), ("to", _("To"))):
        text = request.query_params.get(key, "").strip()
        if not text:
            found.append(None)
            continue
        try:
            found.append(date.fromisoformat(text))
        except ValueError:
            sentence = (
                _("“{field}” should be a date like 2026-09-01; fix it.")
                if csv
                else _("“{field}” should be a date like 2026-09-01; showing all dates.")
            )
            return None, None, sentence.format(field=label)
    start, end = found
    if start and end and start > end:
        if csv:
            return None, None, _("The “From” date is after the “To” date; fix it.")
        return None, None, _("The “From” date is after the “To” date; showing all dates.")
    return start, end, None


@router.get("/leader")
def leader_home(request: Request) -> Response:
    session = gate(request, LEADERS)
    if isinstance(session, Response):
        return session
    start, end, problem = _dates(request)
    try:
        figures = school_figures(engine(request), session.principal, start, end)
    except ApiError as exc:
        return refusal(request, session, exc.sentence, exc.status)
    query = "&".join(f"{k}={d.isoformat()}" for k, d in (("from", start), ("to", end)) if d)
    return page(
        request,
        "leader.html",
        session,
        title=_("{school}: coaching figures").format(school=session.principal.school),
        figures=figures,
        start=start.isoformat() if start else "",
        end=end.isoformat() if end else "",
        query=f"?{query}" if query else "",
        error=problem,
        notice=_("Your password is changed.")
        if request.query_params.get("done") == "password"
        else None,
    )


@router.get("/leader/{name}.csv")
def leader_csv(request: Request, name: str) -> Response:
    session = gate(request, LEADERS)
    if isinstance(session, Response):
        return session
    if name not in TITLES:
        return refusal(request, session, _("There is no such figure; go back to the figures."), 404)
    start, end, problem = _dates(request, csv=True)
    if problem:
        return refusal(request, session, problem, 422)
    figures = {f.name: f for f in school_figures(engine(request), session.principal, start, end)}
    span = f"-{start or 'start'}-to-{end or 'now'}" if start or end else ""
    return Response(
        as_csv(figures[name]),
        media_type="text/csv; charset=utf-8",
        headers={
            "content-disposition": f'attachment; filename="{name}{span}.csv"',
            "cache-control": "no-store",
        },
    )
