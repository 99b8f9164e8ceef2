"""The coach's preferences for this profile, typed, with defaults, usable without a display.

Each preference is a :class:`Key` stored as text in the profile's settings table, so the GUI's
Settings dialog, the reports and the CLI read one value through one rule (a missing or garbled
value reads as the default, never as an error). Keys that existed before this module (the
sheet's name and paper, language hints, the welcome's server) keep their stored names, so
existing profiles keep what the coach chose.

Stored per profile and not synced yet: the server has no record kind for preferences.
The language, theme, text size and the reading rule live in :mod:`observe.settings_look`
(the window follows them before the store is open) and are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, TypeVar

from observe.errors import UsageError
from observe.i18n import _
from observe.profile_setup import COACH_NAME, MAX_NAME, SERVER_URL, normalize_server_address
from observe.roster.schools import save_school, school_details, school_problems
from observe.settings_look import LANGUAGE_KEY as LANGUAGE_KEY  # re-exported
from observe.settings_look import (
    TEXT_SIZE_KEY,
    TEXT_SIZES,
    THEME_KEY,
    THEMES,
    Key,
    choice,
    parsed,
)
from observe.settings_look import Theme as Theme  # re-exported
from observe.store import Store
from observe.store.models import VisitType

T = TypeVar("T")


Paper = Literal["letter", "a4"]
PAPERS: tuple[Paper, ...] = ("letter", "a4")
#: Visit types a coach can make the default; a learning walk starts from choosing a walk.
DEFAULT_VISIT_TYPES: tuple[VisitType, ...] = tuple(
    t for t in VisitType if t is not VisitType.LEARNING_WALK
)


def _flag(text: str) -> bool:
    if text not in ("0", "1"):
        raise ValueError(text)
    return text == "1"


def _visit_type(text: str) -> VisitType:
    value = VisitType(text)
    if value not in DEFAULT_VISIT_TYPES:
        raise ValueError(text)
    return value


COACH_NAME_KEY: Key[str] = Key(COACH_NAME, "", str.strip, str)
#: None: from the locale (Letter in the US and Canada, A4 elsewhere).
PAPER_KEY: Key[str | None] = Key("report.paper", None, choice(PAPERS), lambda v: v or "")
LANGUAGE_HINTS_KEY: Key[bool] = Key("hints_enabled", True, _flag, lambda v: "1" if v else "0")
VISIT_TYPE_KEY: Key[VisitType] = Key(
    "capture.default_visit_type", VisitType.COACHING_OBSERVATION, _visit_type, lambda v: v.value
)
SERVER_KEY: Key[str] = Key(SERVER_URL, "", str.strip, str)


def get(store: Store, key: Key[T]) -> T:
    """The stored value, or the default when there is none or it can't be read."""
    return parsed(key, store.setting(key.name))


def put(store: Store, key: Key[T], value: T) -> None:
    store.set_setting(key.name, key.dump(value))


@dataclass(frozen=True)
class Settings:
    """Everything the Settings dialog shows, read and saved together."""

    coach_name: str = COACH_NAME_KEY.default
    school: str = ""
    paper: str | None = PAPER_KEY.default
    language_hints: bool = LANGUAGE_HINTS_KEY.default
    default_visit_type: VisitType = VISIT_TYPE_KEY.default
    server_url: str = SERVER_KEY.default
    text_size: int = TEXT_SIZE_KEY.default
    theme: str = THEME_KEY.default


def load(store: Store) -> Settings:
    schools = school_details(store)
    return Settings(
        coach_name=get(store, COACH_NAME_KEY),
        school=schools[0].name if schools else "",
        paper=get(store, PAPER_KEY),
        language_hints=get(store, LANGUAGE_HINTS_KEY),
        default_visit_type=get(store, VISIT_TYPE_KEY),
        server_url=get(store, SERVER_KEY) or sync_server(store),
        text_size=get(store, TEXT_SIZE_KEY),
        theme=get(store, THEME_KEY),
    )


def problems(settings: Settings) -> dict[str, str]:
    """Field name → the sentence saying what to change; empty when all can be saved."""
    out: dict[str, str] = {}
    if len(settings.coach_name.strip()) > MAX_NAME:
        out["coach_name"] = _("Your name is longer than {MAX_NAME} characters; shorten it.").format(
            MAX_NAME=MAX_NAME
        )
    if settings.school.strip():
        school = school_problems(settings.school.strip(), None).get("name")
        if school:
            out["school"] = school
    try:
        normalize_server_address(settings.server_url)
    except UsageError as exc:
        out["server_url"] = exc.sentence
    if settings.paper is not None and settings.paper not in PAPERS:
        out["paper"] = _('Paper size "{paper}" is not known; choose Letter or A4.').format(
            paper=settings.paper
        )
    if settings.theme not in THEMES:
        out["theme"] = _("Choose System, Light or Dark.")
    if settings.text_size not in TEXT_SIZES:
        out["text_size"] = _("Choose one of the text sizes offered.")
    return out


def save(store: Store, settings: Settings) -> Settings:
    """Saves what changed and returns the settings as stored (names trimmed, address tidied).

    Raises :class:`UsageError` with the first problem's sentence; nothing is saved then. An
    empty school name leaves the school as it is (a school can't be unnamed).
    """
    found = problems(settings)
    if found:
        raise UsageError(next(iter(found.values())))
    server = normalize_server_address(settings.server_url) or ""
    before = load(store)
    name = settings.coach_name.strip()
    if name != before.coach_name:
        put(store, COACH_NAME_KEY, name)
    school = settings.school.strip()
    if school and school != before.school:
        _rename_or_add_school(store, school)
    put(store, PAPER_KEY, settings.paper)
    put(store, LANGUAGE_HINTS_KEY, settings.language_hints)
    put(store, VISIT_TYPE_KEY, settings.default_visit_type)
    if server != before.server_url:
        put(store, SERVER_KEY, server)
    put(store, TEXT_SIZE_KEY, settings.text_size)
    put(store, THEME_KEY, settings.theme)
    return load(store)


def _rename_or_add_school(store: Store, name: str) -> None:
    schools = school_details(store)
    if schools:
        save_school(store, schools[0].id, name, schools[0].timezone)
        return
    from observe.store.models import School  # a profile set up without the welcome

    with store.write() as s:
        s.add(School(name=name))


def paper(store: Store, given: str | None = None) -> str:
    """The paper for a report: the one asked for, else the coach's choice, else the locale's."""
    if given:
        return given
    chosen = get(store, PAPER_KEY)
    if chosen:
        return chosen
    from observe.reports.layout import paper_for_locale  # ReportLab: only when printing

    return paper_for_locale()


def sync_server(store: Store) -> str:
    """The server this profile signed in to, if any."""
    from observe.sync import state

    return state.load(store).server_url or ""


def server_configured(store: Store) -> bool:
    """True once the coach gave a sync server (in the welcome, Settings or by signing in):
    only then do changes "wait" for anything."""
    return bool(get(store, SERVER_KEY) or sync_server(store))
