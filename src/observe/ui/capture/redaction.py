"""Before an image of student work is stored: its caption, and boxes that black out names.

The image shown is already the one that will be stored (upright, scaled, no metadata); the
boxes are drawn on it in its own pixels and filled black by the core when it is encoded, so
what the coach sees black here is black in the stored file. Everything works from the keyboard
too: Insert adds a box, the arrow keys move the selected box (Shift+arrows resize it), Space
selects the next box and Delete removes it. "Find faces" proposes a black box over each face
it finds (``observe.capture.faces``, detection only, on a worker); the coach keeps the right
ones and removes the rest, and without OpenCV a sentence says so.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from observe.capture.images import Box, PreparedImage
from observe.ui.dialog_keys import save_key, start_in_first_field
from observe.ui.ops import CoreOp

#: A drag shorter than this (in screen pixels) is a click, not a box.
MIN_DRAG = 4


def to_qimage(prepared: PreparedImage) -> QImage:
    """The prepared (RGB) image as a QImage that owns its pixels."""
    im = prepared.image
    data = im.tobytes("raw", "RGB")
    return QImage(data, im.width, im.height, 3 * im.width, QImage.Format.Format_RGB888).copy()


class RedactionCanvas(QWidget):
    """The image, scaled to fit, with the boxes drawn black on it."""

    boxes_changed = Signal()

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self.boxes: list[QRect] = []
        self.selected: int | None = None
        self._drag_start: QPointF | None = None
        self._moving: QPoint | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Image to redact"))
        self.setAccessibleDescription(
            self.tr(
                "Drag to draw a black box. Insert adds a box, arrow keys move the selected box, "
                "Shift+arrow keys resize it, Space selects the next box, Delete removes it."
            )
        )

    def sizeHint(self) -> QSize:
        return QSize(720, 540)

    # -- geometry ---------------------------------------------------------------------------

    def _frame(self) -> tuple[float, QPointF]:
        """(scale from image to widget pixels, top-left of the image in the widget)."""
        w, h = self.image.width(), self.image.height()
        scale = min(self.width() / w, self.height() / h) if w and h else 1.0
        left = (self.width() - w * scale) / 2
        top = (self.height() - h * scale) / 2
        return scale, QPointF(left, top)

    def _to_image(self, point: QPointF) -> QPoint:
        scale, origin = self._frame()
        x = (point.x() - origin.x()) / scale
        y = (point.y() - origin.y()) / scale
        return QPoint(
            int(min(max(x, 0), self.image.width())), int(min(max(y, 0), self.image.height()))
        )

    def _to_widget(self, rect: QRect) -> QRectF:
        scale, origin = self._frame()
        return QRectF(
            origin.x() + rect.x() * scale,
            origin.y() + rect.y() * scale,
            rect.width() * scale,
            rect.height() * scale,
        )

    def _bounds(self) -> QRect:
        return QRect(0, 0, self.image.width(), self.image.height())

    def _step(self) -> int:
        return max(1, max(self.image.width(), self.image.height()) // 100)

    # -- boxes ------------------------------------------------------------------------------

    def add_box(self, rect: QRect | None = None) -> None:
        """A new box (by default a quarter of the image, in the middle), selected."""
        if rect is None:
            w, h = self.image.width() // 4, self.image.height() // 8
            rect = QRect((self.image.width() - w) // 2, (self.image.height() - h) // 2, w, h)
        rect = rect.normalized().intersected(self._bounds())
        if rect.isEmpty():
            return
        self.boxes.append(rect)
        self.selected = len(self.boxes) - 1
        self._changed()

    def remove_selected(self) -> None:
        if self.selected is None:
            return
        del self.boxes[self.selected]
        self.selected = (len(self.boxes) - 1) if self.boxes else None
        self._changed()

    def select_next(self) -> None:
        if self.boxes:
            self.selected = 0 if self.selected is None else (self.selected + 1) % len(self.boxes)
            self.update()

    def move_selected(self, dx: int, dy: int) -> None:
        if self.selected is None:
            return
        rect = self.boxes[self.selected].translated(dx, dy)
        bounds = self._bounds()
        rect.moveLeft(min(max(rect.left(), 0), bounds.width() - rect.width()))
        rect.moveTop(min(max(rect.top(), 0), bounds.height() - rect.height()))
        self.boxes[self.selected] = rect
        self._changed()

    def resize_selected(self, dw: int, dh: int) -> None:
        if self.selected is None:
            return
        rect = QRect(self.boxes[self.selected])
        rect.setWidth(max(1, rect.width() + dw))
        rect.setHeight(max(1, rect.height() + dh))
        self.boxes[self.selected] = rect.intersected(self._bounds())
        self._changed()

    def image_boxes(self) -> list[Box]:
        return [Box(r.x(), r.y(), r.width(), r.height()) for r in self.boxes if not r.isEmpty()]

    def _changed(self) -> None:
        self.update()
        self.boxes_changed.emit()

    # -- painting and input -----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        scale, origin = self._frame()
        target = QRectF(
            origin.x(), origin.y(), self.image.width() * scale, self.image.height() * scale
        )
        painter.drawImage(target, self.image)
        for i, rect in enumerate(self.boxes):
            shown = self._to_widget(rect)
            painter.fillRect(shown, QColor(0, 0, 0))
            if i == self.selected:
                pen = QPen(self.palette().highlight().color(), 3)
                painter.setPen(pen)
                painter.drawRect(shown)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DashLine))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self._to_image(event.position())
        hit = next(
            (i for i in reversed(range(len(self.boxes))) if self.boxes[i].contains(point)), None
        )
        if hit is not None:
            self.selected = hit
            self._moving = point
            self.update()
        else:
            self._drag_start = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._moving is not None and self.selected is not None:
            point = self._to_image(event.position())
            delta = point - self._moving
            self._moving = point
            self.move_selected(delta.x(), delta.y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._drag_start = self._drag_start, None
        self._moving = None
        if start is None:
            return
        end = event.position()
        if abs(end.x() - start.x()) < MIN_DRAG and abs(end.y() - start.y()) < MIN_DRAG:
            return
        self.add_box(QRect(self._to_image(start), self._to_image(end)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = self._step()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        arrows = {
            Qt.Key.Key_Left: (-step, 0),
            Qt.Key.Key_Right: (step, 0),
            Qt.Key.Key_Up: (0, -step),
            Qt.Key.Key_Down: (0, step),
        }
        if key in arrows:
            dx, dy = arrows[key]
            (self.resize_selected if shift else self.move_selected)(dx, dy)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
        elif key == Qt.Key.Key_Insert:
            self.add_box()
        elif key == Qt.Key.Key_Space:
            self.select_next()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class RedactionDialog(QDialog):
    """Caption and redaction boxes for one image; Attach (or Ctrl+S) accepts."""

    def __init__(
        self, prepared: PreparedImage, parent: QWidget | None = None, *, caption: str = ""
    ) -> None:
        super().__init__(parent)
        self.prepared = prepared
        self.setWindowTitle(self.tr("Attach image of student work"))
        self.caption = QLineEdit(caption)
        self.caption.setAccessibleName(self.tr("Caption"))
        self.caption.setPlaceholderText(
            self.tr("What the image shows, e.g. Exit ticket, table 3 (no student names)")
        )
        label = QLabel(self.tr("Ca&ption:"))
        label.setBuddy(self.caption)
        self.canvas = RedactionCanvas(to_qimage(prepared))
        width, height = prepared.size
        removed = ", ".join(prepared.removed) if prepared.removed else self.tr("none found")
        self.about = QLabel(
            self.tr("%1 × %2 pixels from %3. Metadata removed: %4.")
            .replace("%1", str(width))
            .replace("%2", str(height))
            .replace("%3", prepared.source_format)
            .replace("%4", removed)
        )
        self.about.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Drag on the image to black out names or faces. Keys on the image: Insert adds "
                "a box, arrows move it, Shift+arrows resize it, Space selects the next, Delete "
                "removes it."
            )
        )
        hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add box"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_box)
        self.remove_button = QPushButton(self.tr("&Remove box"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._remove_box)
        self.faces_button = QPushButton(self.tr("Find &faces"))
        self.faces_button.setAutoDefault(False)
        self.faces_button.setToolTip(
            self.tr("Propose a black box over each face in the image (found on this computer)")
        )
        self.faces_button.clicked.connect(self.find_faces)
        self.faces_note = QLabel()
        self.faces_note.setWordWrap(True)
        self.faces_note.setAccessibleName(self.tr("Faces found"))
        self.count = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.attach_button = buttons.addButton(
            self.tr("A&ttach"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.faces_button)
        row.addWidget(self.count, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.caption)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(row)
        layout.addWidget(self.faces_note)
        layout.addWidget(hint)
        layout.addWidget(self.about)
        layout.addWidget(buttons)
        self.canvas.boxes_changed.connect(self._show_count)
        save_key(self, self.accept)
        start_in_first_field(self)
        self._show_count()

    def boxes(self) -> list[Box]:
        return self.canvas.image_boxes()

    def caption_text(self) -> str:
        return self.caption.text().strip()

    def _add_box(self) -> None:
        self.canvas.add_box()
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove_box(self) -> None:
        self.canvas.remove_selected()
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_faces(self) -> None:
        """Looks for faces on a worker; each one found becomes a box, the first selected."""
        from observe.capture.faces import detect_faces

        self.faces_button.setEnabled(False)
        self.faces_note.setText(self.tr("Looking for faces…"))
        image = self.prepared.image.copy()
        CoreOp(self, lambda: detect_faces(image), name="find faces").inline(
            self._faces_refused
        ).success(self._faces_found).failure(
            lambda _error: self.faces_button.setEnabled(True)
        ).run_in_background()

    def _faces_refused(self, sentence: str) -> None:
        self.faces_note.setText(sentence)

    def _faces_found(self, boxes: object) -> None:
        self.faces_button.setEnabled(True)
        found = [b for b in boxes if isinstance(b, Box)] if isinstance(boxes, list) else []
        if not found:
            self.faces_note.setText(
                self.tr("No faces found. If the image shows anyone, draw the boxes by hand.")
            )
            return
        first = len(self.canvas.boxes)
        for box in found:
            self.canvas.add_box(QRect(box.x, box.y, box.w, box.h))
        self.canvas.selected = first
        self.canvas.update()
        self.faces_note.setText(
            self.tr(
                "Found %n face(s), each now blacked out. Check them: Space selects the next "
                "box, Delete removes one that is not a face.",
                "",
                len(found),
            )
        )
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_count(self) -> None:
        n = len(self.canvas.boxes)
        self.remove_button.setEnabled(n > 0)
        if n == 0:
            self.count.setText(self.tr("Nothing blacked out."))
        elif n == 1:
            self.count.setText(self.tr("1 area will be black in the stored image."))
        else:
            self.count.setText(
                self.tr("%1 areas will be black in the stored image.").replace("%1", str(n))
            )
