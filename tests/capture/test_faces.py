"""Face detection proposes redaction boxes: on a real photo of a face (tests/imagedata), on a
page of student work with none, and a sentence when OpenCV is not installed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PIL import Image

from observe.capture import faces
from observe.capture.images import prepare
from tests import imagefiles

PHOTO = Path(__file__).parent.parent / "imagedata" / "astronaut.jpg"
# Where the astronaut's face is in the 320 × 320 photo (checked by eye): the box must cover it.
FACE = (125, 45, 175, 100)


def test_a_face_in_a_real_photo_gets_a_box_over_it() -> None:
    pytest.importorskip("cv2")
    prepared = prepare(PHOTO.read_bytes(), PHOTO.name)
    boxes = faces.detect_faces(prepared.image)
    assert len(boxes) == 1
    [box] = boxes
    left, top, right, bottom = FACE
    assert box.x <= left and box.y <= top
    assert box.x + box.w >= right and box.y + box.h >= bottom
    assert box.w * box.h < 0.25 * 320 * 320  # the face, not the whole photo


def test_a_larger_scan_is_searched_scaled_and_boxes_come_back_in_its_pixels(
    tmp_path: Path,
) -> None:
    pytest.importorskip("cv2")
    # The photo pasted onto a 2,400 px page of student work: the face is found where it is.
    page = imagefiles.student_work((2400, 1800))
    page.paste(Image.open(PHOTO).resize((640, 640)), (1500, 900))
    [box] = faces.detect_faces(page)
    left, top, right, bottom = (
        1500 + 2 * FACE[0],
        900 + 2 * FACE[1],
        1500 + 2 * FACE[2],
        900 + 2 * FACE[3],
    )
    assert box.x <= left and box.y <= top
    assert box.x + box.w >= right and box.y + box.h >= bottom
    assert box.w < 400 and box.h < 400
    assert faces.detect_faces(imagefiles.student_work()) == []  # a page with no face


def test_without_opencv_a_sentence_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cv2", None)  # `import cv2` fails as if not installed
    assert not faces.available()
    with pytest.raises(faces.FacesUnavailable, match="optional package opencv-python-headless"):
        faces.detect_faces(imagefiles.student_work())
