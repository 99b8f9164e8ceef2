"""Sync in the app: menu and shortcuts, sign-in, status label, background sync, conflicts."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from observe.clock import utcnow
from observe.store.models import Visibility
from observe.sync import state
from observe.sync.credentials import Credentials
from observe.ui.context import VisitContext
from observe.ui.main_window import MainWindow
from observe.ui.sync.status import SyncStatus, status_text, status_tip
from tests.bulk import add_evidence
from tests.sync.netfaults import BadServer


def _menu_texts(window: QMainWindow, title: str) -> list[str]:
    for action in window.menuBar().actions():
        if action.text() == title:
            return [a.text() for a in action.menu().actions() if not a.isSeparator()]
    raise AssertionError(f"no menu {title}")


def test_the_main_window_has_a_sync_menu_with_shortcuts(window: MainWindow):
    assert _menu_texts(window, "S&ync") == [
        "Sync &now",
        "S&top syncing",
        "&Conflicts…",
        "Sign &in…",
        "Sign &out",
    ]
    ui = window.sync_ui
    shortcuts = {
        a.text(): a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in (ui.sync_now_action, ui.conflicts_action, ui.sign_in_action)
    }
    assert shortcuts == {
        "Sync &now": "Ctrl+Shift+Y",
        "&Conflicts…": "Ctrl+Shift+K",
        "Sign &in…": "Ctrl+Shift+U",
    }
    assert ui.label.text() == "On this computer only"
    assert "Not signed in" in ui.label.toolTip()
    assert ui.label.accessibleName() == "Sync status"
    assert not ui.sync_now_action.isEnabled()
    assert not ui.stop_action.isEnabled()


def test_status_text_covers_every_state():
    at = utcnow()
    hhmm = at.astimezone().strftime("%H:%M")
    signed = SyncStatus(signed_in=True, server_url="https://s", email="a@b")
    assert status_text(SyncStatus()) == "On this computer only"
    # No server: changes kept here are not a backlog, so no "N waiting".
    assert status_text(SyncStatus(waiting=2109)) == "On this computer only"
    assert status_text(signed.with_(needs_sign_in=True, waiting=1)) == "Sign in needed · 1 waiting"
    assert status_text(signed.with_(syncing=True, waiting=3)) == "Syncing… · 3 waiting"
    assert status_text(signed.with_(offline=True, waiting=2)) == "Offline · 2 waiting"
    assert status_text(signed.with_(last_synced_at=at)) == f"Synced at {hhmm}"
    assert (
        status_text(signed.with_(last_synced_at=at, waiting=1, conflicts=2))
        == f"Synced at {hhmm} · 1 waiting · 2 conflicts"
    )
    assert status_text(signed.with_(conflicts=1)) == "Not synced yet · 1 conflict"
    big = signed.with_(syncing=True, waiting=20_000)
    assert status_text(big.with_(progress=(9_000, 20_000))) == (
        "Syncing… 45% (9,000 of 20,000 records)"
    )
    assert status_text(big.with_(progress=(9_000, 20_000), eta_s=130)) == (
        "Syncing… 45% (9,000 of 20,000 records) · about 2 min left"
    )
    assert "9,000 of 20,000 records (about 2 minutes left)" in status_tip(
        big.with_(progress=(9_000, 20_000), eta_s=130)
    )
    assert "less than a minute left" in status_tip(big.with_(progress=(19_000, 20_000), eta_s=9))
    assert "about 3 hours left" in status_tip(big.with_(progress=(1, 20_000), eta_s=10_000))
    assert "9,000 of 20,000" in status_tip(big.with_(progress=(9_000, 20_000)))
    assert status_text(big.with_(progress=(40, 60))) == "Syncing… · 20,000 waiting"  # too quick


def test_stop_syncing_keeps_what_was_sent_and_the_next_sync_goes_on(
    qtbot, sqlite_server, devices, sync_window, idle
):
    laptop, tablet = devices.signed_in_pair(sqlite_server)
    visit = laptop.visit()
    add_evidence(laptop.store, visit, 20_000, outbox=True)
    total = laptop.outbox()
    ui = sync_window(laptop, start=False)
    ui.controller.refresh()
    qtbot.waitUntil(lambda: ui.controller.status.signed_in, timeout=10_000)

    ui.sync_now_action.trigger()
    qtbot.waitUntil(lambda: (ui.controller.status.progress or (0, 0))[0] > 0, timeout=20_000)
    assert "%" in ui.label.text()
    assert ui.stop_action.isEnabled() and not ui.sync_now_action.isEnabled()
    assert "of 20,00" in ui.label.toolTip()
    ui.stop_action.trigger()
    qtbot.waitUntil(lambda: not ui.controller.is_syncing, timeout=20_000)
    idle()

    assert not ui.label.text().startswith("Syncing")
    assert "Sync stopped" in ui.window.statusBar().currentMessage()
    kept = laptop.outbox()
    assert 0 < kept < total  # part sent, the rest still waiting here
    assert laptop.sync().pushed == kept and laptop.outbox() == 0
    tablet.sync()
    assert len(tablet.live()) == len(laptop.live()) == total  # each record exactly once


def test_a_first_pull_shows_records_and_a_time_estimate_while_the_window_stays_usable(
    qtbot, sqlite_server, devices, sync_window, idle
):
    """A new laptop signs in and downloads everything: the status bar counts records and,
    after a few seconds, says about how long is left; the window keeps answering."""
    laptop, tablet = devices.signed_in_pair(sqlite_server)
    add_evidence(laptop.store, laptop.visit(), 3_000, outbox=True)
    laptop.sync()
    ui = sync_window(tablet, start=False)
    ticks = iter(range(0, 10_000, 2))  # the estimate's clock: two seconds per page
    ui.controller.clock = lambda: float(next(ticks))
    labels: list[str] = []
    tips: list[str] = []

    def seen(_status: object) -> None:
        labels.append(ui.label.text())
        tips.append(ui.label.toolTip())

    ui.controller.status_changed.connect(seen)
    ui.controller.refresh()
    qtbot.waitUntil(lambda: ui.controller.status.signed_in, timeout=10_000)
    ui.sync_now_action.trigger()
    qtbot.waitUntil(lambda: not ui.controller.is_syncing, timeout=60_000)
    idle()

    counted = [t for t in labels if "of 3,004 records" in t]
    assert counted, labels
    assert any("min left" in t or "less than a minute left" in t for t in counted), counted
    assert any("records (about" in t or "records (less than" in t for t in tips), tips
    assert not counted[0].endswith("left")  # no guess before there is a pace to go on
    assert ui.label.text().startswith("Synced at")
    assert len(tablet.live()) == 3_004


def test_sign_in_dialog_refuses_a_wrong_password_then_signs_in_and_syncs(
    qtbot, sqlite_server, devices, sync_window, idle
):
    coach = sqlite_server.add_user()
    d = devices.new("laptop")
    d.evidence(d.visit(), "Written before signing in")
    ui = sync_window(d)
    idle()
    dialog = ui.sign_in_dialog_for()
    dialog.show()
    dialog.server.setText(sqlite_server.base_url)
    dialog.email.setText(coach.email)
    dialog.password.setText("wrong password")
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.sign_in_button.isEnabled() and dialog.message.isVisible())
    assert dialog.message.text() and "Traceback" not in dialog.message.text()
    assert not dialog.result_value

    dialog.password.setText(coach.password)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: ui.label.text().startswith("Synced at"), timeout=20_000)
    assert d.outbox() == 0
    assert ui.sync_now_action.isEnabled()
    assert coach.email in ui.label.toolTip()


def test_changes_are_synced_in_the_background_soon_after(
    qtbot, sqlite_server, devices, sync_window, idle
):
    a, b = devices.signed_in_pair(sqlite_server)
    visit = a.visit()
    ui = sync_window(a)
    ui.controller.debounce.setInterval(100)
    qtbot.waitUntil(lambda: ui.label.text().startswith("Synced at"), timeout=20_000)
    assert ui.controller.periodic.isActive()

    item = a.evidence(visit, "Typed during the lesson")
    ui.controller.changed("evidence")  # what the capture context announces after a save
    qtbot.waitUntil(lambda: a.outbox() == 0 and not ui.controller.is_syncing, timeout=20_000)
    idle()
    b.sync()
    assert b.text(item) == "Typed during the lesson"
    assert ui.label.text().startswith("Synced at")


def test_server_down_shows_offline_with_waiting_and_retries(
    qtbot, devices, sync_window, errors_seen, idle
):
    d = devices.new("laptop")
    d.evidence(d.visit(), "Waiting for the network")
    bad = BadServer()
    url = bad.url
    bad.close()
    state.save(d.store, server_url=url, email="coach@example.org")
    Credentials(d.data_dir).save(url, "coach@example.org", "token")
    ui = sync_window(d)
    qtbot.waitUntil(lambda: ui.controller.status.offline, timeout=20_000)
    idle()
    assert ui.label.text() == "Offline · 5 waiting"
    assert "couldn't reach the sync server" in ui.label.toolTip()
    assert ui.controller.retry.isActive()  # backing off, not giving up
    assert errors_seen == []  # background failures don't pop up dialogs
    assert d.outbox() == 5


def test_conflicts_view_shows_both_versions_and_resolving_syncs(
    qtbot, sqlite_server, devices, sync_window, idle
):
    a, b = devices.signed_in_pair(sqlite_server)
    visit = a.visit()
    first = a.evidence(visit, "Students explain")
    second = a.evidence(visit, "Students ask questions")
    a.sync()
    b.sync()
    a.edit(first, "Students explain to a partner")
    a.edit(second, "Students ask each other questions")
    b.edit(first, "Students explain in writing")
    b.edit(second, "Students ask the teacher questions")
    a.sync()

    ui = sync_window(b)
    ui.controller.debounce.setInterval(100)
    qtbot.waitUntil(lambda: ui.label.text().endswith("2 conflicts"), timeout=20_000)
    idle()
    dialog = ui.conflicts_dialog_for()
    dialog.show()
    idle()
    assert dialog.list.count() == 2
    dialog.list.setCurrentRow(0)
    assert dialog.mine.toPlainText().startswith("Students explain in writing")
    assert dialog.theirs.toPlainText().startswith("Students explain to a partner")
    assert dialog.keep_mine_button.isEnabled() and dialog.keep_theirs_button.isEnabled()

    dialog.keep_mine_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=20_000)
    assert dialog.merged.toPlainText() == (
        "Students ask each other questions\nStudents ask the teacher questions"
    )
    dialog.merged.setPlainText("Students ask each other, then the teacher, questions")
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=20_000)
    assert dialog.empty_label.isVisible()
    qtbot.waitUntil(
        lambda: (
            b.outbox() == 0
            and ui.label.text().startswith("Synced at")
            and not ui.label.text().endswith("conflicts")
        ),
        timeout=20_000,
    )
    idle()
    a.sync()
    assert a.text(first) == "Students explain in writing"
    assert a.text(second) == "Students ask each other, then the teacher, questions"


@pytest.mark.parametrize("allow", [False, True])
def test_mass_delete_asks_first(qtbot, sqlite_server, devices, sync_window, answers, idle, allow):
    a, b = devices.signed_in_pair(sqlite_server)
    visit = a.visit(Visibility.PRIVATE)
    items = [a.evidence(visit, f"Item {i}") for i in range(60)]
    a.sync()
    b.sync()
    for item in items:
        a.delete(item)
    a.sync()

    answers.reply = allow
    ui = sync_window(b)
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=20_000)
    assert "would delete 60 of your 64 records" in answers[0]
    assert answers[0].endswith("Delete them here too?")
    if allow:
        qtbot.waitUntil(lambda: b.text(items[0]) is None, timeout=20_000)
    idle()
    assert (b.text(items[-1]) is None) is allow
    del ui


def test_records_from_the_server_reach_the_open_views_without_a_new_sync(
    qtbot, sqlite_server, devices, sync_window, idle
):
    a, b = devices.signed_in_pair(sqlite_server)
    a.evidence(a.visit(), "From the laptop")
    a.sync()
    context = VisitContext(b.store)  # the capture window's change news, as MainWindow wires it
    announced: list[str] = []
    context.records_changed.connect(announced.append)
    ui = sync_window(b, changes=context.local_records_changed)
    ui.controller.debounce.setInterval(60_000)
    qtbot.waitUntil(lambda: "evidence" in announced, timeout=20_000)
    idle()
    assert announced.index("visit") < announced.index("evidence")
    assert not ui.controller.debounce.isActive()  # not mistaken for local changes
