"""Real image files made with Pillow for the attachment tests: a phone photo with GPS, a
transparent PNG, a HEIC, a scanned PDF, and twenty kinds of file that are not usable images."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image

GPS_IFD = 0x8825
MAKE, MODEL, ORIENTATION, DATETIME = 0x010F, 0x0110, 0x0112, 0x0132


def phone_exif(orientation: int = 1) -> Image.Exif:
    """What a phone writes: make, model, time, orientation and where the photo was taken."""
    exif = Image.Exif()
    exif[MAKE] = "Apple"
    exif[MODEL] = "iPhone 15"
    exif[DATETIME] = "2026:10:06 09:14:02"
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (41.0, 52.0, 37.5)
    gps[3] = "W"
    gps[4] = (87.0, 37.0, 12.0)
    return exif


def student_work(size: tuple[int, int] = (1200, 900)) -> Image.Image:
    """A light page with a dark stripe of "writing" across its top third."""
    im = Image.new("RGB", size, (235, 232, 220))
    stripe = Image.new("RGB", (size[0] - 40, max(1, size[1] // 10)), (30, 30, 90))
    im.paste(stripe, (20, size[1] // 6))
    return im


def phone_jpeg(
    path: Path, size: tuple[int, int] = (1200, 900), orientation: int = 1, quality: int = 90
) -> Path:
    """A JPEG carrying GPS EXIF, an XMP packet and a comment, as phones and editors write."""
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>Maple St</rdf:Description>'
    student_work(size).save(
        path,
        "JPEG",
        quality=quality,
        exif=phone_exif(orientation),
        xmp=xmp + b"</x:xmpmeta>",
        comment=b"taken at 12 Maple St",
    )
    return path


def transparent_png(path: Path, size: tuple[int, int] = (400, 300)) -> Path:
    """Fully transparent except an opaque red square in the middle."""
    im = Image.new("RGBA", size, (0, 0, 0, 0))
    im.paste(Image.new("RGBA", (100, 100), (200, 0, 0, 255)), (150, 100))
    im.save(path, "PNG")
    return path


def heic(path: Path, size: tuple[int, int] = (640, 480)) -> Path:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    student_work(size).save(path, "HEIF", exif=phone_exif().tobytes())
    return path


def scanned_pdf(path: Path) -> Path:
    """A one-page Letter PDF (what a scanner app saves), made with ReportLab."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=letter)
    c.setFillColorRGB(0.1, 0.1, 0.4)
    c.rect(72, 600, 400, 60, fill=1)
    c.drawString(72, 560, "Exit ticket: explain your reasoning")
    c.showPage()
    c.showPage()
    c.save()
    return path


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bomb_png(width: int = 10_000, height: int = 10_000) -> bytes:
    """A 100-megapixel PNG header over a tiny body: opening it must not decode 100 MP."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * (width + 1) * 16)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def _bytes(im: Image.Image, fmt: str, **kw: object) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **kw)
    return out.getvalue()


def malformed(folder: Path) -> list[Path]:
    """Twenty files no coach should end up with as a stored image."""
    folder.mkdir(parents=True, exist_ok=True)
    jpeg = _bytes(student_work((800, 600)), "JPEG", quality=90)
    png = _bytes(student_work((300, 200)), "PNG")
    bad_crc = bytearray(png)
    bad_crc[29] ^= 0xFF  # inside IHDR's CRC
    sof = jpeg.index(b"\xff\xc0")
    huge_jpeg = bytearray(jpeg)
    huge_jpeg[sof + 5 : sof + 9] = struct.pack(">HH", 9_000, 12_000)  # 108 megapixels
    small = student_work((60, 40))
    files: dict[str, bytes] = {
        "empty.jpg": b"",
        "notes.png": b"Students explained their reasoning to a partner.\n",
        "cut-in-half.jpg": jpeg[: len(jpeg) // 2],
        "header-only.jpg": jpeg[:400],
        "cut-in-half.png": png[: len(png) // 2],
        "bad-checksum.png": bytes(bad_crc),
        "bomb.png": bomb_png(),
        "bomb.jpg": bytes(huge_jpeg),
        "drawing.gif": _bytes(small, "GIF"),
        "scan.bmp": _bytes(small, "BMP"),
        "scan.tiff": _bytes(small, "TIFF"),
        "photo.webp": _bytes(small, "WEBP"),
        "noise.jpg": bytes((i * 7919) % 251 for i in range(5000)),
        "broken.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 8,
        "page.html.heic": b"<!doctype html><title>Not a photo</title>",
        "diagram.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="9"/></svg>',
        "archive.zip": b"PK\x03\x04" + b"\0" * 200,
        "icon.ico": _bytes(small, "ICO"),
        "soi-only.jpg": b"\xff\xd8\xff",
        "png-signature-only.png": b"\x89PNG\r\n\x1a\n",
    }
    paths = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def camera_photo(path: Path, size: tuple[int, int] = (1600, 1200), seed: int = 0) -> Path:
    """A photo-like JPEG (grain over a page, as a phone camera records it): after Observe's
    strip-and-downscale it is a few hundred KB, like a real photo of student work, and each
    ``seed`` gives different bytes."""
    base = student_work(size)
    grain = Image.effect_noise(size, 40 + seed % 17).convert("RGB")
    photo = Image.blend(base, grain, 0.35)
    photo.putpixel((seed % size[0], (seed // size[0]) % size[1]), (seed % 256, 0, 0))
    photo.save(path, "JPEG", quality=92)
    return path
