"""Which language Observe speaks, for everything that is not a Qt widget.

The headless parts (core sentences, reports and sheets, the CLI, the server's web pages) use
gettext catalogs: ``.po`` files kept in the package under ``observe/locale/<lang>/`` and
compiled in memory with Babel the first time a language is used, so no build output is
committed and an editable install, a wheel and a PyInstaller bundle all read the same files.
The Qt widgets use Qt's own ``tr()`` with ``.ts`` catalogs beside these (see ``observe.ui.i18n``);
both follow :func:`current_language`.

The language is a context variable, not a global: a coach working in English can print one
sheet in Spanish (``with using_language("es"): ...``) and the server renders each request in
its reader's language, without either leaking into other threads.

The pseudo-locale ``"qps"`` (Qt's and Windows' name for it) accents every letter and makes each
sentence about 40% longer, so a test can render every dialog and sheet with it and catch text
that is not translatable or that clips.
"""

from __future__ import annotations

import gettext
import io
import locale
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal, TypeVar

#: The language the source strings are written in.
SOURCE = "en"
#: The pseudo-locale: accented, longer text for finding clipping and untranslated strings.
PSEUDO = "qps"
#: Languages a coach can choose, by code, with the name a speaker of it would look for.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}
#: The gettext domains: one for the desktop core, reports and CLI, one for the web pages.
Domain = Literal["observe", "web"]

_default = SOURCE
_current: ContextVar[str | None] = ContextVar("observe_language", default=None)


def normalize(code: str | None) -> str:
    """A language code Observe has a catalog for, from anything a system or a coach gives:
    ``es_ES.UTF-8``, ``es-MX``, ``ES``, ``C``, ``""`` or ``None`` (the last three mean English)."""
    if not code:
        return SOURCE
    base = re.split(r"[_.@-]", code.strip(), maxsplit=1)[0].lower()
    if base == PSEUDO:
        return PSEUDO
    return base if base in LANGUAGES else SOURCE


def system_language() -> str:
    """The language the operating system asks for, by the POSIX precedence (``LANGUAGE``,
    ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), then the platform's own locale (Windows, macOS)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            # LANGUAGE may be a list ("es:en"); the first one we have wins.
            for part in value.split(":"):
                if normalize(part) != SOURCE or part.lower().startswith("en"):
                    return normalize(part)
            return SOURCE
    try:
        found = locale.getlocale()[0]
    except ValueError:
        found = None
    return normalize(found)


def set_language(code: str | None) -> str:
    """Sets the process-wide language (``None`` or ``""``: follow the system) and returns the
    code that is now in effect."""
    global _default
    _default = normalize(code) if code else system_language()
    return _default


def current_language() -> str:
    return _current.get() or _default


@contextmanager
def using_language(code: str | None) -> Iterator[str]:
    """Renders what runs inside in ``code`` (``None``: the current language), on this thread
    or task only; a sheet printed for a Spanish-speaking teacher uses this."""
    effective = normalize(code) if code else current_language()
    token = _current.set(effective)
    try:
        yield effective
    finally:
        _current.reset(token)


def catalog_dir(language: str) -> Traversable:
    return resources.files("observe") / "locale" / language


class _Pseudo(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo_text(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo_text(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo_text(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo_text(msgid1 if n == 1 else msgid2)


@cache
def translation(language: str, domain: Domain = "observe") -> gettext.NullTranslations:
    """The catalog for ``language`` and ``domain``, compiled from its ``.po`` once per process.
    A language or domain without a catalog reads as the source text (never an error)."""
    language = normalize(language)
    if language == PSEUDO:
        return _Pseudo()
    if language == SOURCE:
        return gettext.NullTranslations()
    po = catalog_dir(language) / f"{domain}.po"
    if not po.is_file():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=domain)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """``message`` in the current language (the source text where no translation exists)."""
    return translation(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation(current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """For words whose translation depends on where they sit ("Open" a visit vs "open" as a
    state), told apart by ``context``."""
    return translation(current_language()).pgettext(context, message)


def N_(message: str) -> str:
    """Marks ``message`` for extraction where it must stay in the source language until shown
    (vocabulary tables defined at import time); translate it with :func:`_` when displayed."""
    return message


K = TypeVar("K")


class Words(Mapping[K, str]):
    """A vocabulary table (an evidence kind's name, a visit type's, a cycle's status…) that
    reads in the current language: ``LABELS[kind]``, ``.items()`` and ``.get()`` all give the
    words translated at the moment they are read. Written with :func:`N_` so the English stays
    the msgid; :meth:`source` gives it back (stable English for files and logs). One table
    then serves the window, the sheets and the CLI without each screen remembering ``_()``: a
    screen that indexed a plain table showed English words in the Spanish app."""

    def __init__(self, words: Mapping[K, str]) -> None:
        self._words = dict(words)

    def __getitem__(self, key: K) -> str:
        return _(self._words[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def source(self, key: K) -> str:
        return self._words[key]


# -- Locale-aware dates, times and numbers ---------------------------------------------------


def babel_locale(language: str | None = None) -> str:
    """The Babel locale for formatting: the system's region when it speaks the same language
    (a coach in the UK gets day-first dates in English), else the language's default."""
    language = normalize(language) if language else current_language()
    if language == PSEUDO:
        language = SOURCE
    for var in ("LC_ALL", "LC_TIME", "LANG"):
        value = os.environ.get(var, "")
        if value and normalize(value) == language:
            tag = re.split(r"[.@]", value, maxsplit=1)[0]
            if "_" in tag:
                return tag
    return {"en": "en_US", "es": "es_ES"}.get(language, language)


def format_date(day: date, style: str = "medium") -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format=style, locale=babel_locale())


def format_time(moment: time | datetime, style: str = "short") -> str:
    from babel.dates import format_time as babel_format_time

    return babel_format_time(moment, format=style, locale=babel_locale())


def format_datetime(moment: datetime, style: str = "medium") -> str:
    from babel.dates import format_datetime as babel_format_datetime

    return babel_format_datetime(moment, format=style, locale=babel_locale())


def format_number(number: float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(number, locale=babel_locale())


def format_percent(share: float, digits: int = 0) -> str:
    """``share`` in 0..1 as the locale writes a percentage (``41%``, ``41 %``)."""
    from babel.numbers import format_percent as babel_format_percent

    pattern = None if digits == 0 else "#,##0." + "0" * digits + "%"
    return babel_format_percent(share, format=pattern, locale=babel_locale())


# -- The pseudo-locale -----------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ",
)
# Left alone: {named} and {0} fields, %s/%d/%n/%1 markers, HTML tags and entities, &accelerators.
_KEEP = re.compile(r"(\{[^{}]*\}|%[0-9]*[a-zA-Z]|%[0-9]+|<[^>]+>|&[a-zA-Z]+;|&(?=\w))")


def pseudo_text(message: str) -> str:
    """``message`` accented and about 40% longer, placeholders and markup kept intact, in
    brackets so a clipped end is visible: "Save" → "[Şȧṽḗ ~~]"."""
    if not message:
        return message
    parts = _KEEP.split(message)
    out = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTED) for p in parts)
    letters = sum(1 for c in message if c.isalpha())
    return "[" + out + " " + "~" * max(2, (letters * 2) // 5) + "]"
