"""When the app syncs: soon after changes (debounced), every few minutes, and on request.

Sync runs through :mod:`observe.ui.operations` on a worker thread with its own store
transactions, so capture never waits on it. One sync at a time: asking while one runs marks
another to follow. Failures that time can cure (no network, server restarting) are retried
with exponential backoff and full jitter (2 s doubling to 5 min) and shown only in the status
label; failures only the coach can cure (signed out, revoked device) stop the retries and say
so. A manual "Sync now" reports its failure in a dialog as well.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from observe.store import Store
from observe.sync import state
from observe.sync.backlog import count_conflicts, waiting_count
from observe.sync.backoff import Backoff
from observe.sync.errors import MassDeleteStopped, SyncError
from observe.ui import operations
from observe.ui.errors import ErrorReporter
from observe.ui.operations import Operation, Progress
from observe.ui.sync.status import SyncStatus

if TYPE_CHECKING:
    from observe.sync.engine import SyncResult

log = logging.getLogger(__name__)

DEBOUNCE_MS = 5_000
PERIOD_MS = 5 * 60_000
ESTIMATE_AFTER_S = 3.0
GUI_PULL_LIMIT = 250  # short page transactions: capture never waits long for the lock

#: Asks the coach a yes/no question (the mass-delete guard); tests answer without a dialog.
Ask = Callable[[QWidget | None, str], bool]


def _read_status(store: Store) -> SyncStatus:
    st = state.load(store)
    # Without a server the label shows no "N waiting" (it would read as a backlog), so the
    # outbox (a row per change ever made: hundreds of thousands after years) isn't counted.
    waiting = waiting_count(store) if st.server_url else 0
    return SyncStatus(
        signed_in=st.has_account and _has_token(store, st),
        server_url=st.server_url,
        email=st.email,
        last_synced_at=st.last_synced_at,
        waiting=waiting,
        conflicts=count_conflicts(store),
    )


def _has_token(store: Store, st: state.State) -> bool:
    from observe.sync.credentials import Credentials

    assert st.server_url and st.email
    return Credentials(store.paths.data_dir).load(st.server_url, st.email) is not None


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncResult
    #: The coach stopped a running sync.
    sync_stopped = Signal()

    def __init__(
        self,
        store: Store,
        window: QWidget,
        *,
        ask: Ask,
        report_error: ErrorReporter,
        debounce_ms: int = DEBOUNCE_MS,
        period_ms: int = PERIOD_MS,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self._ask = ask
        self._report_error = report_error
        self.backoff = backoff or Backoff(base=2.0, cap=300.0)
        self.status = SyncStatus()
        self.operation: Operation | None = None
        self._again = False
        self._stopped = False
        #: Where the time estimate of a long sync reads the time (tests pass their own).
        self.clock: Callable[[], float] = time.monotonic
        self._rate_from: tuple[float, int] | None = None

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(debounce_ms)
        self.debounce.timeout.connect(self._background_sync)
        self.periodic = QTimer(self)
        self.periodic.setInterval(period_ms)
        self.periodic.timeout.connect(self._background_sync)
        self.recount = QTimer(self)  # the "N waiting" count follows edits, a few per second
        self.recount.setSingleShot(True)
        self.recount.setInterval(500)
        self.recount.timeout.connect(self.refresh)
        self.retry = QTimer(self)
        self.retry.setSingleShot(True)
        self.retry.timeout.connect(self._background_sync)

    # -- status -----------------------------------------------------------------------------

    def _set(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def refresh(self, then_sync: bool = False) -> Operation:
        """Reads sign-in, waiting and conflict counts off the GUI thread."""
        store = self.store

        def read(_: Progress) -> SyncStatus:
            return _read_status(store)

        def show(result: object) -> None:
            fresh = result if isinstance(result, SyncStatus) else SyncStatus()
            self._set(
                fresh.with_(
                    syncing=self.is_syncing,
                    offline=self.status.offline and fresh.signed_in,
                    needs_sign_in=self.status.needs_sign_in and fresh.signed_in,
                    problem=self.status.problem,
                    retry_in_s=self.status.retry_in_s,
                )
            )
            if fresh.signed_in and not self._stopped:
                if not self.periodic.isActive():
                    self.periodic.start()
                if then_sync:
                    self.sync_now(manual=False)
            else:
                self.periodic.stop()

        return operations.run(read, name="sync status", context=self.window, on_success=show)

    @property
    def is_syncing(self) -> bool:
        return self.operation is not None and self.operation.is_running

    # -- triggers ---------------------------------------------------------------------------

    def start(self) -> None:
        """Shows the status and, when signed in, syncs once and then every few minutes."""
        self.refresh(then_sync=True)

    def stop(self) -> None:
        self._stopped = True
        for timer in (self.debounce, self.periodic, self.retry, self.recount):
            timer.stop()
        if self.operation is not None:
            self.operation.cancel()

    def changed(self, _kind: object = None) -> None:
        """Something was saved here: sync a little later (typing ten items makes one sync)."""
        if self._stopped:
            return
        self.recount.start()
        if self.status.signed_in and not self.status.needs_sign_in:
            self.debounce.start()

    def _background_sync(self) -> None:
        if self.status.signed_in and not self.status.needs_sign_in:
            self.sync_now(manual=False)

    def sync_now(self, manual: bool = True, allow_mass_delete: bool = False) -> Operation | None:
        """Starts a sync unless one runs (then another follows it). Returns the operation."""
        if self._stopped:
            return None
        if self.is_syncing:
            self._again = True
            return None
        self.debounce.stop()
        self.retry.stop()
        store = self.store

        def work(progress: Progress) -> SyncResult:
            # Imported on the first sync: the engine brings the HTTP client and the wire
            # protocol (httpx, pydantic), which the window does not need to open.
            from observe.sync.engine import SyncEngine

            engine = SyncEngine(store, pull_limit=GUI_PULL_LIMIT, lock_wait=60.0)
            return engine.sync(
                allow_mass_delete=allow_mass_delete,
                progress=progress.report,
                should_cancel=progress.should_cancel,
            )

        self._rate_from = None
        self._set(self.status.with_(syncing=True, eta_s=None))
        op = operations.run(
            work,
            name="sync",
            context=self.window,
            on_success=self._done,
            on_failure=lambda exc: self._failed(exc, manual),
            on_progress=self._progress,
            on_cancel=self._cancelled,
        )
        op.finished.connect(self._finished)
        self.operation = op
        return op

    def stop_sync(self) -> bool:
        """Stops the running sync at its next step; True if one was running.

        What it finished is kept (acknowledged changes, applied pages); the rest waits for the
        next sync, which the debounce and periodic timers still start."""
        if not self.is_syncing or self.operation is None:
            return False
        self._again = False
        self.operation.cancel()
        return True

    # -- outcomes ---------------------------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        if self.is_syncing:
            self._set(self.status.with_(progress=(done, total), eta_s=self._estimate(done, total)))

    def _estimate(self, done: int, total: int) -> float | None:
        """Seconds left at the pace since the first report, once there are a few seconds to
        go on (before that the pace is mostly the sync's start-up)."""
        now = self.clock()
        if self._rate_from is None or done < self._rate_from[1]:
            self._rate_from = (now, done)
            return None
        since, done_then = self._rate_from
        elapsed, gained = now - since, done - done_then
        if elapsed < ESTIMATE_AFTER_S or gained <= 0:
            return None
        return max(total - done, 0) * elapsed / gained

    def _cancelled(self) -> None:
        self._set(self.status.with_(syncing=False, progress=None, eta_s=None))
        self.sync_stopped.emit()

    def _done(self, result: object) -> None:
        from observe.sync.engine import SyncResult

        assert isinstance(result, SyncResult)
        self.backoff.reset()
        self._set(
            self.status.with_(
                syncing=False,
                progress=None,
                eta_s=None,
                offline=False,
                needs_sign_in=False,
                # Changes waiting for an image that can't be sent say why (else None).
                problem=" ".join(result.held) or None,
                retry_in_s=None,
                last_synced_at=result.synced_at,
                waiting=result.waiting,
                conflicts=result.open_conflicts,
            )
        )
        self.synced.emit(result)  # what arrived reaches the views as the store's change news

    def _failed(self, exc: BaseException, manual: bool) -> None:
        if isinstance(exc, MassDeleteStopped):
            self._set(
                self.status.with_(syncing=False, progress=None, eta_s=None, problem=exc.sentence)
            )
            question = exc.sentence.split(" If those")[0] + " " + self.tr("Delete them here too?")
            if self._ask(self.window, question):
                self._again = False
                QTimer.singleShot(0, lambda: self.sync_now(manual=True, allow_mass_delete=True))
            return
        if isinstance(exc, SyncError) and exc.transient:
            delay = self.backoff.next_delay(getattr(exc, "retry_after", None))
            self._set(
                self.status.with_(
                    syncing=False,
                    progress=None,
                    eta_s=None,
                    offline=True,
                    problem=exc.sentence,
                    retry_in_s=delay,
                )
            )
            if not self._stopped:
                self.retry.start(int(delay * 1000))
        else:
            sentence = exc.sentence if isinstance(exc, SyncError) else None
            self._set(
                self.status.with_(
                    syncing=False,
                    progress=None,
                    eta_s=None,
                    needs_sign_in=isinstance(exc, SyncError),
                    problem=sentence,
                )
            )
        if manual or not isinstance(exc, SyncError):
            self._report_error(self.window, exc)

    def _finished(self) -> None:
        self.refresh()
        if self._again and not self._stopped:
            self._again = False
            self.debounce.start()
