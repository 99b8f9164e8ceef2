"""Teachers tab → Invite to read shared feedback…, and the account status column, against a
real observe-server (tests/serverfixtures.py): the link and code in the dialog open the
teacher's account on the server, and the column follows the server's word after each sync.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from observe.server import invitations as server_invitations
from observe.sync.account import login
from observe.sync.invitations import qr_link
from observe.ui.navigator.invite_dialog import InviteDialog
from tests.serverfixtures import ServerProcess

from .test_teachers import select_row


def _status(navigator, teacher_id: str) -> str:
    model = navigator.teacher_model
    for row in range(model.rowCount()):
        if model.index(row, 0).data(Qt.ItemDataRole.UserRole + 4) == teacher_id:
            return model.index(row, 1).data()
    raise AssertionError(teacher_id)


@pytest.fixture
def server(monkeypatch, sqlite_server: ServerProcess, store) -> ServerProcess:
    """A real server, this profile signed in to it as a coach of Lincoln Middle."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    coach = sqlite_server.add_user(school="Lincoln Middle")
    login(store, sqlite_server.base_url, coach.email, coach.password, device_name="laptop")
    return sqlite_server


def test_invite_from_the_teachers_tab(navigator, school, store, server, qtbot, settle):
    navigator.teacher_model.reload()
    settle()
    # In words, not colour: who has an email and who was invited.
    assert _status(navigator, school["zoe"]) == "not invited"
    assert _status(navigator, school["ben"]) == "no email"

    select_row(navigator, school["zoe"])
    assert navigator.invite_action.isEnabled()
    assert navigator.invite_action in navigator.teachers.menu_actions  # the context menu too
    navigator.invite_action.trigger()
    dialog = navigator.findChild(InviteDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Invite Zoë Okafor (zoe@lincoln.org)" in dialog.about.text()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.link.text()), timeout=10_000)
    link, code = dialog.link.text(), dialog.code.text()
    assert link.startswith(f"{server.base_url}/invite/")
    # The link and the code shown are the ones that open Zoë's account on the server.
    for shown in (link, code):
        assert server_invitations.peek(server.engine, shown) == ("zoe@lincoln.org", "Zoë Okafor")
    in_two_weeks = datetime.now() + timedelta(days=14)
    assert f"{in_two_weeks:%B} {in_two_weeks.year}" in dialog.expires.text()
    qtbot.mouseClick(dialog.copy_code, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == code
    qtbot.mouseClick(dialog.copy_link, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == link
    dialog.qr_box.setChecked(True)
    assert qr_link(store, school["zoe"]) == link
    dialog.reject()
    settle()
    assert _status(navigator, school["zoe"]) == "invited"


def test_invite_refusal_is_a_sentence_in_the_dialog(navigator, school, server, settle):
    # Zoë already set her password on the server: a new invitation is refused (409).
    server.add_user(role="teacher", school="Lincoln Middle", email="zoe@lincoln.org")
    settle()
    select_row(navigator, school["zoe"])
    dialog = navigator.invite_selected()
    assert dialog is not None
    op = dialog.make()
    assert op is not None
    settle()
    assert dialog.message.text().startswith(
        f"Zoë Okafor already has an account on {server.base_url} (zoe@lincoln.org): they can "
        "sign in there and read what you share."
    )
    assert not dialog.result.isVisible() and dialog.create_button.isEnabled()
    dialog.reject()


def test_account_status_refresh_on_demand(navigator, school, server, settle):
    server.add_user(role="teacher", school="Lincoln Middle", email="zoe@lincoln.org")
    navigator.account_status_action.trigger()
    settle()
    assert _status(navigator, school["zoe"]) == "active"
    assert _status(navigator, school["ben"]) == "no email"


def test_account_column_follows_the_invitation_after_each_sync(
    window, school, store, server, qtbot, idle
):
    """not invited → invited (after inviting) → active (after Zoë sets her password with the
    invitation) once the app's sync has asked the server."""
    navigator = window.workspace.navigator
    controller = window.sync_ui.controller

    def synced() -> None:
        with qtbot.waitSignal(controller.synced, timeout=20_000):
            controller.sync_now()
        idle()
        qtbot.waitUntil(lambda: not navigator.teacher_model.loading, timeout=10_000)

    synced()
    assert _status(navigator, school["zoe"]) == "not invited"
    select_row(navigator, school["zoe"])
    dialog = navigator.invite_selected()
    assert dialog is not None and dialog.make() is not None
    qtbot.waitUntil(lambda: bool(dialog.code.text()), timeout=10_000)
    code = dialog.code.text()
    dialog.reject()
    synced()  # the server's word agrees with what the app remembered
    assert _status(navigator, school["zoe"]) == "invited"
    server_invitations.accept(server.engine, token_or_code=code, password="zoë's own password")
    assert _status(navigator, school["zoe"]) == "invited"  # nobody asked the server yet
    synced()
    assert _status(navigator, school["zoe"]) == "active"
    assert _status(navigator, school["ben"]) == "no email"
