"""One sync at a time per profile: a lock file in the profile folder plus an in-process lock.

The file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) covers an ``observe sync`` in
a terminal while the app is open; the in-process lock covers two threads of one app. The OS
drops a file lock when its process dies, so a crash never leaves a profile locked.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from types import TracebackType

from observe.i18n import _
from observe.sync.errors import SyncBusy

LOCK_NAME = "sync.lock"

_registry_guard = threading.Lock()
_thread_locks: dict[str, threading.Lock] = {}


def _thread_lock(path: Path) -> threading.Lock:
    with _registry_guard:
        return _thread_locks.setdefault(str(path), threading.Lock())


def _try_lock_file(fd: int) -> bool:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _unlock_file(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class SyncLock:
    """Held for the whole of one sync; ``wait`` seconds to get it, else :class:`SyncBusy`."""

    def __init__(self, data_dir: Path, wait: float = 30.0) -> None:
        self.path = data_dir / LOCK_NAME
        self.wait = wait
        self._fd: int | None = None
        self._thread_lock = _thread_lock(self.path)

    def __enter__(self) -> SyncLock:
        deadline = time.monotonic() + self.wait
        if not self._thread_lock.acquire(timeout=max(self.wait, 0)):
            raise self._busy()
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            while not _try_lock_file(fd):
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise self._busy()
                time.sleep(0.05)
            self._fd = fd
        except BaseException:
            self._thread_lock.release()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            try:
                _unlock_file(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None
        self._thread_lock.release()

    def _busy(self) -> SyncBusy:
        return SyncBusy(
            _(
                "Another sync of this profile is still running (in the app or in a "
                "terminal). Wait for it to finish, then try again."
            )
        )
