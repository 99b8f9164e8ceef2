"""Shared fixtures: every test gets its own real profile folder and SQLite file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from observe.store import Store, open_profile

# Real observe-server processes (SQLite / PostgreSQL) for server and sync tests.
pytest_plugins = ["tests.serverfixtures"]


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(profile_dir: Path) -> Iterator[Store]:
    s = open_profile(profile_dir)
    try:
        yield s
    finally:
        s.close()
