"""Small real records for coaching tests (a school, a teacher, a classroom with seats)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from observe.capture.participation import SeatSpec, save_seating, tally
from observe.capture.visits import end_visit, start_visit
from observe.store import Store
from observe.store.models import Classroom, ParticipationKind, School, Teacher, VisitType

T0 = datetime(2026, 9, 14, 13, 0, tzinfo=UTC)  # a Monday


def make_room(
    store: Store, name: str = "Ana Reyes", seats: int = 24, groups: int = 0
) -> tuple[str, str, list[str]]:
    """(teacher id, classroom id, seat ids in row order) for a 4-column chart."""
    with store.write() as s:
        school = School(name="Lincoln Middle")
        teacher = Teacher(school=school, display_name=name)
        room = Classroom(teacher=teacher, subject="Science", grade="7", period="2")
        s.add_all([school, teacher, room])
    cols = 4
    cells = {
        (i // cols, i % cols): SeatSpec(f"S{i + 1}", f"Table {i % groups + 1}" if groups else None)
        for i in range(seats)
    }
    made = save_seating(store, room.id, (seats + cols - 1) // cols, cols, cells)
    return teacher.id, room.id, [seat.id for seat in made]


def visit_with_voices(
    store: Store,
    room_id: str,
    seat_ids: list[str],
    voices: int,
    *,
    start: datetime,
    minutes: int = 30,
    extra: int = 0,
    cycle_id: str | None = None,
) -> str:
    """An ended coaching observation where ``voices`` seats spoke once (the first seat
    ``extra`` more times)."""
    visit = start_visit(
        store, room_id, VisitType.COACHING_OBSERVATION, cycle_id=cycle_id, started_at=start
    )
    for n, seat in enumerate(seat_ids[:voices]):
        tally(store, visit.id, seat, ParticipationKind.VOLUNTEERED, start + timedelta(seconds=n))
    for n in range(extra):
        tally(
            store,
            visit.id,
            seat_ids[0],
            ParticipationKind.CALLED_ON,
            start + timedelta(minutes=1, seconds=n),
        )
    end_visit(store, visit.id, start + timedelta(minutes=minutes))
    return visit.id
