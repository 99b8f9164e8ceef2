"""The look-for list: the right set, its hotkeys on screen, and toggles sent to the context."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from observe.store.models import LookFor, LookForSet, Visit, Walk
from observe.ui.capture.lookfors_panel import ID_ROLE, LookForsPanel, hotkey_text

from .conftest import OpenVisit


@pytest.fixture
def panel(qtbot, visit: OpenVisit, errors_seen) -> LookForsPanel:
    widget = LookForsPanel(visit.context, report_error=errors_seen)
    qtbot.addWidget(widget)
    widget.resize(360, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_rows(panel: LookForsPanel) -> list[list[str]]:
    """What the tree shows, headings as one-cell rows, look-fors as [key, text]."""
    out: list[list[str]] = []

    def walk(item: QTreeWidgetItem) -> None:
        out.append([item.text(0)] if not item.data(0, ID_ROLE) else [item.text(0), item.text(1)])
        for j in range(item.childCount()):
            walk(item.child(j))

    for i in range(panel.tree.topLevelItemCount()):
        walk(panel.tree.topLevelItem(i))
    return out


def click_row(qtbot, panel: LookForsPanel, item: QTreeWidgetItem, double: bool = False) -> None:
    """A click, or the event sequence of a double-click: press, release, double, release."""
    pos = panel.tree.visualItemRect(item).center()
    viewport = panel.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
    if double:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=pos)


def test_shows_the_set_with_hotkeys_and_maps_keys_to_look_fors(panel: LookForsPanel, visit):
    assert panel.set_label.text() == "Discourse"
    assert shown_rows(panel) == [
        [hotkey_text(1), "D1  Students explain"],
        [hotkey_text(2), "D2  Students question"],
    ]
    assert hotkey_text(1) in ("Ctrl+1", "⌘1")
    assert panel.lookfor_for_hotkey(1) == visit.lookfor_ids[0]
    assert panel.lookfor_for_hotkey(2) == visit.lookfor_ids[1]
    assert panel.lookfor_for_hotkey(3) is None
    item = panel.item_for(visit.lookfor_ids[0])
    assert item is not None
    assert item.data(1, Qt.ItemDataRole.AccessibleTextRole) == (
        f"D1 Students explain, {hotkey_text(1)}"
    )


def test_click_enter_and_hotkey_emit_lookfor_toggled(qtbot, panel: LookForsPanel, visit):
    seen: list[str] = []
    visit.context.lookfor_toggled.connect(seen.append)
    second = panel.item_for(visit.lookfor_ids[1])

    click_row(qtbot, panel, second)
    assert seen == [visit.lookfor_ids[1]]

    panel.tree.setCurrentItem(panel.item_for(visit.lookfor_ids[0]))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert seen[-1] == visit.lookfor_ids[0]

    panel.hotkey_actions[1].trigger()  # Ctrl+2
    assert seen[-1] == visit.lookfor_ids[1]
    assert panel.hotkey_actions[1].shortcut().toString() == "Ctrl+2"
    assert not panel.hotkey_actions[2].isEnabled()  # no look-for on Ctrl+3
    assert panel.toggle_hotkey(3) is False
    assert len(seen) == 3

    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    qtbot.keyClick(panel.tree, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert seen[-1] == visit.lookfor_ids[0]
    assert len(seen) == 4


def test_a_double_click_is_not_two_toggles(qtbot, panel: LookForsPanel, visit):
    seen: list[str] = []
    visit.context.lookfor_toggled.connect(seen.append)
    click_row(qtbot, panel, panel.item_for(visit.lookfor_ids[0]), double=True)
    assert seen == [visit.lookfor_ids[0]]  # toggling twice would undo what the coach meant


def test_a_walk_visit_uses_the_walks_set_grouped_by_category(qtbot, panel: LookForsPanel, visit):
    with visit.store.write() as s:
        lset = LookForSet(name="Walk focus: tasks")
        s.add_all(
            [
                lset,
                LookFor(lookfor_set=lset, code="T1", title="Rigor", category="Tasks", hotkey=1),
                LookFor(
                    lookfor_set=lset,
                    code="C1",
                    title="Belonging",
                    category="Culture",
                    hotkey=2,
                    position=1,
                ),
                LookFor(lookfor_set=lset, code="T2", title="Choice", category="Tasks", position=2),
            ]
        )
        s.flush()
        walk = Walk(title="Week 6", lookfor_set_id=lset.id)
        s.add(walk)
        s.flush()
        s.get_one(Visit, visit.visit_id).walk_id = walk.id

    assert panel.set_label.text() == "Walk focus: tasks"
    assert shown_rows(panel) == [
        ["Tasks"],
        [hotkey_text(1), "T1  Rigor"],
        ["", "T2  Choice"],
        ["Culture"],
        [hotkey_text(2), "C1  Belonging"],
    ]
    seen: list[str] = []
    visit.context.lookfor_toggled.connect(seen.append)
    assert panel.toggle_hotkey(2)
    with visit.store.read() as s:
        assert s.get_one(LookFor, seen[0]).code == "C1"

    visit.context.open_visit(None)  # no visit: the first set again
    assert panel.set_label.text() == "Discourse"
