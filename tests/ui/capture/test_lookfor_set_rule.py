"""One rule for which look-for set a visit uses, shared by the capture pane and look-for panel."""

from __future__ import annotations

from observe.coaching.frameworks import delete_set
from observe.store.models import LookFor, LookForSet, Visit, Walk
from observe.ui.capture.lookfors_panel import LookForsPanel


def _walk_with_its_own_set(store, visit_id: str) -> str:
    with store.write() as s:
        lset = LookForSet(name="Walk focus: tasks")
        s.add_all([lset, LookFor(lookfor_set=lset, code="T1", title="Rigor", hotkey=1)])
        s.flush()
        walk = Walk(title="Week 6", lookfor_set_id=lset.id)
        s.add(walk)
        s.flush()
        s.get_one(Visit, visit_id).walk_id = walk.id
    return lset.id


def test_a_walk_whose_set_was_deleted_falls_back_to_the_same_set_in_both(
    qtbot, pane, context, visit, errors_seen
):
    visit_id, (d1, d2) = visit
    walk_set = _walk_with_its_own_set(context.store, visit_id)
    panel = LookForsPanel(context, report_error=errors_seen)
    qtbot.addWidget(panel)
    context.open_visit(visit_id)
    assert panel.set_label.text() == "Walk focus: tasks"
    assert [t.code for t in pane.info.tags] == ["T1"]

    delete_set(context.store, walk_set)  # nobody announces: the store's change news refreshes

    qtbot.waitUntil(lambda: panel.set_label.text() == "Discourse")
    qtbot.waitUntil(lambda: [t.code for t in pane.info.tags] == ["D1", "D2"])
    assert [panel.lookfor_for_hotkey(1), panel.lookfor_for_hotkey(2)] == [d1, d2]
    assert [pane.info.tag_for_hotkey(n).id for n in (1, 2)] == [d1, d2]
