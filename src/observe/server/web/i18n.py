"""The web pages' language: a reader's explicit choice (the language links at the foot of
every page, kept in a cookie), else what their browser asks for (``Accept-Language``), else
English. Each request renders inside ``observe.i18n.using_language``, so templates and the
sentences made here read the gettext domain "web" (``observe/locale/<lang>/web.po``) in the
reader's language without touching any other request.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.types import ASGIApp, Receive, Scope, Send

from observe.i18n import LANGUAGES, SOURCE, current_language, normalize, translation, using_language
from observe.protocol import API_PREFIX

COOKIE = "observe_lang"
"""The reader's explicit choice of language (only the code; a year long)."""


def _(message: str) -> str:
    return translation(current_language(), "web").gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation(current_language(), "web").ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a sentence kept in English until shown (module-level tables); shown through _()."""
    return message


def html_lang() -> str:
    """The ``<html lang>`` of the page being rendered (the pseudo-locale is English)."""
    found = current_language()
    return found if found in LANGUAGES else SOURCE


def from_accept_language(header: str) -> str | None:
    """The language Observe speaks that the browser prefers most, by its q-values."""
    best: tuple[float, int, str] | None = None
    for position, part in enumerate(header.split(",")):
        fields = part.strip().split(";")
        tag = fields[0].strip()
        if not tag or tag == "*":
            continue
        q = 1.0
        for param in fields[1:]:
            name, _sep, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        code = normalize(tag)
        if q <= 0 or (code == SOURCE and not tag.lower().startswith("en")):
            continue
        if best is None or (q, -position) > (best[0], best[1]):
            best = (q, -position, code)
    return best[2] if best else None


def _cookie_language(cookie_header: str) -> str | None:
    for part in cookie_header.split(";"):
        name, _sep, value = part.strip().partition("=")
        if name == COOKIE and value.strip() in LANGUAGES:
            return value.strip()
    return None


def language_for(headers: dict[str, str]) -> str:
    return (
        _cookie_language(headers.get("cookie", ""))
        or from_accept_language(headers.get("accept-language", ""))
        or SOURCE
    )


def switch_links(path: str, query: str) -> list[tuple[str, str, str]]:
    """(code, name, href) of each language's link back to this page."""
    here = path + (f"?{query}" if query else "")
    return [
        (code, name, f"/language?to={code}&next={quote(here, safe='')}")
        for code, name in LANGUAGES.items()
    ]


class WebLanguage:
    """Renders every request outside the API in its reader's language."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])
        }
        with using_language(language_for(headers)):
            await self.app(scope, receive, send)
