"""The coaching log: minutes by activity, typed in quickly or filled in by visits.

Leaders ask coaches where their time goes, and coaches want the answer to show coaching, not
lunch duty. So the log keeps minutes per activity and the weekly view splits them into
*coaching* (cycle work, learning walks, PLC facilitation, data meetings) and *other duties*
(subbing, testing, admin).

Visits fill the log in: ending a visit makes one entry for it (``visit_id`` set), in the same
transaction, with the visit's length as its minutes. One visit, one entry: ending it again
(after an undo of "End visit") corrects the minutes only while the coach hasn't changed them
(``minutes == auto_minutes``), and an entry the coach deleted stays deleted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from observe.capture.visit_log import MAX_MINUTES, log_visit
from observe.clock import utcnow
from observe.coaching.dates import week_start, weeks_between
from observe.coaching.labels import activity_label
from observe.datewords import medium_date
from observe.errors import UsageError
from observe.i18n import _
from observe.safetext import clean_text
from observe.store import Store
from observe.store.models import (
    CoachingCycle,
    CoachingLogEntry,
    LogActivity,
    Visit,
)

#: Activities that count as coaching in the weekly share; the rest are other duties.
COACHING_ACTIVITIES: frozenset[LogActivity] = frozenset(
    {
        LogActivity.COACHING_CYCLE,
        LogActivity.LEARNING_WALK,
        LogActivity.PLC,
        LogActivity.DATA_MEETING,
    }
)
NOTE_MAX = 2000


def is_coaching(activity: LogActivity) -> bool:
    return activity in COACHING_ACTIVITIES


@dataclass(frozen=True)
class LogEntryDraft:
    """What the quick-entry form (or a script) asks to record."""

    occurred_on: date
    minutes: int
    activity: LogActivity
    note: str | None = None
    cycle_id: str | None = None


@dataclass(frozen=True)
class LogRow:
    id: str
    occurred_on: date
    minutes: int
    activity: LogActivity
    note: str | None
    visit_id: str | None
    cycle_id: str | None

    @property
    def from_visit(self) -> bool:
        return self.visit_id is not None


def validate(draft: LogEntryDraft, today: date | None = None) -> LogEntryDraft:
    """The draft tidied, or a :class:`UsageError` saying what to fix."""
    today = today or date.today()
    if not isinstance(draft.minutes, int) or isinstance(draft.minutes, bool):
        raise UsageError(_("Enter the time as a whole number of minutes, such as 45."))
    if draft.minutes <= 0:
        raise UsageError(_("Enter how many minutes it took (more than 0); nothing was saved."))
    if draft.minutes > MAX_MINUTES:
        raise UsageError(
            _("{minutes} minutes is more than 12 hours; log one day's activity at a time.").format(
                minutes=draft.minutes
            )
        )
    if draft.occurred_on > today + timedelta(days=1):
        raise UsageError(
            _("{day} is in the future; the log records time already spent.").format(
                day=medium_date(draft.occurred_on)
            )
        )
    try:
        activity = LogActivity(draft.activity)
    except ValueError:
        raise UsageError(
            _("{activity!r} is not an activity the log knows.").format(activity=draft.activity)
        ) from None
    note = clean_text(draft.note or "").strip() or None  # see observe.safetext
    if note and len(note) > NOTE_MAX:
        raise UsageError(
            _("The note is longer than {NOTE_MAX} characters; shorten it.").format(
                NOTE_MAX=NOTE_MAX
            )
        )
    return LogEntryDraft(draft.occurred_on, draft.minutes, activity, note, draft.cycle_id)


def _check_cycle(s: Session, cycle_id: str | None) -> None:
    if cycle_id is None:
        return
    cycle = s.get(CoachingCycle, cycle_id)
    if cycle is None or cycle.deleted:
        raise UsageError(_("That coaching cycle no longer exists; choose another or none."))


def add_entry(store: Store, draft: LogEntryDraft, *, today: date | None = None) -> str:
    clean = validate(draft, today)
    with store.write() as s:
        _check_cycle(s, clean.cycle_id)
        entry = CoachingLogEntry(
            occurred_on=clean.occurred_on,
            minutes=clean.minutes,
            activity=clean.activity,
            note=clean.note,
            cycle_id=clean.cycle_id,
        )
        s.add(entry)
        s.flush()
        return entry.id


def update_entry(
    store: Store, entry_id: str, draft: LogEntryDraft, *, today: date | None = None
) -> None:
    clean = validate(draft, today)
    with store.write() as s:
        entry = s.get(CoachingLogEntry, entry_id)
        if entry is None or entry.deleted:
            raise UsageError(_("That log entry was deleted; nothing was changed."))
        _check_cycle(s, clean.cycle_id)
        changes = {
            "occurred_on": clean.occurred_on,
            "minutes": clean.minutes,
            "activity": clean.activity,
            "note": clean.note,
            "cycle_id": clean.cycle_id,
        }
        for key, value in changes.items():
            if getattr(entry, key) != value:
                setattr(entry, key, value)


def delete_entry(store: Store, entry_id: str) -> None:
    with store.write() as s:
        entry = s.get(CoachingLogEntry, entry_id)
        if entry is not None and not entry.deleted:
            entry.deleted = True


def restore_entry(store: Store, entry_id: str) -> None:
    with store.write() as s:
        entry = s.get(CoachingLogEntry, entry_id)
        if entry is not None and entry.deleted:
            entry.deleted = False


def entries(store: Store, start: date | None = None, end: date | None = None) -> list[LogRow]:
    """Live entries on the days ``start``…``end`` (both included), oldest first."""
    e = CoachingLogEntry
    query = select(e.id, e.occurred_on, e.minutes, e.activity, e.note, e.visit_id, e.cycle_id)
    query = query.where(e.deleted.is_(False))
    if start is not None:
        query = query.where(e.occurred_on >= start)
    if end is not None:
        query = query.where(e.occurred_on <= end)
    with store.read() as s:
        return [LogRow(*row) for row in s.execute(query.order_by(e.occurred_on, e.created_at))]


# -- filled in by visits --------------------------------------------------------------------


def fill_from_visit(store: Store, visit_id: str) -> None:
    """:func:`log_visit` in a transaction of its own (for callers that already ended it)."""
    with store.write() as s:
        visit = s.get(Visit, visit_id)
        if visit is not None:
            log_visit(s, visit)


# -- weekly figures --------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekShare:
    """One week's minutes by activity, and how much of it was coaching."""

    week_start: date
    minutes: dict[LogActivity, int] = field(default_factory=dict)

    @property
    def coaching(self) -> int:
        return sum(m for a, m in self.minutes.items() if is_coaching(a))

    @property
    def other(self) -> int:
        return sum(m for a, m in self.minutes.items() if not is_coaching(a))

    @property
    def total(self) -> int:
        return sum(self.minutes.values())

    @property
    def coaching_share(self) -> float | None:
        """Coaching minutes over all logged minutes; None for a week with nothing logged."""
        return self.coaching / self.total if self.total else None


def weekly_shares(
    rows: list[LogRow], start: date | None = None, end: date | None = None
) -> list[WeekShare]:
    """Every week from the first to the last (or ``start``…``end``), empty weeks included."""
    if not rows and (start is None or end is None):
        return []
    by_week: dict[date, Counter[LogActivity]] = defaultdict(Counter)
    for row in rows:
        by_week[week_start(row.occurred_on)][row.activity] += row.minutes
    first = start or min(r.occurred_on for r in rows)
    last = end or max(r.occurred_on for r in rows)
    return [WeekShare(w, dict(by_week.get(w, {}))) for w in weeks_between(first, last)]


@dataclass(frozen=True)
class ActivityTotal:
    activity: LogActivity
    entries: int
    minutes: int
    share: float

    @property
    def label(self) -> str:
        return activity_label(self.activity)


def time_by_activity(rows: list[LogRow]) -> list[ActivityTotal]:
    """Minutes and entries per activity (every activity, in the log's order) and each one's
    share of all logged time."""
    minutes: Counter[LogActivity] = Counter()
    count: Counter[LogActivity] = Counter()
    for row in rows:
        minutes[row.activity] += row.minutes
        count[row.activity] += 1
    total = sum(minutes.values())
    return [
        ActivityTotal(a, count[a], minutes[a], minutes[a] / total if total else 0.0)
        for a in LogActivity
    ]


def this_week(today: date | None = None) -> tuple[date, date]:
    monday = week_start(today or utcnow().astimezone().date())
    return monday, monday + timedelta(days=6)
