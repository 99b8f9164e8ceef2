"""Whether a teacher's next feedback sheets print their invitation link as a QR code.

A printing preference of this profile (kept in its settings, never synced): the link the
server made for the teacher and when it expires, so an expired link never prints.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select

from observe.clock import as_utc, utcnow
from observe.store import Store
from observe.store.models import Classroom, Visit

QR_SETTING_PREFIX = "invite.qr."


def set_qr_link(
    store: Store, teacher_id: str, link: str | None, expires_at: datetime | None = None
) -> None:
    """Prints ``link`` on the teacher's sheets until ``expires_at``; None stops printing it."""
    key = QR_SETTING_PREFIX + teacher_id
    if link and expires_at is not None:
        value = {"link": link, "expires_at": as_utc(expires_at).isoformat()}
        store.set_setting(key, json.dumps(value))
    else:
        store.set_setting(key, "")


def qr_link(store: Store, teacher_id: str) -> str | None:
    """The invitation link to print for this teacher, while it is chosen and not expired."""
    text = store.setting(QR_SETTING_PREFIX + teacher_id)
    if not text:
        return None
    try:
        data = json.loads(text)
        expires = as_utc(datetime.fromisoformat(data["expires_at"]))
        link = str(data["link"])
    except (ValueError, KeyError, TypeError):
        return None
    return link if expires > utcnow() and link else None


def qr_link_for_visit(store: Store, visit_id: str) -> str | None:
    """The link to print on this visit's feedback sheet (its teacher's), if chosen."""
    with store.read() as s:
        teacher_id = s.scalar(
            select(Classroom.teacher_id)
            .join(Visit, Visit.classroom_id == Classroom.id)
            .where(Visit.id == visit_id)
        )
    return qr_link(store, teacher_id) if teacher_id else None
