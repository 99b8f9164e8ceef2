"""The Visits tree: days, newest first; under each day its walks and stand-alone visits.

A district profile holds thousands of visits, so the model never reads them all: it starts
with one page (about a hundred visits, rounded to whole days) and the view asks for the next
through ``canFetchMore``/``fetchMore`` when the coach scrolls to the bottom. Every read runs on
a worker via :mod:`observe.ui.operations`; the GUI thread only turns a page into rows.

A refresh (records changed elsewhere) reloads exactly the span already on screen, so the list
doesn't shrink back to the first page under the coach's eyes.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from observe.capture.visit_pages import (
    PAGE_VISITS,
    VisitPage,
    VisitRow,
    WalkRow,
    load_visit_page,
    load_visit_span,
)
from observe.clock import local_time as local
from observe.store import Store
from observe.ui import operations
from observe.ui.operations import Progress
from observe.vocabulary import VISIT_TYPE_SHORT, class_label, visit_type_label

log = logging.getLogger(__name__)

ModelIndex = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
VISIT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3

DAY, WALK, VISIT = "day", "walk", "visit"

_uids = itertools.count(1)


@dataclass(eq=False)
class _Node:
    kind: str
    key: str
    texts: tuple[str, str]
    tip: str
    when: datetime
    parent: _Node | None = None
    row: int = 0
    children: list[_Node] = field(default_factory=list)
    visit_id: str | None = None
    uid: int = field(default_factory=lambda: next(_uids))

    def adopt(self, children: list[_Node]) -> None:
        for row, child in enumerate(children):
            child.parent, child.row = self, row
        self.children = children


def long_date(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def day_label(day: date, today: date | None = None) -> str:
    """Short enough for a narrow pane: "Today · Mon 23 Nov", the year only when it differs."""
    today = today or date.today()
    text = QLocale().toString(
        QDate(day.year, day.month, day.day),
        "ddd d MMM" if day.year == today.year else "ddd d MMM yyyy",
    )
    if day == today:
        return QCoreApplication.translate("Navigator", "Today · {day}").format(day=text)
    if day == today - timedelta(days=1):
        return QCoreApplication.translate("Navigator", "Yesterday · {day}").format(day=text)
    return text


def _visit_node(visit: VisitRow) -> _Node:
    at = local(visit.started_at)
    kind = visit_type_label(visit.visit_type)
    details = class_label(None, grade=visit.grade, period=visit.period, room=visit.room, sep=", ")
    where = f" ({details})" if details else ""
    running = ""
    if visit.running:
        running = QCoreApplication.translate("Navigator", " · running")
    tip = QCoreApplication.translate("Navigator", "{kind}: {classroom}{where}, {day} at {time}")
    tip = tip.format(
        kind=kind,
        classroom=visit.class_label,
        where=where,
        day=long_date(at.date()),
        time=f"{at:%H:%M}",
    )
    if visit.running:
        tip += QCoreApplication.translate("Navigator", ". Still running: not ended yet (Ctrl+E).")
    return _Node(
        kind=VISIT,
        key=f"visit:{visit.id}",
        texts=(
            f"{at:%H:%M}  {visit.class_label}{running}",
            VISIT_TYPE_SHORT.get(visit.visit_type, kind),
        ),
        tip=tip,
        when=at,
        visit_id=visit.id,
    )


def _walk_node(walk: WalkRow, day: date, visits: list[_Node]) -> _Node:
    at = local(walk.started_at)
    if at.date() != day and visits:
        at = visits[0].when
    if len(visits) == 1:
        count = QCoreApplication.translate("Navigator", "1 visit")
    else:
        count = QCoreApplication.translate("Navigator", "{count} visits").format(count=len(visits))
    node = _Node(
        kind=WALK,
        key=f"walk:{walk.id}:{day.isoformat()}",
        texts=(
            QCoreApplication.translate("Navigator", "{time}  Walk: {title}").format(
                time=f"{at:%H:%M}", title=walk.title
            ),
            count,
        ),
        tip=(
            QCoreApplication.translate("Navigator", "Learning walk: {title} (focus: {focus})")
            if walk.focus
            else QCoreApplication.translate("Navigator", "Learning walk: {title}")
        ).format(title=walk.title, focus=walk.focus),
        when=at,
    )
    for visit in visits:  # the walk row already says what kind of visits these are
        visit.texts = (visit.texts[0], "")
    node.adopt(sorted(visits, key=lambda n: n.when))
    return node


def build_days(page: VisitPage, today: date | None = None) -> list[_Node]:
    """Day nodes for one page, newest first; walks sit on the day they started when that day
    is in the page, otherwise (a walk crossing a page boundary) on their visits' day."""
    days: dict[date, list[_Node]] = {}
    walk_visits: dict[tuple[str, date], list[_Node]] = {}
    for visit in page.visits:
        node = _visit_node(visit)
        day = node.when.date()
        if visit.walk_id and visit.walk_id in page.walks:
            walk_day = local(page.walks[visit.walk_id].started_at).date()
            in_page = page.oldest is None or page.walks[visit.walk_id].started_at >= page.oldest
            walk_visits.setdefault((visit.walk_id, walk_day if in_page else day), []).append(node)
        else:
            days.setdefault(day, []).append(node)
    placed = {walk_id for walk_id, _ in walk_visits}
    for walk in page.walks.values():
        if walk.id not in placed:  # a walk started but with no visits yet
            walk_visits[(walk.id, local(walk.started_at).date())] = []
    for (walk_id, day), visits in walk_visits.items():
        days.setdefault(day, []).append(_walk_node(page.walks[walk_id], day, visits))

    out = []
    for day in sorted(days, reverse=True):
        label = day_label(day, today)
        node = _Node(
            kind=DAY,
            key=f"day:{day.isoformat()}",
            texts=(label, ""),
            tip=long_date(day),
            when=max(n.when for n in days[day]),
        )
        node.adopt(sorted(days[day], key=lambda n: n.when, reverse=True))
        out.append(node)
    return out


@dataclass(frozen=True)
class _Built:
    """A page and its nodes, built on the worker so the GUI thread only inserts them."""

    page: VisitPage
    days: list[_Node]


_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FLAGS = {
    DAY: _SELECTABLE,
    WALK: _SELECTABLE,
    VISIT: _SELECTABLE | Qt.ItemFlag.ItemNeverHasChildren,
}


class VisitTreeModel(QAbstractItemModel):
    """Two columns: "HH:MM  teacher · subject" and the visit type; day rows span both.

    Two, not three: the navigator is about 300 px wide at 1366×768, and a separate time column
    left the teacher's name too little room to be read.
    """

    #: A page or a refresh has been applied (tests and the empty-state label wait on it).
    loaded = Signal()

    HEADERS = (QT_TRANSLATE_NOOP("Navigator", "Visit"), QT_TRANSLATE_NOOP("Navigator", "Type"))

    def __init__(
        self, store: Store, parent: QObject | None = None, *, page_visits: int = PAGE_VISITS
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._page_visits = page_visits
        self._roots: list[_Node] = []
        self._nodes: dict[int, _Node] = {}
        self._by_visit: dict[str, _Node] = {}
        self._by_key: dict[str, _Node] = {}
        self._started = False
        self._oldest: datetime | None = None
        self._more = True
        self._loading = False
        self._generation = 0
        self._current_visit: str | None = None
        self._held = 0
        self._bold = QFont()
        self._bold.setBold(True)
        #: Why the last load failed, for the navigator to say; None after a good load.
        self.error: BaseException | None = None

    # -- loading ------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def started(self) -> bool:
        return self._started

    def visit_count(self) -> int:
        return len(self._by_visit)

    @contextlib.contextmanager
    def fetch_held(self) -> Iterator[None]:
        """No fetching while the view is being arranged (it would see a half-laid-out tree)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading and not self._held

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        store, before, size = self._store, self._oldest, self._page_visits
        first = not self._started

        def work(_: Progress) -> _Built:
            page = load_visit_page(store, None if first else before, page_visits=size)
            return _Built(page, build_days(page))

        self._start(work, self._append_page)

    def reload(self) -> None:
        """Reads again everything on screen (or the first page if nothing is yet)."""
        if not self._started:
            self._more = True
            self.fetchMore()
            return
        store, oldest = self._store, self._oldest

        def work(_: Progress) -> _Built:
            page = load_visit_span(store, oldest)
            return _Built(page, build_days(page))

        self._start(work, self._replace)

    def _start(self, work: operations.Work, apply: Any) -> None:
        self._generation += 1
        generation = self._generation
        self._loading = True

        def done(page: object) -> None:
            if generation == self._generation:  # a newer reload supersedes this result
                self._loading = False
                self.error = None
                apply(page)
                self.loaded.emit()

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self._loading = False
                self._started = True
                self._more = False  # don't retry in a loop; a refresh tries again
                self.error = error
                self.loaded.emit()
            log.debug("loading visits failed: %r", error)

        operations.run(work, name="load visits", context=self, on_success=done, on_failure=failed)

    def _index_nodes(self, roots: list[_Node]) -> None:
        for day in roots:
            self._nodes[day.uid] = day
            self._by_key[day.key] = day
            for item in day.children:
                self._nodes[item.uid] = item
                if item.kind == WALK:
                    self._by_key[item.key] = item
                if item.visit_id:
                    self._by_visit[item.visit_id] = item
                for visit in item.children:
                    self._nodes[visit.uid] = visit
                    if visit.visit_id:
                        self._by_visit[visit.visit_id] = visit

    def _append_page(self, built: object) -> None:
        assert isinstance(built, _Built)
        page = built.page
        self._started = True
        self._oldest, self._more = page.oldest, page.more
        days = built.days
        if not days:
            return
        first = len(self._roots)
        for offset, day in enumerate(days):
            day.row = first + offset
        self.beginInsertRows(QModelIndex(), first, first + len(days) - 1)
        self._roots.extend(days)
        self._index_nodes(days)
        self.endInsertRows()

    def _replace(self, built: object) -> None:
        assert isinstance(built, _Built)
        page = built.page
        self.beginResetModel()
        self._more = page.more
        self._roots = built.days
        for row, day in enumerate(self._roots):
            day.row = row
        self._nodes.clear()
        self._by_visit.clear()
        self._by_key.clear()
        self._index_nodes(self._roots)
        self.endResetModel()

    # -- lookups ------------------------------------------------------------------------------

    def _node(self, index: ModelIndex) -> _Node | None:
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def _index_of(self, node: _Node, column: int = 0) -> QModelIndex:
        return self.createIndex(node.row, column, node.uid)

    def key_index(self, key: str) -> QModelIndex:
        """The row with this ``KEY_ROLE`` (``day:<date>``, ``walk:<id>:<date>``, ``visit:<id>``)."""
        node = self._by_key.get(key) or self._by_visit.get(key.removeprefix("visit:"))
        return self._index_of(node) if node else QModelIndex()

    def visit_index(self, visit_id: str) -> QModelIndex:
        node = self._by_visit.get(visit_id)
        return self._index_of(node) if node else QModelIndex()

    def set_current_visit(self, visit_id: str | None) -> None:
        """Shows the open visit in bold, so the coach sees where they are."""
        old, self._current_visit = self._current_visit, visit_id
        for vid in (old, visit_id):
            node = self._by_visit.get(vid or "")
            if node is not None:
                self.dataChanged.emit(self._index_of(node, 0), self._index_of(node, 1))

    # -- QAbstractItemModel ---------------------------------------------------------------------

    # The view calls these thousands of times per layout, so they take the shortest path.

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid():
            node = self._nodes.get(parent.internalId()) if parent.column() == 0 else None
            if node is None:
                return QModelIndex()
            siblings = node.children
        else:
            siblings = self._roots
        if 0 <= row < len(siblings) and 0 <= column < 2:
            return self.createIndex(row, column, siblings[row].uid)
        return QModelIndex()

    def parent(self, index: ModelIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self._index_of(node.parent)

    def _children(self, parent: ModelIndex) -> list[_Node] | None:
        if not parent.isValid():
            return self._roots
        if parent.column() != 0:
            return None
        node = self._node(parent)
        return node.children if node else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        children = self._children(parent)
        return len(children) if children is not None else 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._roots)
        node = self._nodes.get(parent.internalId())
        return bool(node is not None and parent.column() == 0 and node.children)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        node = self._nodes.get(index.internalId()) if index.isValid() else None
        return _FLAGS[node.kind] if node is not None else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < 2:
                return QCoreApplication.translate("Navigator", self.HEADERS[section])
            return None
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.texts[index.column()]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return node.tip
        if role == Qt.ItemDataRole.FontRole:
            if node.kind == DAY or (node.visit_id and node.visit_id == self._current_visit):
                return self._bold
            return None
        if role == KIND_ROLE:
            return node.kind
        if role == VISIT_ID_ROLE:
            return node.visit_id
        if role == KEY_ROLE:
            return node.key
        return None
