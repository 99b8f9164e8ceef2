"""Capturing evidence as a coach does it: type, Enter, tag, fix, undo — all by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from observe.capture.evidence import MAX_EVIDENCE_CHARS
from observe.errors import UsageError
from observe.store.models import EvidenceKind
from observe.ui.capture import CapturePane
from observe.ui.capture.timeline_model import TEXT

from .conftest import committed, outbox_ops, select_row, shown_rows, type_line

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_enter_saves_a_committed_item_with_its_outbox_row(open_pane, qtbot, store, visit, context):
    assert open_pane.title_label.text() == "Zoë Okafor · Science · period 2"
    type_line(qtbot, open_pane, "Students count on their fingers")

    assert [r[1:] for r in shown_rows(open_pane)] == [
        ("Student action", "Students count on their fingers", "")
    ]
    assert shown_rows(open_pane)[0][0] == "00:00"
    assert committed(store, visit[0]) == [
        ("Students count on their fingers", EvidenceKind.STUDENT_ACTION, False, [])
    ]
    item = open_pane.model.item(0)
    assert outbox_ops(store, item.id) == ["upsert"]
    assert open_pane.line.text() == ""
    assert open_pane.line.hasFocus()
    assert context.save_state == "All changes saved"


def test_blank_line_saves_nothing(open_pane, qtbot, store, visit):
    type_line(qtbot, open_pane, "   ")
    assert shown_rows(open_pane) == []
    assert committed(store, visit[0]) == []


def test_a_quote_makes_student_talk_set_apart_in_italics(open_pane, qtbot, store, visit):
    qtbot.keyClicks(open_pane.line, '"Can we use a number line?"')
    assert open_pane.tags_label.text().startswith("Saves as Student talk")
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Return)
    type_line(qtbot, open_pane, "t: asks the class to vote")

    assert [r[1:3] for r in shown_rows(open_pane)] == [
        ("Student talk", '"Can we use a number line?"'),
        ("Teacher move", "asks the class to vote"),
    ]
    model = open_pane.model
    assert model.index(0, TEXT).data(Qt.ItemDataRole.FontRole).italic()
    assert not isinstance(model.index(1, TEXT).data(Qt.ItemDataRole.FontRole), QFont)
    assert [k for _t, k, _d, _c in committed(store, visit[0])] == [
        EvidenceKind.STUDENT_TALK,
        EvidenceKind.TEACHER_MOVE,
    ]


def test_alt_number_picks_the_kind_for_the_line(open_pane, qtbot, store, visit):
    qtbot.keyClick(open_pane.line, Qt.Key.Key_5, ALT)
    assert open_pane.kind_combo.currentText() == "Note"
    type_line(qtbot, open_pane, "Anchor chart from Monday still up")
    qtbot.keyClick(open_pane.line, Qt.Key.Key_4, ALT)
    type_line(qtbot, open_pane, "Exit ticket with 3 questions")
    assert [r[1] for r in shown_rows(open_pane)] == ["Note (private)", "Artifact"]
    assert committed(store, visit[0])[1][1] == EvidenceKind.ARTIFACT


def test_ctrl_1_tags_the_line_being_typed(open_pane, qtbot, store, visit):
    qtbot.keyClicks(open_pane.line, "Two students explain their strategy")
    qtbot.keyClick(open_pane.line, Qt.Key.Key_1, CTRL)
    assert "D1 Students explain" in open_pane.tags_label.text()
    for _ in range(4):  # about → seen → not yet → off again
        qtbot.keyClick(open_pane.line, Qt.Key.Key_2, CTRL)
    assert "D2" not in open_pane.tags_label.text()
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Return)

    assert shown_rows(open_pane)[0][-1] == "D1"
    assert committed(store, visit[0])[0][3] == ["D1"]
    assert "D1" not in open_pane.tags_label.text()  # the next line starts untagged


def test_lookfor_panel_toggle_reaches_the_line(open_pane, qtbot, store, visit, context):
    qtbot.keyClicks(open_pane.line, "Students question each other")
    context.lookfor_toggled.emit(visit[1][1])
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Return)
    assert committed(store, visit[0])[0][3] == ["D2"]


def test_ctrl_2_on_a_selected_item_tags_it_and_undo_removes_the_tag(open_pane, qtbot, store, visit):
    type_line(qtbot, open_pane, "Students point at the graph")
    type_line(qtbot, open_pane, "Students turn and talk")
    select_row(qtbot, open_pane, 0)
    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_2, CTRL)

    assert [r[-1] for r in shown_rows(open_pane)] == ["D2", ""]
    assert committed(store, visit[0])[0][3] == ["D2"]
    assert outbox_ops(store, open_pane.model.item(0).id) == ["upsert", "upsert"]

    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_Z, CTRL)
    assert [r[-1] for r in shown_rows(open_pane)] == ["", ""]
    assert committed(store, visit[0])[0][3] == []


def test_edit_in_place_then_undo_and_redo(open_pane, qtbot, store, visit):
    type_line(qtbot, open_pane, "Studnets sort the cards")
    select_row(qtbot, open_pane, 0)
    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_F2)
    editor = open_pane.timeline.focusWidget()
    assert editor is not open_pane.timeline and editor.text() == "Studnets sort the cards"
    editor.selectAll()
    qtbot.keyClicks(editor, "Students sort the cards into 3 groups")
    qtbot.keyClick(editor, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: shown_rows(open_pane)[0][2] == "Students sort the cards into 3 groups")
    assert committed(store, visit[0])[0][0] == "Students sort the cards into 3 groups"

    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_Z, CTRL)
    assert shown_rows(open_pane)[0][2] == "Studnets sort the cards"
    assert committed(store, visit[0])[0][0] == "Studnets sort the cards"

    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown_rows(open_pane)[0][2] == "Students sort the cards into 3 groups"
    assert committed(store, visit[0])[0][0] == "Students sort the cards into 3 groups"


def test_f2_from_the_capture_line_edits_the_newest_item(open_pane, qtbot):
    type_line(qtbot, open_pane, "First")
    type_line(qtbot, open_pane, "Secnod")
    qtbot.keyClick(open_pane.line, Qt.Key.Key_F2)
    editor = open_pane.timeline.focusWidget()
    assert editor.text() == "Secnod"


def test_alt_number_in_the_timeline_changes_the_items_kind(open_pane, qtbot, store, visit):
    type_line(qtbot, open_pane, "Teacher circulates with a clipboard")
    select_row(qtbot, open_pane, 0)
    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_3, ALT)
    assert shown_rows(open_pane)[0][1] == "Teacher move"
    assert committed(store, visit[0])[0][1] == EvidenceKind.TEACHER_MOVE
    assert open_pane.kind_combo.currentText() == "Student action"  # the line's kind is kept


def test_delete_then_undo_restores_the_item(open_pane, qtbot, store, visit):
    type_line(qtbot, open_pane, "Keep me")
    type_line(qtbot, open_pane, "Delete me")
    select_row(qtbot, open_pane, 1)
    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_Delete)

    assert [r[2] for r in shown_rows(open_pane)] == ["Keep me"]
    assert [(t, d) for t, _k, d, _c in committed(store, visit[0])] == [
        ("Keep me", False),
        ("Delete me", True),
    ]
    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_Z, CTRL)
    assert [r[2] for r in shown_rows(open_pane)] == ["Keep me", "Delete me"]
    assert [d for _t, _k, d, _c in committed(store, visit[0])] == [False, False]
    restored = open_pane.model.item(1).id
    assert open_pane.timeline.current_id() == restored
    assert outbox_ops(store, restored) == ["upsert", "delete", "upsert"]


def test_delete_key_in_the_capture_line_deletes_characters_not_items(open_pane, qtbot):
    type_line(qtbot, open_pane, "Saved item")
    qtbot.keyClicks(open_pane.line, "abc")
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Home)
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Delete)
    assert open_pane.line.text() == "bc"
    assert [r[2] for r in shown_rows(open_pane)] == ["Saved item"]


def test_ctrl_z_in_an_empty_line_undoes_the_save_and_redo_brings_it_back(
    open_pane, qtbot, store, visit
):
    type_line(qtbot, open_pane, "Oops, wrong classroom")
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Z, CTRL)
    assert shown_rows(open_pane) == []
    assert committed(store, visit[0])[0][2] is True
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [r[2] for r in shown_rows(open_pane)] == ["Oops, wrong classroom"]
    assert committed(store, visit[0])[0][2] is False


def test_ctrl_z_while_typing_undoes_typing_first(open_pane, qtbot):
    type_line(qtbot, open_pane, "Saved")
    qtbot.keyClicks(open_pane.line, "half typed")
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Z, CTRL)
    assert len(shown_rows(open_pane)) == 1  # the saved item is untouched


def test_a_failed_save_keeps_the_text_and_says_why(
    open_pane, qtbot, store, visit, errors_seen, context
):
    too_long = "x" * (MAX_EVIDENCE_CHARS + 1)
    open_pane.line.setText(too_long)  # as if pasted
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Return)

    assert open_pane.line.text() == too_long
    assert shown_rows(open_pane) == []
    assert committed(store, visit[0]) == []
    assert isinstance(errors_seen[-1], UsageError) and "nothing was saved" in str(errors_seen[-1])
    assert context.save_state.startswith("Not saved")


def test_focus_evidence_selects_the_item(open_pane, qtbot, context, visit):
    for text in ("one", "two", "three"):
        type_line(qtbot, open_pane, text)
    wanted = open_pane.model.item(1).id
    context.focus_evidence.emit(wanted)
    assert open_pane.timeline.current_id() == wanted


def test_changes_made_elsewhere_appear(open_pane, qtbot, context, store, visit):
    from observe.capture.evidence import save_evidence

    save_evidence(store, visit[0], EvidenceKind.NOTE, "Added by another screen")
    assert [r[2] for r in shown_rows(open_pane)] == ["Added by another screen"]


def test_without_a_visit_the_pane_offers_to_start_one(pane):
    assert pane.pages.currentWidget() is pane.empty_page
    assert pane.start_button.isVisible()
    assert not pane.pane_actions.end_visit.isEnabled()


def test_every_action_has_a_shortcut_and_every_control_a_name(open_pane):
    actions = open_pane.actions_for_menu()
    assert len(actions) == len({a.text() for a in actions})
    missing = [a.text() for a in actions if a.shortcut().isEmpty()]
    assert missing == []
    shortcuts = [a.shortcut().toString() for a in actions]
    assert len(shortcuts) == len(set(shortcuts))
    assert {"Ctrl+Z", "Ctrl+Shift+Z", "F2", "Del", "Ctrl+N", "Ctrl+Shift+N"} <= set(shortcuts)
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView

    controls = [
        w
        for kind in (QAbstractButton, QComboBox, QLineEdit, QTableView)
        for w in open_pane.findChildren(kind)
        if w.isVisible()
    ]
    assert controls and [w for w in controls if not w.accessibleName()] == []


def test_tab_order_starts_at_the_line_and_reaches_the_timeline(open_pane, qtbot):
    seen = []
    for _ in range(4):
        qtbot.keyClick(open_pane.focusWidget(), Qt.Key.Key_Tab)
        seen.append(open_pane.focusWidget().accessibleName())
    assert seen[:2] == ["Evidence kind", "Evidence timeline"]


def test_without_its_own_hotkeys_the_panel_signal_tags_the_selected_item(
    qtbot, context, store, visit, errors_seen
):
    from .conftest import activate

    pane = CapturePane(context, report_error=errors_seen, lookfor_hotkeys=False)
    qtbot.addWidget(pane)
    activate(qtbot, pane)
    context.open_visit(visit[0])
    assert not [a for a in pane.actions_for_menu() if a.shortcut().toString() == "Ctrl+1"]
    type_line(qtbot, pane, "Students ask why")
    select_row(qtbot, pane, 0)
    context.lookfor_toggled.emit(visit[1][1])  # as the look-for panel does on Ctrl+2
    assert shown_rows(pane)[0][-1] == "D2"
    assert committed(store, visit[0])[0][3] == ["D2"]


def test_an_item_noted_long_after_the_visit_ended_shows_after_not_a_time(
    open_pane, qtbot, context, store, visit
):
    """Filed days later, an item says "after" in the Time column, never "2407:44:40"."""
    from datetime import timedelta

    from observe.capture.evidence import save_evidence
    from observe.capture.visits import end_visit

    ended = end_visit(store, visit[0])
    save_evidence(store, visit[0], EvidenceKind.NOTE, "During", observed_at=ended.ended_at)
    later = ended.ended_at + timedelta(days=3)
    save_evidence(store, visit[0], EvidenceKind.ARTIFACT, "Filed later", observed_at=later)
    qtbot.waitUntil(lambda: len(shown_rows(open_pane)) == 2 and bool(open_pane.info.ended_at))
    times = {row[2]: row[0] for row in shown_rows(open_pane)}
    assert times["Filed later"] == "after"
    assert times["During"] != "after" and times["During"].count(":") == 1
