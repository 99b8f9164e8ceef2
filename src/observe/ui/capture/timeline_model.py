"""The timeline's table model: one row per evidence item of the open visit.

The model never writes to the store. An edit made in a cell is turned into a request
(``edit_requested``) that the pane carries out as an undoable command; the command then
reports back and the row is replaced with what the store holds. So the table always shows what
was committed, never what was merely typed.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QImage, QImageReader, QPixmap

from observe.capture.kinds import LABELS, visit_offset
from observe.capture.marks import ABOUT, NOT_YET, SEEN, describe
from observe.capture.timeline import Item, Tag
from observe.store.models import EvidenceKind

TIME, KIND, PROMPT, TEXT, TAGS = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("TimelineModel", "Time"),
    QT_TRANSLATE_NOOP("TimelineModel", "Kind"),
    QT_TRANSLATE_NOOP("TimelineModel", "Prompt"),
    QT_TRANSLATE_NOOP("TimelineModel", "Evidence"),
    QT_TRANSLATE_NOOP("TimelineModel", "Look-fors"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Height of an image artifact's thumbnail in the timeline, in logical pixels.
THUMB_HEIGHT = 64

Index = QModelIndex | QPersistentModelIndex

#: Marks as a screen reader says them.
SPOKEN = {
    ABOUT: QT_TRANSLATE_NOOP("TimelineModel", "about"),
    SEEN: QT_TRANSLATE_NOOP("TimelineModel", "seen"),
    NOT_YET: QT_TRANSLATE_NOOP("TimelineModel", "not yet seen"),
}
PRIVATE_NOTE = QT_TRANSLATE_NOOP(
    "TimelineModel",
    "Private note: yours only. It stays off the teacher's feedback sheet unless you choose to "
    "include notes.",
)
MARK_KEYS = QT_TRANSLATE_NOOP(
    "TimelineModel",
    "Press the look-for's Ctrl+digit again to step: about → ✓ seen → ○ not yet → untagged.",
)


def _t(text: str) -> str:
    return QCoreApplication.translate("TimelineModel", text)


def _key(item: Item) -> tuple[datetime, str]:
    return (item.observed_at, item.id)


class TimelineModel(QAbstractTableModel):
    #: (evidence id, changes) — changes holds ``text`` or ``kind``.
    edit_requested = Signal(str, dict)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Item] = []
        self._keys: list[tuple[datetime, str]] = []
        self._started_at: datetime | None = None
        self._ended_at: datetime | None = None
        self._tags: dict[str, Tag] = {}
        self._prompts: tuple[str, ...] = ()
        #: Where an artifact's image is on disk (None while it is not on this device yet).
        self.image_path: Callable[[str], Path | None] = lambda _sha: None
        self._thumbs: dict[str, QPixmap | None] = {}

    # -- loading ----------------------------------------------------------------------------

    def load(
        self,
        items: Iterable[Item],
        started_at: datetime | None,
        tags: dict[str, Tag],
        prompts: tuple[str, ...] = (),
        ended_at: datetime | None = None,
    ) -> None:
        self.beginResetModel()
        self._items = sorted(items, key=_key)
        self._keys = [_key(i) for i in self._items]
        self._started_at = started_at
        self._ended_at = ended_at
        self._tags = dict(tags)
        self._prompts = prompts
        self.endResetModel()

    def add_tags(self, tags: dict[str, Tag]) -> None:
        self._tags.update(tags)

    def known_tag(self, lookfor_id: str) -> bool:
        return lookfor_id in self._tags

    def upsert(self, item: Item) -> int:
        """Puts ``item`` in its time-ordered place (replacing an older copy); returns its row."""
        old = self.row_of(item.id)
        if old is not None and self._keys[old] == _key(item):
            self._items[old] = item
            self.dataChanged.emit(self.index(old, 0), self.index(old, len(HEADERS) - 1))
            return old
        if old is not None:
            self.remove(item.id)
        row = bisect.bisect_right(self._keys, _key(item))
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, item)
        self._keys.insert(row, _key(item))
        self.endInsertRows()
        self._prompt_heading_changed(row + 1)
        return row

    def remove(self, evidence_id: str) -> int | None:
        row = self.row_of(evidence_id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            del self._keys[row]
            self.endRemoveRows()
            self._prompt_heading_changed(row)
        return row

    def _prompt_heading_changed(self, row: int) -> None:
        """The row after an insert or removal may now start (or no longer start) a prompt."""
        if 0 <= row < len(self._items):
            self.dataChanged.emit(self.index(row, PROMPT), self.index(row, PROMPT))

    # -- lookup -----------------------------------------------------------------------------

    def row_of(self, evidence_id: str) -> int | None:
        # Rows are few hundred at most per visit; a scan beats keeping an index in step.
        for row, item in enumerate(self._items):
            if item.id == evidence_id:
                return row
        return None

    def item(self, row: int) -> Item:
        return self._items[row]

    def items(self) -> list[Item]:
        return list(self._items)

    def find(self, evidence_id: str) -> Item | None:
        row = self.row_of(evidence_id)
        return None if row is None else self._items[row]

    def offset(self, item: Item) -> str:
        if self._started_at is None:
            return ""
        return visit_offset(item.observed_at, self._started_at, self._ended_at)

    def tag_codes(self, item: Item) -> str:
        """ "D1 ✓ seen · D2": each code with its mark in a symbol *and* a word (about shows the
        code alone), so the mark never rests on colour or a glyph a screen reader skips."""
        marks = item.mark_map()
        parts = []
        for i in item.lookfor_ids:
            code = self._tags[i].code if i in self._tags else "?"
            mark = marks.get(i, ABOUT)
            parts.append(code if mark == ABOUT else f"{code} {describe(mark)}")
        return " · ".join(parts)

    def spoken_tags(self, item: Item) -> str:
        marks = item.mark_map()
        return ", ".join(
            (self._tags[i].code if i in self._tags else self.tr("unknown"))
            + " "
            + self.tr(SPOKEN[marks.get(i, ABOUT)])
            for i in item.lookfor_ids
        )

    def kind_label(self, item: Item) -> str:
        """Notes are the coach's own and stay off the teacher's sheet: the row says so."""
        if item.kind == EvidenceKind.NOTE:
            return self.tr("%s (private)") % LABELS[item.kind]
        return LABELS[item.kind]

    def prompt_label(self, item: Item) -> str:
        i = item.prompt_index
        if i is None:
            return ""
        text = self._prompts[i] if 0 <= i < len(self._prompts) else ""
        return f"{i + 1}. {text}" if text else self.tr("Prompt {n}").format(n=i + 1)

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() in (TEXT, KIND):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), col)
        if role == Qt.ItemDataRole.EditRole:
            return item.kind.value if col == KIND else self._display(index.row(), col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, col)
        if role == Qt.ItemDataRole.DecorationRole and col == TEXT and item.image_sha256:
            return self.thumbnail(item.image_sha256)
        if role == Qt.ItemDataRole.FontRole and col == TEXT:
            if item.kind == EvidenceKind.STUDENT_TALK:
                # Verbatim words are set apart from the coach's own descriptions.
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == PROMPT:
                return self.prompt_label(item)
            if col == TAGS:
                return self.spoken_tags(item)
            return self._spoken(item) if col == TEXT else self._display(index.row(), col)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and item.kind == EvidenceKind.NOTE:
            return _t(PRIVATE_NOTE)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == TIME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == ID_ROLE:
            return item.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self._items[index.row()]
        if index.column() == TEXT and isinstance(value, str) and value.strip() != item.text:
            self.edit_requested.emit(item.id, {"text": value})
        elif index.column() == KIND and value and EvidenceKind(value) != item.kind:
            self.edit_requested.emit(item.id, {"kind": EvidenceKind(value)})
        # The row changes when the command has committed, through ``upsert``.
        return False

    def images_arrived(self) -> None:
        """Images downloaded since they were first asked for: draw them (missing files are
        not cached, so the rows ask again)."""
        if self._items:
            self.dataChanged.emit(self.index(0, TEXT), self.index(len(self._items) - 1, TEXT))

    def thumbnail(self, sha: str) -> QPixmap | None:
        """The image scaled to ``THUMB_HEIGHT``, read once; None when its file is not here."""
        if sha in self._thumbs:
            return self._thumbs[sha]
        path = self.image_path(sha)
        thumb: QPixmap | None = None
        if path is not None:
            reader = QImageReader(str(path))
            size = reader.size()
            if size.isValid() and size.height() > 0:
                # Decoding at thumbnail size: a fraction of the time of the full image.
                reader.setScaledSize(
                    size.scaled(4 * THUMB_HEIGHT, THUMB_HEIGHT, Qt.AspectRatioMode.KeepAspectRatio)
                )
            image: QImage = QImageReader.read(reader)  # (a file read, not a store session)
            thumb = None if image.isNull() else QPixmap.fromImage(image)
        if thumb is not None:  # a missing file may arrive by sync later: ask again then
            self._thumbs[sha] = thumb
        return thumb

    # -- presentation -----------------------------------------------------------------------

    def _display(self, row: int, col: int) -> str:
        item = self._items[row]
        if col == TIME:
            return self.offset(item)
        if col == KIND:
            return self.kind_label(item)
        if col == PROMPT:
            return self._prompt_heading(row)
        if col == TEXT:
            return item.text
        return self.tag_codes(item)

    def _prompt_heading(self, row: int) -> str:
        """The prompt in full on the first of its run of responses, then just its number.

        The responses read as grouped under their prompt, and a row scrolled away from the
        start of its group still says which prompt it answers.
        """
        item = self._items[row]
        previous = self._items[row - 1].prompt_index if row else None
        if item.prompt_index is not None and previous == item.prompt_index:
            return f"{item.prompt_index + 1}."
        return self.prompt_label(item)

    def _tooltip(self, item: Item, col: int) -> str:
        if col == TIME:
            local = item.observed_at.astimezone()
            return self.tr("Recorded at {time}").format(time=f"{local:%H:%M:%S}")
        if col == TAGS:
            marks = item.mark_map()
            lines = [
                f"{self._tags[i].code} — {self._tags[i].title} ({describe(marks.get(i, ABOUT))})"
                for i in item.lookfor_ids
                if i in self._tags
            ]
            return "\n".join([*lines, _t(MARK_KEYS)] if lines else [])
        if col == KIND and item.kind == EvidenceKind.NOTE:
            return _t(PRIVATE_NOTE)
        if col == PROMPT:
            return self.prompt_label(item)
        if col == TEXT and item.image_sha256 and self.thumbnail(item.image_sha256) is None:
            return (
                item.text
                + "\n"
                + QCoreApplication.translate(
                    "TimelineModel", "The image is not on this device yet."
                )
            )
        if col == TEXT:
            return item.text
        return LABELS[item.kind]

    def _spoken(self, item: Item) -> str:
        parts = [self.offset(item), self.kind_label(item)]
        if item.prompt_index is not None:
            parts.append(self.prompt_label(item))
        parts.append(item.text)
        if item.image_sha256:
            parts.append(QCoreApplication.translate("TimelineModel", "with an image"))
        if item.lookfor_ids:
            parts.append(f"look-fors {self.spoken_tags(item)}")
        return ", ".join(p for p in parts if p)
