"""What the tally panel reads for the open visit: its classroom's chart shape and its tallies.

A tap re-reads only the tallies (a tally can't change the chart), so the chart's seats are read
separately (``chart_seats``) and only when the caller asks for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from observe.store import Store
from observe.store.models import Classroom, ParticipationEvent, ParticipationKind, Seat, Visit
from observe.vocabulary import class_label


@dataclass(frozen=True)
class Tally:
    """One live participation event: who (a seat) and how (the kind)."""

    id: str
    seat_id: str
    participation_kind: ParticipationKind
    deleted: bool = False


@dataclass(frozen=True)
class ChartSeat:
    """One live seat of a chart, where it sits and what it is called (never a student name)."""

    id: str
    row: int
    col: int
    label: str
    group_label: str | None


@dataclass(frozen=True)
class ChartShape:
    classroom_id: str
    rows: int
    cols: int


@dataclass(frozen=True)
class VisitTallies:
    """The visit's live tallies, and its classroom's chart shape when it was asked for."""

    classroom_id: str
    shape: ChartShape | None
    tallies: tuple[Tally, ...]


def visit_tallies(store: Store, visit_id: str, *, with_shape: bool) -> VisitTallies | None:
    """None once the visit is gone (deleted here or by sync), so the panel says "open a visit"."""
    with store.read() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.deleted:
            return None
        shape = None
        if with_shape:
            room = s.get_one(Classroom, visit.classroom_id)
            shape = ChartShape(room.id, room.rows, room.cols)
        rows = s.execute(
            select(
                ParticipationEvent.id,
                ParticipationEvent.seat_id,
                ParticipationEvent.participation_kind,
            ).where(
                ParticipationEvent.visit_id == visit_id,
                ParticipationEvent.deleted.is_(False),
            )
        ).all()
        return VisitTallies(visit.classroom_id, shape, tuple(Tally(*r) for r in rows))


@dataclass(frozen=True)
class ChartClass:
    """What the seating-chart editor needs about its class besides the seats."""

    rows: int
    cols: int
    #: "Science, 7, P3": the class as the editor's title names it ("" when nothing is known).
    label: str


def chart_class(store: Store, classroom_id: str) -> ChartClass:
    with store.read() as s:
        room = s.get_one(Classroom, classroom_id)
        return ChartClass(
            room.rows,
            room.cols,
            class_label(room.subject, grade=room.grade, period=room.period, sep=", "),
        )


def chart_seats(store: Store, classroom_id: str) -> list[ChartSeat]:
    """The chart's live seats row by row, as ``live_seats`` orders them."""
    with store.read() as s:
        rows = s.execute(
            select(Seat.id, Seat.row, Seat.col, Seat.label, Seat.group_label)
            .where(Seat.classroom_id == classroom_id, Seat.deleted.is_(False))
            .order_by(Seat.row, Seat.col)
        ).all()
    return [ChartSeat(*r) for r in rows]
