"""The one way the GUI runs slow work: on a worker thread, with results back on the GUI thread.

Widgets may only be touched from the GUI thread, and a coach must never watch a frozen window
while a database is copied or demo data is written. So every slow call goes through :func:`run`:
the work runs on a pool thread and sees only a :class:`Progress` (plain Python, no Qt), and its
outcome arrives as a signal of an :class:`Operation` that lives on the GUI thread.

Cancelling is cooperative: the work polls ``progress.should_cancel()`` (or calls
``progress.check()``) and stops by raising. Python threads can't be killed safely, and a store
write stopped half-way must roll back, which only the work itself can do.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal, Slot

from observe.errors import ObserveError

log = logging.getLogger(__name__)

Work = Callable[["Progress"], object]

#: Progress is forwarded at most this often; a tight loop reporting every row would otherwise
#: flood the GUI thread's event queue faster than it can repaint.
_PROGRESS_INTERVAL_S = 0.05

_running: set[Operation] = set()


class Cancelled(ObserveError):
    """The work stopped because the person asked it to; nothing needs to be reported."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.translate("Operations", "The operation was cancelled."))


class Progress:
    """What the work gets instead of Qt: a thread-safe cancel flag and a progress reporter."""

    def __init__(self, forward: Callable[[int, int], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._forward = forward
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def should_cancel(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raises :class:`Cancelled` if a cancel was asked for; handy between steps."""
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int) -> None:
        """Forwards progress, throttled, except that the final step always gets through."""
        if self._forward is None:
            return
        now = time.monotonic()
        if done < total and now - self._last < _PROGRESS_INTERVAL_S:
            return
        self._last = now
        self._forward(done, total)


class Operation(QObject):
    """The GUI-thread face of one piece of background work.

    Exactly one of ``succeeded``, ``failed`` or ``cancelled`` is emitted, then ``finished``.
    A cancel that arrives after the work already completed still yields ``succeeded``, because
    the work did happen and the screen should say so.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    # Emitted from the worker thread; queued onto this object's (the GUI) thread.
    _worker_done = Signal(bool, object)
    _worker_progress = Signal(int, int)

    def __init__(self, name: str, context: QObject | None = None) -> None:
        super().__init__()
        self.name = name
        self.progress = Progress(self._worker_progress.emit)
        self._context = context
        self._running = True
        self._worker_done.connect(self._deliver)
        self._worker_progress.connect(self._deliver_progress)

    @property
    def is_running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        """Asks the work to stop; harmless once it has finished."""
        if self._running:
            self.progress.cancel()

    def _alive(self) -> bool:
        # A window closed while its work ran must not receive the result on a dead widget.
        return self._context is None or shiboken6.isValid(self._context)

    def _execute(self, work: Work) -> None:
        try:
            result: object = work(self.progress)
            ok = True
        except BaseException as exc:  # delivered to the GUI thread, which reports it
            result, ok = exc, False
        try:
            self._worker_done.emit(ok, result)
        except RuntimeError:  # the Operation itself was deleted; nobody is listening
            log.debug("operation %s finished after its owner went away", self.name)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self._running and self._alive():
            self.progressed.emit(done, total)

    @Slot(bool, object)
    def _deliver(self, ok: bool, result: object) -> None:
        self._running = False
        _running.discard(self)
        if not self._alive():
            return
        if ok:
            self.succeeded.emit(result)
        elif self.progress.should_cancel():
            log.info("operation %s cancelled (%r)", self.name, result)
            self.cancelled.emit()
        else:
            self.failed.emit(result)
        self.finished.emit()


def run(
    work: Work,
    *,
    name: str = "operation",
    context: QObject | None = None,
    on_success: Callable[[object], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> Operation:
    """Starts ``work(progress)`` on a pool thread; call it from the GUI thread.

    ``context`` is the widget the result is for: if it has been destroyed by the time the work
    finishes, nothing is delivered. Callbacks may also be connected to the returned
    :class:`Operation` right after this returns, since delivery waits for the event loop.
    """
    op = Operation(name, context)
    if on_success is not None:
        op.succeeded.connect(on_success)
    if on_failure is not None:
        op.failed.connect(on_failure)
    if on_progress is not None:
        op.progressed.connect(on_progress)
    if on_cancel is not None:
        op.cancelled.connect(on_cancel)
    _running.add(op)
    (pool or QThreadPool.globalInstance()).start(lambda: op._execute(work))
    return op


def running() -> list[Operation]:
    return list(_running)


def shutdown(timeout_ms: int = 10_000, pool: QThreadPool | None = None) -> bool:
    """Cancels everything still running and waits, so the store isn't closed under a writer.

    Returns False if some work didn't stop within ``timeout_ms``.
    """
    for op in list(_running):
        op.cancel()
    done = (pool or QThreadPool.globalInstance()).waitForDone(timeout_ms)
    if done:
        _running.clear()
    return done
