"""One sync of one profile: lock, check the server, recover if needed, push, pull.

Runs on whatever thread calls it (the CLI's main thread, a GUI worker) with its own short
store transactions, so the app's capture keeps writing alongside it (SQLite WAL). Nothing
local changes on failure: every step is a transaction that either commits whole or not at all.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

import httpx

from observe.clock import utcnow
from observe.i18n import _
from observe.protocol import MAX_PULL_LIMIT, PullReply, PushReply, ServerState, push_body
from observe.store import Store
from observe.sync import blobs, orphans, state
from observe.sync import push as pushing
from observe.sync.apply import Applier, count_deletions, live_record_count, parked_count
from observe.sync.backlog import count_conflicts, outbox_count
from observe.sync.bulk_apply import apply_page, frozen_gc
from observe.sync.client import PullFrom, SyncClient, duration, seconds_from_env
from observe.sync.conflicts import resolve_identical
from observe.sync.credentials import Credentials
from observe.sync.errors import (
    KEPT,
    AuthFailed,
    BadReply,
    MassDeleteStopped,
    NotSignedIn,
    ServerChanged,
    SyncCancelled,
    SyncError,
    TimedOut,
)
from observe.sync.invitations import refresh_after_sync
from observe.sync.lock import SyncLock
from observe.sync.recovery import queue_recovery

log = logging.getLogger(__name__)

MASS_DELETE_MIN = 50
MASS_DELETE_SHARE = 0.25
MAX_PASSES = 100
PUSH_DEPTH = 2
"""Push requests in flight at once."""
SYNC_DEADLINE_S = 1800.0
"""The longest one sync may run: twenty times a request's deadline, room for a first sync
of a large profile on a slow link, but a sync that never ends would hold the profile's
sync lock and keep every later sync waiting."""
SYNC_DEADLINE_ENV = "OBSERVE_SYNC_DEADLINE"
FOLD_AFTER = 1000
"""Pulled records after which the sync copies the log into the database file itself."""

Progress = Callable[[int, int], None]


@dataclass
class _InFlight:
    """A pushed batch whose reply has not been recorded yet."""

    rows: list
    bad: list
    sent: Future[httpx.Response] | None  # None when none of the rows could be sent
    then_pull: PullFrom | None = None  # the last push of the sync brings the pull's first page

    def response(self) -> httpx.Response | None:
        return self.sent.result() if self.sent is not None else None


@dataclass(frozen=True)
class SyncResult:
    pushed: int
    pulled: int  # changes received
    applied: int  # records written locally
    deleted: int  # local records deleted because the server deleted them
    new_conflicts: int
    open_conflicts: int
    waiting: int  # outbox rows still waiting (written during the sync, or unanswered)
    parked: int
    recovered: bool
    synced_at: datetime
    images_sent: int = 0
    image_bytes_sent: int = 0
    #: Why changes wait for their images (one sentence per image that could not be sent).
    held: tuple[str, ...] = ()

    def summary(self) -> str:
        bits = [f"Pushed {self.pushed:,} changes, pulled {self.pulled:,}"]
        if self.deleted:
            bits.append(f"{self.deleted:,} deleted here")
        if self.open_conflicts:
            word = "conflict" if self.open_conflicts == 1 else "conflicts"
            bits.append(f"{self.open_conflicts:,} {word} to resolve")
        else:
            bits.append("no conflicts")
        text = ", ".join(bits) + "."
        if self.recovered:
            text += _(" The server had been restored or replaced; everything was sent again.")
        if self.waiting:
            text += _(" {waiting:,} changes are still waiting.").format(waiting=self.waiting)
        for sentence in self.held:
            text += " " + sentence
        return text


def needs_recovery(st: state.State, server: ServerState) -> bool:
    if st.server_id is None:
        return False
    return (
        st.server_id != server.server_id or st.epoch != server.epoch or server.head_seq < st.cursor
    )


def mass_delete(deletes: int, total: int) -> bool:
    return deletes > MASS_DELETE_MIN and deletes > total * MASS_DELETE_SHARE


class SyncEngine:
    """Syncs ``store`` with the server it is signed in to."""

    def __init__(
        self,
        store: Store,
        *,
        credentials: Credentials | None = None,
        transport: httpx.BaseTransport | None = None,
        pull_limit: int = MAX_PULL_LIMIT,
        lock_wait: float = 30.0,
        deadline: float | None = None,
        request_deadline: float | None = None,
    ) -> None:
        """``deadline``: seconds one sync may run in all (default from
        ``OBSERVE_SYNC_DEADLINE``, else 30 minutes); ``request_deadline`` is the client's."""
        self.store = store
        self.credentials = credentials or Credentials(store.paths.data_dir)
        self.transport = transport
        self.pull_limit = pull_limit
        self.lock_wait = lock_wait
        self.deadline = deadline or seconds_from_env(SYNC_DEADLINE_ENV, SYNC_DEADLINE_S)
        self.request_deadline = request_deadline

    def sync(
        self,
        *,
        allow_mass_delete: bool = False,
        progress: Progress | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> SyncResult:
        run = _Run(self, allow_mass_delete, progress, should_cancel or (lambda: False))
        with SyncLock(self.store.paths.data_dir, wait=self.lock_wait):
            try:
                result = run.go()
            except SyncCancelled:
                log.info("sync cancelled; what it finished is kept")
                raise
            except SyncError as exc:
                log.warning("sync failed: %s (%s)", exc.sentence, exc.detail)
                state.save(self.store, last_error=exc.sentence)
                raise
            state.save(self.store, last_synced_at=result.synced_at, last_error=None)
        log.info("sync done: %s", result.summary())
        return result


class _Run:
    def __init__(
        self,
        engine: SyncEngine,
        allow_mass_delete: bool,
        progress: Progress | None,
        should_cancel: Callable[[], bool],
    ) -> None:
        self.engine = engine
        self.store = engine.store
        self.allow_mass_delete = allow_mass_delete
        self.progress = progress
        self.should_cancel = should_cancel
        self.push_stats = pushing.PushStats()
        self.pulled = 0
        self.applied = 0
        self.deleted = 0
        self.recovered = False
        self.done = 0
        self.total = 0
        self.known: ServerState | None = None
        # The pull's first page, when the sync's last push brought it (``then_pull``), with
        # where it was pulled from.
        self.first_page: tuple[PullFrom, PullReply] | None = None
        self.uploads = blobs.Uploads()
        self.user_id: str | None = None
        self.finish_by = float("inf")  # set when the run starts, under the lock
        self.overrun = TimedOut(
            _(
                "The sync did not finish within {duration} (the server or the network is "
                "too slow, or the server never stops sending), so Observe stopped it. "
                "What was received so far is kept. "
            ).format(duration=duration(engine.deadline))
            + _(KEPT),
            detail=f"sync deadline {engine.deadline}s",
        )

    # -- the run ----------------------------------------------------------------------------

    def go(self) -> SyncResult:
        self.finish_by = time.monotonic() + self.engine.deadline
        st = state.load(self.store)
        if not st.has_account:
            raise NotSignedIn(
                _(
                    "This profile is not signed in to a sync server. Sign in first (Sync → "
                    "Sign in…, or observe login --server URL --email ADDRESS)."
                )
            )
        assert st.server_url and st.email
        token = self.engine.credentials.load(st.server_url, st.email)
        if not token:
            raise NotSignedIn(
                _(
                    "This profile has no sign-in for {server_url} on this computer. Sign in "
                    "again (Sync → Sign in…, or observe login). Your records stay on this "
                    "computer."
                ).format(server_url=st.server_url)
            )
        with SyncClient(
            st.server_url,
            token,
            transport=self.engine.transport,
            deadline=self.engine.request_deadline,
            finish_by=self.finish_by,
            overrun=self.overrun,
        ) as client:
            me = client.me()
            if st.user_id and me.user.id != st.user_id and st.server_id == me.server_id:
                raise AuthFailed(
                    _(
                        "The sign-in stored for {email} belongs to another account on this "
                        "server. Sign in again."
                    ).format(email=st.email)
                )
            self.user_id = me.user.id
            server: ServerState = me
            for _attempt in range(3):
                try:
                    self._prepare(server)
                    self._push(client)
                    self._pull(client)
                    break
                except ServerChanged:
                    log.warning("the server changed during the sync; recovering")
                    server = client.me()
            else:
                raise SyncError(
                    _(
                        "The sync server kept changing identity while Observe was syncing (it is "
                        "probably being restored). Try again in a few minutes. Nothing was lost."
                    )
                )
            # Which roster teachers have accounts, for the Teachers tab; never fails the sync.
            refresh_after_sync(self.store, client)
        # Entries whose two sides now say the same thing (a restore re-pushed from two
        # devices, a colleague's copy arriving equal) ask the coach nothing.
        resolve_identical(self.store)
        with self.store.engine.connect() as conn:
            waiting = outbox_count(conn)
            parked = parked_count(conn)
        return SyncResult(
            pushed=self.push_stats.pushed,
            pulled=self.pulled,
            applied=self.applied,
            deleted=self.deleted,
            new_conflicts=self.push_stats.conflicts + self.push_stats.rejected,
            open_conflicts=count_conflicts(self.store),
            waiting=waiting,
            parked=parked,
            recovered=self.recovered,
            synced_at=utcnow(),
            images_sent=self.uploads.uploaded,
            image_bytes_sent=self.uploads.bytes_sent,
            held=tuple(self.uploads.sentences()),
        )

    def _prepare(self, server: ServerState) -> None:
        st = state.load(self.store)
        if needs_recovery(st, server):
            log.warning(
                "server %s/%s head %d differs from %s/%s cursor %d: recovering",
                server.server_id,
                server.epoch,
                server.head_seq,
                st.server_id,
                st.epoch,
                st.cursor,
            )
            queue_recovery(self.store, self.user_id, self.should_cancel)
            self._check_cancel()
            self.recovered = True
            state.save(self.store, server_id=server.server_id, epoch=server.epoch, cursor=0)
            st = state.load(self.store)
        elif st.server_id is None:
            state.save(self.store, server_id=server.server_id, epoch=server.epoch)
            st = state.load(self.store)
        self.known = server
        self.first_page = None
        with self.store.engine.connect() as conn:
            self.total = outbox_count(conn) + max(server.head_seq - st.cursor, 0)
        self._report()

    def _check(self, reply: ServerState, cursor: int | None = None) -> None:
        known = self.known
        assert known is not None
        if reply.server_id != known.server_id or reply.epoch != known.epoch:
            raise ServerChanged(_("The sync server was restored or replaced during the sync."))
        if cursor is not None and reply.head_seq < cursor:
            raise ServerChanged(_("The sync server lost changes during the sync."))

    def _cancelled(self) -> bool:
        self._check_cancel()
        return False

    def _check_cancel(self) -> None:
        if self.should_cancel():
            raise SyncCancelled
        if time.monotonic() > self.finish_by:
            raise self.overrun

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(min(self.done, self.total), max(self.total, 1))

    # -- push -------------------------------------------------------------------------------

    def _push(self, client: SyncClient) -> None:
        # Images first: a record is never pushed before the image it names is on the server
        # (records whose image can't be sent wait in the outbox, with a sentence).
        self.uploads = blobs.upload_for_outbox(client, self.store, self._cancelled)
        # Sender threads: while batch k is on the wire and the server works on it, batch k+1
        # is already sent (the server reads it while k's transaction is flushed to disk), and
        # this thread records k-1's results and reads k+2 from the outbox. Results are still
        # recorded in batch order, one batch at a time.
        with ThreadPoolExecutor(
            max_workers=PUSH_DEPTH, thread_name_prefix="observe-push"
        ) as sender:
            for _pass in range(MAX_PASSES):
                skipped, unanswered = self._push_pass(client, sender)
                if unanswered:
                    raise BadReply(
                        _(
                            "The sync server did not answer for {unanswered:,} of the changes "
                            "sent. They stay on this computer and will be sent at the next sync."
                        ).format(unanswered=unanswered)
                    )
                if not skipped:
                    return

    def _push_pass(self, client: SyncClient, sender: ThreadPoolExecutor) -> tuple[int, int]:
        """One pass over the outbox, pipelined; returns (rows skipped, ops unanswered).

        Sending later batches before batch k's results are recorded is safe: a batch holds at
        most one row per record and a pass never picks a record twice, so recording k's
        results (deleting its rows, rebasing or folding away its records' later rows) touches
        no row that a later batch of the same pass has read, and the server may apply the
        batches in flight in either order.

        Each batch is read before the one ahead of it is sent, so a sync's only push is known
        as it goes out: it asks for the pull's first page in its reply, saving the sync a
        request (one round trip less on a slow school network)."""
        after, seen, skipped, unanswered = 0, set[tuple[str, str]](), 0, 0
        in_flight: deque[_InFlight] = deque()
        batch, ops, bad = self._read_batch(after, seen)
        while True:
            self._check_cancel()
            skipped += batch.skipped
            if batch.rows:
                upcoming = self._read_batch(batch.after, seen)
                # Alone in flight, too: the page must come after every push of the sync.
                last = not upcoming[0].rows and skipped + upcoming[0].skipped == 0
                last = last and not in_flight
                then_pull = self._pull_from() if last and ops else None
                sent = sender.submit(client.send_push, push_body(ops), then_pull) if ops else None
                in_flight.append(_InFlight(batch.rows, bad, sent, then_pull))
            while in_flight and (len(in_flight) >= PUSH_DEPTH or not batch.rows):
                oldest = in_flight.popleft()
                response = oldest.response()
                answer = client.read_push(response) if response is not None else None
                unanswered += self._record(oldest.rows, answer, oldest.bad)
                if answer is not None and answer.pull is not None and oldest.then_pull:
                    self.first_page = (oldest.then_pull, answer.pull)
            if not batch.rows:
                return skipped, unanswered
            batch, ops, bad = upcoming

    def _read_batch(
        self, after: int, seen: set[tuple[str, str]]
    ) -> tuple[pushing.Batch, list, list]:
        with self.store.engine.connect() as conn:
            batch = pushing.next_batch(conn, after, seen, held=self.uploads.held)
            ops, bad = pushing.build_ops(conn, batch.rows)
        return batch, ops, bad

    def _pull_from(self) -> PullFrom:
        st = state.load(self.store)
        return PullFrom(st.cursor, self.engine.pull_limit, st.pull_cursor)

    def _record(self, rows: list, reply: PushReply | None, bad: list) -> int:
        if reply is not None:
            self._check(reply)
        with self.store.write_core(remote=True) as conn:
            stats = pushing.record_results(conn, rows, reply, bad)
        self.push_stats.add(stats)
        self.done += len(rows)
        self._report()
        return stats.unanswered

    # -- pull -------------------------------------------------------------------------------

    def _pull(self, client: SyncClient) -> None:
        with frozen_gc():
            self._pull_pages(client)

    def _pull_pages(self, client: SyncClient) -> None:
        st = state.load(self.store)
        cursor, token = st.cursor, st.pull_cursor
        with self.store.engine.connect() as conn:
            live_total = live_record_count(conn)
        spool: list[PullReply] = []
        deletions = 0
        limit = self.engine.pull_limit
        first = self._first_page(PullFrom(cursor, limit, token))
        # A fetcher thread downloads page k+1 while this thread applies page k; it only does
        # HTTP (parsing stays here, as for push). An abandoned prefetch only read.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="observe-pull") as fetcher:
            if first is None:
                ahead = fetcher.submit(client.send_pull, cursor, limit, token)
            while True:
                self._check_cancel()
                if first is not None:
                    page, first = first, None
                else:
                    page = client.read_pull(ahead.result())
                if page.more and page.next_since > cursor:
                    ahead = fetcher.submit(
                        client.send_pull, page.next_since, limit, page.next_cursor
                    )
                deletions += self._take_page(page, cursor, spool)
                if page.more and page.next_since == cursor:
                    # Asking again would get the same page forever, holding the sync lock.
                    raise BadReply(
                        _(
                            "The sync server at {server_url} said it had more changes but did not "
                            "move on from the last ones, so Observe stopped pulling. Tell your "
                            "server's administrator, and try again later. "
                        ).format(server_url=client.server_url)
                        + _(KEPT),
                        detail=f"pull since={cursor}: more=true, next_since={page.next_since}",
                    )
                cursor = page.next_since
                self.done += len(page.changes)
                self._report()
                if not page.more:
                    break
        if spool:
            if mass_delete(deletions, live_total) and not self.allow_mass_delete:
                raise MassDeleteStopped(deletions, live_total)
            since = state.load(self.store).cursor
            for page in spool:
                self._check_cancel()
                self._apply(page, since)
                since = page.next_since
        with self.store.write_core(remote=True) as conn:
            Applier(conn, self.user_id).apply_partial()
            orphans.detect(conn, self.user_id)  # records left live under a deleted parent
        if self.pulled >= FOLD_AFTER:
            self.store.checkpoint()  # here, not in the coach's next save

    def _first_page(self, start: PullFrom) -> PullReply | None:
        """The page the last push brought, if it was pulled from where this pull starts (it
        always is: only the pull moves the cursor, under the sync lock; checked all the same)."""
        brought, self.first_page = self.first_page, None
        if brought is None or brought[0] != start:
            return None
        return brought[1]

    def _take_page(self, page: PullReply, cursor: int, spool: list[PullReply]) -> int:
        """Applies the page, or spools it once any page deletes; returns its deletions."""
        self._check(page, cursor)
        if page.next_since < cursor:
            raise BadReply(
                _(
                    "The sync server sent its changes out of order. Nothing was changed "
                    "here; try again later, and tell your server's administrator if this "
                    "repeats."
                )
            )
        with self.store.engine.connect() as conn:
            page_deletions = count_deletions(conn, page.changes)
        if spool or page_deletions:
            # Held back until the whole pull is known: the guard must stop before any
            # deletion is applied, not half-way through.
            spool.append(page)
        else:
            self._apply(page, cursor)
        return page_deletions

    def _apply(self, page: PullReply, since: int) -> None:
        # Not durable: the page and the cursor commit together, so a power cut can only send
        # the cursor back to pages that are pulled again; the pull's last write is durable.
        with self.store.write_core(remote=True, durable=False) as conn:
            current = state.read(conn).cursor
            if current != since:  # someone else moved it (cannot happen under the lock)
                raise SyncError(_("The sync position changed under this sync; sync again."))
            stats = apply_page(conn, self.user_id, page.changes)
            state.write(conn, cursor=page.next_since, pull_cursor=page.next_cursor)
        self.pulled += len(page.changes)
        self.applied += stats.applied
        self.deleted += stats.deleted
