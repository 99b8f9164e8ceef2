"""Participation tallies in the capture window: the seat grid, its summary and the chart editor."""

from typing import TYPE_CHECKING

from observe.ui.lazy import lazy_exports
from observe.ui.participation.seat_grid import SeatButton, SeatGrid
from observe.ui.participation.tally_panel import TallyPanel

if TYPE_CHECKING:
    from observe.ui.participation.seating_editor import SeatingEditorDialog

# The chart editor loads when first opened, not with the window.
__getattr__ = lazy_exports(
    __name__, {"SeatingEditorDialog": "observe.ui.participation.seating_editor"}
)

__all__ = ["SeatButton", "SeatGrid", "SeatingEditorDialog", "TallyPanel"]
