"""Files that are either whole on disk or absent, for the desktop and the server alike.

A photo of student work, an uploaded blob and a new profile's database are written under a
temporary name in their folder, flushed to the disk, renamed into place and the folder flushed
too, so a crash or a power cut at any moment leaves the old state or the new one, never half a
file. Imports nothing of Observe's: the server and the desktop store both use it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Makes a rename or a new file in ``folder`` durable. Windows can't open a folder to
    flush it (NTFS journals renames), and some filesystems refuse; both are skipped."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(target: Path, data: bytes, *, suffix: str = "") -> None:
    """``data`` at ``target``, durably: a temporary file in the same folder (so the rename
    stays on one filesystem), flushed, renamed over ``target``, then the folder flushed. On
    any failure the temporary file is removed and ``target`` is as it was."""
    fd, tmp = tempfile.mkstemp(prefix=".incoming-", suffix=suffix, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(target.parent)
