"""Participation tallies in the capture window: the seat grid, its summary and the chart editor."""

from observe.ui.participation.seat_grid import SeatButton, SeatGrid
from observe.ui.participation.seating_editor import SeatingEditorDialog
from observe.ui.participation.tally_panel import TallyPanel

__all__ = ["SeatButton", "SeatGrid", "SeatingEditorDialog", "TallyPanel"]
