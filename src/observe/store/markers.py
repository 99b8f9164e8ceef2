"""The files beside a profile's database that say a process has it open, or is creating it.

Apart from :mod:`observe.store.db` (SQLAlchemy) so that the window's first screens can check,
before SQLAlchemy is imported, that no earlier session ended in a crash: a crash means the
database is checked before anything reads it for the coach (:mod:`observe.store.first_screens`).
"""

from __future__ import annotations

import os
from pathlib import Path

from observe.paths import ProfilePaths

SESSION_MARKER = ".observe-open-"
CREATING = ".observe-creating-"


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def pid_of(marker: Path, prefix: str) -> int | None:
    try:
        return int(marker.name[len(prefix) :].split("-")[0])
    except ValueError:
        return None


def crashed_sessions(paths: ProfilePaths) -> list[Path]:
    """Markers of processes that had the profile open and are gone without closing it."""
    out = []
    for marker in paths.data_dir.glob(f"{SESSION_MARKER}*"):
        pid = pid_of(marker, SESSION_MARKER)
        if pid is None or not pid_alive(pid):
            out.append(marker)
    return out
