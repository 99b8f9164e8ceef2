"""A faster ``store`` fixture for suites with many small tests.

Each test still gets its own real SQLite file; it is copied from one profile migrated once per
session, because running every Alembic migration per test costs about half a second each.
Use it from a conftest: ``from tests.fast_store import migrated_database, store``.
"""

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
