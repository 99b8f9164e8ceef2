"""The conflicts view's choices for evidence captured into a visit deleted on the other device:
restore the visit, discard the new evidence, or move it to another visit (real server)."""

from __future__ import annotations

from observe.capture.visit_removal import delete_visit
from observe.store.models import Evidence, Visit


def _state(device, model, record_id):
    with device.store.read() as s:
        obj = s.get_one(model, record_id)
        return obj.deleted, getattr(obj, "visit_id", None)


def test_restore_discard_and_move_from_the_conflicts_view(
    qtbot, sqlite_server, devices, sync_window, idle, errors_seen
):
    laptop, tablet = devices.signed_in_pair(sqlite_server)
    visits = {name: laptop.visit(teacher=name) for name in ("Ana", "Ben", "Chloé", "Dev")}
    laptop.sync()
    tablet.sync()
    added = {
        name: tablet.evidence(visits[name], f"Captured offline in {name}'s class")
        for name in ("Ana", "Ben", "Chloé")
    }
    for name in ("Ana", "Ben", "Chloé"):
        delete_visit(laptop.store, visits[name])
    laptop.sync()
    tablet.sync()
    laptop.sync()
    assert len(laptop.conflicts()) == len(tablet.conflicts()) == 3

    ui = sync_window(tablet)
    ui.controller.debounce.setInterval(100)
    idle()
    dialog = ui.conflicts_dialog_for()
    dialog.show()
    idle()
    assert dialog.list.count() == 3
    assert all(
        dialog.list.item(i).text() == "Visit deleted, 1 evidence item still in it" for i in range(3)
    )

    def pick(name: str) -> None:
        row = next(i for i, c in enumerate(dialog.items) if c.record_id == visits[name])
        dialog.list.setCurrentRow(row)
        idle()

    choices = dialog.orphan_choices
    pick("Ana")
    assert dialog.explanation.text().startswith("The visit “Ana's Science, ")
    assert "while 1 evidence item was added to it or changed on another" in (
        dialog.explanation.text()
    )
    assert dialog.mine.toPlainText() == "Evidence item: Captured offline in Ana's class"
    assert dialog.theirs.toPlainText().startswith("(deleted)")
    assert choices.isVisible() and not dialog.keep_mine_button.isVisible()
    assert not dialog.keep_theirs_button.isVisible() and not dialog.merged.isVisible()
    assert choices.restore_button.text() == "Restore the visit"
    assert choices.discard_button.text() == "Discard the new evidence"
    assert choices.move_button.text() == "Move to another visit"
    # Only live visits are offered: Dev's, the one still there.
    assert [choices.move_target.itemData(i) for i in range(choices.move_target.count())] == [
        visits["Dev"]
    ]
    choices.restore_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=20_000)
    idle()

    pick("Ben")
    choices.discard_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=20_000)
    idle()

    pick("Chloé")
    qtbot.waitUntil(lambda: choices.move_button.isEnabled(), timeout=20_000)
    choices.move_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=20_000)
    assert dialog.empty_label.isVisible()
    assert not choices.isVisible()
    qtbot.waitUntil(
        lambda: tablet.outbox() == 0 and ui.label.text().startswith("Synced at"),
        timeout=20_000,
    )
    idle()
    assert errors_seen == []

    laptop.sync()
    for device in (laptop, tablet):
        assert device.conflicts() == []
        assert _state(device, Visit, visits["Ana"])[0] is False
        assert _state(device, Evidence, added["Ana"]) == (False, visits["Ana"])
        assert _state(device, Visit, visits["Ben"])[0] is True
        assert _state(device, Evidence, added["Ben"])[0] is True
        assert _state(device, Evidence, added["Chloé"]) == (False, visits["Dev"])
    assert laptop.live() == tablet.live()
