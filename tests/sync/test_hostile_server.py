"""Hostile or broken servers: whatever they send becomes a sentence, never a traceback, and
nothing they say reaches the terminal as an escape sequence. Real servers on 127.0.0.1 and the
real ``observe`` command in its own process."""

from __future__ import annotations

import json
from datetime import date

from observe.sync.errors import KEPT
from tests.sync.netfaults import DEVICE_ID, EPOCH, SERVER_ID, USER_ID, Scripted
from tests.sync.test_deadlines import JSON, login_command, observe, signed_in


def _login_against(server: Scripted, tmp_path):
    """``observe login`` as a coach types it, against a scripted server, which is closed after."""
    try:
        return login_command(server.url, tmp_path / "p")
    finally:
        server.close()


def test_a_deeply_nested_reply_is_a_sentence(devices):
    deep = b"[" * 200_000 + b"]" * 200_000
    server = Scripted(lambda method, path, query: (200, JSON, deep))
    try:
        d = signed_in(devices, server.url)
        d.store.close()
        ran = observe("sync", "--data-dir", str(d.data_dir))
    finally:
        server.close()
    assert ran.returncode == 5, ran.stderr
    assert ran.stderr.strip() == (
        f"The sync server at {server.url} sent a reply nested too deeply to read (a broken or "
        f"hostile server, perhaps). {KEPT}"
    )


def test_a_garbage_retry_after_is_ignored(devices):
    body = b'{"error": {"code": "slow_down", "message": "Too many requests."}}'
    server = Scripted(lambda method, path, query: (429, {**JSON, "Retry-After": "²"}, body))
    try:
        d = signed_in(devices, server.url)
        d.store.close()
        ran = observe("sync", "--data-dir", str(d.data_dir))
    finally:
        server.close()
    assert ran.returncode == 5, ran.stderr
    assert ran.stderr.strip() == (
        f"The sync server at {server.url} asked Observe to slow down. The server said: Too "
        "many requests. Try again later."
    )


def test_escape_sequences_in_a_server_message_never_reach_the_terminal(devices):
    message = "\x1b[2J\x1b[HDatabase\x1b]0;pwned\x07 upgrade\r\n in progress\x9b31m\x07"
    body = json.dumps({"error": {"code": "internal", "message": message}}).encode()
    server = Scripted(lambda method, path, query: (503, JSON, body))
    try:
        d = signed_in(devices, server.url)
        d.store.close()
        ran = observe("sync", "--data-dir", str(d.data_dir))
    finally:
        server.close()
    assert ran.returncode == 5, ran.stderr
    assert ran.stderr.strip() == (
        f"The sync server at {server.url} had a problem (HTTP 503). The server said: Database "
        f"upgrade in progress. {KEPT}"
    )
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in ran.stderr.strip())


def test_escape_sequences_in_a_refused_login_never_reach_the_terminal(tmp_path):
    body = json.dumps(
        {"error": {"code": "bad_login", "message": "\x1b]2;Owned\x07Wrong \x1b[31mpassword"}}
    ).encode()
    server = Scripted(lambda method, path, query: (401, JSON, body))
    ran = _login_against(server, tmp_path)
    assert ran.returncode == 5, ran.stderr
    assert ran.stderr.strip() == "Wrong password"


def test_a_name_with_escape_sequences_is_shown_clean_after_login(tmp_path):
    reply = {
        "server_id": SERVER_ID,
        "epoch": EPOCH,
        "head_seq": 0,
        "token": "t" * 40,
        "device_id": DEVICE_ID,
        "user": {
            "id": USER_ID,
            "email": "coach@example.org",
            "name": "\x1b[2J\x1b]0;title\x07Zoë Okafor\x1b[0m",
            "role": "coach",
            "school": "School",
        },
    }
    server = Scripted(lambda method, path, query: (200, JSON, json.dumps(reply).encode()))
    ran = _login_against(server, tmp_path)
    assert ran.returncode == 0, ran.stderr
    first = ran.stdout.splitlines()[0]
    assert first == f"Signed in to {server.url} as coach@example.org (Zoë Okafor)."
    assert "\x1b" not in ran.stdout


def test_text_typed_with_a_lone_surrogate_syncs_to_the_other_device(module_server, devices):
    from observe.coaching import log as coaching_log
    from observe.store.models import Evidence, LogActivity

    laptop, tablet = devices.signed_in_pair(module_server)
    visit = laptop.visit()
    item = laptop.evidence(visit, "Zoë said \ud83d and paused")
    coaching_log.add_entry(
        laptop.store,
        coaching_log.LogEntryDraft(date.today(), 20, LogActivity.PLC, note="Notes \udfff here"),
    )
    laptop.sync()
    assert laptop.outbox() == 0
    tablet.sync()
    with tablet.store.read() as s:
        assert s.get_one(Evidence, item).text == "Zoë said \ufffd and paused"
    assert [r.note for r in coaching_log.entries(tablet.store)] == ["Notes \ufffd here"]


def test_an_escaped_lone_surrogate_from_a_server_becomes_a_replacement_mark():
    from observe.sync.client import SyncClient
    from tests.sync.netfaults import me_reply

    status, headers, body = me_reply()
    body = body.replace(b'"name": "Coach"', b'"name": "Zo\\ud800 Okafor"')
    assert b"\\ud800" in body
    server = Scripted(lambda method, path, query: (status, headers, body))
    try:
        with SyncClient(server.url, "token") as client:
            me = client.me()
    finally:
        server.close()
    assert me.user.name == "Zo\ufffd Okafor"
