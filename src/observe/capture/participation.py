"""Seating charts and who gets to talk.

A seat is a place with a label the coach chooses and an optional group (a table, a language
group, anything the coach finds useful); no student names. During a visit each contribution is
tallied on a seat. The summary answers the equity-of-voice questions coaches bring to a
debrief: how many distinct voices out of the students present, and whether each group's share
of the talk matches its share of the class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import func, select

from observe.clock import utcnow
from observe.errors import UsageError
from observe.i18n import N_, Words, _, ngettext
from observe.store import Store
from observe.store.models import (
    Classroom,
    ParticipationEvent,
    ParticipationKind,
    Seat,
    Teacher,
    Visit,
)
from observe.vocabulary import class_label

#: The group of seats the coach gave no group (stored and compared in the source language;
#: shown through ``group_name``).
NO_GROUP = N_("No group")
MAX_ROWS = 20
MAX_COLS = 20

KIND_LABELS: Words[ParticipationKind] = Words(
    {
        ParticipationKind.VOLUNTEERED: N_("Volunteered"),
        ParticipationKind.CALLED_ON: N_("Called on"),
        ParticipationKind.ASKED_QUESTION: N_("Asked a question"),
        ParticipationKind.PEER_TALK: N_("Peer talk"),
    }
)


def participation_kind_label(kind: ParticipationKind) -> str:
    """How a contribution happened, in the current language."""
    return KIND_LABELS[kind]


def group_name(group: str) -> str:
    """A group's name as shown: the coach's own words, or "No group" in the current language."""
    return _(NO_GROUP) if group == NO_GROUP else group


@dataclass(frozen=True)
class SeatSpec:
    label: str
    group: str | None = None


def default_label(row: int, col: int) -> str:
    return f"{chr(ord('A') + row)}{col + 1}"


def live_seats(store: Store, classroom_id: str) -> list[Seat]:
    with store.read() as s:
        return list(
            s.scalars(
                select(Seat)
                .where(Seat.classroom_id == classroom_id, Seat.deleted.is_(False))
                .order_by(Seat.row, Seat.col)
            )
        )


def save_seating(
    store: Store, classroom_id: str, rows: int, cols: int, cells: dict[tuple[int, int], SeatSpec]
) -> list[Seat]:
    """Makes the chart match ``cells``: new seats added, changed ones updated, removed ones
    tombstoned (their past tallies stay meaningful), all in one transaction."""
    if not (1 <= rows <= MAX_ROWS and 1 <= cols <= MAX_COLS):
        raise UsageError(
            _("A seating chart can be 1–{MAX_ROWS} rows by 1–{MAX_COLS} columns.").format(
                MAX_ROWS=MAX_ROWS, MAX_COLS=MAX_COLS
            )
        )
    outside = [pos for pos in cells if not (0 <= pos[0] < rows and 0 <= pos[1] < cols)]
    if outside:
        raise UsageError(_("Some seats are outside the chart; make the chart larger first."))
    labels = [spec.label.strip() for spec in cells.values()]
    if any(not label for label in labels):
        raise UsageError(_("Every seat needs a label (for example A1); nothing was saved."))
    dupes = sorted({label for label in labels if labels.count(label) > 1})
    if dupes:
        raise UsageError(
            _("Seat labels must be different; {value} is used twice.").format(
                value=", ".join(dupes)
            )
        )
    with store.write() as s:
        room = s.get_one(Classroom, classroom_id)
        room.rows, room.cols = rows, cols
        existing = {
            (seat.row, seat.col): seat
            for seat in s.scalars(
                select(Seat).where(Seat.classroom_id == classroom_id, Seat.deleted.is_(False))
            )
        }
        for pos, seat in existing.items():
            if pos not in cells:
                seat.deleted = True
        for (row, col), spec in cells.items():
            group = (spec.group or "").strip() or None
            seat = existing.get((row, col))
            if seat is None:
                s.add(
                    Seat(
                        classroom_id=classroom_id,
                        row=row,
                        col=col,
                        label=spec.label.strip(),
                        group_label=group,
                    )
                )
            else:
                if seat.label != spec.label.strip():
                    seat.label = spec.label.strip()
                if seat.group_label != group:
                    seat.group_label = group
    return live_seats(store, classroom_id)


def quick_chart_shape(seats: int) -> tuple[int, int]:
    """(rows, columns) for a quick chart of ``seats``: rows of six, or of eight past 36 seats
    (the widths most rooms have), wider only when the chart would pass the row limit."""
    if not 1 <= seats <= MAX_ROWS * MAX_COLS:
        raise UsageError(
            _("A quick chart can have 1–{value} seats.").format(value=MAX_ROWS * MAX_COLS)
        )
    cols = min(seats, 6 if seats <= 36 else 8)
    cols = max(cols, -(-seats // MAX_ROWS))
    return -(-seats // cols), cols


@dataclass(frozen=True)
class ChartToCopy:
    """Another class's chart, offered to start this one from."""

    classroom_id: str
    name: str
    seats: int


def charts_to_copy(store: Store, except_classroom_id: str) -> list[ChartToCopy]:
    """Every other live class with a chart, by teacher and subject."""
    with store.read() as s:
        rows = s.execute(
            select(Classroom, Teacher.display_name, func.count(Seat.id))
            .join(Teacher, Teacher.id == Classroom.teacher_id)
            .join(Seat, Seat.classroom_id == Classroom.id)
            .where(
                Classroom.id != except_classroom_id,
                Classroom.deleted.is_(False),
                Teacher.deleted.is_(False),
                Seat.deleted.is_(False),
            )
            .group_by(Classroom.id, Teacher.display_name)
            .order_by(Teacher.display_name, Classroom.subject, Classroom.period)
        ).all()
        out = []
        for room, teacher, seats in rows:
            label = f"{teacher} · {class_label(room.subject, period=room.period)}"
            out.append(ChartToCopy(room.id, label, seats))
        return out


def chart_of(store: Store, classroom_id: str) -> tuple[int, int, dict[tuple[int, int], SeatSpec]]:
    """(rows, columns, seats by position) of a class's chart, to copy from."""
    with store.read() as s:
        room = s.get(Classroom, classroom_id)
        if room is None or room.deleted:
            raise UsageError(_("That class is no longer in this profile; choose another."))
        rows, cols = room.rows, room.cols
    seats = live_seats(store, classroom_id)
    cells = {(seat.row, seat.col): SeatSpec(seat.label, seat.group_label) for seat in seats}
    rows = max([rows or 1, *(r + 1 for r, _ in cells)])
    cols = max([cols or 1, *(c + 1 for _, c in cells)])
    return rows, cols, cells


def tally(
    store: Store,
    visit_id: str,
    seat_id: str,
    kind: ParticipationKind,
    occurred_at: datetime | None = None,
) -> ParticipationEvent:
    with store.write() as s:
        event = ParticipationEvent(
            visit_id=visit_id,
            seat_id=seat_id,
            participation_kind=kind,
            occurred_at=occurred_at or utcnow(),
        )
        s.add(event)
    return event


def remove_tally(store: Store, event_id: str) -> None:
    with store.write() as s:
        s.get_one(ParticipationEvent, event_id).deleted = True


def restore_tally(store: Store, event_id: str) -> None:
    with store.write() as s:
        s.get_one(ParticipationEvent, event_id).deleted = False


@dataclass(frozen=True)
class GroupShare:
    group: str
    seats: int
    contributions: int
    voices: int
    share_of_class: float
    share_of_contributions: float


@dataclass(frozen=True)
class ParticipationSummary:
    contributions: int
    occupied_seats: int
    distinct_voices: int
    by_kind: dict[ParticipationKind, int]
    by_seat: dict[str, int]
    groups: list[GroupShare] = field(default_factory=list)

    @property
    def every_group_contributed(self) -> bool:
        real = [g for g in self.groups if g.group != NO_GROUP]
        return bool(real) and all(g.contributions > 0 for g in real)

    def sentence(self) -> str:
        """E.g. "18 of 24 students spoke; every table group contributed." """
        if self.occupied_seats == 0:
            return _("No seating chart for this class yet.")
        # The plural follows the speakers (the verb agrees with them in Spanish).
        text = ngettext(
            "{voices} of {seats} students spoke",
            "{voices} of {seats} students spoke",
            self.distinct_voices,
        ).format(voices=self.distinct_voices, seats=self.occupied_seats)
        text += " (" + self.contributions_text() + ")"
        groups = self.groups_text()
        if groups:
            text += "; " + groups
        return text + "."

    def contributions_text(self) -> str:
        """ "12 contributions" in the current language."""
        return ngettext("{count} contribution", "{count} contributions", self.contributions).format(
            count=self.contributions
        )

    def groups_text(self) -> str:
        """Whether every table group was heard ("" with no groups or no contributions)."""
        real = [g for g in self.groups if g.group != NO_GROUP]
        if not (real and self.contributions):
            return ""
        silent = [g.group for g in real if g.contributions == 0]
        if not silent:
            return _("every group contributed")
        return _("not yet heard from: {groups}").format(groups=", ".join(silent))


class Placed(Protocol):
    """A seat as ``summarize`` groups it: an ORM seat or a screen's frozen copy."""

    @property
    def id(self) -> str: ...
    @property
    def group_label(self) -> str | None: ...


class Counted(Protocol):
    """A tally as ``summarize`` counts it: an ORM event or a screen's frozen copy."""

    @property
    def seat_id(self) -> str: ...
    @property
    def participation_kind(self) -> ParticipationKind: ...
    @property
    def deleted(self) -> bool: ...


def summarize(seats: Sequence[Placed], events: Sequence[Counted]) -> ParticipationSummary:
    """Figures from a chart's live seats and a visit's live events (pure: easy to test)."""
    seat_ids = {seat.id for seat in seats}
    counted = [e for e in events if not e.deleted and e.seat_id in seat_ids]
    by_seat = Counter(e.seat_id for e in counted)
    total = len(counted)
    groups: dict[str, list[Placed]] = {}
    for seat in seats:
        groups.setdefault(seat.group_label or NO_GROUP, []).append(seat)
    shares = []
    if any(label != NO_GROUP for label in groups):
        for label in sorted(groups, key=lambda g: (g == NO_GROUP, g)):
            members = groups[label]
            contributions = sum(by_seat[seat.id] for seat in members)
            shares.append(
                GroupShare(
                    group=label,
                    seats=len(members),
                    contributions=contributions,
                    voices=sum(1 for seat in members if by_seat[seat.id]),
                    share_of_class=len(members) / len(seats),
                    share_of_contributions=contributions / total if total else 0.0,
                )
            )
    return ParticipationSummary(
        contributions=total,
        occupied_seats=len(seats),
        distinct_voices=len(by_seat),
        by_kind=dict(Counter(e.participation_kind for e in counted)),
        by_seat=dict(by_seat),
        groups=shares,
    )


def visit_summary(store: Store, visit_id: str) -> ParticipationSummary:
    with store.read() as s:
        visit = s.get_one(Visit, visit_id)
        seats = list(
            s.scalars(
                select(Seat).where(Seat.classroom_id == visit.classroom_id, Seat.deleted.is_(False))
            )
        )
        events = list(
            s.scalars(
                select(ParticipationEvent).where(
                    ParticipationEvent.visit_id == visit_id,
                    ParticipationEvent.deleted.is_(False),
                )
            )
        )
    return summarize(seats, events)
