"""A writer that says nothing still refreshes every view: the store's change news does it.

Before issue 15 a view refreshed only when the writer remembered to ``announce`` what it wrote;
the demo load forgot, and the navigator stayed empty until a restart. These tests write through
core functions called directly (no screen, no announcement) and look at what the coach sees.
"""

from __future__ import annotations

import threading

from sqlalchemy import select

from observe.capture.evidence import save_evidence
from observe.capture.participation import SeatSpec, save_seating, tally
from observe.capture.visits import start_visit
from observe.store import Store
from observe.store.models import EvidenceKind, ParticipationKind, Seat, Visit, VisitType
from observe.ui.main_window import MainWindow

from ..store.helpers import make_visit


def _open(window: MainWindow, store: Store, idle) -> tuple[str, str]:
    visit_id, _ = make_visit(store)
    with store.read() as s:
        classroom_id = s.get_one(Visit, visit_id).classroom_id
    window.workspace.context.open_visit(visit_id)
    idle()
    return visit_id, classroom_id


def test_core_writes_nobody_announced_reach_the_timeline_tally_panel_and_navigator(
    window: MainWindow, store: Store, qtbot, idle, errors_seen
):
    visit_id, classroom_id = _open(window, store, idle)
    ws = window.workspace

    # The timeline shows an item saved by a core call at once, before the next key press.
    saved = save_evidence(store, visit_id, EvidenceKind.STUDENT_TALK, '"It doubles each time"')
    assert [i.id for i in ws.capture.model.items()] == [saved.id]

    # The tally panel draws a chart made elsewhere and counts a tally written elsewhere.
    save_seating(store, classroom_id, 1, 2, {(0, 0): SeatSpec("A1"), (0, 1): SeatSpec("A2")})
    assert ws.tally.summary is not None and ws.tally.summary.occupied_seats == 2
    with store.read() as s:
        seat_id = s.scalars(select(Seat.id).where(Seat.label == "A1")).one()
    tally(store, visit_id, seat_id, ParticipationKind.VOLUNTEERED)
    assert ws.tally.summary.contributions == 1
    assert ws.tally.summary.by_seat == {seat_id: 1}

    # The navigator lists a visit started elsewhere (after its short reload delay).
    other = start_visit(store, classroom_id, VisitType.MODELING).id
    nav = ws.navigator
    qtbot.waitUntil(lambda: nav.visit_model.visit_index(other).isValid(), timeout=10_000)
    assert errors_seen == []


def test_an_item_saved_in_another_visit_stays_out_of_the_open_timeline(
    window: MainWindow, store: Store, idle, errors_seen
):
    visit_id, classroom_id = _open(window, store, idle)
    other = start_visit(store, classroom_id, VisitType.MODELING).id
    save_evidence(store, other, EvidenceKind.NOTE, "Belongs to the other visit")
    mine = save_evidence(store, visit_id, EvidenceKind.NOTE, "Belongs to the open visit")
    assert [i.id for i in window.workspace.capture.model.items()] == [mine.id]
    assert errors_seen == []


def test_the_demo_loaded_by_a_core_call_on_a_worker_fills_the_navigator(
    window: MainWindow, store: Store, qtbot, idle, errors_seen
):
    from observe.demo.generator import load_demo

    nav = window.workspace.navigator
    assert nav.teacher_model.rowCount() == 0 and nav.visit_model.rowCount() == 0
    # Not through the window's menu: nobody on the GUI side hears that a load happened.
    worker = threading.Thread(target=load_demo, args=(store,))
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive()
    qtbot.waitUntil(
        lambda: nav.teacher_model.rowCount() > 0 and nav.visit_model.rowCount() > 0,
        timeout=20_000,
    )
    idle()
    assert window.workspace.lookfors.rows
    assert errors_seen == []


def test_undo_elsewhere_opens_its_visit_and_redo_puts_focus_on_the_item(
    window: MainWindow, store: Store, idle, errors_seen
):
    """The rows come from the news; where the eye goes comes from the command."""
    visit_id, classroom_id = _open(window, store, idle)
    context, pane = window.workspace.context, window.workspace.capture
    pane.line.setText("Students compare two strategies")
    pane.save_line()
    [item] = [i.id for i in pane.model.items()]
    context.open_visit(start_visit(store, classroom_id, VisitType.MODELING).id)
    assert pane.model.rowCount() == 0

    context.undo_stack.undo()  # undo shows what it undid: the first visit, without the item
    assert (context.visit_id, pane.model.rowCount()) == (visit_id, 0)
    context.undo_stack.redo()
    assert [i.id for i in pane.model.items()] == [item]
    assert pane.timeline.current_id() == item
    assert errors_seen == []
