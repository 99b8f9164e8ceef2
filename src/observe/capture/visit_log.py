"""What an ended visit writes in the coaching log: its minutes, as learning-walk or coaching time.

Ending a visit is capture's job, and the log entry is written in the same transaction, so the
rule lives here, below coaching: capture never imports coaching (``coaching.log`` builds on it).
"""

from __future__ import annotations

import math
from datetime import tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.capture import closures
from observe.clock import as_utc, local_day
from observe.store.models import Classroom, CoachingLogEntry, LogActivity, Visit, VisitType
from observe.vocabulary import VISIT_TYPE_LABELS

#: The longest stretch one log entry (or one visit's minutes) may claim.
MAX_MINUTES = 12 * 60


def visit_activity(visit_type: VisitType) -> LogActivity:
    """Walk visits are learning-walk time; every other visit is work with a teacher."""
    if visit_type is VisitType.LEARNING_WALK:
        return LogActivity.LEARNING_WALK
    return LogActivity.COACHING_CYCLE


def visit_minutes(visit: Visit, closed_seconds: float = 0.0) -> int:
    """Whole minutes in the room, rounded up (a 30-second pop-in still took a minute), less
    the time Observe was closed while the visit ran (see ``observe.capture.closures``)."""
    if visit.ended_at is None:
        return 0
    seconds = (as_utc(visit.ended_at) - as_utc(visit.started_at)).total_seconds()
    seconds -= closed_seconds
    return max(1, min(MAX_MINUTES, math.ceil(seconds / 60)))


def log_visit(s: Session, visit: Visit, tz: tzinfo | None = None) -> CoachingLogEntry | None:
    """Makes or corrects the log entry of an ended visit, inside the caller's transaction.

    Returns the entry written, or None when nothing needed writing.
    """
    if visit.ended_at is None or visit.deleted:
        return None
    minutes = visit_minutes(visit, closures.closed_seconds(s, visit))
    existing = s.scalars(
        select(CoachingLogEntry)
        .where(CoachingLogEntry.visit_id == visit.id)
        .order_by(CoachingLogEntry.created_at)
        .limit(1)
    ).first()
    if existing is None:
        room = s.get(Classroom, visit.classroom_id)
        who = f"{room.teacher.display_name}, {room.subject}" if room is not None else ""
        entry = CoachingLogEntry(
            occurred_on=local_day(visit.started_at, tz),
            minutes=minutes,
            auto_minutes=minutes,
            activity=visit_activity(visit.visit_type),
            note=f"{VISIT_TYPE_LABELS[visit.visit_type]}: {who}".rstrip(": "),
            visit_id=visit.id,
            cycle_id=visit.cycle_id,
        )
        s.add(entry)
        return entry
    untouched = existing.auto_minutes is not None and existing.minutes == existing.auto_minutes
    if existing.deleted or not untouched or existing.minutes == minutes:
        return None
    existing.minutes = minutes
    existing.auto_minutes = minutes
    return existing
