"""Images of student work on a printed sheet: scaled to fit a box, never stretched.

The stored JPEG is embedded as it is (ReportLab passes JPEG data through), so the sheet shows
exactly the redacted pixels that were stored, and nothing else from the original.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image as PILImage
from reportlab.platypus import Image


def work_image(path: Path, max_width: float, max_height: float) -> Image:
    """``path`` scaled (down or up) to fit ``max_width`` × ``max_height`` points, left-aligned."""
    with PILImage.open(path) as im:
        width, height = im.size
    scale = min(max_width / width, max_height / height)
    picture = Image(str(path), width=width * scale, height=height * scale)
    picture.hAlign = "LEFT"
    return picture
