"""Teachers tab → Invite to read shared feedback…, and the account status column.

The server side of invitations lives on branch i16-server; until the merge a scripted loopback
server answers as the contract says (see tests/sync/test_invitations.py).
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from observe.sync.invitations import qr_link
from observe.ui.navigator.invite_dialog import InviteDialog
from tests.sync.netfaults import Scripted
from tests.sync.test_invitations import EXPIRES, _error, _json, _sign_in

from .test_teachers import select_row

LINK = "https://observe.school.org/invite/tok-789"


def _status(navigator, teacher_id: str) -> str:
    model = navigator.teacher_model
    for row in range(model.rowCount()):
        if model.index(row, 0).data(Qt.ItemDataRole.UserRole + 4) == teacher_id:
            return model.index(row, 1).data()
    raise AssertionError(teacher_id)


@pytest.fixture
def scripted(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    answers: dict[str, object] = {}
    server = Scripted(lambda method, path, query: answers.get(path) or _error(404, "x", "no"))
    server.answers = answers  # type: ignore[attr-defined]
    yield server
    server.close()


def test_invite_from_the_teachers_tab(navigator, school, store, scripted, qtbot, settle):
    scripted.answers["/v1/invitations"] = _json(
        200,
        {"email": "zoe@lincoln.org", "link": LINK, "code": "Q4R-7TZ", "expires_at": str(EXPIRES)},
    )
    _sign_in(store, scripted.url)
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
    qtbot.waitUntil(lambda: dialog.link.text() == LINK, timeout=10_000)
    assert dialog.code.text() == "Q4R-7TZ"
    assert "December 2026" in dialog.expires.text()
    assert json.loads(scripted.received[-1][1]) == {
        "email": "zoe@lincoln.org",
        "name": "Zoë Okafor",
    }
    qtbot.mouseClick(dialog.copy_code, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Q4R-7TZ"
    qtbot.mouseClick(dialog.copy_link, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == LINK
    dialog.qr_box.setChecked(True)
    assert qr_link(store, school["zoe"]) == LINK
    dialog.reject()
    settle()
    assert _status(navigator, school["zoe"]) == "invited"


def test_invite_refusal_is_a_sentence_in_the_dialog(navigator, school, store, scripted, settle):
    scripted.answers["/v1/invitations"] = _error(409, "exists", "Already has an account.")
    _sign_in(store, scripted.url)
    settle()
    select_row(navigator, school["zoe"])
    dialog = navigator.invite_selected()
    assert dialog is not None
    op = dialog.make()
    assert op is not None
    settle()
    assert "Zoë Okafor already has an account on" in dialog.message.text()
    assert not dialog.result.isVisible() and dialog.create_button.isEnabled()
    dialog.reject()


def test_account_status_refresh_on_demand(navigator, school, store, scripted, settle):
    scripted.answers["/v1/teachers/status"] = _json(
        200, {"accounts": {"zoe@lincoln.org": "active"}}
    )
    _sign_in(store, scripted.url)
    navigator.account_status_action.trigger()
    settle()
    assert _status(navigator, school["zoe"]) == "active"
    assert _status(navigator, school["ben"]) == "no email"
