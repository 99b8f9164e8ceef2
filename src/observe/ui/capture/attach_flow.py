"""Attaching images of student work from the capture pane: a file (Ctrl+Alt+A), a paste
(Ctrl+V of an image in the capture line) or a drop, each through the redaction dialog.

Decoding a phone photo takes a few hundred milliseconds, so it runs in the background; the
dialog opens when the image is ready. Storing it (encode, fsync the blob, commit the item) runs
through ``CoreOp`` when the coach attaches, and the item then appears in the timeline like one
typed on the line, undoable with Ctrl+Z. Focus goes back to the capture line either way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMimeData, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from observe.errors import UsageError
from observe.ui.capture import commands
from observe.ui.context import SAVED
from observe.ui.ops import CoreOp

if TYPE_CHECKING:
    # Imported when an image first arrives: Pillow and the redaction dialog are not needed
    # to open the window (issue 18: window ready).
    from observe.capture.attach import Attached
    from observe.capture.images import PreparedImage
    from observe.ui.capture.capture_pane import CapturePane
    from observe.ui.capture.redaction import RedactionDialog

#: What the file dialog offers and what a drop or a pasted file may be.
SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".pdf")


def local_image_file(mime: QMimeData) -> Path | None:
    """The first local file in a drag or a copy (a file manager's), if it may be an image."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in SUFFIXES:
                return path
    return None


def png_bytes(image: QImage) -> bytes:
    """A pasted or dropped QImage as PNG bytes for the core (lossless, no metadata)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class ImageAttacher(QObject):
    """``ask_path`` is the file dialog; tests replace it with a function returning a path."""

    def __init__(self, pane: CapturePane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.ask_path: Callable[[], Path | None] = self._ask_path
        #: The redaction dialog being shown, if any (tests drive it).
        self.dialog: RedactionDialog | None = None
        self.last: Attached | None = None

    # -- where an image comes from ----------------------------------------------------------

    def choose_file(self) -> None:
        if self.pane.info is None:
            return
        path = self.ask_path()
        if path is None:
            self.pane.focus_line()
            return
        self.from_file(path)

    def from_file(self, path: Path) -> None:
        from observe.capture.images import prepare, read_source

        self._prepare(lambda: prepare(read_source(path), path.name))

    def from_image(self, image: QImage, name: str) -> None:
        if image.isNull():
            empty = UsageError(self.tr("The pasted image is empty; nothing was stored."))
            self.pane.report_error(self.pane, empty)
            return
        from observe.capture.images import prepare

        data = png_bytes(image)
        self._prepare(lambda: prepare(data, name))

    def from_mime(self, mime: QMimeData) -> bool:
        """A paste or a drop: True when it held an image (or an image file) and was taken."""
        if self.pane.info is None:
            return False
        path = local_image_file(mime)
        if path is not None:
            self.from_file(path)
            return True
        # Office programs put a picture of copied text beside the text: text wins.
        if mime.hasImage() and not mime.text().strip():
            image = mime.imageData()
            self.from_image(
                image if isinstance(image, QImage) else QImage(image), self.tr("The pasted image")
            )
            return True
        return False

    def _ask_path(self) -> Path | None:
        pattern = " ".join(f"*{s}" for s in SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(
            self.pane.window(),
            self.tr("Attach an image of student work"),
            "",
            self.tr("Images and scans (%1)").replace("%1", pattern),
        )
        return Path(name) if name else None

    # -- review and store -------------------------------------------------------------------

    def _prepare(self, call: Callable[[], PreparedImage]) -> None:
        self.pane.set_notice(self.tr("Reading the image…"))
        CoreOp(self.pane, call, report=self._refused, name="read image").success(
            self._review
        ).run_in_background()

    def _refused(self, parent: QWidget | None, error: BaseException) -> None:
        self.pane.set_notice("")
        self.pane.report_error(parent, error)
        self._back_to_line()

    def _review(self, prepared: PreparedImage) -> None:
        self.pane.set_notice("")
        if self.pane.info is None:
            return
        from observe.ui.capture.redaction import RedactionDialog

        visit_id = self.pane.info.id
        dialog = RedactionDialog(prepared, self.pane.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._store(visit_id, dialog))
        dialog.finished.connect(lambda _r: self._closed())
        self.dialog = dialog
        dialog.open()

    def _closed(self) -> None:
        self.dialog = None
        self._back_to_line()

    def _back_to_line(self) -> None:
        # Not every window manager reactivates the window under a closed dialog.
        self.pane.window().activateWindow()
        self.pane.focus_line()

    def _store(self, visit_id: str, dialog: RedactionDialog) -> None:
        from observe.capture.attach import attach_encoded
        from observe.capture.images import encode

        prepared, boxes, caption = dialog.prepared, dialog.boxes(), dialog.caption_text()
        store = self.pane.store
        stored = CoreOp(
            self.pane,
            lambda: attach_encoded(
                store,
                visit_id,
                encode(prepared, boxes),
                caption=caption,
                redactions=len(boxes),
            ),
            report=self.pane.report_error,
            name="attach image",
        ).run_now()
        attached = stored.value
        if not stored.ok or attached is None:
            return
        self.last = attached
        context = self.pane.context
        context.undo_stack.push(commands.CreateEvidence(context, visit_id, attached.evidence_id))
        # The commit's change news has already put the new item in the timeline.
        self.pane.timeline.select_id(attached.evidence_id)
        self.pane.set_notice(attached.sentence())
        context.set_save_state(SAVED)
        self._back_to_line()  # ``finished`` came first; the new row's selection came after


class ImageDrops(QObject):
    """Drops of image files or images on the pane, its line and its timeline attach them."""

    def __init__(self, attacher: ImageAttacher) -> None:
        super().__init__(attacher)
        self.attacher = attacher

    def install(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.setAcceptDrops(True)
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragEnterEvent | QDropEvent
        ):
            mime = event.mimeData()
            if self.attacher.pane.info is not None and (
                local_image_file(mime) is not None or (mime.hasImage() and not mime.text().strip())
            ):
                event.acceptProposedAction()
                return True
        elif (
            kind == QEvent.Type.Drop
            and isinstance(event, QDropEvent)
            and self.attacher.from_mime(event.mimeData())
        ):
            event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)
