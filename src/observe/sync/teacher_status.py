"""Which roster teachers have an account, as the server last said: kept in this profile.

Apart from :mod:`observe.sync.invitations` (which asks the server) so the Teachers tab can show
the kept answer without importing the HTTP client and the wire protocol.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from observe.clock import utcnow
from observe.store import Store

STATUS_SETTING = "teachers.account_status"

NO_EMAIL = "no email"
NOT_INVITED = "not invited"
INVITED = "invited"
ACTIVE = "active"
EXPIRED = "invitation expired"


def load_status(store: Store) -> dict[str, str]:
    text = store.setting(STATUS_SETTING)
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    accounts = data.get("accounts") if isinstance(data, dict) else None
    if not isinstance(accounts, dict):
        return {}
    return {str(k): str(v) for k, v in accounts.items()}


def save_status(store: Store, found: dict[str, str], *, replace: bool) -> None:
    accounts = found if replace else {**load_status(store), **found}
    value = {"checked_at": utcnow().isoformat(), "accounts": accounts}
    store.set_setting(STATUS_SETTING, json.dumps(value, sort_keys=True))


def remember_status(store: Store, found: dict[str, str]) -> None:
    save_status(store, found, replace=False)


def teacher_statuses(store: Store, teachers: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Each (teacher id, email)'s status in words, from the last answer kept."""
    known = load_status(store)
    out: dict[str, str] = {}
    for teacher_id, email in teachers:
        mail = (email or "").strip().lower()
        out[teacher_id] = known.get(mail, NOT_INVITED) if mail else NO_EMAIL
    return out
