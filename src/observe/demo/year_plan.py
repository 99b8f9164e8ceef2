"""The school year being planned: what has been decided so far, and the calendar it books.

The demo is planned in parts (``roster``, ``visit_schedule``, ``cycles``, ``coaching_log``,
then ``visit_details`` while writing), and every part draws from one seeded random stream in a
fixed order: that order is what makes a seed give the same demo. The parts therefore share one
``YearPlan`` rather than each keeping its own state and generator.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from observe.demo.scale import Scale
from observe.demo.schoolyear import school_year_days, zone
from observe.ids import new_id
from observe.store.models import SYNC_MODELS, MeasureKind, SyncRecord, Visibility, VisitType
from observe.store.outbox import Identity

#: A school day's periods: the first starts at 8:00, each lasts 50 minutes, 55 apart.
PERIOD_START = 8 * 3600
PERIOD_STRIDE = 55 * 60
PERIOD_LENGTH = 50 * 60


@dataclass
class PlannedRoom:
    """A class period in a classroom: whose it is, and which seats tend to speak."""

    id: str
    teacher_id: str
    school: int
    family: str
    period: int
    seat_ids: list[str]
    seat_weights: list[float]
    #: What a shared sheet's published copy names (``observe.feedback.publish``).
    teacher_name: str = ""
    teacher_email: str = ""
    label: str = ""


@dataclass
class PlannedCycle:
    """What a cycle's visits need to move its measure from baseline toward target."""

    id: str
    room: PlannedRoom
    focus: str
    measure: MeasureKind
    measure_code: str
    baseline: float
    target: float


@dataclass
class PlannedVisit:
    """A visit decided up front (how many rows it will get), its rows made while writing."""

    id: str
    room: PlannedRoom
    visit_type: VisitType
    day: date
    start: datetime
    end: datetime
    visibility: Visibility
    n_evidence: int
    n_participation: int
    voices: int
    feedback: bool
    walk_id: str | None = None
    cycle: PlannedCycle | None = None
    growth: float = 0.0
    #: Student listening: indexes into ``phrases.LISTENING`` and responses per prompt.
    prompt_ids: list[int] = field(default_factory=list)
    responses: list[int] = field(default_factory=list)
    listening_notes: int = 0
    featured: int | None = None


class YearPlan:
    """Rows planned so far, the rooms and visits behind them, and when the coach is busy."""

    def __init__(
        self, rng: random.Random, scale: Scale, identity: Identity, today: date, cap: datetime
    ) -> None:
        self.rng = rng
        self.scale = scale
        self.identity = identity
        self.cap = cap
        self.tz = zone(scale.timezone)
        self.year_days, self.past_days = school_year_days(today, scale.years)
        self.rows: dict[type[SyncRecord], list[dict[str, Any]]] = {m: [] for m in SYNC_MODELS}
        self.busy: dict[date, list[tuple[int, int]]] = {}
        self.visits: list[PlannedVisit] = []
        self.rooms: list[PlannedRoom] = []
        self.lookfor_ids: dict[str, str] = {}
        self.lookfor_set_id = ""
        #: The cycles' surveys and assessment scores draw from their own generator, seeded from
        #: this one's state without consuming it, so adding them left every other record of a
        #: seed as it was.
        self.evidence_rng = random.Random(sum(rng.getstate()[1][:8]))

    def new_record(
        self, created: datetime, visibility: Visibility, updated: datetime | None = None
    ) -> dict[str, Any]:
        """The fields every synced record has, with a fresh id; the caller adds its own.

        Times are kept at or before ``cap``: a record from the future would look broken.
        """
        created = min(created, self.cap)
        return {
            "id": new_id(),
            "author_id": self.identity.author_id,
            "device_id": self.identity.device_id,
            "created_at": created,
            "updated_at": max(created, min(updated or created, self.cap)),
            "version": 0,
            "deleted": False,
            "visibility": visibility,
        }

    def utc(self, day: date, seconds: int) -> datetime:
        """``seconds`` after local midnight of ``day`` in the schools' time zone, stored as UTC."""
        local = datetime(day.year, day.month, day.day, tzinfo=self.tz) + timedelta(seconds=seconds)
        return local.astimezone(UTC)

    def reserve(self, day: date, start: int, end: int) -> bool:
        """Keeps one coach's visits from overlapping where the scale allows it."""
        taken = self.busy.setdefault(day, [])
        if any(start < b and a < end for a, b in taken):
            return False
        taken.append((start, end))
        return True

    def period_slot(self, room: PlannedRoom, minutes: tuple[int, int]) -> tuple[date, int, int]:
        """A past school day and a time inside the room's period, avoiding busy times."""
        rng = self.rng
        length = rng.randint(*minutes) * 60
        period_start = PERIOD_START + (room.period - 1) * PERIOD_STRIDE
        for _attempt in range(8):
            day = rng.choice(self.past_days)
            start = period_start + rng.randint(0, max(0, PERIOD_LENGTH - length)) // 60 * 60
            if self.reserve(day, start, start + length):
                return day, start, start + length
        return day, start, start + length
