"""Marking what an item shows for a look-for, by keyboard, as a coach does during a visit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from observe.capture.marks import NOT_YET, SEEN
from observe.store import open_profile
from observe.store.models import Evidence
from observe.ui.capture.timeline_model import KIND, TAGS

from .conftest import outbox_ops, select_row, shown_rows, type_line

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def on_disk(store, evidence_id: str) -> tuple[list[str], dict[str, str]]:
    """(look-for codes, marks by code) as another connection reads them."""
    other = open_profile(store.paths.data_dir)
    try:
        with other.read() as s:
            item = s.get_one(Evidence, evidence_id)
            codes = {lf.id: lf.code for lf in item.lookfors}
            marks = {codes[k]: v for k, v in (item.lookfor_marks or {}).items()}
            return sorted(codes.values()), marks
    finally:
        other.close()


def test_pressing_the_same_key_again_marks_seen_then_not_yet_and_undo_steps_back(
    open_pane, qtbot, store, visit
):
    type_line(qtbot, open_pane, "Two students talk 4 times each; one has not spoken")
    item_id = open_pane.model.item(0).id
    select_row(qtbot, open_pane, 0)
    tags = open_pane.model.index(0, TAGS)

    steps = []
    for _ in range(4):
        qtbot.keyClick(open_pane.timeline, Qt.Key.Key_2, CTRL)
        steps.append((shown_rows(open_pane)[0][-1], on_disk(store, item_id)))
    assert steps == [
        ("D2", (["D2"], {})),
        ("D2 ✓ seen", (["D2"], {"D2": SEEN})),
        ("D2 ○ not yet", (["D2"], {"D2": NOT_YET})),
        ("", ([], {})),
    ]
    # Every step wrote its own outbox row, in the same transaction as the change.
    assert outbox_ops(store, item_id) == ["upsert"] * 5

    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_Z, CTRL)
    assert shown_rows(open_pane)[0][-1] == "D2 ○ not yet"
    assert tags.data(Qt.ItemDataRole.AccessibleTextRole) == "D2 not yet seen"
    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_Z, CTRL)
    assert shown_rows(open_pane)[0][-1] == "D2 ✓ seen"
    assert on_disk(store, item_id) == (["D2"], {"D2": SEEN})
    assert tags.data(Qt.ItemDataRole.AccessibleTextRole) == "D2 seen"
    assert "D2 — Students question (✓ seen)" in tags.data(Qt.ItemDataRole.ToolTipRole)
    assert open_pane.context.undo_stack.undoText() == "Mark look-for seen"

    qtbot.keyClick(open_pane.timeline, Qt.Key.Key_Z, CTRL | SHIFT)
    assert on_disk(store, item_id) == (["D2"], {"D2": NOT_YET})


def test_the_line_can_be_marked_seen_before_it_is_saved(open_pane, qtbot, store, visit):
    qtbot.keyClicks(open_pane.line, '"Because both sides are equal"')
    qtbot.keyClick(open_pane.line, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(open_pane.line, Qt.Key.Key_1, CTRL)
    qtbot.keyClick(open_pane.line, Qt.Key.Key_2, CTRL)
    assert "D1 Students explain (✓ seen), D2 Students question" in open_pane.tags_label.text()
    qtbot.keyClick(open_pane.line, Qt.Key.Key_Return)

    assert shown_rows(open_pane)[0][-1] == "D1 ✓ seen · D2"
    assert on_disk(store, open_pane.model.item(0).id) == (["D1", "D2"], {"D1": SEEN})
    assert "seen" not in open_pane.tags_label.text()  # the next line starts unmarked


def test_a_private_note_says_so_in_words_and_to_screen_readers(open_pane, qtbot, store, visit):
    qtbot.keyClick(open_pane.line, Qt.Key.Key_5, ALT)
    type_line(qtbot, open_pane, "Ask at debrief how the pairs were chosen")
    type_line(qtbot, open_pane, "s: Students sort cards")
    kind = open_pane.model.index(0, KIND)
    assert [r[1] for r in shown_rows(open_pane)] == ["Note (private)", "Student action"]
    assert "Private note" in kind.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Private note" in kind.data(Qt.ItemDataRole.ToolTipRole)
    assert open_pane.model.index(1, KIND).data(Qt.ItemDataRole.AccessibleDescriptionRole) is None
