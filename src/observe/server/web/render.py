"""Pages from the package's Jinja2 templates, and the headers every web page carries.

Templates autoescape everything; nothing a person typed is ever marked safe. The headers keep
the pages from being framed, sniffed or running any script, inline or not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from observe import __version__
from observe.protocol import API_PREFIX
from observe.server.web.i18n import _, html_lang, ngettext, switch_links
from observe.server.web.sessions import WebSession

HERE = Path(__file__).parent
STATIC = HERE / "static"

_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    extensions=["jinja2.ext.i18n"],
)
# Sentences in {% trans %} blocks are written over several lines; their whitespace is one
# space in the catalog (tests/web/test_web_catalog.py extracts them the same way).
_env.policies["ext.i18n.trimmed"] = True
# The reader's language is a context variable set per request (web.i18n.WebLanguage), so one
# environment serves every language at once.
_env.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=True)  # type: ignore[attr-defined]

CSP = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
WEB_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}

HOMES = {"leader": "/leader", "admin": "/admin", "teacher": "/teacher"}
"""Where each role lands after signing in; other roles get the page at ``/``."""


def page(
    request: Request,
    template: str,
    session: WebSession | None,
    *,
    status: int = 200,
    **values: Any,
) -> HTMLResponse:
    context = {
        "title": "Observe",
        "who": session.principal if session else None,
        "csrf": session.csrf if session else "",
        "version": __version__,
        "notice": None,
        "error": None,
        "path": request.url.path,
        "lang": html_lang(),
        "languages": switch_links(request.url.path, request.url.query),
        **values,
    }
    body = _env.get_template(template).render(context)
    return HTMLResponse(body, status_code=status, headers={"cache-control": "no-store"})


def refusal(
    request: Request,
    session: WebSession | None,
    sentence: str,
    status: int,
    *,
    kept: str | None = None,
) -> HTMLResponse:
    """A page that says what went wrong and what to do, in place of the one asked for.

    ``kept``: words the person typed into a form that could not be saved, shown back so
    they can copy them; a refusal never loses what someone wrote."""
    return page(
        request,
        "message.html",
        session,
        status=status,
        title=_("Not possible"),
        error=sentence,
        kept=kept or None,
    )


def go(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


class SecurityHeaders:
    """Adds :data:`WEB_HEADERS` to every response outside the API (``/v1``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in WEB_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
