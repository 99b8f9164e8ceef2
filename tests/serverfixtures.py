"""Real ``observe-server`` processes (SQLite or PostgreSQL) for tests: a pytest plugin.

Loaded for the whole suite by ``pytest_plugins`` in tests/conftest.py, so any test can ask for:

- ``sqlite_server``: a fresh server on a new SQLite file (function scope).
- ``pg_server``: a fresh server on a new PostgreSQL database (function scope; skips when the
  PostgreSQL binaries are missing — scripts/system-deps.sh installs them).
- ``observe_server``: the same test once per backend (parametrized ``sqlite``/``postgresql``).
- ``shared_server``: one server per backend for the whole session (parametrized); cheaper,
  for tests that make their own users (``add_user`` picks unique emails) and change nothing
  global.
- ``pg_cluster``: the session's PostgreSQL cluster (``new_database()`` gives a fresh URL).

Each server fixture yields a :class:`ServerProcess`::

    def test_round_trip(sqlite_server):
        coach = sqlite_server.add_user(role="coach", school="Lincoln High")
        session = sqlite_server.login(coach)            # a real POST /v1/auth/login
        reply = session.client.get("/v1/me").json()     # httpx.Client with the bearer token
        assert reply["user"]["email"] == coach.email
        sqlite_server.base_url                          # "http://127.0.0.1:<port>"
        sqlite_server.kill(); sqlite_server.start()     # SIGKILL and restart, same database

PostgreSQL is started from /usr/lib/postgresql/*/bin: initdb into a temporary folder (as the
``postgres`` user when running as root, which PostgreSQL requires), then pg_ctl on a random
port, with fsync off because the tests kill the server process, never the machine.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

DEFAULT_PASSWORD = "correct horse battery staple"

# Cheaper argon2id for the many sign-ins tests make (the real default costs ~150 ms a hash on a
# small VM). Same code path; tests/server/test_cli.py checks the default parameters separately.
os.environ.setdefault("OBSERVE_SERVER_ARGON2", "t=1,m=8192,p=1")


_PORTS_PER_WORKER = 1500
_PORT_BASE = 20000
_port_cursor = random.randrange(_PORTS_PER_WORKER)


def _worker_index() -> int:
    """0 for a plain run; N for pytest-xdist's worker ``gwN``."""
    name = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(name[2:]) if name.startswith("gw") and name[2:].isdigit() else 0


def free_port() -> int:
    """A free loopback port from this test worker's own range.

    A port the kernel hands out for ``bind(0)`` is free only until the socket closes; under
    pytest-xdist two workers could be handed the same one and a test would then talk to
    another worker's server (whose health check answers just as well). Each worker draws
    from its own block below the ephemeral range (which outgoing connections use), so two
    workers never pick the same port, and the bind check skips ports something else holds.
    """
    global _port_cursor
    start = _PORT_BASE + _worker_index() * _PORTS_PER_WORKER
    for _ in range(_PORTS_PER_WORKER):
        _port_cursor = (_port_cursor + 1) % _PORTS_PER_WORKER
        port = start + _port_cursor
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port in {start}-{start + _PORTS_PER_WORKER - 1}")


# --- PostgreSQL ----------------------------------------------------------------------------


def postgres_bindir() -> Path | None:
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
    )
    for path in reversed(candidates):
        if (Path(path) / "initdb").exists() and (Path(path) / "pg_ctl").exists():
            return Path(path)
    return None


class PgCluster:
    """A throwaway PostgreSQL cluster on 127.0.0.1 with trust authentication for ``observe``."""

    def __init__(self, bindir: Path, *, fsync: bool = False, max_connections: int = 300) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="observe-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.fsync = fsync
        self.max_connections = max_connections
        self._runas: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("running as root needs the 'postgres' user") from exc
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._runas = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        subprocess.run(
            [*self._runas, *args], check=True, capture_output=True, text=True, cwd=self.root
        )

    def start(self) -> PgCluster:
        self._run(
            str(self.bindir / "initdb"), "-D", str(self.data), "-U", "observe", "-A", "trust",
            "-E", "UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            f"-c max_connections={self.max_connections} -c shared_buffers=128MB "
            + ("" if self.fsync else "-c fsync=off -c synchronous_commit=off ")
        )
        self._run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
            "-w", "-t", "60", "-o", options, "start",
        )  # fmt: skip
        return self

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def admin_conninfo(self) -> str:
        return f"host=127.0.0.1 port={self.port} user=observe dbname=postgres"

    def new_database(self, name: str | None = None) -> str:
        """Creates an empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_conninfo(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://observe@127.0.0.1:{self.port}/{name}"


# --- observe-server processes --------------------------------------------------------------


@dataclass(frozen=True)
class UserAccount:
    id: str
    email: str
    password: str
    role: str
    school: str
    name: str


@dataclass
class DeviceSession:
    """A signed-in device: its token, id, and an httpx client that sends the token."""

    token: str
    device_id: str
    user: UserAccount
    client: httpx.Client
    login_reply: dict[str, Any]


@dataclass
class ServerProcess:
    database_url: str
    workdir: Path
    workers: int = 1
    port: int = 0
    extra_args: list[str] = field(default_factory=list)
    keeps_blobs: bool = True
    scheme: str = "http"
    access_log: bool = False
    proc: subprocess.Popen[bytes] | None = None
    _clients: list[httpx.Client] = field(default_factory=list)
    _engine: Any = None

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.workdir / "server.log"

    @property
    def blob_dir(self) -> Path:
        """The server's blob folder (given to every server the fixtures start, so a
        PostgreSQL-backed one never writes to the machine's site data folder)."""
        return self.workdir / "blobs"

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "observe.server.cli", *args]

    def start(self, timeout: float = 30.0) -> ServerProcess:
        """Starts (or restarts, on the same port, so clients keep their base URL)."""
        self.port = self.port or free_port()
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        cmd = self.command(
            "serve", "--database-url", self.database_url, "--port", str(self.port),
            "--workers", str(self.workers), *self.extra_args,
        )  # fmt: skip
        if not self.access_log:
            cmd.append("--no-access-log")
        if self.keeps_blobs and "--blob-dir" not in self.extra_args:
            cmd += ["--blob-dir", str(self.blob_dir)]
        self.proc = subprocess.Popen(
            cmd, stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"observe-server exited at start:\n{self.log_text()[-3000:]}")
            try:
                health = httpx.get(f"{self.base_url}/v1/health", timeout=1.0, verify=False)
                if health.status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"observe-server did not become ready:\n{self.log_text()[-3000:]}")

    def _signal_group(self, sig: int) -> None:
        if self.proc is not None and self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, sig)

    def kill(self) -> None:
        """SIGKILL the server (and its workers) as a crash would."""
        self._signal_group(signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is None:
            return
        self._signal_group(signal.SIGTERM)
        try:
            self.proc.wait(3)
        except subprocess.TimeoutExpired:
            self.kill()
        # Worker processes share the group; make sure none outlives the test.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)

    def close(self) -> None:
        for client in self._clients:
            client.close()
        self.stop()
        if self._engine is not None:
            self._engine.dispose()

    def cli(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
        """Runs ``observe-server ARGS --database-url <this server's database>``."""
        return subprocess.run(
            self.command(*args, "--database-url", self.database_url),
            input=input,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    @property
    def engine(self) -> Any:
        if self._engine is None:
            from observe.server.db import make_engine

            self._engine = make_engine(self.database_url, pool_size=2, max_overflow=2)
        return self._engine

    def add_user(
        self,
        *,
        role: str = "coach",
        school: str = "Lincoln High",
        email: str | None = None,
        password: str = DEFAULT_PASSWORD,
        name: str | None = None,
    ) -> UserAccount:
        """Adds a user directly in the server's database (same code as ``user add``)."""
        from observe.server.accounts import add_user

        email = email or f"{role}-{uuid.uuid4().hex[:10]}@example.org"
        name = name or f"Test {role}"
        made = add_user(
            self.engine, email=email, name=name, role=role, school_name=school, password=password
        )
        return UserAccount(made["id"], made["email"], password, role, school, name)

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        client = httpx.Client(base_url=self.base_url, headers=headers, timeout=30.0)
        self._clients.append(client)
        return client

    def login(
        self, user: UserAccount, device_id: str | None = None, device_name: str = "test laptop"
    ) -> DeviceSession:
        reply = httpx.post(
            f"{self.base_url}/v1/auth/login",
            json={
                "email": user.email,
                "password": user.password,
                "device_id": device_id or str(uuid.uuid4()),
                "device_name": device_name,
            },
            timeout=30.0,
        )
        assert reply.status_code == 200, reply.text
        body = reply.json()
        return DeviceSession(
            body["token"], body["device_id"], user, self.client(body["token"]), body
        )


def _server(database_url: str, workdir: Path, workers: int = 1) -> Iterator[ServerProcess]:
    server = ServerProcess(database_url=database_url, workdir=workdir, workers=workers)
    server.start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bindir = postgres_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not found under /usr/lib/postgresql/*/bin")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root needs runuser to start PostgreSQL as 'postgres'")
    cluster = PgCluster(bindir)
    try:
        cluster.start()
    except (subprocess.CalledProcessError, RuntimeError) as exc:
        cluster.stop()
        detail = getattr(exc, "stderr", "") or str(exc)
        pytest.fail(f"PostgreSQL could not start: {detail}")
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[ServerProcess]:
    yield from _server(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path / "server")


@pytest.fixture
def pg_server(pg_cluster: PgCluster, tmp_path: Path) -> Iterator[ServerProcess]:
    yield from _server(pg_cluster.new_database(), tmp_path / "server")


@dataclass
class HttpsServer:
    server: ServerProcess
    #: The self-signed certificate it serves, for clients to trust.
    cert: Path


@pytest.fixture
def https_server(tmp_path: Path) -> Iterator[HttpsServer]:
    """A server on a SQLite file serving HTTPS with a fresh self-signed certificate."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    server = ServerProcess(
        f"sqlite:///{tmp_path / 'tls.sqlite3'}",
        tmp_path / "server",
        extra_args=["--ssl-certfile", str(cert), "--ssl-keyfile", str(key)],
        scheme="https",
    )
    server.start()
    try:
        yield HttpsServer(server, cert)
    finally:
        server.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def observe_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_cluster").new_database()
    yield from _server(url, tmp_path / "server")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def shared_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    base = tmp_path_factory.mktemp(f"shared-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{base / 'server.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_cluster").new_database()
    yield from _server(url, base / "server")
