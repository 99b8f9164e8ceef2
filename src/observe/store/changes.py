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
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BindParameter, BooleanClauseList, ColumnClause

from observe.store.models import SYNC_MODELS

log = logging.getLogger(__name__)

#: The record kinds change news reports (bookkeeping tables such as the outbox are left out).
RECORD_KINDS: frozenset[str] = frozenset(model.kind for model in SYNC_MODELS)
KIND_ORDER: tuple[str, ...] = tuple(model.kind for model in SYNC_MODELS)
_TABLE_KIND: dict[str, str] = {model.__tablename__: model.kind for model in SYNC_MODELS}

_NOTES = "observe.changes.notes"
#: Beyond this many ids of one kind in one transaction (a demo load) the news names only the kind.
MAX_IDS = 10_000
_REMOTE = "observe.changes.remote"


@dataclass(frozen=True)
class Changes:
    """What one committed transaction changed."""

    #: Record kinds ("evidence", "visit", ...) with at least one row written.
    kinds: frozenset[str]
    #: Ids per kind where every statement of that kind named them (inserts, ORM flushes); a
    #: kind whose ids are not all known (an UPDATE by a condition, a bulk load) is in ``kinds``
    #: but not here, so a listener never mistakes some of the ids for all of them.
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


def _rows(multiparams: Any, params: Any) -> list[Mapping[str, Any]]:
    rows: list[Any] = []
    for batch in (multiparams, params):
        if isinstance(batch, Mapping):
            rows.append(batch)
        elif isinstance(batch, list | tuple):
            rows.extend(batch)
    return [row for row in rows if isinstance(row, Mapping) and row]


def _id_parameter(where: Any) -> BindParameter[Any] | None:
    """The parameter of "id = :x" in a WHERE clause (alone or ANDed with others), if any."""
    if isinstance(where, BooleanClauseList) and where.operator is operators.and_:
        found = (_id_parameter(clause) for clause in where.clauses)
        return next((p for p in found if p is not None), None)
    left, right = getattr(where, "left", None), getattr(where, "right", None)
    if (
        isinstance(left, ColumnClause)
        and left.name == "id"
        and isinstance(right, BindParameter)
        and getattr(where, "operator", None) is operators.eq
    ):
        return right
    return None


def _ids_of(statement: Any, multiparams: Any, params: Any) -> list[str] | None:
    """The ids a write names, or None when it doesn't say (an UPDATE by another condition).

    Inserts carry ``id`` in their rows; an UPDATE or DELETE "where id = :x" (the ORM's own, and
    Core ones by id) carries it in its bound parameter.
    """
    rows = _rows(multiparams, params)
    if isinstance(statement, Insert):
        ids = [row.get("id") for row in rows]
    else:
        right = _id_parameter(statement.whereclause)
        if right is None:
            return None
        ids = [row.get(right.key) for row in rows] if rows else [right.value]
    if not ids or not all(ids):
        return None
    return [str(i) for i in ids]


def _add(notes: dict[str, set[str] | None], kind: str, ids: Iterable[str] | None) -> None:
    known = notes.get(kind, set())
    if known is None:  # already unknown for this transaction
        return
    if ids is None:
        notes[kind] = None
        return
    known.update(ids)
    notes[kind] = known if len(known) <= MAX_IDS else None


def note_written(conn: Connection, kind: str, ids: Iterable[str] | None = None) -> None:
    """Notes a write the listener can't see (driver-level SQL, as sync's bulk pull uses), so
    the views still hear of it when the transaction commits. ``ids`` None: the kind only."""
    _add(conn.info.setdefault(_NOTES, {}), kind, None if ids is None else set(ids))


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
    _add(conn.info.setdefault(_NOTES, {}), kind, _ids_of(clauseelement, multiparams, params))


def _note_orm(session: Any, flush_context: Any) -> None:
    """Marks a flush of records applied from the server (``session.info["applying_remote"]``)."""
    if session.info.get("applying_remote"):
        session.connection().info[_REMOTE] = True


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
    """Carries the ORM session's ``applying_remote`` flag into the news."""
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
    ids = {kind: found for kind, found in notes.items() if found is not None}
    return feed.publish(notes.keys(), ids, remote=remote)
