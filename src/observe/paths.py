"""Where Observe keeps things on disk.

All locations come from platformdirs so each OS gets its conventional folders; a ``--data-dir``
override moves the whole profile (database, backups, drafts) to one folder, which is what tests,
demos and coaches with several profiles use.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from observe import APP_NAME

DATABASE_FILENAME = "observe.sqlite3"


def default_data_dir() -> Path:
    env = os.environ.get("OBSERVE_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class ProfilePaths:
    """The files of one profile, all derived from its data folder."""

    data_dir: Path

    @classmethod
    def at(cls, data_dir: Path | str | None) -> ProfilePaths:
        base = Path(data_dir).expanduser() if data_dir else default_data_dir()
        return cls(base.absolute())

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILENAME

    @property
    def blobs(self) -> Path:
        """Images of student work, content-addressed (``observe.store.blobs``)."""
        return self.data_dir / "blobs"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return default_log_dir()
