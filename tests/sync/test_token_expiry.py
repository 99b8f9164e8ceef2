"""Device tokens expire after a configurable idle time: a lost laptop's sign-in does not live
forever. An expired token is answered like a revoked one, and the coach is told to sign in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from observe.server.schema import device, utcnow
from tests.serverfixtures import ServerProcess
from tests.sync.test_deadlines import observe


@pytest.fixture(scope="module")
def idle_30_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    base = tmp_path_factory.mktemp("idle-server")
    server = ServerProcess(
        f"sqlite:///{base / 'server.sqlite3'}",
        base / "server",
        extra_args=["--token-idle-days", "30"],
    ).start()
    try:
        yield server
    finally:
        server.close()


def _unused_for(server: ServerProcess, device_id: str, days: int) -> None:
    with server.engine.begin() as conn:
        conn.execute(
            update(device)
            .where(device.c.id == device_id)
            .values(last_seen_at=utcnow() - timedelta(days=days))
        )


def test_a_token_unused_past_the_idle_time_is_refused_with_a_sentence(idle_30_server, devices):
    server = idle_30_server
    coach = server.add_user()
    d = devices.new("laptop")
    d.login(server, coach)
    d.evidence(d.visit(), "Before the summer")
    d.sync()
    device_id = d.store.identity.device_id

    _unused_for(server, device_id, 29)
    d.sync()  # still inside the 30 days; the sync counts as use again

    _unused_for(server, device_id, 31)
    listed = json.loads(server.cli("device", "list", "--json", "--token-idle-days", "30").stdout)
    mine = next(x for x in listed if x["id"] == device_id)
    assert mine["expired"] is True and mine["revoked"] is False
    assert mine["expires_at"] is not None
    table = server.cli("device", "list", "--token-idle-days", "30").stdout.splitlines()
    assert table[0].split() == [
        "id",
        "user_email",
        "name",
        "created_at",
        "last_seen_at",
        "expires_at",
        "status",
    ]
    row = next(line for line in table if line.startswith(device_id))
    assert row.split()[-1] == "expired"

    d.store.close()
    ran = observe("sync", "--data-dir", str(Path(d.data_dir)))
    assert ran.returncode == 5, ran.stderr
    assert ran.stderr.strip() == (
        f"The sync server at {server.base_url} no longer accepts this device's sign-in (it may "
        "have been revoked, or the account disabled). The server said: This device's sign-in "
        "expired after 30 days without a sync. Sign in again, or ask your server's "
        "administrator. Your records stay on this computer."
    )

    again = observe(
        "login",
        "--data-dir",
        str(d.data_dir),
        "--server",
        server.base_url,
        "--email",
        coach.email,
        "--password-stdin",
        stdin=coach.password + "\n",
    )
    assert again.returncode == 0, again.stderr
    synced = observe("sync", "--data-dir", str(d.data_dir))
    assert synced.returncode == 0, synced.stderr


def test_an_expired_token_gets_the_revoked_answer(idle_30_server):
    server = idle_30_server
    session = server.login(server.add_user())
    assert session.client.get("/v1/me").status_code == 200
    _unused_for(server, session.device_id, 31)
    reply = session.client.get("/v1/me")
    assert reply.status_code == 401
    assert reply.json()["error"] == {
        "code": "revoked",
        "message": "This device's sign-in expired after 30 days without a sync.",
    }


def test_idle_days_must_be_a_positive_number(idle_30_server):
    ran = idle_30_server.cli("device", "list", "--token-idle-days", "0")
    assert ran.returncode == 2
    assert ran.stderr.strip() == "--token-idle-days must be a number of days above 0."


def test_a_device_name_with_escape_sequences_is_listed_clean(idle_30_server):
    server = idle_30_server
    session = server.login(server.add_user(), device_name="\x1b]0;owned\x07Ana's \x1b[31mlaptop")
    listed = server.cli("device", "list").stdout
    row = next(line for line in listed.splitlines() if line.startswith(session.device_id))
    assert "Ana's laptop" in row and "\x1b" not in listed and "\x07" not in listed
