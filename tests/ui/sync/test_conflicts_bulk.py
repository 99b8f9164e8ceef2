"""The conflicts view's "Keep all mine" / "Keep all theirs": a preview first, keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from observe.ui.sync.conflicts_view import ConflictsDialog


def _colliding(sqlite_server, devices, n: int):
    """The coach's laptop and tablet both edit ``n`` items; the tablet syncs second."""
    a, b = devices.signed_in_pair(sqlite_server)
    visit = a.visit()
    items = [a.evidence(visit, f"Item {i}") for i in range(n)]
    a.sync()
    b.sync()
    for i, item in enumerate(items):
        a.edit(item, f"Item {i}, from the laptop")
        b.edit(item, f"Item {i}, from the tablet")
    a.sync()
    b.sync()
    assert len(b.conflicts()) == n
    return a, b, items


def _open(qtbot, b, errors_seen, idle) -> ConflictsDialog:
    dialog = ConflictsDialog(b.store, errors_seen)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.reload()
    idle()
    return dialog


def test_keep_all_theirs_previews_then_resolves_everything_from_the_keyboard(
    qtbot, sqlite_server, devices, errors_seen, idle
):
    a, b, items = _colliding(sqlite_server, devices, 3)
    dialog = _open(qtbot, b, errors_seen, idle)
    assert dialog.list.count() == 3
    assert dialog.keep_all_theirs_button.isEnabled() and dialog.keep_all_mine_button.isEnabled()

    # Alt+H opens the preview; Escape leaves everything as it was.
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.bulk_dialog is not None and dialog.bulk_dialog.isVisible())
    preview = dialog.bulk_dialog
    assert preview.summary.text().startswith("The server's copy will be kept for 3 conflict")
    lines = preview.preview.toPlainText().splitlines()
    assert lines == [
        f"Evidence: Item {i}, from the tablet: the server's copy replaces yours here (text)."
        for i in range(3)
    ]
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible())
    idle()
    assert len(b.conflicts()) == 3 and b.text(items[0]) == "Item 0, from the tablet"

    # Again, and Enter confirms: every conflict takes the laptop's words.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.bulk_dialog is not preview and dialog.bulk_dialog.isVisible())
    confirm = dialog.bulk_dialog
    assert confirm.focusWidget() is confirm.confirm_button and confirm.confirm_button.isDefault()
    qtbot.keyClick(dialog.bulk_dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=20_000)
    idle()
    assert not b.conflicts()
    assert [b.text(i) for i in items] == [f"Item {i}, from the laptop" for i in range(3)]
    assert not errors_seen
    assert not b.sync().new_conflicts and b.live() == a.live()


def test_keep_all_mine_lists_what_it_cannot_resolve_and_sends_the_rest(
    qtbot, sqlite_server, devices, errors_seen, idle
):
    a, b, items = _colliding(sqlite_server, devices, 2)
    # A colleague's shared record edited here is refused by the server: only theirs helps.
    colleague = devices.new("colleague")
    colleague.login(sqlite_server, sqlite_server.add_user())
    from observe.store.models import Visibility

    theirs = colleague.evidence(colleague.visit(Visibility.TEAM), "Colleague's", Visibility.TEAM)
    colleague.sync()
    b.sync()
    b.edit(theirs, "Edited by someone who doesn't own it")
    b.sync()
    assert len(b.conflicts()) == 3

    dialog = _open(qtbot, b, errors_seen, idle)
    qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.bulk_dialog is not None and dialog.bulk_dialog.isVisible())
    text = dialog.bulk_dialog.preview.toPlainText()
    assert dialog.bulk_dialog.summary.text().startswith("Your copy will be kept for 2 conflict")
    assert "Item 0, from the tablet: your copy replaces the server's (text)." in text
    assert "Left for you to decide one by one:" in text
    assert "Edited by someone who doesn't own it: the server refused this change" in text
    qtbot.keyClick(dialog.bulk_dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=20_000)
    idle()
    [left] = b.conflicts()
    assert left.record_id == theirs and left.status == "rejected"
    b.sync()
    a.sync()
    assert [a.text(i) for i in items] == [f"Item {i}, from the tablet" for i in range(2)]
