"""Scaling a photo down and turning it upright on every core the machine has.

Resizing a 12-megapixel photo is the largest single cost of attaching it. Pillow's resize runs
on one core but releases the GIL while it works, and with ``box=`` it reads filter support from
outside the box. So the output can be cut into horizontal bands, each computed by its own thread
from the source rows it needs, turned upright and pasted into place: the result is the
single-pass result (the same filter, the same sample positions), in about half the time on two
cores. One core, a tiny image or a reduction big enough for Pillow's ``reducing_gap`` shortcut
take the plain single pass.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

from PIL import Image

RESAMPLE = Image.Resampling.BICUBIC
#: Pillow first reduces by a whole factor when the scale passes this many times this gap; the
#: banded path leaves those (rare: panoramas, huge PNGs) to Pillow's own single pass.
REDUCING_GAP = 3.0
#: Below this many output rows per band, a thread costs more than it saves.
MIN_BAND_ROWS = 64
MAX_BANDS = 8

Box = tuple[float, float, float, float]


def cores() -> int:
    """Cores this process may run on (a container or ``taskset`` can give fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def _band_offset(method: Image.Transpose | None, r0: int, r1: int, height: int) -> tuple[int, int]:
    """Where output rows ``r0..r1`` of the not-yet-upright image land once turned by ``method``."""
    if method in (None, Image.Transpose.FLIP_LEFT_RIGHT):
        return 0, r0
    if method in (Image.Transpose.ROTATE_180, Image.Transpose.FLIP_TOP_BOTTOM):
        return 0, height - r1
    if method in (Image.Transpose.ROTATE_90, Image.Transpose.TRANSPOSE):
        return r0, 0
    return height - r1, 0  # ROTATE_270, TRANSVERSE: rows become columns counted from the right


def _upright_size(size: tuple[int, int], method: Image.Transpose | None) -> tuple[int, int]:
    swaps = {
        Image.Transpose.ROTATE_90,
        Image.Transpose.ROTATE_270,
        Image.Transpose.TRANSPOSE,
        Image.Transpose.TRANSVERSE,
    }
    return (size[1], size[0]) if method in swaps else size


def resize_upright(
    im: Image.Image,
    size: tuple[int, int],
    method: Image.Transpose | None = None,
    *,
    box: Box | None = None,
    bands: int | None = None,
) -> Image.Image:
    """``im`` (its ``box`` region) scaled to ``size`` with bicubic, then turned by ``method``.

    ``size`` is in the source's own orientation; the result has it swapped when ``method``
    swaps sides. ``bands`` defaults to the cores available, at most ``MAX_BANDS``.
    """
    if box is None:
        box = (0.0, 0.0, float(im.width), float(im.height))
    width, height = size
    src_w, src_h = box[2] - box[0], box[3] - box[1]
    if bands is None:
        bands = min(cores(), MAX_BANDS)
    bands = max(1, min(bands, height // MIN_BAND_ROWS))
    reduces = src_w / width >= 2 * REDUCING_GAP or src_h / height >= 2 * REDUCING_GAP
    unchanged = im.size == size and box == (0.0, 0.0, float(im.width), float(im.height))
    if bands == 1 or reduces or unchanged:
        out = im.copy() if unchanged else im.resize(size, RESAMPLE, box, reducing_gap=REDUCING_GAP)
        return out.transpose(method) if method is not None else out

    # Pillow scales RGBA/LA premultiplied and converts back; do the same once, around the bands.
    alpha = {"RGBA": "RGBa", "LA": "La"}.get(im.mode)
    source = im.convert(alpha) if alpha else im
    source.load()
    # color=None: the allocator's zeroed memory, not a fill pass (the bands cover every pixel).
    out = Image.new(source.mode, _upright_size(size, method), None)
    rows = [round(k * height / bands) for k in range(bands + 1)]
    edges = [box[1] + r * src_h / height for r in rows]
    edges[-1] = box[3]  # exactly the source's edge: float error must not reach past it

    def band(k: int) -> None:
        r0, r1 = rows[k], rows[k + 1]
        # The band's box edges are the single pass's sample grid cut at row r0 and r1, so every
        # output row is centred where the single pass centres it.
        part = source.resize(
            (width, r1 - r0),
            RESAMPLE,
            (box[0], edges[k], box[2], edges[k + 1]),
        )
        if method is not None:
            part = part.transpose(method)
        out.paste(part, _band_offset(method, r0, r1, height))

    with ThreadPoolExecutor(max_workers=bands - 1, thread_name_prefix="resize") as pool:
        others = [pool.submit(band, k) for k in range(1, bands)]
        band(0)
        for future in others:
            future.result()
    return out.convert(im.mode) if alpha else out
