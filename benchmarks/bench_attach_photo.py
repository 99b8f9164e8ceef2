"""Attaching a 12-megapixel phone photo: Observe's whole path against bare Pillow, same run.

  observe   ``attach_file``: read the file, decode, read EXIF, turn upright, scale to 2,400 px,
            encode a metadata-free JPEG (quality 85), SHA-256, write the blob (fsync file and
            folder), commit the Artifact item with its outbox row
  pillow    ``Image.open`` + ``resize`` to the same size (bicubic, as Observe) + ``save`` as
            JPEG quality 85 to a file (no fsync, no hash, no database): the single-pass floor
  banded    the same, with the resize cut into one horizontal band per core (at most two),
            each scaled by its own thread with ``resize(box=...)`` and pasted together: the
            floor for an attach that uses both cores, written here with Pillow alone

The photo is 4,000 × 3,000 with phone EXIF (GPS, camera, time, orientation 6) and noisy,
photo-like content, so its JPEG is a few MB like a real one. Runs alternate so drift hits both;
the blob is removed between runs so every run really writes it.

    .venv/bin/python benchmarks/bench_attach_photo.py [--runs 15] [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image

from observe.capture.attach import attach_file
from observe.capture.images import JPEG_QUALITY, MAX_LONG_SIDE
from observe.store import open_profile
from observe.store.blobs import blob_path
from observe.store.models import Classroom, School, Teacher, Visit, VisitType

SIZE = (4000, 3000)


def phone_exif() -> Image.Exif:
    """Make, model, time, orientation 6 and GPS, as a phone writes them."""
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0132] = "Apple", "iPhone 15", "2026:10:06 09:14:02"
    exif[0x0112] = 6
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (41.0, 52.0, 37.5), "W", (87.0, 37.0, 12.0)
    return exif


def make_photo(path: Path) -> Path:
    """Noise over gradients: compresses like a photo of a worksheet under classroom light."""
    bands = [
        Image.blend(
            Image.linear_gradient("L").resize(SIZE).rotate(angle, expand=False),
            Image.effect_noise(SIZE, 48).convert("L"),
            0.35,
        )
        for angle in (0, 90, 180)
    ]
    Image.merge("RGB", bands).save(path, "JPEG", quality=92, exif=phone_exif())
    return path


def make_profile(folder: Path) -> tuple[object, str]:
    store = open_profile(folder)
    with store.write() as s:
        school = School(name="Bench")
        room = Classroom(teacher=Teacher(school=school, display_name="T"), subject="Math")
        visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
        s.add_all([school, room, visit])
    return store, visit.id


def bare_pillow(path: Path, out: Path) -> None:
    with Image.open(path) as im:
        w, h = im.size
        ratio = MAX_LONG_SIDE / max(w, h)
        small = im.resize((round(w * ratio), round(h * ratio)), Image.Resampling.BICUBIC)
    small.save(out, "JPEG", quality=JPEG_QUALITY)


def bare_pillow_banded(path: Path, out: Path, bands: int) -> None:
    with Image.open(path) as im:
        w, h = im.size
        ratio = MAX_LONG_SIDE / max(w, h)
        size = (round(w * ratio), round(h * ratio))
        im.load()
        small = Image.new(im.mode, size)
        rows = [round(k * size[1] / bands) for k in range(bands + 1)]
        edges = [r * h / size[1] for r in rows[:-1]] + [float(h)]

        def band(k: int) -> None:
            box = (0, edges[k], w, edges[k + 1])
            part = im.resize((size[0], rows[k + 1] - rows[k]), Image.Resampling.BICUBIC, box)
            small.paste(part, (0, rows[k]))

        with ThreadPoolExecutor(bands) as pool:
            list(pool.map(band, range(bands)))
    small.save(out, "JPEG", quality=JPEG_QUALITY)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    base = args.dir or Path(tempfile.mkdtemp(prefix="bench-attach-"))
    base.mkdir(parents=True, exist_ok=True)
    photo = make_photo(base / "IMG_4000x3000.jpg")
    store, visit_id = make_profile(base / "profile")
    out = base / "bare.jpg"
    bands = max(1, min(2, os.cpu_count() or 1))
    observe_ms: list[float] = []
    pillow_ms: list[float] = []
    banded_ms: list[float] = []
    size = ""
    try:
        attach_file(store, visit_id, photo)  # warm-up: imports, codecs, first statement
        bare_pillow(photo, out)
        bare_pillow_banded(photo, out, bands)
        for _ in range(args.runs):
            t0 = time.perf_counter()
            attached = attach_file(store, visit_id, photo, caption="Bench photo")
            observe_ms.append((time.perf_counter() - t0) * 1000)
            blob_path(store.paths.blobs, attached.sha256).unlink()
            size = f"{attached.width} × {attached.height}, {attached.size_bytes / 1024:,.0f} KB"

            t0 = time.perf_counter()
            bare_pillow(photo, out)
            pillow_ms.append((time.perf_counter() - t0) * 1000)

            t0 = time.perf_counter()
            bare_pillow_banded(photo, out, bands)
            banded_ms.append((time.perf_counter() - t0) * 1000)
    finally:
        store.close()
    source = f"{photo.stat().st_size / 1e6:.1f} MB"
    print(f"12-megapixel photo ({SIZE[0]} × {SIZE[1]}, {source}) -> {size}; {args.runs} runs")
    print(f"{'run':<10} {'median ms':>10} {'min ms':>8} {'max ms':>8}")
    rows = (("observe", observe_ms), ("pillow", pillow_ms), (f"banded x{bands}", banded_ms))
    for name, values in rows:
        print(
            f"{name:<10} {statistics.median(values):>10.1f} {min(values):>8.1f} {max(values):>8.1f}"
        )
    ratio = statistics.median(observe_ms) / statistics.median(pillow_ms)
    print(f"ratio observe / bare Pillow single pass (medians): {ratio:.2f}x")
    ratio = statistics.median(observe_ms) / statistics.median(banded_ms)
    print(f"ratio observe / bare Pillow banded x{bands} (medians): {ratio:.2f}x")


if __name__ == "__main__":
    main()
