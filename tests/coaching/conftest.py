"""A faster ``store``: each test still gets its own real SQLite file, copied from one profile
migrated once per session (running every Alembic migration per test cost ~0.5 s each)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from observe.paths import ProfilePaths
from observe.store import Store, open_profile


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template-profile")
    open_profile(folder).close()  # the last close checkpoints the WAL into the file
    return ProfilePaths.at(folder).database


@pytest.fixture
def store(profile_dir: Path, migrated_database: Path) -> Iterator[Store]:
    target = ProfilePaths.at(profile_dir).database
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_database, target)
    s = open_profile(profile_dir)
    try:
        yield s
    finally:
        s.close()
