"""The cycle window's student evidence: import a survey and scores, type paper tallies, and
see each measure before → after, all from the keyboard-reachable menu."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from observe.coaching import scores, surveys
from observe.ui.coaching.cycle_evidence_dialogs import (
    ImportScoresDialog,
    ImportSurveyDialog,
    PaperTalliesDialog,
)
from observe.ui.coaching.cycles_window import CyclesWindow
from tests.coaching.survey_files import Q1, Q4, google_forms_csv, make_cycle, scores_csv
from tests.ui.conftest import ErrorsSeen


@pytest.fixture
def window(qtbot, store, errors_seen: ErrorsSeen):
    make_cycle(store)
    w = CyclesWindow(store, report_error=errors_seen, today=date(2026, 11, 20))
    qtbot.addWidget(w)
    w.show()
    return w


def test_menu_imports_a_survey_and_scores_and_shows_before_after(
    qtbot, store, errors_seen, window: CyclesWindow, tmp_path: Path
):
    assert window.view.evidence.isHidden()
    menu = window.evidence_button.menu()
    assert [a.text() for a in menu.actions()] == [
        "Import &survey…",
        "Import &scores…",
        "Enter &paper survey tallies…",
        "P&rint a paper survey…",
        "Score &work samples…",
    ]
    assert window.evidence_button.text() == "S&tudent evidence"

    survey = tmp_path / "before.csv"
    survey.write_bytes(google_forms_csv(20))
    menu.actions()[0].trigger()
    dialog = window.dialog
    assert isinstance(dialog, ImportSurveyDialog)
    assert not dialog.import_button.isEnabled()
    dialog.path.setText(str(survey))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    assert "“Timestamp”, “Email Address”, “Name”" in dialog.shown.toPlainText()
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
    assert errors_seen == []
    lines = window.view.evidence.lines
    assert not window.view.evidence.isHidden()
    assert lines[0].startswith(Q1) and "before; no after results yet" in lines[0]

    bad = tmp_path / "scores.csv"
    bad.write_bytes(scores_csv(["3", "absent"]))
    scores_dialog = window.import_scores()
    assert isinstance(scores_dialog, ImportScoresDialog)
    scores_dialog.path.setText(str(bad))
    scores_dialog.read_file()
    qtbot.waitUntil(lambda: "not a number" in scores_dialog.message.text(), timeout=10_000)
    assert not scores_dialog.import_button.isEnabled() and errors_seen == []
    good = tmp_path / "after-scores.csv"
    good.write_bytes(scores_csv(["3", "2", "4", "4"]))
    scores_dialog.path.setText(str(good))
    scores_dialog.phase.setCurrentIndex(scores_dialog.phase.findData("after"))
    scores_dialog.read_file()
    qtbot.waitUntil(scores_dialog.import_button.isEnabled, timeout=10_000)
    assert "3 meet “at or above 3 of 4” (75%)" in scores_dialog.shown.toPlainText()
    with qtbot.waitSignal(scores_dialog.saved):
        scores_dialog.save()
    assert any(
        "scoring “at or above 3 of 4”: 75% after" in line for line in window.view.evidence.lines
    )


def test_paper_tallies_follow_the_questions_already_asked(
    qtbot, store, errors_seen, window: CyclesWindow
):
    cycle_id = window.current_id()
    surveys.save_survey(
        store, cycle_id, "before", surveys.paper_survey("B", [(Q1, "agree5", [1, 2, 3, 4, 0])])
    )
    dialog = window.paper_tallies()
    assert isinstance(dialog, PaperTalliesDialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == Q1
    dialog.phase.setCurrentIndex(dialog.phase.findData("after"))
    dialog.table.item(0, 2).setText("5, 4, 1")
    assert not dialog.save()
    assert "needs a tally for each of its 5 options" in dialog.message.text()
    dialog.table.item(0, 2).setText("5, 4, 1, 0, x")
    assert not dialog.save() and "whole numbers" in dialog.message.text()
    dialog.add_row(Q4, "yes_no")
    dialog.table.item(0, 2).setText("5, 4, 1, 0, 0")
    dialog.table.item(1, 2).setText("8; 2")
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
    assert errors_seen == []
    measures = surveys.cycle_surveys(store, cycle_id).measures
    assert measures[0].after.share == 0.9 and measures[1].after.share == 0.8
    assert "30% → 90% (+60 points)" in window.view.evidence.lines[0]
    assert scores.cycle_assessment(store, cycle_id) is None


def test_print_a_paper_survey_from_the_menu(qtbot, store, errors_seen, window: CyclesWindow):
    assert window.print_survey() is None
    assert "no survey questions yet" in str(errors_seen.pop())
    cycle_id = window.current_id()
    surveys.save_survey(
        store, cycle_id, "before", surveys.paper_survey("B", [(Q1, "agree5", [1, 2, 3, 4, 0])])
    )
    window.evidence_button.menu().actions()[3].trigger()
    preview = window.preview
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: errors_seen == [] and preview.isVisible(), timeout=5000)
    preview.close()
