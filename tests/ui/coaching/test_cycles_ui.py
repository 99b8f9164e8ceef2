"""Cycles as a coach works them: create, link visits, watch the measure, close with a reflection."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from observe.coaching import cycles
from observe.store.models import CycleStatus, MeasureKind, StepKind, StepStatus
from observe.ui.coaching.cycle_editor import CycleEditor
from observe.ui.coaching.cycles_window import CyclesWindow
from tests.coaching.helpers import T0, make_room, visit_with_voices
from tests.ui.conftest import ErrorsSeen

TODAY = date(2026, 11, 20)


@pytest.fixture
def cycles_window(qtbot, store, errors_seen: ErrorsSeen):
    w = CyclesWindow(store, report_error=errors_seen, today=TODAY)
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_new_cycle_from_the_editor_to_a_measure_that_moved(
    qtbot, store, errors_seen, cycles_window: CyclesWindow
):
    _teacher, room, seats = make_room(store, seats=24)
    cycles_window.reload()
    assert cycles_window.list.count() == 0 and "No coaching cycles yet" in (
        cycles_window.view.details.text()
    )

    editor = cycles_window.new()
    assert isinstance(editor, CycleEditor)
    editor.focus.setText("Widen participation in whole-class discussion")
    editor.goal.setPlainText("At least 16 of 24 students contribute aloud.")
    editor.measure.setCurrentIndex(editor.measure.findData(MeasureKind.DISTINCT_VOICES.value))
    editor.baseline.setValue(9)
    editor.target.setValue(16)
    editor.started.setDate(QDate(T0.date()))
    from observe.coaching.cycles import StepDraft

    editor.add_step(StepDraft(StepKind.CO_PLAN, "Co-plan partner talk", T0.date()))
    editor.add_step(StepDraft(StepKind.OBSERVE, "Observe with the seating chart"))
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert errors_seen == []
    [row] = cycles.list_cycles(store)
    assert (row.teacher_name, row.steps_total) == ("Ana Reyes", 2)
    assert cycles_window.list.count() == 1

    visits = [
        visit_with_voices(store, room, seats, voices, start=T0 + timedelta(weeks=i))
        for i, voices in enumerate((9, 13, 17))
    ]
    dialog = cycles_window.link_visits()
    assert dialog.visits.count() == 3
    for i in range(3):
        dialog.visits.item(i).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert sorted(dialog.checked_ids()) == sorted(visits)

    view = cycles_window.view
    assert view.sentence.text() == "Distinct voices: baseline 9 → 17/24 (+8); target 16, met."
    assert [view.visits.item(r, 2).text() for r in range(3)] == ["9/24", "13/24", "17/24"]
    # The chart: the measure plus dashed baseline and target lines.
    assert view.chart.series_count() == 3
    assert [s.name() for s in view.chart.chart().series()] == [
        "Distinct voices",
        "Baseline (9)",
        "Target (16)",
    ]
    assert [p.y() for p in view.chart.chart().series()[0].points()] == [9, 13, 17]


def test_an_invalid_cycle_keeps_the_editor_open_with_a_sentence(
    store, errors_seen, cycles_window: CyclesWindow
):
    make_room(store)
    editor = cycles_window.new()
    editor.focus.setText("Justify with evidence")
    editor.measure.setCurrentIndex(editor.measure.findData(MeasureKind.LOOKFOR_FREQUENCY.value))
    assert editor.lookfor.count() == 0  # no look-fors in this profile
    assert editor.save() is None
    assert "Choose the look-for" in editor.message.text()
    assert cycles.list_cycles(store) == [] and errors_seen == []


def test_editing_steps_and_closing_the_cycle(qtbot, store, cycles_window: CyclesWindow):
    teacher, _room, _seats = make_room(store)
    cycle_id = cycles.save_cycle(
        store,
        cycles.CycleDraft(
            teacher,
            "Students ask each other questions",
            started_on=date(2026, 10, 1),
            steps=(cycles.StepDraft(StepKind.MODEL, "Model question stems"),),
        ),
    )
    cycles_window.reload(cycle_id)
    editor = cycles_window.edit()
    status = editor.steps.cellWidget(0, 3)
    status.setCurrentIndex(status.findData(StepStatus.DONE.value))
    editor.steps.cellWidget(0, 4).setDate(QDate(2026, 10, 8))
    editor.add_step(cycles.StepDraft(StepKind.DEBRIEF, "Debrief with the participation map"))
    with qtbot.waitSignal(editor.saved):
        editor.save()
    steps = cycles.load_cycle(store, cycle_id).steps
    assert [(s.kind, s.status, s.done_on) for s in steps] == [
        (StepKind.MODEL, StepStatus.DONE, date(2026, 10, 8)),
        (StepKind.DEBRIEF, StepStatus.PLANNED, None),
    ]
    assert cycles_window.view.steps.rowCount() == 2

    closing = cycles_window.close_cycle()
    assert closing.save() is False
    assert "reflection" in closing.message.text()
    assert cycles.load_cycle(store, cycle_id).status is CycleStatus.ACTIVE
    closing.reflection.setPlainText("Students now open discussions with their own questions.")
    with qtbot.waitSignal(closing.saved):
        closing.save()
    closed = cycles.load_cycle(store, cycle_id)
    assert closed.status is CycleStatus.COMPLETED and closed.ended_on == TODAY
    assert "own questions" in cycles_window.view.reflection.text()
    assert not cycles_window.close_button.isEnabled()

    assert cycles_window.delete(confirm=False)
    assert cycles.list_cycles(store) == [] and cycles_window.list.count() == 0


def test_one_measured_visit_shows_as_a_point_against_the_baseline(
    qtbot, store, cycles_window: CyclesWindow
):
    teacher, room, seats = make_room(store, seats=24)
    cycle_id = cycles.save_cycle(
        store,
        cycles.CycleDraft(
            teacher,
            "Widen participation",
            measure_kind=MeasureKind.DISTINCT_VOICES,
            baseline=7,
            target=16,
            started_on=T0.date(),
        ),
    )
    cycles_window.reload()
    chart = cycles_window.view.chart.chart()
    # No visit yet: the baseline and target still show where the cycle starts and aims.
    assert [s.name() for s in chart.series()] == ["Distinct voices", "Baseline (7)", "Target (16)"]
    visit_with_voices(store, room, seats, 12, start=T0, cycle_id=cycle_id)
    cycles_window.reload()
    view = cycles_window.view
    line, baseline, _target = view.chart.chart().series()
    assert [(p.x(), p.y()) for p in line.points()] == [(0, 12)]
    assert line.pointsVisible() and line.markerSize() >= 8  # a lone point is visible
    assert {p.y() for p in baseline.points()} == {7}
    assert view.sentence.text() == (
        "Distinct voices: baseline 7 → 12/24 (+5) in the one measured visit so far; "
        "target 16, not yet met."
    )
    assert view.visits.item(0, 2).text() == "12/24"  # a count, not "12.0"


def test_baseline_and_target_read_as_counts_in_the_editor(qtbot, store, cycles_window):
    teacher, _room, _seats = make_room(store, seats=24)
    cycles.save_cycle(
        store,
        cycles.CycleDraft(
            teacher, "Voices", measure_kind=MeasureKind.DISTINCT_VOICES, baseline=12, target=18
        ),
    )
    cycles_window.reload()
    editor = cycles_window.edit()
    assert editor is not None
    assert (editor.baseline.text(), editor.target.text()) == ("12", "18")
    editor.reject()


def test_sharing_a_cycle_with_the_teacher_from_the_window(
    qtbot, store, errors_seen, cycles_window: CyclesWindow
):
    from PySide6.QtTest import QTest

    from observe.coaching import cycle_share
    from observe.store.models import Teacher

    teacher, _room, _seats = make_room(store, seats=24)
    cycle_id = cycles.save_cycle(
        store, cycles.CycleDraft(teacher_id=teacher, focus="Partner talk before sharing")
    )
    cycles_window.reload(cycle_id)
    box = cycles_window.share_box
    assert box.isEnabled() and not box.isChecked()
    # No email in the roster: the window says why before anything is tried.
    assert cycles_window.share_note.text().startswith("Ana Reyes has no email in your roster")

    # Alt+S (the box's mnemonic) from the list: refused in words beside the box, which goes back.
    qtbot.waitExposed(cycles_window)
    cycles_window.activateWindow()
    qtbot.waitUntil(cycles_window.isActiveWindow)
    cycles_window.list.setFocus()
    QTest.keyClick(cycles_window.list, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    # (a mnemonic clicks the box after a short animation)
    qtbot.waitUntil(lambda: cycles_window.share_note.text().endswith("is still private."))
    assert not box.isChecked()
    assert not cycle_share.is_shared(store, cycle_id) and errors_seen == []

    with store.write() as s:
        s.get(Teacher, teacher).email = "ana@school.org"
    QTest.keyClick(cycles_window.list, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: cycles_window.share_note.text().startswith("Shared: the teacher"))
    assert box.isChecked() and cycle_share.is_shared(store, cycle_id)
    assert "Step notes and your closing reflection stay private." in cycles_window.share_note.text()
    cycles_window.reload(cycle_id)  # reopened later, the box remembers
    assert box.isChecked()

    QTest.keyClick(cycles_window.list, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: cycles_window.share_note.text().startswith("Private again"))
    assert not box.isChecked() and not cycle_share.is_shared(store, cycle_id)
    assert errors_seen == []
