"""A visit on a real profile, opened in a VisitContext, for the participation widgets."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from observe.capture.participation import SeatSpec, save_seating
from observe.store import Store
from observe.store.models import ParticipationEvent, Visit
from observe.ui.context import VisitContext

from ...store.helpers import make_visit


@dataclass
class OpenVisit:
    context: VisitContext
    visit_id: str
    classroom_id: str
    lookfor_ids: list[str]

    @property
    def store(self) -> Store:
        return self.context.store

    def chart(self, rows: int, cols: int, cells: dict[tuple[int, int], SeatSpec]) -> None:
        save_seating(self.store, self.classroom_id, rows, cols, cells)

    def events(self, *, deleted: bool = False) -> list[tuple[str, str]]:
        """(seat label, kind) of the visit's tallies, oldest first."""
        with self.store.read() as s:
            rows = s.scalars(
                select(ParticipationEvent)
                .where(
                    ParticipationEvent.visit_id == self.visit_id,
                    ParticipationEvent.deleted.is_(deleted),
                )
                .order_by(ParticipationEvent.occurred_at)
            )
            return [(e.seat.label, e.participation_kind.value) for e in rows]


@pytest.fixture
def visit(qtbot, store: Store) -> OpenVisit:
    visit_id, lookfor_ids = make_visit(store)
    with store.read() as s:
        classroom_id = s.get_one(Visit, visit_id).classroom_id
    context = VisitContext(store)
    context.open_visit(visit_id)
    return OpenVisit(context, visit_id, classroom_id, lookfor_ids)


TWO_TABLES = {
    (0, 0): SeatSpec("A1", "Table 1"),
    (0, 1): SeatSpec("A2", "Table 1"),
    (1, 0): SeatSpec("B1", "Table 2"),
    (1, 1): SeatSpec("B2", "Table 2"),
}
