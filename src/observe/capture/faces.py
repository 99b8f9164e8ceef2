"""Proposing redaction boxes over faces in a photo of student work: detection only.

OpenCV's Haar cascades (shipped inside the ``opencv-python-headless`` wheel, under
``cv2.data.haarcascades``; nothing is downloaded at run time) find where faces are, frontal
and in profile; the boxes go to the redaction dialog, where the coach keeps or removes each.
No face is recognised, compared or stored: the detector sees only the image being attached,
and the boxes are blacked out before anything is written.

OpenCV is an optional dependency (``pip install 'observe[faces]'``): without it
:func:`detect_faces` raises :class:`FacesUnavailable` with a sentence, and the coach draws the
boxes by hand as before.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import Any

from PIL import Image

from observe.capture.images import Box
from observe.errors import UsageError
from observe.i18n import _

#: Faces are looked for on a copy this size (long side): fast, and large enough for a class.
DETECT_LONG_SIDE = 1000
#: A box grows by this share of its size on each side, to cover hair and the edges of a face.
MARGIN = 0.15
MAX_FACES = 60
_CASCADES = ("haarcascade_frontalface_default.xml", "haarcascade_profileface.xml")


class FacesUnavailable(UsageError):
    """Face detection can't run here (OpenCV is not installed)."""


def _cv2() -> ModuleType:
    try:
        return import_module("cv2")
    except ImportError as exc:
        raise FacesUnavailable(
            _(
                "Finding faces needs the optional package opencv-python-headless, which is "
                "not installed (pip install 'observe[faces]'). Draw boxes over faces by hand."
            ),
            detail=repr(exc),
        ) from exc


def available() -> bool:
    try:
        _cv2()
    except FacesUnavailable:
        return False
    return True


def _overlap(a: Box, b: Box) -> float:
    """Intersection over the smaller box (a profile hit inside a frontal one is the same face)."""
    w = min(a.x + a.w, b.x + b.w) - max(a.x, b.x)
    h = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    if w <= 0 or h <= 0:
        return 0.0
    return (w * h) / min(a.w * a.h, b.w * b.h)


def detect_faces(image: Image.Image) -> list[Box]:
    """Boxes over the faces in ``image`` (its own pixels), left to right, with a margin."""
    cv2 = _cv2()
    import numpy as np

    scale = min(1.0, DETECT_LONG_SIDE / max(image.size))
    small = image.convert("L")
    if scale < 1.0:
        small = small.resize(
            (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        )
    # No histogram equalisation: on a mostly white page it washes the face out.
    gray = np.asarray(small)
    smallest = max(20, min(gray.shape) // 40)
    found: list[Box] = []
    for name in _CASCADES:
        detector: Any = cv2.CascadeClassifier(cv2.data.haarcascades + name)
        if detector.empty():
            continue
        views = [(gray, False)]
        if "profile" in name:  # the cascade finds faces turned one way; the mirror, the other
            views.append((cv2.flip(gray, 1), True))
        for view, mirrored in views:
            hits = detector.detectMultiScale(
                view, scaleFactor=1.1, minNeighbors=5, minSize=(smallest, smallest)
            )
            for x, y, w, h in hits:
                x = int(gray.shape[1] - x - w) if mirrored else int(x)
                box = Box(x, int(y), int(w), int(h))
                if all(_overlap(box, other) < 0.5 for other in found):
                    found.append(box)
    out = []
    for b in found[:MAX_FACES]:
        pad_w, pad_h = b.w * MARGIN, b.h * MARGIN
        left = max(0, round((b.x - pad_w) / scale))
        top = max(0, round((b.y - pad_h) / scale))
        right = min(image.width, round((b.x + b.w + pad_w) / scale))
        bottom = min(image.height, round((b.y + b.h + pad_h) / scale))
        out.append(Box(left, top, right - left, bottom - top))
    return sorted(out, key=lambda b: (b.x, b.y))
