"""First run: who the coach is, which school they work in, and where their sync server is.

The welcome dialog (observe.ui.first_run) asks once, in a new and empty profile. What it learns
is kept here, headless, so the CLI and the tests use the same rules: the name goes where the
feedback sheets look for it, the school becomes a School record (the one new teachers join),
and the server address is stored until the coach signs in to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import func, select

from observe.errors import UsageError
from observe.i18n import _
from observe.store import Store
from observe.store.models import ProfileSetting, School

#: Where the feedback sheets read the coach's name (observe.reports.common.COACH_NAME_SETTING).
COACH_NAME = "report.coach_name"
#: The sync server the coach gave on first run, kept for the sign-in dialog to start from.
SERVER_URL = "welcome.server_url"
#: Set once the welcome was completed or skipped, so it isn't offered again.
WELCOME_DONE = "welcome.done"

MAX_NAME = 200


@dataclass(frozen=True)
class Welcome:
    """What the coach typed, checked and tidied."""

    name: str
    school: str
    server_url: str | None


def needs_welcome(store: Store) -> bool:
    """True for a profile nobody has set up: empty, no name, welcome never completed."""
    if store.setting(WELCOME_DONE) is not None or (store.setting(COACH_NAME) or "").strip():
        return False
    return store.is_empty()


def normalize_server_address(text: str) -> str | None:
    """``observe.school.org`` → ``https://observe.school.org``; empty means "no server"."""
    url = text.strip()
    if not url:
        return None
    if "://" not in url:
        url = "https://" + url
    url = url.rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        raise UsageError(
            _(
                "“{value}” is not a server address Observe can use. Type it as your "
                "school gave it, such as https://observe.school.org, or leave it empty "
                "to work offline."
            ).format(value=text.strip())
        )
    if parts.query or parts.fragment:
        raise UsageError(
            _("“{value}” should be just the server's address, without ? or #.").format(
                value=text.strip()
            )
        )
    return url


def check_welcome(name: str, school: str, server: str = "") -> Welcome:
    """The answers tidied, or a UsageError saying which one to fix."""
    name, school = " ".join(name.split()), " ".join(school.split())
    if not name:
        raise UsageError(_("Type your name; it goes on the feedback sheets you give teachers."))
    if not school:
        raise UsageError(_("Type the name of your school, so teachers you add have a school."))
    for label, value in (("Your name", name), ("The school's name", school)):
        if len(value) > MAX_NAME:
            raise UsageError(
                _("{label} is longer than {MAX_NAME} characters; shorten it.").format(
                    label=label, MAX_NAME=MAX_NAME
                )
            )
    return Welcome(name, school, normalize_server_address(server))


def apply_welcome(store: Store, welcome: Welcome) -> School:
    """Saves the answers in one transaction; reuses a school of the same name if there is one."""
    with store.write() as s:
        school = s.scalars(
            select(School)
            .where(School.deleted.is_(False), func.lower(School.name) == welcome.school.lower())
            .limit(1)
        ).first()
        if school is None:
            school = School(name=welcome.school)
            s.add(school)
        s.merge(ProfileSetting(key=COACH_NAME, value=welcome.name))
        if welcome.server_url:
            s.merge(ProfileSetting(key=SERVER_URL, value=welcome.server_url))
        s.merge(ProfileSetting(key=WELCOME_DONE, value="completed"))
    return school


def skip_welcome(store: Store, reason: str = "skipped") -> None:
    """Remembers that the coach chose not to answer (or loaded demo data instead)."""
    store.set_setting(WELCOME_DONE, reason)
