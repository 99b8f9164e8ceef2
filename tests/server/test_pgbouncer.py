"""observe-server through PgBouncer in transaction pooling mode (issue 18, part 4).

A real PgBouncer (Debian's, 1.18: older than 1.21, so it does not track prepared statements)
sits between ``observe-server`` and PostgreSQL with fewer server connections than the server's
pool has, so consecutive transactions of one server connection land on different PostgreSQL
sessions. With ``?prepare_threshold=none`` in the URL, pushes (counter row locks, group
commit), pulls and sign-ins all work and a school's seqs stay 1..n; without it, psycopg's
automatic prepared statements break, which is why the option exists.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.server.helpers import op
from tests.serverfixtures import PgCluster, ServerProcess, free_port

PGBOUNCER = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"


class Bouncer:
    """PgBouncer on a loopback port, in transaction mode, in front of ``cluster``."""

    def __init__(self, cluster: PgCluster, server_connections: int = 2) -> None:
        self.port = free_port()
        # Not under pytest's tmp_path: the postgres user can't enter root's folders there.
        self.root = root = Path(tempfile.mkdtemp(prefix="observe-pgbouncer-"))
        (root / "users.txt").write_text('"observe" ""\n')
        (root / "pgbouncer.ini").write_text(
            "[databases]\n"
            f"* = host=127.0.0.1 port={cluster.port}\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.port}\nunix_socket_dir =\n"
            f"auth_type = trust\nauth_file = {root / 'users.txt'}\n"
            "pool_mode = transaction\n"
            f"default_pool_size = {server_connections}\nmin_pool_size = {server_connections}\n"
            "reserve_pool_size = 0\nmax_client_conn = 500\n"
            f"logfile = {root / 'pgbouncer.log'}\npidfile = {root / 'pgbouncer.pid'}\n"
        )
        runas: list[str] = []
        if os.geteuid() == 0:  # PgBouncer refuses to run as root
            user = pwd.getpwnam("postgres")
            for path in (root, *root.iterdir()):
                os.chown(path, user.pw_uid, user.pw_gid)
            runas = ["runuser", "-u", "postgres", "--"]
        self.proc = subprocess.Popen(
            [*runas, PGBOUNCER, str(root / "pgbouncer.ini")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                with psycopg.connect(self.conninfo("postgres"), connect_timeout=2) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"PgBouncer did not start:\n{self.log()}") from None
                time.sleep(0.1)

    def conninfo(self, database: str) -> str:
        return f"host=127.0.0.1 port={self.port} user=observe dbname={database}"

    def log(self) -> str:
        path = self.root / "pgbouncer.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, 9)
        self.proc.wait(10)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def bouncer(pg_cluster: PgCluster) -> Iterator[Bouncer]:
    if not Path(PGBOUNCER).exists():
        pytest.skip("pgbouncer is not installed (scripts/system-deps.sh test installs it)")
    made = Bouncer(pg_cluster)
    try:
        yield made
    finally:
        made.stop()


def _database(pg_cluster: PgCluster, bouncer: Bouncer, query: str) -> tuple[str, str]:
    """A new database set up directly (migrations are long DDL transactions: the docs say to
    run them past PgBouncer), and its URL through PgBouncer."""
    direct = pg_cluster.new_database()
    done = subprocess.run(
        [sys.executable, "-m", "observe.server.cli", "migrate", "--database-url", direct],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    name = direct.rsplit("/", 1)[1]
    return direct, f"postgresql+psycopg://observe@127.0.0.1:{bouncer.port}/{name}{query}"


def _load(server: ServerProcess, rounds: int) -> tuple[list[str], list[dict[str, Any]]]:
    """Four coaches of one school push team records and pull, concurrently; returns the
    failures (status and text) and every push result."""
    coaches = [server.login(server.add_user(school="North")) for _ in range(4)]
    failures: list[str] = []
    results: list[dict[str, Any]] = []

    def work(session: Any) -> None:
        cursor: str | None = None
        for _ in range(rounds):
            reply = session.client.post(
                "/v1/sync/push", json={"ops": [op(visibility="team") for _ in range(3)]}
            )
            if reply.status_code != 200:
                failures.append(f"push {reply.status_code} {reply.text[:200]}")
                continue
            results.extend(reply.json()["results"])
            params = {"cursor": cursor} if cursor else {}
            pulled = session.client.get("/v1/sync/pull", params=params)
            if pulled.status_code != 200:
                failures.append(f"pull {pulled.status_code} {pulled.text[:200]}")
                continue
            cursor = pulled.json()["next_cursor"]

    threads = [threading.Thread(target=work, args=(c,)) for c in coaches]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return failures, results


@pytest.mark.slow
def test_server_through_pgbouncer_transaction_pooling(
    pg_cluster: PgCluster, bouncer: Bouncer, tmp_path: Path
) -> None:
    direct, url = _database(pg_cluster, bouncer, "?prepare_threshold=none")
    server = ServerProcess(url, tmp_path / "server", extra_args=["--pool-size", "4"]).start()
    try:
        failures, results = _load(server, rounds=12)
        assert failures == []
        assert sorted(r["server_seq"] for r in results) == list(range(1, 4 * 12 * 3 + 1))
        assert {r["status"] for r in results} == {"applied"}
        # A new coach's first pull through PgBouncer reads every team record once.
        newcomer = server.login(server.add_user(school="North"))
        seen: list[int] = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": 25}
            if cursor:
                params["cursor"] = cursor
            body = newcomer.client.get("/v1/sync/pull", params=params).json()
            seen += [ch["server_seq"] for ch in body["changes"]]
            cursor = body["next_cursor"]
            if not body["more"]:
                break
        assert seen == list(range(1, len(results) + 1))
    finally:
        server.close()
    with psycopg.connect(direct.replace("postgresql+psycopg", "postgresql")) as conn:
        prepared = conn.execute("SELECT count(*) FROM pg_prepared_statements").fetchone()
    assert prepared == (0,)


@pytest.mark.slow
def test_without_the_option_prepared_statements_break_under_transaction_pooling(
    pg_cluster: PgCluster, bouncer: Bouncer, tmp_path: Path
) -> None:
    """The control: psycopg's default (prepare after 5 runs) through this PgBouncer fails
    requests, so the option above is what makes the difference."""
    _, url = _database(pg_cluster, bouncer, "")
    server = ServerProcess(url, tmp_path / "server", extra_args=["--pool-size", "4"]).start()
    try:
        failures, _ = _load(server, rounds=12)
    finally:
        server.close()
    assert failures, "prepared statements survived transaction pooling"
    assert "prepared statement" in server.log_text()


def test_a_bad_prepare_threshold_is_a_sentence(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable, "-m", "observe.server.cli", "migrate", "--database-url",
            "postgresql+psycopg://observe@127.0.0.1:1/x?prepare_threshold=sometimes",
        ],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "prepare_threshold in the database URL must be a number or none" in done.stderr
    assert "Traceback" not in done.stderr
