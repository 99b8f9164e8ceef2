"""The preferences the window needs before the profile's store is open: its language, theme
and text size, and the rule every preference is read by (issue 18: window ready).

Apart from :mod:`observe.settings` (which reaches the store, schools and SQLAlchemy) so that
the window's first paint can follow the coach's choices with only the standard library's
``sqlite3`` (:mod:`observe.store.first_screens`); :mod:`observe.settings` re-exports all of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from observe.i18n import LANGUAGES

T = TypeVar("T")

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")
#: The capture line's and timeline's text size, in percent of the system's font.
TEXT_SIZES: tuple[int, ...] = (90, 100, 115, 130, 150, 175, 200)


@dataclass(frozen=True)
class Key(Generic[T]):
    """One preference: where it is stored, its default, and how it reads and writes as text."""

    name: str
    default: T
    parse: Callable[[str], T]
    dump: Callable[[T], str]


def parsed(key: Key[T], text: str | None) -> T:
    """The stored ``text`` as a value, or the default when there is none or it can't be read."""
    if text is None or text == "":
        return key.default
    try:
        return key.parse(text)
    except ValueError:
        return key.default


def choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in options:
            raise ValueError(text)
        return text

    return parse


def _size(text: str) -> int:
    value = int(text)
    if not TEXT_SIZES[0] <= value <= TEXT_SIZES[-1]:
        raise ValueError(text)
    return value


TEXT_SIZE_KEY: Key[int] = Key("ui.text_size", 100, _size, str)
THEME_KEY: Key[str] = Key("ui.theme", "system", choice(THEMES), str)
#: The app's language: "" follows the system (observe.i18n.LANGUAGES has the choices).
LANGUAGE_KEY: Key[str] = Key("ui.language", "", choice(("", *LANGUAGES)), str)
