"""The app against hostile or stuck servers: the sync status says what happened in a clean
sentence (no escape sequences), a stuck server is given up on by the deadline, and the app
keeps retrying instead of hanging."""

from __future__ import annotations

import json

from observe.sync import state
from observe.sync.credentials import Credentials
from tests.sync.netfaults import Scripted, Trickle, me_reply


def _signed_in(d, url: str) -> None:
    state.save(d.store, server_url=url, email="coach@example.org", user_id=None)
    Credentials(d.data_dir).save(url, "coach@example.org", "token")


def test_a_servers_escape_sequences_never_reach_the_status(
    qtbot, devices, sync_window, errors_seen, idle
):
    message = "\x1b[2J\x1b]0;pwned\x07Down for \x1b[5mmaintenance\x1b[0m"
    body = json.dumps({"error": {"code": "internal", "message": message}}).encode()
    server = Scripted(lambda method, path, query: (503, {"Content-Type": "application/json"}, body))
    try:
        d = devices.new("laptop")
        d.evidence(d.visit(), "Waiting")
        _signed_in(d, server.url)
        ui = sync_window(d)
        qtbot.waitUntil(lambda: ui.controller.status.offline, timeout=20_000)
        idle()
        tip = ui.label.toolTip()
    finally:
        server.close()
    assert "The server said: Down for maintenance." in tip
    assert "\x1b" not in tip and "\x07" not in tip and "pwned" not in tip
    assert errors_seen == []


def test_a_trickling_server_is_given_up_on_and_retried(
    qtbot, devices, sync_window, errors_seen, idle, monkeypatch
):
    monkeypatch.setenv("OBSERVE_REQUEST_DEADLINE", "2")
    server = Scripted(lambda method, path, query: Trickle(me_reply()[2], every=0.5))
    try:
        d = devices.new("laptop")
        d.evidence(d.visit(), "Waiting")
        _signed_in(d, server.url)
        ui = sync_window(d)
        qtbot.waitUntil(lambda: ui.controller.status.offline, timeout=20_000)
        idle()
        tip = ui.label.toolTip()
        assert ui.controller.retry.isActive()  # backing off, not hanging
    finally:
        server.close()
    assert f"The sync server at {server.url} took longer than 2 seconds to answer" in tip
    assert errors_seen == []
