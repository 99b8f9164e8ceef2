"""`observe login`, `observe sync`, `observe logout`, `observe conflicts` as a coach runs them."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest

from observe.cli import main
from observe.store import open_profile
from observe.sync.credentials import FILE_NAME, Credentials
from tests.sync.netfaults import BadServer
from tests.sync.test_deadlines import observe  # ``observe ARGS`` in its own process


class Ran:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def run(capsys, monkeypatch):
    """``observe ARGS`` in this process (the same ``main`` the console script calls)."""

    def go(*args: str, stdin: str = "") -> Ran:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return go


def test_login_sync_logout(sqlite_server, devices, run):
    coach = sqlite_server.add_user(name="Zoë Okafor")
    d = devices.new("laptop")
    d.evidence(d.visit(), "Written before signing in")
    old_author = d.store.identity.author_id
    d.store.close()
    folder = str(d.data_dir)

    wrong = run(
        "login", "--data-dir", folder, "--server", sqlite_server.base_url,
        "--email", coach.email, "--password-stdin", stdin="not the password\n",
    )  # fmt: skip
    assert wrong.returncode != 0
    assert wrong.stderr.strip() and "Traceback" not in wrong.stderr
    assert not (d.data_dir / FILE_NAME).exists()

    ok = run(
        "login", "--data-dir", folder, "--server", sqlite_server.base_url,
        "--email", coach.email, "--password-stdin", stdin=coach.password + "\n",
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    assert f"Signed in to {sqlite_server.base_url} as {coach.email} (Zoë Okafor)." in ok.stdout
    creds = d.data_dir / FILE_NAME
    assert stat.S_IMODE(creds.stat().st_mode) == 0o600
    assert coach.password not in creds.read_text()
    assert list(json.loads(creds.read_text())) == [f"{sqlite_server.base_url} {coach.email}"]

    synced = run("sync", "--data-dir", folder)
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.startswith("Pushed 5 changes, pulled 5, no conflicts.")
    store = open_profile(d.data_dir)
    try:
        assert store.identity.author_id == coach.id != old_author
        assert store.counts()["outbox"] == 0
    finally:
        store.close()

    out = run("logout", "--data-dir", folder)
    assert out.returncode == 0, out.stderr
    assert "Signed out" in out.stdout
    assert not creds.exists()
    again = run("sync", "--data-dir", folder)
    assert again.returncode != 0
    assert "no sign-in" in again.stderr


def test_sync_with_the_server_down_says_so_and_keeps_the_outbox(devices):
    d = devices.new("laptop")
    d.evidence(d.visit(), "Waiting")
    bad = BadServer()
    url = bad.url
    bad.close()
    from observe.sync import state

    state.save(d.store, server_url=url, email="coach@example.org")
    Credentials(d.data_dir).save(url, "coach@example.org", "token")
    d.store.close()
    out = observe("sync", "--data-dir", str(d.data_dir))
    assert out.returncode == 5
    assert f"couldn't reach the sync server at {url}" in out.stderr
    assert "your changes stay on this computer" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    store = open_profile(d.data_dir)
    try:
        assert store.counts()["outbox"] == 5
    finally:
        store.close()


def test_login_refuses_a_bad_address_before_asking_for_a_password(tmp_path: Path, run):
    out = run("login", "--data-dir", str(tmp_path / "p"), "--server", "ftp://x", "--email", "a@b")
    assert out.returncode == 2
    assert "not a server address" in out.stderr


def test_conflicts_command_lists_and_resolves(sqlite_server, devices, run):
    a, b = devices.signed_in_pair(sqlite_server)
    item = a.evidence(a.visit(), "Original")
    a.sync()
    b.sync()
    a.edit(item, "Laptop version")
    b.edit(item, "Tablet version")
    a.sync()
    b.sync()
    b.store.close()
    listed = run("conflicts", "--data-dir", str(b.data_dir))
    assert listed.returncode == 0
    number, title, why = listed.stdout.strip().split("\t")
    assert title == "Evidence: Tablet version"
    assert "changed both here and elsewhere" in why
    kept = run("conflicts", "--data-dir", str(b.data_dir), "--keep-theirs", number)
    assert kept.returncode == 0, kept.stderr
    assert run("conflicts", "--data-dir", str(b.data_dir)).stdout.strip() == "No conflicts."
    gone = run("conflicts", "--data-dir", str(b.data_dir), "--keep-mine", number)
    assert gone.returncode == 2 and "no conflict number" in gone.stderr
    b.store = open_profile(b.data_dir)
    assert b.text(item) == "Laptop version"
