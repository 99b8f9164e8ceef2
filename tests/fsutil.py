"""Real unwritable and full folders for tests, made the way the OS would present them.

Root ignores permission bits, so for root a read-only or tiny tmpfs is mounted instead (CI runs
as root); otherwise ordinary permissions do. Where neither is possible the test is skipped with
the reason.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Callable, Iterator
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


@contextlib.contextmanager
def read_only_later(path: Path, size: str = "8m") -> Iterator[Callable[[Path], None]]:
    """A tmpfs at ``path``; the yielded function makes a file or the whole mount read-only.

    ``make_read_only(path)`` remounts the tmpfs read-only; ``make_read_only(some_file)``
    bind-mounts that one file read-only and leaves its folder writable. Root ignores file
    modes, so a mount is the only honest way to get a read-only file as root.
    """
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount_tmpfs(path, f"size={size}"):
        pytest.skip("needs root to mount a tmpfs that can be made read-only")
    mounted = [path]

    def make_read_only(target: Path) -> None:
        if target == path:
            cmds = [["mount", "-o", "remount,ro", str(path)]]
        else:
            cmds = [
                ["mount", "--bind", str(target), str(target)],
                ["mount", "-o", "remount,ro,bind", str(target)],
            ]
            mounted.append(target)
        for cmd in cmds:
            result = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                pytest.skip(f"can't make {target} read-only: {result.stderr.strip()}")

    try:
        yield make_read_only
    finally:
        for target in reversed(mounted):
            subprocess.run(["umount", str(target)], capture_output=True, check=False)


def fill_disk(folder: Path) -> Path:
    """Writes a file in ``folder`` until its filesystem has no space left, to the last byte."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while os.write(fd, b"\0" * size) == size:
                    pass
    finally:
        os.close(fd)
    return filler
