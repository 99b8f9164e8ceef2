"""The Teachers tree (teacher → their classrooms) and its type-to-filter proxy.

A school has dozens of teachers, not thousands, so the whole list is read at once (on a worker)
and held in a plain ``QStandardItemModel``. Filtering ignores case and accents, like the
quick-visit type-ahead, so "zoe" finds "Zoë". A second column says in words whether each
teacher can read what the coach shares ("not invited", "invited", "active", "no email"), as
the server last said (``observe.sync.invitations``).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from observe.capture.visits import fold
from observe.roster.tree import ClassroomRow, RosterTree, TeacherRow, load_roster_tree
from observe.store import Store
from observe.sync.teacher_status import teacher_statuses
from observe.ui import operations
from observe.ui.navigator.visit_model import KEY_ROLE, KIND_ROLE
from observe.ui.operations import Progress

ModelIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 4
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 5

TEACHER, CLASSROOM = "teacher", "classroom"


class TeacherTreeModel(QStandardItemModel):
    loaded = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._teachers: list[TeacherRow] = []
        #: Teacher id → account status in words, as last loaded.
        self.statuses: dict[str, str] = {}
        #: (id, name) of the profile's schools; dialogs offer a choice when there are several.
        self.schools: list[tuple[str, str]] = []
        self._generation = 0
        self.loading = False
        self.setHorizontalHeaderLabels([self.tr("Teacher or class"), self.tr("Account")])

    @property
    def teachers(self) -> list[TeacherRow]:
        return list(self._teachers)

    def teacher(self, teacher_id: str | None) -> TeacherRow | None:
        return next((t for t in self._teachers if t.id == teacher_id), None)

    def classroom(self, classroom_id: str | None) -> ClassroomRow | None:
        for teacher in self._teachers:
            for room in teacher.classrooms:
                if room.id == classroom_id:
                    return room
        return None

    def reload(self) -> None:
        store = self._store
        self._generation += 1
        generation = self._generation
        self.loading = True

        def work(_: Progress) -> tuple[RosterTree, dict[str, str]]:
            tree = load_roster_tree(store)
            return tree, teacher_statuses(store, [(t.id, t.email) for t in tree.teachers])

        def done(result: object) -> None:
            tree, statuses = result  # type: ignore[misc]
            if generation == self._generation and isinstance(tree, RosterTree):
                self.loading = False
                self.schools = list(tree.schools)
                self.statuses = dict(statuses)
                self._fill(list(tree.teachers))
                self.loaded.emit()

        operations.run(work, name="load teachers", context=self, on_success=done)

    def _fill(self, teachers: list[TeacherRow]) -> None:
        self._teachers = teachers
        self.removeRows(0, self.rowCount())
        root = self.invisibleRootItem()
        for teacher in teachers:
            item = _item(teacher.name, TEACHER, teacher.id)
            count = len(teacher.classrooms)
            if not count:
                classes = QCoreApplication.translate("Navigator", "no classes yet")
            elif count == 1:
                classes = QCoreApplication.translate("Navigator", "1 class")
            else:
                classes = QCoreApplication.translate("Navigator", "{count} classes").format(
                    count=count
                )
            tip = f"{teacher.name} ({teacher.email})" if teacher.email else teacher.name
            if len(self.schools) > 1:
                tip += f", {dict(self.schools).get(teacher.school_id or '', '')}"
            account = self.statuses.get(teacher.id, "")
            item.setToolTip(tip)
            item.setData(
                f"{teacher.name}, {classes}"
                + (
                    QCoreApplication.translate("Navigator", ", account {status}").format(
                        status=account
                    )
                    if account
                    else ""
                ),
                Qt.ItemDataRole.AccessibleTextRole,
            )
            status = QStandardItem(account)
            status.setEditable(False)
            status.setToolTip(
                QCoreApplication.translate("Navigator", "{name}: account {status}").format(
                    name=teacher.name, status=account
                )
                if account
                else ""
            )
            for room in teacher.classrooms:
                child = _item(room.label, CLASSROOM, room.id)
                child.setToolTip(room.label)  # the pane is narrow; the label is often elided
                blank = QStandardItem("")
                blank.setEditable(False)
                item.appendRow([child, blank])
            root.appendRow([item, status])

    def key_index(self, key: str) -> QModelIndex:
        kind, _, record_id = key.partition(":")
        for row in range(self.rowCount()):
            teacher = self.index(row, 0)
            if kind == TEACHER and teacher.data(ID_ROLE) == record_id:
                return teacher
            for sub in range(self.rowCount(teacher)):
                room = self.index(sub, 0, teacher)
                if kind == CLASSROOM and room.data(ID_ROLE) == record_id:
                    return room
        return QModelIndex()


def _item(text: str, kind: str, record_id: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(kind, KIND_ROLE)
    item.setData(record_id, ID_ROLE)
    item.setData(f"{kind}:{record_id}", KEY_ROLE)
    item.setData(fold(text), FOLDED_ROLE)
    return item


class TeacherFilter(QSortFilterProxyModel):
    """Keeps a teacher when every typed word is in their name or their classes; shows all of a
    matching teacher's classes, and only the matching classes of the others."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    @property
    def active(self) -> bool:
        return bool(self._words)

    def set_text(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        own = str(index.data(FOLDED_ROLE) or "")
        if source_parent.isValid():
            haystack = f"{source_parent.data(FOLDED_ROLE)} {own}"
        else:
            rooms = (
                str(model.index(r, 0, index).data(FOLDED_ROLE) or "")
                for r in range(model.rowCount(index))
            )
            haystack = " ".join([own, *rooms])
        return all(word in haystack for word in self._words)
