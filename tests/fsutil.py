"""Real unwritable and full folders for tests, made the way the OS would present them.

Root ignores permission bits, so for root a read-only or tiny tmpfs is mounted instead (CI runs
as root); otherwise ordinary permissions do. Where neither is possible the test is skipped with
the reason.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount_tmpfs(path: Path, options: str) -> bool:
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


@contextlib.contextmanager
def readonly_folder(path: Path) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        path.chmod(0o500)
        try:
            yield path
        finally:
            path.chmod(0o700)
        return
    if not _mount_tmpfs(path, "ro,size=1m"):
        pytest.skip("running as root and can't mount a read-only tmpfs to make a folder unwritable")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=False)


@contextlib.contextmanager
def tiny_folder(path: Path, size: str = "256k") -> Iterator[Path]:
    """A folder on a filesystem that fills up after ``size`` bytes."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount_tmpfs(path, f"size={size}"):
        pytest.skip("needs root to mount a small tmpfs that can fill up")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=False)
