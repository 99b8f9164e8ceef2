"""Sync tests: real profiles (SQLite files) syncing with real observe-server processes.

The server fixtures (``sqlite_server``, ``pg_server``, ``observe_server``) come from
tests/serverfixtures.py. Keyring is forced to its "fail" back-end so device tokens go to the
0600 file fallback and never into the keyring of whoever runs the tests.
"""

from __future__ import annotations

import os

os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serverfixtures import ServerProcess
from tests.sync.devices import Devices


@pytest.fixture(scope="module")
def module_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """One SQLite-backed server for a whole test module, for tests that neither stop nor
    restore it; each test makes its own users (unique emails), so tests stay independent."""
    base = tmp_path_factory.mktemp("sync-server")
    server = ServerProcess(f"sqlite:///{base / 'server.sqlite3'}", base / "server").start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[Devices]:
    made = Devices(tmp_path)
    try:
        yield made
    finally:
        made.close()
