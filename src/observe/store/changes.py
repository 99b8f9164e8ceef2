"""Change news: after each committed write, which record kinds (and ids) changed.

Views used to refresh because a writer remembered to announce what it wrote; one that forgot
left a view stale. Now the store itself says what changed. Every write statement that runs on
the profile's engine (ORM flushes, ``write_core`` connections, bulk loads such as the demo,
imports and sync's pull) is seen by one engine listener, which notes the table it touched on
the connection. When ``Store.write``/``Store.write_core`` commits, the notes become one
:class:`Changes` handed to every subscriber of :class:`ChangeFeed`. Rolled-back transactions
publish nothing.

Qt-free on purpose: the CLI and the tests subscribe with plain callables; the GUI re-emits the
news as a Qt signal on its own thread (``observe.ui.changes``).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Delete, Engine, Insert, Update, event

from observe.store.models import SYNC_MODELS

log = logging.getLogger(__name__)

#: The record kinds change news reports (bookkeeping tables such as the outbox are left out).
RECORD_KINDS: frozenset[str] = frozenset(model.kind for model in SYNC_MODELS)
KIND_ORDER: tuple[str, ...] = tuple(model.kind for model in SYNC_MODELS)
_TABLE_KIND: dict[str, str] = {model.__tablename__: model.kind for model in SYNC_MODELS}

_NOTES = "observe.changes.notes"
_REMOTE = "observe.changes.remote"


@dataclass(frozen=True)
class Changes:
    """What one committed transaction changed."""

    #: Record kinds ("evidence", "visit", ...) with at least one row written.
    kinds: frozenset[str]
    #: Ids per kind where the statement named them (inserts, ORM flushes); a kind whose ids are
    #: not known (an UPDATE by a condition) is in ``kinds`` but may be missing here.
    ids: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: True when the changes came from the sync server (pull) rather than from this computer.
    remote: bool = False
    #: Increasing number of this news item, in publish order.
    seq: int = 0

    def in_order(self) -> tuple[str, ...]:
        """The kinds parents first (school before teacher, visit before evidence)."""
        return tuple(kind for kind in KIND_ORDER if kind in self.kinds)


Subscriber = Callable[[Changes], None]


class ChangeFeed:
    """A thread-safe observer list; publishing happens on the thread that committed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []
        self._counter = itertools.count(1)
        #: The seq of the latest news published (0 before any).
        self.last_seq = 0

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Adds a subscriber; returns the call that removes it again."""
        with self._lock:
            self._subscribers.append(subscriber)

        def unsubscribe() -> None:
            with self._lock:
                if subscriber in self._subscribers:
                    self._subscribers.remove(subscriber)

        return unsubscribe

    def publish(
        self, kinds: Iterable[str], ids: Mapping[str, Iterable[str]], *, remote: bool
    ) -> Changes | None:
        kinds = frozenset(kinds)
        if not kinds:
            return None
        with self._lock:
            seq = next(self._counter)
            self.last_seq = seq
            subscribers = list(self._subscribers)
        news = Changes(
            kinds=kinds,
            ids={kind: frozenset(found) for kind, found in ids.items() if found},
            remote=remote,
            seq=seq,
        )
        for subscriber in subscribers:
            try:
                subscriber(news)
            except Exception:  # one broken view must not undo the write or silence the rest
                log.exception("A change-news subscriber failed")
        return news


def _ids_of(statement: Any, multiparams: Any, params: Any) -> list[str]:
    if not isinstance(statement, Insert):
        return []
    rows: list[Any] = []
    for batch in (multiparams, params):
        if isinstance(batch, Mapping):
            rows.append(batch)
        elif isinstance(batch, list | tuple):
            rows.extend(batch)
    return [str(row["id"]) for row in rows if isinstance(row, Mapping) and row.get("id")]


def _note(
    conn: Connection,
    clauseelement: Any,
    multiparams: Any,
    params: Any,
    execution_options: Any,
    result: Any,
) -> None:
    if not isinstance(clauseelement, Insert | Update | Delete):
        return
    kind = _TABLE_KIND.get(getattr(clauseelement.table, "name", ""))
    if kind is None:
        return
    notes: dict[str, set[str]] = conn.info.setdefault(_NOTES, {})
    notes.setdefault(kind, set()).update(_ids_of(clauseelement, multiparams, params))


def _note_orm(session: Any, flush_context: Any) -> None:
    """Ids of the records an ORM flush wrote (updates and deletes included)."""
    conn = session.connection()
    notes: dict[str, set[str]] = conn.info.setdefault(_NOTES, {})
    for obj in itertools.chain(session.new, session.dirty, session.deleted):
        kind = getattr(obj, "kind", None)
        if kind in RECORD_KINDS and getattr(obj, "id", None):
            notes.setdefault(kind, set()).add(str(obj.id))
    if session.info.get("applying_remote"):
        conn.info[_REMOTE] = True


_committed = threading.local()


def _on_commit(conn: Connection) -> None:
    # Fires just before the DBAPI commit; the Store publishes only once the block that wrote
    # has left without an error, so a failed commit publishes nothing.
    notes = conn.info.pop(_NOTES, None)
    remote = bool(conn.info.pop(_REMOTE, False))
    if notes:
        _committed.pending = (notes, remote)


def _on_rollback(conn: Connection) -> None:
    conn.info.pop(_NOTES, None)
    conn.info.pop(_REMOTE, None)


def watch(engine: Engine) -> None:
    """Notes every write statement on ``engine`` and what each commit carried (idempotent)."""
    if not event.contains(engine, "after_execute", _note):
        event.listen(engine, "after_execute", _note)
        event.listen(engine, "commit", _on_commit)
        event.listen(engine, "rollback", _on_rollback)


def install_orm(session_class: type) -> None:
    """Adds the ids of ORM updates and deletes, and the session's ``applying_remote`` flag."""
    if not event.contains(session_class, "after_flush", _note_orm):
        event.listen(session_class, "after_flush", _note_orm)


def mark_remote(conn: Connection) -> None:
    """Says this transaction applies what the sync server sent (news then has remote=True)."""
    conn.info[_REMOTE] = True


def forget_committed() -> None:
    """Drops what a commit on this thread left unpublished (called before each write)."""
    _committed.pending = None


def publish_committed(feed: ChangeFeed) -> Changes | None:
    """Publishes what the last commit on this thread changed, once."""
    pending = getattr(_committed, "pending", None)
    _committed.pending = None
    if pending is None:
        return None
    notes, remote = pending
    return feed.publish(notes.keys(), notes, remote=remote)
