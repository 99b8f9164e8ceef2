"""The redaction dialog's "Find faces": a real photo of a face gets a black box the coach can
keep or remove from the keyboard, the stored pixels are black there, and without OpenCV the
dialog says so in a sentence."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from observe.capture.images import encode, prepare
from observe.ui.capture.redaction import RedactionDialog
from tests.capture.test_faces import FACE, PHOTO


def _dialog(qtbot) -> RedactionDialog:
    dialog = RedactionDialog(prepare(PHOTO.read_bytes(), PHOTO.name))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_found_faces_are_blacked_out_and_can_be_removed(qtbot) -> None:
    pytest.importorskip("cv2")
    dialog = _dialog(qtbot)
    assert dialog.faces_button.text() == "Find &faces"
    dialog.faces_button.click()
    qtbot.waitUntil(lambda: "Found" in dialog.faces_note.text(), timeout=20_000)
    assert dialog.faces_note.text().startswith("Found 1 face(s), each now blacked out.")
    assert len(dialog.boxes()) == 1
    assert dialog.canvas.hasFocus() and dialog.canvas.selected == 0
    assert "1 area will be black" in dialog.count.text()
    # What is stored is black over the face.
    stored = encode(dialog.prepared, dialog.boxes())
    from io import BytesIO

    from PIL import Image

    pixels = Image.open(BytesIO(stored.data)).convert("L")
    middle = ((FACE[0] + FACE[2]) // 2, (FACE[1] + FACE[3]) // 2)
    assert pixels.getpixel(middle) < 20
    # Delete removes a proposal the coach does not want.
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Delete)
    assert dialog.boxes() == [] and "Nothing blacked out." in dialog.count.text()


def test_without_opencv_the_dialog_says_so(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cv2", None)  # `import cv2` fails as if not installed
    dialog = _dialog(qtbot)
    dialog.faces_button.click()
    qtbot.waitUntil(lambda: "opencv" in dialog.faces_note.text(), timeout=20_000)
    assert "Draw boxes over faces by hand." in dialog.faces_note.text()
    assert dialog.boxes() == []
    assert dialog.isVisible()  # no crash, no error dialog: the coach carries on


def test_a_photo_without_faces_says_none_were_found(qtbot, tmp_path: Path) -> None:
    pytest.importorskip("cv2")
    from tests import imagefiles

    photo = imagefiles.phone_jpeg(tmp_path / "page.jpg")
    dialog = RedactionDialog(prepare(photo.read_bytes(), photo.name))
    qtbot.addWidget(dialog)
    dialog.find_faces()
    qtbot.waitUntil(lambda: "No faces found" in dialog.faces_note.text(), timeout=20_000)
    assert dialog.boxes() == [] and dialog.faces_button.isEnabled()
