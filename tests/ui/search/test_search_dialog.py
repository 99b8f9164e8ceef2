"""The Find evidence dialog as a coach uses it: type, narrow, press Enter to go there."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from observe.capture.evidence import save_evidence
from observe.store.models import Evidence, EvidenceKind
from observe.ui.search import SearchDialog, SearchLauncher
from observe.ui.search.placement import clear_of
from observe.ui.search.results import RESULT_ROLE
from observe.ui.search.snippet import Segment


def typed(qtbot, dialog: SearchDialog, text: str) -> list[str]:
    """Types ``text`` (after clearing) and returns the evidence ids listed, once settled."""
    dialog.query.clear()
    qtbot.keyClicks(dialog.query, text)
    return settled(qtbot, dialog)


def settled(qtbot, dialog: SearchDialog) -> list[str]:
    qtbot.waitUntil(lambda: not dialog.pending, timeout=5000)
    model = dialog.model
    return [model.index(r).data(RESULT_ROLE).hit.evidence_id for r in range(model.rowCount())]


def test_typing_finds_evidence_with_the_words_marked(dialog, evidence, qtbot):
    assert typed(qtbot, dialog, "slop") == [evidence["slope"]]
    assert dialog.count_label.text() == "1 result"
    row = dialog.model.index(0)
    text = row.data()
    assert "Zoë Okafor · Science · Student talk" in text
    assert "The slope is the rate of change" in text
    assert "[" not in text  # the store's match markers are not shown as brackets
    assert Segment("slope", True) in row.data(RESULT_ROLE).parts
    assert dialog.results.currentIndex().row() == 0  # Enter goes straight to the best hit

    assert typed(qtbot, dialog, "zebra") == []
    assert dialog.count_label.text() == "No evidence matches."


def test_filters_narrow_the_results(dialog, evidence, qtbot):
    both = {evidence["graph_science"], evidence["graph_history"]}
    assert set(typed(qtbot, dialog, "graph")) == both

    dialog.teacher_combo.setCurrentIndex(dialog.teacher_combo.findText("Ben Ode"))
    assert settled(qtbot, dialog) == [evidence["graph_history"]]
    dialog.clear_filters()
    assert set(settled(qtbot, dialog)) == both

    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findText("Student action"))
    assert settled(qtbot, dialog) == [evidence["graph_science"]]
    dialog.clear_filters()

    dialog.since_date.setDate(QDate(2026, 11, 1))
    dialog.since_check.setChecked(True)
    assert settled(qtbot, dialog) == [evidence["graph_history"]]
    dialog.since_check.setChecked(False)
    dialog.until_date.setDate(QDate(2026, 10, 31))
    dialog.until_check.setChecked(True)
    assert settled(qtbot, dialog) == [evidence["graph_science"]]
    dialog.clear_filters()

    # A filter alone lists the newest matching items.
    dialog.query.clear()
    dialog.lookfor_combo.setCurrentIndex(dialog.lookfor_combo.findData(evidence["explain"]))
    assert settled(qtbot, dialog) == [evidence["slope"]]
    assert dialog.lookfor_combo.currentText() == "D1 · Students explain (Discourse)"


def test_enter_opens_the_visit_at_that_item(dialog, evidence, qtbot, context):
    typed(qtbot, dialog, "slope")
    focused: list[str] = []
    context.focus_evidence.connect(focused.append)
    dialog.results.setFocus()
    with qtbot.waitSignal(context.visit_changed, timeout=2000) as opened:
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert opened.args == [evidence["v1"]]
    assert context.visit_id == evidence["v1"]
    assert focused == [evidence["slope"]]
    assert dialog.isVisible()  # the coach can go on to the next hit

    # Enter in the query line opens the selected hit too.
    typed(qtbot, dialog, "population")
    with qtbot.waitSignal(context.visit_changed, timeout=2000) as opened:
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert opened.args == [evidence["v2"]]
    assert focused[-1] == evidence["graph_history"]


def test_markup_in_evidence_is_shown_as_typed(dialog, evidence, qtbot, store):
    item = save_evidence(
        store,
        evidence["v1"],
        EvidenceKind.ARTIFACT,
        "Board: <b>bold</b> & [x + 2] = tangent",
    )
    assert typed(qtbot, dialog, "tangent") == [item.id]
    result = dialog.model.index(0).data(RESULT_ROLE)
    assert result.text == "Board: <b>bold</b> & [x + 2] = tangent"
    assert [p for p in result.parts if p.match] == [Segment("tangent", True)]
    # Painting goes through the delegate without interpreting the text.
    dialog.results.viewport().grab()


def test_many_hits_are_capped_and_say_so(dialog, evidence, qtbot, store):
    with store.write() as s:
        s.add_all(
            Evidence(
                visit_id=evidence["v1"],
                evidence_kind=EvidenceKind.NOTE,
                text=f"Turn and talk round {n}",
                observed_at=datetime(2026, 10, 6, 16, 0, tzinfo=UTC),
            )
            for n in range(205)
        )
    assert len(typed(qtbot, dialog, "turn")) == 200
    assert dialog.count_label.text().startswith("200+ results")


def test_only_the_latest_search_is_shown(dialog, evidence, qtbot):
    dialog.query.setText("slope")
    dialog.search_now()
    dialog.query.setText("graph")
    dialog.search_now()
    dialog.query.setText("population")
    dialog.search_now()
    assert settled(qtbot, dialog) == [evidence["graph_history"]]
    assert dialog.count_label.text() == "1 result"


def test_prompts_when_there_is_nothing_to_search_for(dialog, qtbot):
    assert typed(qtbot, dialog, "  ?! ") == []
    assert dialog.count_label.text() == "Type words to search all evidence, or choose a filter."
    dialog.since_date.setDate(QDate(2026, 11, 10))
    dialog.until_date.setDate(QDate(2026, 11, 1))
    dialog.since_check.setChecked(True)
    dialog.until_check.setChecked(True)
    assert settled(qtbot, dialog) == []
    assert "From date is after the To date" in dialog.count_label.text()


def test_new_evidence_shows_up_in_open_results(dialog, evidence, qtbot, store, context):
    assert typed(qtbot, dialog, "slope") == [evidence["slope"]]
    extra = save_evidence(store, evidence["v2"], EvidenceKind.NOTE, "Slope of the river bank")
    qtbot.waitUntil(lambda: len(settled(qtbot, dialog)) == 2, timeout=5000)
    assert extra.id in settled(qtbot, dialog)


def test_every_control_has_an_accessible_name(dialog):
    for widget in (
        dialog.query,
        dialog.teacher_combo,
        dialog.lookfor_combo,
        dialog.kind_combo,
        dialog.since_check,
        dialog.since_date,
        dialog.until_check,
        dialog.until_date,
        dialog.clear_button,
        dialog.results,
        dialog.count_label,
    ):
        assert widget.accessibleName(), widget
    # Tab goes from the words through the filters to the results.
    order = [dialog.query]
    while len(order) < 8:
        order.append(next_tab_stop(order[-1]))
    assert order == [
        dialog.query,
        dialog.clear_button,
        dialog.teacher_combo,
        dialog.lookfor_combo,
        dialog.kind_combo,
        dialog.since_check,
        dialog.until_check,  # the dates are skipped while they are off
        dialog.results,
    ]


def next_tab_stop(widget: QWidget) -> QWidget:
    candidate = widget.nextInFocusChain()
    while not (
        candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        and candidate.isEnabled()
        and candidate.isVisible()
    ):
        candidate = candidate.nextInFocusChain()
    return candidate


def test_ctrl_f_opens_one_dialog_and_brings_it_back(qtbot, evidence, context, settle):
    window = QWidget()
    qtbot.addWidget(window)
    launcher = SearchLauncher(context, window)
    window.show()
    action = launcher.actions_for_menu()[0]
    assert action.text() == "&Find evidence…"
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert action.shortcut().toString(QKeySequence.SequenceFormat.PortableText) == "Ctrl+F"
    action.trigger()
    dialog = launcher.dialog
    assert dialog.isVisible() and not dialog.isModal()
    dialog.query.setText("slope")
    dialog.hide()
    action.trigger()
    assert launcher.dialog is dialog and dialog.isVisible()
    assert dialog.query.selectedText() == "slope"  # ready to type over
    settle()


def test_after_opening_a_hit_the_dialog_does_not_cover_the_highlighted_item(
    qtbot, evidence, window, idle
):
    dialog = window.workspace.search.show_dialog()
    timeline = window.workspace.capture.timeline
    # Put the dialog right over the middle of the window, where the timeline will be.
    centre = window.frameGeometry().center()
    dialog.move(centre.x() - dialog.width() // 2, centre.y() - dialog.height() // 2)
    assert typed(qtbot, dialog, "slope") == [evidence["slope"]]
    dialog.results.setCurrentIndex(dialog.model.index(0))
    with qtbot.waitSignal(window.workspace.context.visit_changed, timeout=2000):
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    idle()
    item = window.workspace.highlighted_rect()
    assert item is not None and timeline.current_id() == evidence["slope"]
    qtbot.waitUntil(lambda: not dialog.frameGeometry().intersects(item), timeout=2000)
    assert dialog.isVisible() and dialog.height() >= dialog.minimumSizeHint().height()
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry())


def test_stepping_aside_picks_the_nearest_place_that_fits():
    screen = QRect(0, 0, 1366, 768)
    dialog = QRect(400, 200, 600, 480)
    # Already clear: stays.
    assert clear_of(dialog, QRect(20, 700, 300, 30), screen, 220) is None
    # A narrow item in the navigator column: the dialog moves beside it.
    beside = clear_of(dialog, QRect(380, 300, 120, 40), screen, 220)
    assert beside is not None and beside.size() == dialog.size()
    assert not beside.intersects(QRect(380, 300, 120, 40)) and screen.contains(beside)
    # A full-width timeline row in the middle: no room beside it, so above or below, shorter.
    row = QRect(250, 380, 800, 60)
    shorter = clear_of(dialog, row, screen, 220)
    assert shorter is not None and not shorter.intersects(row) and screen.contains(shorter)
    assert 220 <= shorter.height() < dialog.height()
    # No room anywhere for a usable dialog: left where it is rather than squashed.
    assert clear_of(dialog, QRect(0, 100, 1366, 600), screen, 220) is None
