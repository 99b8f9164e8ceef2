"""The figures that show whether coaching reached students.

Two families, both computed from low-inference records only (tallies and tagged evidence),
never from anyone's judgement:

* **Equity of voice** for one visit: how many of the seated students spoke (voice share),
  how much of the talk came from the most-heard quarter of the class (top-quarter share: about
  25% when talk is even, near 100% when a few students carry it), and, when the coach drew
  groups, the largest gap between a group's share of the talk and its share of the class.
* **A cycle's success measure** visit by visit, compared from where the coach started (the
  baseline they set, or the first measured visit when they set none) to the latest measured
  visit, e.g. distinct voices baseline 9 → 17/24.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from observe.capture.marks import marked_seen
from observe.capture.participation import NO_GROUP, ParticipationSummary
from observe.cyclemeasure import Comparison, compare
from observe.errors import UsageError
from observe.i18n import N_, _
from observe.store import Store
from observe.store.models import (
    CoachingCycle,
    CycleStatus,
    Evidence,
    LookFor,
    MeasureKind,
    Seat,
    Visit,
    VisitType,
    evidence_lookfor,
)
from observe.store.rawrows import driver

# -- equity of voice -------------------------------------------------------------------------


@dataclass(frozen=True)
class Equity:
    seats: int
    voices: int
    contributions: int
    #: Voices over seated students; None without a seating chart.
    voice_share: float | None
    #: Share of contributions made by the most-heard quarter of seats; None without talk.
    top_quarter_share: float | None
    #: Largest |group's share of talk − its share of the class|; None without groups or talk.
    group_gap: float | None


def equity_from_counts(
    seats: int,
    by_seat: Mapping[str, int],
    group_shares: Iterable[tuple[float, float]] = (),
) -> Equity:
    """Equity figures from per-seat contribution counts (silent seats may be left out).

    ``group_shares`` holds (share of class, share of contributions) per real group.
    """
    counts = sorted((n for n in by_seat.values() if n > 0), reverse=True)
    total = sum(counts)
    voices = len(counts)
    top_share: float | None = None
    if seats and total:
        quarter = math.ceil(seats / 4)
        top_share = sum(counts[:quarter]) / total
    gaps = [abs(talk - size) for size, talk in group_shares]
    return Equity(
        seats=seats,
        voices=voices,
        contributions=total,
        voice_share=min(1.0, voices / seats) if seats else None,
        top_quarter_share=top_share,
        group_gap=max(gaps) if gaps and total else None,
    )


def equity(summary: ParticipationSummary) -> Equity:
    """Equity figures of a visit's participation summary."""
    groups = [
        (g.share_of_class, g.share_of_contributions) for g in summary.groups if g.group != NO_GROUP
    ]
    return equity_from_counts(summary.occupied_seats, summary.by_seat, groups)


def visit_equity(s: Session, visit_ids: Iterable[str]) -> dict[str, Equity]:
    """Equity figures of many visits with three queries, for the impact tables.

    Visits with no tallies are left out: no tally means the coach wasn't counting, not that
    nobody spoke.
    """
    ids = list(visit_ids)
    if not ids:
        return {}
    per_seat: dict[str, Counter[str]] = defaultdict(Counter)
    # Tallies per visit and seat as triggers keep them counted (migration 0014), rather than
    # grouping every tally (384,000 on five years of records); on the session's connection
    # (same transaction), not through SQLAlchemy, which wraps every row again.
    conn = driver(s)
    tallies = (
        "SELECT t.visit_id, t.seat_id, t.tallies FROM impact_tally_count t "
        "JOIN seat ON seat.id = t.seat_id WHERE t.tallies > 0 AND seat.deleted = 0"
    )
    # One pass over every count when the visits are most of them (five years at once), else
    # look-ups by visit (a school year: a fifth of the counts).
    many = (
        len(ids) > _SCAN_ALL
        and 2 * len(ids) > (conn.execute("SELECT count(*) FROM visit").fetchone()[0])
    )
    wanted = set(ids)
    if many:
        for visit_id, seat_id, n in conn.execute(tallies):
            if visit_id in wanted:
                per_seat[visit_id][seat_id] = n
    else:
        for chunk in _chunks(ids):
            for visit_id, seat_id, n in conn.execute(
                f"{tallies} AND t.visit_id IN ({', '.join('?' * len(chunk))})", chunk
            ):
                per_seat[visit_id][seat_id] = n
    rooms: dict[str, str] = {}
    if many:
        rooms.update(
            (visit_id, room)
            for visit_id, room in conn.execute("SELECT id, classroom_id FROM visit")
            if visit_id in per_seat
        )
    else:
        for chunk in _chunks(list(per_seat)):
            rooms.update(
                s.execute(select(Visit.id, Visit.classroom_id).where(Visit.id.in_(chunk))).all()
            )
    seats_of: dict[str, dict[str, str | None]] = defaultdict(dict)
    for chunk in _chunks(sorted(set(rooms.values()))):
        for room_id, seat_id, group in s.execute(
            select(Seat.classroom_id, Seat.id, Seat.group_label).where(
                Seat.classroom_id.in_(chunk), Seat.deleted.is_(False)
            )
        ):
            seats_of[room_id][seat_id] = group
    groups_of = {room: _groups(seats) for room, seats in seats_of.items()}
    out: dict[str, Equity] = {}
    for visit_id, counts in per_seat.items():
        room = rooms.get(visit_id, "")
        seats = seats_of.get(room, {})
        shares = _group_shares(seats, counts, groups_of.get(room, []))
        out[visit_id] = equity_from_counts(len(seats), counts, shares)
    return out


def _groups(seats: Mapping[str, str | None]) -> list[list[str]]:
    """The seats of each named group, in the order the groups first appear (worked out once
    per classroom, not once per visit)."""
    members: dict[str, list[str]] = defaultdict(list)
    for seat, group in seats.items():
        if group:
            members[group].append(seat)
    return list(members.values())


def _group_shares(
    seats: Mapping[str, str | None],
    counts: Mapping[str, int],
    groups: list[list[str]] | None = None,
) -> list[tuple[float, float]]:
    if groups is None:
        groups = _groups(seats)
    if not seats or not groups:
        return []
    get = counts.get
    total = sum(get(seat, 0) for seat in seats)
    return [
        (len(ids) / len(seats), sum(get(i, 0) for i in ids) / total if total else 0.0)
        for ids in groups
    ]


#: Above this many visits (and half of all) ``visit_equity`` reads every count in one pass.
_SCAN_ALL = 2_000


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


# -- a cycle's measure -----------------------------------------------------------------------


@dataclass(frozen=True)
class MeasurePoint:
    """The cycle's measure in one visit; ``value`` None when the visit didn't measure it."""

    visit_id: str
    started_at: datetime
    visit_type: VisitType
    value: float | None
    out_of: int | None

    def text(self) -> str:
        if self.value is None:
            return _("not measured")
        value = _number(self.value)
        return f"{value}/{self.out_of}" if self.out_of else value


@dataclass(frozen=True)
class CycleProgress:
    cycle_id: str
    measure_kind: MeasureKind | None
    lookfor_label: str | None
    baseline: float | None
    target: float | None
    points: tuple[MeasurePoint, ...]
    closed: bool = False

    @property
    def measured(self) -> list[MeasurePoint]:
        return [p for p in self.points if p.value is not None]

    @property
    def before(self) -> MeasurePoint | None:
        measured = self.measured
        return measured[0] if measured else None

    @property
    def after(self) -> MeasurePoint | None:
        """The latest measured visit, once there are two to compare."""
        measured = self.measured
        return measured[-1] if len(measured) >= 2 else None

    @property
    def latest(self) -> MeasurePoint | None:
        measured = self.measured
        return measured[-1] if measured else None

    @property
    def comparison(self) -> Comparison:
        """Before → after by the rule the server's school figures use too."""
        return compare(
            self.baseline, self.target, [p.value for p in self.measured if p.value is not None]
        )

    @property
    def start_value(self) -> float | None:
        """Where the comparison starts: the coach's baseline, else the first measured visit."""
        return self.comparison.start

    @property
    def end_point(self) -> MeasurePoint | None:
        """The visit the start is compared with: the latest measured one (with a baseline,
        even the only one; without, once there are two)."""
        end = self.comparison.end_index
        return None if end is None else self.measured[end]

    @property
    def change(self) -> float | None:
        return self.comparison.change

    @property
    def target_met(self) -> bool | None:
        return self.comparison.target_met

    @property
    def measure_name(self) -> str:
        if self.measure_kind is MeasureKind.DISTINCT_VOICES:
            return N_("Distinct voices")
        if self.measure_kind is MeasureKind.CONTRIBUTIONS:
            return N_("Contributions")
        if self.measure_kind is MeasureKind.LOOKFOR_FREQUENCY:
            return f"Evidence marked seen: {self.lookfor_label or 'the look-for'}"
        return N_("No measure")

    @property
    def measure_label(self) -> str:
        """``measure_name`` in the current language (``measure_name`` itself stays in the
        source language: it is published to the server as data)."""
        if self.measure_kind is MeasureKind.LOOKFOR_FREQUENCY:
            return _("Evidence marked seen: {lookfor}").format(
                lookfor=self.lookfor_label or _("the look-for")
            )
        return _(self.measure_name)

    def sentence(self) -> str:
        """E.g. "Distinct voices: 9/24 → 17/24 (+8); target 18, met." (current language)"""
        if self.measure_kind is None:
            return _("This cycle has no success measure yet; edit the cycle to choose one.")
        name = self.measure_label
        goal = (
            _("; target {target}").format(target=_number(self.target))
            if self.target is not None
            else ""
        )
        if self.target_met is not None:
            goal += (
                _(", met")
                if self.target_met
                else (_(", not met") if self.closed else _(", not yet met"))
            )
        before, end = self.before, self.end_point
        if before is None:
            known = (
                [_("baseline {value}").format(value=_number(self.baseline))]
                if self.baseline is not None
                else []
            )
            known += (
                [_("target {value}").format(value=_number(self.target))]
                if self.target is not None
                else []
            )
            extra = f" ({'; '.join(known)})" if known else ""
            return _("{name}: no linked visit has measured it yet{extra}.").format(
                name=name, extra=extra
            )
        if end is None:
            return _("{name}: {value} in the one measured visit so far{goal}.").format(
                name=name, value=before.text(), goal=goal
            )
        change = self.change or 0.0
        sign = "+" if change >= 0 else "−"
        start = (
            before.text()
            if self.baseline is None
            else _("baseline {value}").format(value=_number(self.baseline))
        )
        so_far = _(" in the one measured visit so far") if len(self.measured) == 1 else ""
        return _("{name}: {start} → {end} ({change}){so_far}{goal}.").format(
            name=name,
            start=start,
            end=end.text(),
            change=f"{sign}{_number(abs(change))}",
            so_far=so_far,
            goal=goal,
        )


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def cycle_progress(store: Store, cycle_id: str) -> CycleProgress:
    with store.read() as s:
        cycle = s.get(CoachingCycle, cycle_id)
        if cycle is None or cycle.deleted:
            raise UsageError(_("That coaching cycle was deleted."))
        return progress_in(s, cycle)


def progress_in(s: Session, cycle: CoachingCycle) -> CycleProgress:
    visits = list(
        s.scalars(
            select(Visit)
            .where(Visit.cycle_id == cycle.id, Visit.deleted.is_(False))
            .order_by(Visit.started_at)
        )
    )
    label = None
    values: dict[str, tuple[float | None, int | None]] = {}
    kind = cycle.measure_kind
    ids = [v.id for v in visits]
    if kind in (MeasureKind.DISTINCT_VOICES, MeasureKind.CONTRIBUTIONS):
        figures = visit_equity(s, ids)
        for visit_id, eq in figures.items():
            if kind is MeasureKind.DISTINCT_VOICES:
                values[visit_id] = (float(eq.voices), eq.seats or None)
            else:
                values[visit_id] = (float(eq.contributions), None)
    elif kind is MeasureKind.LOOKFOR_FREQUENCY and cycle.measure_lookfor_id:
        lookfor = s.get(LookFor, cycle.measure_lookfor_id)
        label = f"{lookfor.code} {lookfor.title}" if lookfor is not None else None
        values = _lookfor_counts(s, ids, cycle.measure_lookfor_id)
    points = tuple(
        MeasurePoint(v.id, v.started_at, v.visit_type, *values.get(v.id, (None, None)))
        for v in visits
    )
    closed = cycle.status is CycleStatus.COMPLETED
    return CycleProgress(cycle.id, kind, label, cycle.baseline, cycle.target, points, closed)


def _lookfor_counts(
    s: Session, visit_ids: list[str], lookfor_id: str
) -> dict[str, tuple[float | None, int | None]]:
    """(items marked seen for the look-for, items in all) per visit that has evidence: a
    plain tag says an item is about the look-for, not that it was seen."""
    if not visit_ids:
        return {}
    totals = dict(
        s.execute(
            select(Evidence.visit_id, func.count())
            .where(Evidence.visit_id.in_(visit_ids), Evidence.deleted.is_(False))
            .group_by(Evidence.visit_id)
        ).all()
    )
    # Grouped by look-for and filtered here, not in SQL: with the look-for in the WHERE clause
    # SQLite may walk every item ever tagged with it (its index) instead of the few visits'
    # items, 0.15 s a cycle on five years of records instead of a millisecond.
    tagged = {
        visit_id: n
        for visit_id, tag, n in s.execute(
            select(Evidence.visit_id, evidence_lookfor.c.lookfor_id, func.sum(marked_seen()))
            .join(evidence_lookfor, evidence_lookfor.c.evidence_id == Evidence.id)
            .where(Evidence.visit_id.in_(visit_ids), Evidence.deleted.is_(False))
            .group_by(Evidence.visit_id, evidence_lookfor.c.lookfor_id)
        )
        if tag == lookfor_id and n
    }
    return {v: (float(tagged.get(v, 0)), n) for v, n in totals.items() if n}
