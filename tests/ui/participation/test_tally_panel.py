"""Tallying in the side panel: clicks and keys write events, the figures follow, Ctrl+Z undoes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from observe.capture.participation import SeatSpec
from observe.errors import ObserveError
from observe.store.models import ParticipationKind
from observe.ui.participation import TallyPanel
from observe.ui.participation.tally_panel import NO_CHART_TEXT, NO_VISIT_TEXT

from .conftest import TWO_TABLES, OpenVisit


@pytest.fixture
def panel(qtbot, visit: OpenVisit, errors_seen) -> TallyPanel:
    widget = TallyPanel(visit.context, report_error=errors_seen)
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def key(qtbot, panel: TallyPanel, k: Qt.Key) -> None:
    """Sends a key where the keyboard focus is: the grid's current seat."""
    seat = panel.grid.current_seat()
    assert seat is not None
    qtbot.keyClick(seat, k)


def click(qtbot, panel: TallyPanel, label: str) -> None:
    button = panel.grid.seat_button(label)
    assert button is not None, label
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_without_a_chart_the_panel_says_so_and_offers_to_draw_one(qtbot, visit, panel):
    assert panel.pages.currentWidget() is panel.no_chart_page
    assert panel.no_chart_label.text() == NO_CHART_TEXT
    qtbot.mouseClick(panel.create_chart_button, Qt.MouseButton.LeftButton)
    editor = panel.editor
    assert editor is not None and editor.isVisible()

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # the full 5 × 6 default

    assert panel.pages.currentWidget() is panel.chart_page
    assert len(panel.grid.buttons()) == 30
    assert panel.summary_view.sentence_label.text() == "0 of 30 students spoke (0 contributions)."


def test_without_a_visit_the_panel_asks_for_one(qtbot, visit, panel):
    visit.context.open_visit(None)
    assert panel.pages.currentWidget() is panel.no_visit_page
    assert panel.no_visit_label.text() == NO_VISIT_TEXT
    assert not panel.edit_chart_action.isEnabled()


def test_clicks_and_keys_tally_with_the_chosen_kind_and_the_figures_follow(
    qtbot, visit: OpenVisit, panel: TallyPanel
):
    visit.chart(2, 2, TWO_TABLES)
    assert panel.pages.currentWidget() is panel.chart_page
    assert panel.grid.front.text() == "Front of room"

    click(qtbot, panel, "A1")  # Volunteered is the starting kind
    key(qtbot, panel, Qt.Key.Key_2)  # Called on
    assert panel.kind_selector.button(ParticipationKind.CALLED_ON).isChecked()
    key(qtbot, panel, Qt.Key.Key_Right)
    assert panel.grid.current_seat().label == "A2"
    key(qtbot, panel, Qt.Key.Key_Space)
    key(qtbot, panel, Qt.Key.Key_Down)
    key(qtbot, panel, Qt.Key.Key_4)  # Peer talk
    key(qtbot, panel, Qt.Key.Key_Return)
    key(qtbot, panel, Qt.Key.Key_Up)
    qtbot.mouseClick(
        panel.kind_selector.button(ParticipationKind.ASKED_QUESTION), Qt.MouseButton.LeftButton
    )
    panel.grid.focus_seats()
    key(qtbot, panel, Qt.Key.Key_Enter)

    assert visit.events() == [
        ("A1", "volunteered"),
        ("A2", "called_on"),
        ("B2", "peer_talk"),
        ("A2", "asked_question"),
    ]
    view = panel.summary_view
    assert view.sentence_label.text() == (
        "3 of 4 students spoke (4 contributions); every group contributed."
    )
    assert view.figures_label.text() == "4 contributions · distinct voices 3 / 4"
    assert view.kinds_label.text() == (
        "Volunteered 1 · Called on 1 · Asked a question 1 · Peer talk 1"
    )
    rows = {row.name_label.text(): row for row in view.group_rows}
    assert (rows["Table 1"].bars.talk, rows["Table 1"].bars.klass) == (0.75, 0.5)
    assert (rows["Table 2"].bars.talk, rows["Table 2"].bars.klass) == (0.25, 0.5)
    assert rows["Table 1"].voices_label.text() == "2 of 2 spoke"
    assert rows["Table 2"].bars.accessibleName() == (
        "Table 2: 25% of contributions (1 contribution), 50% of the class (1 of 2 seats spoke)"
    )
    assert panel.grid.seat_button("A2").accessibleName() == "Seat A2, Table 1, 2 contributions"
    assert panel.grid.seat_button("B1").accessibleName() == "Seat B1, Table 2, no contributions"
    assert panel.grid.seat_button("A2").count == 2


def test_undo_takes_back_the_last_tally_and_redo_restores_it(
    qtbot, visit: OpenVisit, panel: TallyPanel
):
    visit.chart(2, 2, TWO_TABLES)
    click(qtbot, panel, "A1")
    click(qtbot, panel, "B1")
    stack = visit.context.undo_stack
    assert stack.count() == 2
    assert stack.undoText() == "tally for seat B1 (Volunteered)"

    stack.undo()

    assert visit.events() == [("A1", "volunteered")]
    assert visit.events(deleted=True) == [("B1", "volunteered")]
    assert panel.summary_view.sentence_label.text() == (
        "1 of 4 students spoke (1 contribution); not yet heard from: Table 2."
    )
    assert panel.grid.seat_button("B1").accessibleName() == "Seat B1, Table 2, no contributions"

    stack.redo()

    assert visit.events() == [("A1", "volunteered"), ("B1", "volunteered")]
    assert panel.summary_view.figures_label.text() == "2 contributions · distinct voices 2 / 4"


def test_arrows_step_over_gaps_and_the_chart_is_one_tab_stop(
    qtbot, visit: OpenVisit, panel: TallyPanel
):
    visit.chart(
        2,
        3,
        {
            (0, 0): SeatSpec("A1"),
            (0, 2): SeatSpec("A3"),
            (1, 1): SeatSpec("B2"),
        },
    )
    panel.grid.focus_seats()
    assert panel.grid.current_seat().label == "A1"
    key(qtbot, panel, Qt.Key.Key_Right)
    assert panel.grid.current_seat().label == "A3"  # over the gap at A2
    key(qtbot, panel, Qt.Key.Key_Down)
    assert panel.grid.current_seat().label == "B2"  # nearest seat in the next row
    key(qtbot, panel, Qt.Key.Key_Down)
    assert panel.grid.current_seat().label == "B2"  # nothing below: stays
    key(qtbot, panel, Qt.Key.Key_Home)
    assert panel.grid.current_seat().label == "B2"
    qtbot.keyClick(panel.grid.current_seat(), Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert panel.grid.current_seat().label == "A1"

    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.edit_chart_button.setFocus()
    qtbot.keyClick(
        panel.edit_chart_button,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.focusWidget() is panel.grid.seat_button("A1")  # Ctrl+Shift+P

    tabbable = [b for b in panel.grid.buttons() if b.focusPolicy() & Qt.FocusPolicy.TabFocus.value]
    assert [b.label for b in tabbable] == ["A1"]

    panel.grid.focus_seats()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.edit_chart_button  # Tab leaves the chart
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    assert QApplication.focusWidget() is panel.grid.seat_button("A1")
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    assert QApplication.focusWidget() is panel.kind_selector.button(ParticipationKind.VOLUNTEERED)


def test_holding_space_does_not_pour_in_tallies(qtbot, visit: OpenVisit, panel: TallyPanel):
    visit.chart(2, 2, TWO_TABLES)
    panel.grid.focus_seats()
    seat = panel.grid.current_seat()
    qtbot.keyPress(seat, Qt.Key.Key_Space)
    for _ in range(3):  # what the keyboard sends while the key stays down
        repeat = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ", True
        )
        QApplication.sendEvent(seat, repeat)
    qtbot.keyRelease(seat, Qt.Key.Key_Space)
    assert visit.events() == [("A1", "volunteered")]


def test_a_failed_write_shows_its_sentence_and_leaves_nothing_to_undo(
    qtbot, visit: OpenVisit, panel: TallyPanel, errors_seen, monkeypatch
):
    visit.chart(2, 2, TWO_TABLES)

    def refuse(*args, **kwargs):
        raise ObserveError("Observe couldn't save the tally; the disk is full.")

    monkeypatch.setattr("observe.ui.participation.seat_grid.tally", refuse)
    click(qtbot, panel, "A1")
    assert [str(e) for e in errors_seen] == ["Observe couldn't save the tally; the disk is full."]
    assert visit.context.undo_stack.count() == 0
    assert panel.grid.seat_button("A1").count == 0


def test_editing_the_chart_updates_the_grid_and_keeps_the_tallies(
    qtbot, visit: OpenVisit, panel: TallyPanel
):
    visit.chart(2, 2, TWO_TABLES)
    click(qtbot, panel, "B2")
    panel.edit_chart_action.trigger()
    editor = panel.editor
    assert editor is not None
    index = editor.model.index(1, 1)
    editor.table.setCurrentIndex(index)
    qtbot.keyClick(editor.label_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.label_edit, "Door")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert panel.grid.seat_button("B2") is None
    assert panel.grid.seat_button("Door").accessibleName() == "Seat Door, Table 2, 1 contribution"
    assert panel.editor is None or not panel.editor.isVisible()


SIX_BY_FIVE = {
    (r, c): SeatSpec(f"{'ABCDE'[r]}{c + 1}", f"Table {(r // 2) * 3 + c // 2 + 1}")
    for r in range(5)
    for c in range(6)
}


def test_seats_are_at_least_44_pixels_each_way(qtbot, visit: OpenVisit, panel: TallyPanel):
    visit.chart(5, 6, SIX_BY_FIVE)
    qtbot.waitUntil(lambda: len(panel.grid.buttons()) == 30)
    assert panel.devicePixelRatioF() == 1.0  # 100 % scaling: logical pixels are real ones
    sizes = {(b.width(), b.height()) for b in panel.grid.buttons()}
    assert all(w >= 44 and h >= 44 for w, h in sizes), sizes


def test_the_seats_stay_put_while_tallying(qtbot, visit: OpenVisit, panel: TallyPanel):
    visit.chart(5, 6, SIX_BY_FIVE)
    qtbot.wait(50)

    def where() -> list[tuple[int, int, int, int]]:
        out = []
        for b in panel.grid.buttons():
            top_left = b.mapTo(panel, b.rect().topLeft())
            out.append((top_left.x(), top_left.y(), b.width(), b.height()))
        return out

    before = where()
    sentences = set()
    # One seat per table group: "not yet heard from: …" shrinks from eight tables to none.
    for label in ["A1", "A3", "A5", "C1", "C3", "C5", "E1", "E3", "E5"]:
        click(qtbot, panel, label)
        qtbot.wait(20)
        sentences.add(panel.summary_view.sentence_label.text())
        assert where() == before, label
    assert len(sentences) == 9
    assert panel.summary_view.sentence_label.text().endswith("every group contributed.")


def test_ctrl_shift_p_without_a_chart_offers_to_draw_one(qtbot, visit: OpenVisit, panel):
    assert panel.pages.currentWidget() is panel.no_chart_page
    panel.activateWindow()
    qtbot.keyClick(
        panel, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert panel.focusWidget() is panel.create_chart_button
    assert panel.no_chart_label.isVisible()  # the offer, in words
    qtbot.keyClick(panel.create_chart_button, Qt.Key.Key_Return)
    assert panel.editor is not None and panel.editor.isVisible()
