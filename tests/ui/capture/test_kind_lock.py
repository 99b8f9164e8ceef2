"""Alt+2…5 picks a kind for one item; the same key twice keeps it until unlocked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from observe.store.models import EvidenceKind

from .conftest import committed, type_line

ALT = Qt.KeyboardModifier.AltModifier


def test_a_chosen_kind_is_for_one_item_then_the_default_returns(open_pane, qtbot, store, visit):
    assert open_pane.kind_combo.currentText() == "Student action"
    qtbot.keyClick(open_pane.line, Qt.Key.Key_3, ALT)
    assert open_pane.kind_combo.currentText() == "Teacher move"
    assert open_pane.tags_label.text().startswith("Saves as Teacher move (this item)")
    type_line(qtbot, open_pane, "Teacher cold-calls table 3")
    assert open_pane.kind_combo.currentText() == "Student action"
    assert open_pane.tags_label.text().startswith("Saves as Student action ·")
    type_line(qtbot, open_pane, "Students turn and talk")
    kinds = [k for _t, k, _d, _l in committed(store, visit[0])]
    assert kinds == [EvidenceKind.TEACHER_MOVE, EvidenceKind.STUDENT_ACTION]


def test_the_same_alt_key_twice_locks_the_kind_and_again_unlocks(open_pane, qtbot, store, visit):
    qtbot.keyClick(open_pane.line, Qt.Key.Key_3, ALT)
    qtbot.keyClick(open_pane.line, Qt.Key.Key_3, ALT)
    assert open_pane.kind_locked
    assert open_pane.tags_label.text().startswith("Saves as Teacher move (locked)")
    assert open_pane.kind_combo.font().bold()
    assert "Locked" in open_pane.kind_combo.accessibleDescription()
    type_line(qtbot, open_pane, "Teacher models the stem")
    type_line(qtbot, open_pane, "Teacher waits 5 seconds")
    assert open_pane.kind_combo.currentText() == "Teacher move"
    qtbot.keyClick(open_pane.line, Qt.Key.Key_3, ALT)  # unlock: for this item only again
    assert not open_pane.kind_locked and not open_pane.kind_combo.font().bold()
    type_line(qtbot, open_pane, "Teacher circulates")
    type_line(qtbot, open_pane, "Students write")
    kinds = [k for _t, k, _d, _l in committed(store, visit[0])]
    assert kinds == [EvidenceKind.TEACHER_MOVE] * 3 + [EvidenceKind.STUDENT_ACTION]


def test_another_kind_or_the_default_ends_a_lock(open_pane, qtbot):
    qtbot.keyClick(open_pane.line, Qt.Key.Key_5, ALT)
    qtbot.keyClick(open_pane.line, Qt.Key.Key_5, ALT)
    assert open_pane.kind_locked
    qtbot.keyClick(open_pane.line, Qt.Key.Key_4, ALT)
    assert not open_pane.kind_locked and open_pane.kind_combo.currentText() == "Artifact"
    qtbot.keyClick(open_pane.line, Qt.Key.Key_2, ALT)  # the default itself never locks
    qtbot.keyClick(open_pane.line, Qt.Key.Key_2, ALT)
    assert not open_pane.kind_locked
