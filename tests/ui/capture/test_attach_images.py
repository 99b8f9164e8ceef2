"""Images of student work from the capture pane: a file by Ctrl+Alt+A, a paste, a drop; the
redaction dialog by mouse and by keyboard; the thumbnail in the timeline; focus back on the line."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QApplication

from observe.capture.attach import image_file
from observe.errors import UsageError
from observe.store.blobs import stored_blobs
from observe.store.models import EvidenceKind
from observe.ui.capture import CapturePane
from observe.ui.capture.redaction import RedactionDialog
from observe.ui.capture.timeline_model import TEXT
from tests import imagefiles

from .conftest import committed, outbox_ops, shown_rows

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def wait_dialog(qtbot, pane: CapturePane) -> RedactionDialog:
    qtbot.waitUntil(lambda: pane.images.dialog is not None, timeout=20_000)
    dialog = pane.images.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def stored_pixels(pane: CapturePane) -> Image.Image:
    attached = pane.images.last
    assert attached is not None
    path = image_file(pane.store, attached.sha256)
    assert path is not None
    im = Image.open(io.BytesIO(path.read_bytes()))
    im.load()
    return im


def test_ctrl_alt_a_attaches_a_file_with_a_keyboard_drawn_box_and_returns_to_the_line(
    open_pane, qtbot, store, visit, tmp_path, errors_seen
):
    photo = imagefiles.phone_jpeg(tmp_path / "IMG_3001.jpg", size=(1200, 900))
    open_pane.images.ask_path = lambda: photo
    qtbot.keyClick(open_pane.line, Qt.Key.Key_A, CTRL | ALT)
    dialog = wait_dialog(qtbot, open_pane)
    assert QApplication.focusWidget() is dialog.caption  # opens in its first field
    qtbot.keyClicks(dialog.caption, "Exit ticket, table 3")

    canvas = dialog.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Insert)  # a box in the middle: 300 × 112 at (450, 394)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)  # 12 px left (1% of the long side)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, SHIFT)  # 12 px taller
    assert [(b.x, b.y, b.w, b.h) for b in dialog.boxes()] == [(438, 394, 300, 124)]
    qtbot.keyClick(canvas, Qt.Key.Key_S, CTRL)

    qtbot.waitUntil(lambda: open_pane.images.dialog is None)
    assert not errors_seen
    assert committed(store, visit[0]) == [
        ("Exit ticket, table 3", EvidenceKind.ARTIFACT, False, [])
    ]
    item = open_pane.model.item(0)
    assert outbox_ops(store, item.id) == ["upsert"] and item.image_sha256
    im = stored_pixels(open_pane).convert("L")
    assert len(Image.open(image_file(store, item.image_sha256)).getexif()) == 0
    assert im.crop((440, 396, 736, 516)).getextrema()[1] <= 12  # black where the box was
    assert im.getpixel((100, 800)) > 200
    thumb = open_pane.model.index(0, TEXT).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(thumb, QPixmap) and thumb.height() == 64 and thumb.width() == 85
    assert "metadata removed: location (GPS)" in open_pane.notice_label.text()
    qtbot.waitUntil(open_pane.line.hasFocus)

    qtbot.keyClick(open_pane.line, Qt.Key.Key_Z, CTRL)  # undo takes the artifact away
    assert committed(store, visit[0])[0][2] is True


def test_pasting_an_image_in_the_capture_line_attaches_it_and_text_still_pastes(
    open_pane, qtbot, store, visit
):
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(open_pane.line, Qt.Key.Key_V, CTRL)
    dialog = wait_dialog(qtbot, open_pane)
    # Boxes by mouse: drag from the image's top-left quarter.
    canvas = dialog.canvas
    scale = min(canvas.width() / 640, canvas.height() / 480)
    left = (canvas.width() - 640 * scale) / 2
    top = (canvas.height() - 480 * scale) / 2
    start = QPoint(int(left + 10 * scale), int(top + 10 * scale))
    end = QPoint(int(left + 200 * scale), int(top + 100 * scale))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    assert len(dialog.boxes()) == 1
    dialog.accept()

    qtbot.waitUntil(lambda: open_pane.images.dialog is None)
    [(text, kind, _deleted, _tags)] = committed(store, visit[0])
    assert kind is EvidenceKind.ARTIFACT and text == "Student work sample (photo)"
    im = stored_pixels(open_pane).convert("RGB")
    assert im.size == (640, 480) and im.getpixel((100, 50)) == (0, 0, 0)
    assert im.getpixel((500, 400))[2] > 100  # the cyan outside the box

    # Text copied from a word processor comes with a picture of itself: the text is pasted.
    both = QMimeData()
    both.setText("counts on fingers")
    both.setImageData(image)
    QGuiApplication.clipboard().setMimeData(both)
    qtbot.keyClick(open_pane.line, Qt.Key.Key_V, CTRL)
    assert open_pane.line.text() == "counts on fingers"
    assert open_pane.images.dialog is None and len(committed(store, visit[0])) == 1


def test_dropping_an_image_file_on_the_timeline_attaches_it(
    open_pane, qtbot, store, visit, tmp_path
):
    scan = imagefiles.scanned_pdf(tmp_path / "scan.pdf")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    target = open_pane.timeline.viewport()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only while a real drag is under way, so the event goes straight to
    # the pane's drop handler, as Qt would hand it over.
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert open_pane.drops.eventFilter(target, enter) and enter.isAccepted()
    words = QMimeData()
    words.setText("a dragged sentence stays text")
    text_enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        words,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert not open_pane.drops.eventFilter(open_pane.line, text_enter)
    assert open_pane.drops.eventFilter(target, drop) and drop.isAccepted()
    dialog = wait_dialog(qtbot, open_pane)
    assert dialog.prepared.source_format == "PDF"
    dialog.caption.setText("Lab write-up, first page")
    dialog.accept()
    qtbot.waitUntil(lambda: open_pane.images.dialog is None)
    assert [r[0] for r in committed(store, visit[0])] == ["Lab write-up, first page"]
    assert shown_rows(open_pane)[0][2] == "Lab write-up, first page"


def test_a_damaged_file_gets_its_sentence_and_cancel_stores_nothing(
    open_pane, qtbot, store, visit, tmp_path, errors_seen
):
    broken = tmp_path / "photo.jpg"
    broken.write_bytes(Path(imagefiles.phone_jpeg(tmp_path / "ok.jpg")).read_bytes()[:900])
    open_pane.images.from_file(broken)
    qtbot.waitUntil(lambda: bool(errors_seen), timeout=20_000)
    assert isinstance(errors_seen[0], UsageError)
    assert errors_seen[0].sentence.startswith("photo.jpg is damaged or cut short")
    qtbot.waitUntil(open_pane.line.hasFocus)

    open_pane.images.from_file(tmp_path / "ok.jpg")
    dialog = wait_dialog(qtbot, open_pane)
    dialog.reject()
    qtbot.waitUntil(lambda: open_pane.images.dialog is None)
    qtbot.waitUntil(open_pane.line.hasFocus)
    assert committed(store, visit[0]) == [] and stored_blobs(store.paths.blobs) == []


def test_an_image_not_on_this_device_yet_says_so_instead_of_a_thumbnail(open_pane, store, visit):
    from observe.capture.evidence import save_evidence

    # As an item synced from another device arrives before its image does.
    saved = save_evidence(
        store, visit[0], EvidenceKind.ARTIFACT, "Poster from table 4", image_sha256="ab" * 32
    )
    open_pane.editor.refresh_item(saved.id)
    index = open_pane.model.index(open_pane.model.row_of(saved.id), TEXT)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    assert "The image is not on this device yet." in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "with an image" in index.data(Qt.ItemDataRole.AccessibleTextRole)
