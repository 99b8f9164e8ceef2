"""Scoring work samples in the cycle window, keyboard only: the menu opens the dialog, arrows
choose a sample, a level is picked, Ctrl+S saves and moves on; the cycle view shows the share
meeting the criteria before → after."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget

from observe.coaching import samples
from observe.ui.coaching.cycles_window import CyclesWindow
from observe.ui.coaching.sample_scoring import ScoreSamplesDialog
from tests.coaching.test_samples import cycle_with_samples
from tests.ui.conftest import ErrorsSeen


def test_score_samples_from_the_keyboard(qtbot, store, errors_seen: ErrorsSeen, tmp_path: Path):
    cycle_id = cycle_with_samples(store, tmp_path, (2, 1))
    window = CyclesWindow(store, report_error=errors_seen, today=date(2026, 11, 20))
    qtbot.addWidget(window)
    window.show()
    assert window.view.evidence.isHidden()
    menu = window.evidence_button.menu()
    menu.actions()[-1].trigger()
    dialog = window.dialog
    assert isinstance(dialog, ScoreSamplesDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # as the window manager does for a new dialog
    qtbot.waitUntil(lambda: dialog.isActiveWindow(), timeout=5_000)
    assert isinstance(dialog.focusWidget(), QListWidget)  # starts in the list of samples
    assert dialog.list.count() == 3
    assert not dialog.list.item(0).icon().isNull()  # the stored photo as a thumbnail
    accessible = dialog.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith("Exit ticket 0.0,") and accessible.endswith("Not scored")
    for w in (dialog.level, dialog.phase, dialog.note):
        assert w.accessibleName()
    assert dialog.phase.currentData() == "before"

    # First sample: Not yet, with a note; Ctrl+S saves and moves to the next unscored one.
    dialog.level.setFocus()
    qtbot.keyClicks(dialog.level, "N")  # a letter picks "Not yet"
    assert dialog.level.currentData() == "not_yet"
    qtbot.keyClick(dialog.level, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert isinstance(dialog.focusWidget(), QLineEdit)
    qtbot.keyClicks(dialog.note, "No units on the axis")
    qtbot.keyClick(dialog.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "Scored the sample “Exit ticket 0.0”: Not yet, before the cycle." in (
        dialog.message.text()
    )
    assert dialog.list.currentRow() == 1
    assert isinstance(dialog.focusWidget(), QListWidget)
    # Second (before) and third (after): Meets, saved with Enter in the note.
    for row in (1, 2):
        assert dialog.list.currentRow() == row
        dialog.level.setCurrentIndex(dialog.level.findData("meets"))
        dialog.note.setFocus()
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert errors_seen == []
    assert "50% → 100% (+50 points)" in dialog.measure.text()
    assert "Not yet (before)" in dialog.list.item(0).text()

    # The cycle view shows the measure.
    assert not window.view.evidence.isHidden()
    assert any(line.startswith("Scored samples: 50% → 100%") for line in window.view.evidence.lines)
    measure = samples.cycle_samples_measure(store, cycle_id)
    assert measure is not None and measure.before == samples.PhaseSamples(2, 1)

    # Clearing takes the score out of the measure.
    dialog.list.setCurrentRow(0)
    assert dialog.note.text() == "No units on the axis"
    assert dialog.clear()
    assert "Not scored" in dialog.list.item(0).text()
    assert "100% → 100%" in dialog.measure.text()


def test_a_cycle_without_samples_says_how_to_add_one(qtbot, store, errors_seen: ErrorsSeen):
    from tests.coaching.survey_files import make_cycle

    cycle_id = make_cycle(store)
    dialog = ScoreSamplesDialog(store, cycle_id, None, report_error=errors_seen)
    qtbot.addWidget(dialog)
    assert "no work samples yet" in dialog.message.text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.save() and errors_seen == []
    assert isinstance(dialog.level, QComboBox)
