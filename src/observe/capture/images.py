"""Photos and scans of student work, made safe to keep before anything is stored.

A photo from a phone carries where and when it was taken and on which device; a scan can be
far larger than a sheet needs. Every image therefore goes through one path: decode (JPEG, PNG,
HEIC, or a PDF's first page), turn upright by its EXIF orientation, flatten transparency on
white, scale down to ``MAX_LONG_SIDE``, black out the coach's redaction boxes, and encode a
fresh JPEG that carries no metadata at all (no EXIF, GPS, XMP, ICC profile or comment). Only
that JPEG is stored; the original is never kept.

Anything that is not a readable image of a sane size is refused with one sentence before any
file or record is written.
"""

from __future__ import annotations

import io
import math
import struct
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, UnidentifiedImageError

from observe.capture.resample import resize_upright
from observe.errors import UsageError
from observe.i18n import _
from observe.store.blobs import sha256_of

MAX_LONG_SIDE = 2400
JPEG_QUALITY = 85
#: Bigger than any phone photo or one-page scan; a bigger file is most likely not student work.
MAX_FILE_BYTES = 80 * 1024 * 1024
#: 64 megapixels: a 48-megapixel phone photo passes, a decompression bomb does not.
MAX_PIXELS = 64_000_000
#: Formats Pillow may try (HEIF once pillow-heif registers it); nothing else is even parsed.
PILLOW_FORMATS = ("JPEG", "PNG", "HEIF")
KINDS = "JPEG, PNG, HEIC or PDF"
NOTHING = "Nothing was stored."

_ORIENT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_GPS_IFD = 0x8825
_EXIF_IFD = 0x8769
_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Box:
    """A redaction rectangle in pixels: left, top, width, height."""

    x: int
    y: int
    w: int
    h: int


@dataclass
class PreparedImage:
    """Upright, flattened and scaled down, with no metadata; boxes are in its pixels."""

    image: Image.Image
    source_format: str
    #: The source's size once upright, in its own pixels (CLI boxes are given in these).
    source_size: tuple[int, int]
    #: What the source carried that is not kept, in words ("location (GPS)", "camera", …).
    removed: tuple[str, ...]

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size

    @property
    def scale(self) -> float:
        return self.image.width / self.source_size[0]


@dataclass(frozen=True)
class EncodedImage:
    data: bytes
    sha256: str
    width: int
    height: int
    source_format: str
    removed: tuple[str, ...]


def _refuse(name: str, why: str) -> UsageError:
    return UsageError(f"{name} {why} {NOTHING}")


def read_source(path: Path) -> bytes:
    """The file's bytes, refusing a folder, a missing or unreadable file and a huge one."""
    name = path.name or str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise _refuse(name, "is a folder, not an image file.")
        if size > MAX_FILE_BYTES:
            raise _refuse(
                name,
                f"is {size / 1e6:,.0f} MB; Observe takes images up to "
                f"{MAX_FILE_BYTES / 1e6:,.0f} MB. Save a smaller copy and attach that.",
            )
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise UsageError(
            _("There is no file {path}. {NOTHING}").format(path=path, NOTHING=NOTHING)
        ) from exc
    except PermissionError as exc:
        raise UsageError(
            _("{path} can't be read (permission denied). {NOTHING}").format(
                path=path, NOTHING=NOTHING
            )
        ) from exc
    except OSError as exc:
        raise UsageError(
            _("{path} can't be read ({value}). {NOTHING}").format(
                path=path, value=exc.strerror or exc, NOTHING=NOTHING
            )
        ) from exc


def prepare(data: bytes, name: str = "The image") -> PreparedImage:
    """Decodes ``data`` into a safe, scaled image, or refuses it with one sentence."""
    if not data:
        raise _refuse(name, "is empty (0 bytes), so there is no image in it.")
    if len(data) > MAX_FILE_BYTES:
        raise _refuse(name, f"is larger than {MAX_FILE_BYTES / 1e6:,.0f} MB.")
    if data[:5] == b"%PDF-":
        return _prepare_pdf(data, name)
    return _prepare_bitmap(data, name)


def _open(data: bytes, name: str) -> Image.Image:
    _register_heif()
    try:
        # Pillow's own bomb warning is left to MAX_PIXELS below, which can name the size.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=PILLOW_FORMATS)
    except UnidentifiedImageError as exc:
        raise _refuse(name, f"is not an image Observe can read ({KINDS}).") from exc
    except Image.DecompressionBombError as exc:
        raise _too_big(name) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _damaged(name, exc) from exc


def _too_big(name: str, size: tuple[int, int] | None = None) -> UsageError:
    dims = f" ({size[0]:,} × {size[1]:,} pixels)" if size else ""
    return _refuse(
        name,
        f"is too large an image{dims}; Observe takes up to {MAX_PIXELS // 1_000_000} "
        "megapixels. Save a smaller copy and attach that.",
    )


def _damaged(name: str, exc: BaseException) -> UsageError:
    return _refuse(name, f"is damaged or cut short and can't be read ({_why(exc)}).")


def _why(exc: BaseException) -> str:
    return str(exc).strip().rstrip(".") or type(exc).__name__


def _prepare_bitmap(data: bytes, name: str) -> PreparedImage:
    im = _open(data, name)
    width, height = im.size
    if width <= 0 or height <= 0 or width * height > MAX_PIXELS:
        raise _too_big(name, im.size)
    fmt = im.format or "image"
    try:
        exif = im.getexif()
        removed = _metadata_words(im, exif)
        orientation = exif.get(_ORIENTATION, 1)
        method = _ORIENT.get(orientation) if isinstance(orientation, int) else None
        upright = (height, width) if method in _SWAPS else (width, height)
        target = _target_size(im.size)
        box = None
        if fmt == "JPEG" and target != im.size:
            # libjpeg decodes at 1/2, 1/4 or 1/8 only when that still leaves at least the
            # target (a 48-megapixel photo at 1/2; a 12-megapixel one needs every pixel); the
            # box is the decoded area in exact source proportions.
            drafted = im.draft("RGB", target)
            box = drafted[1] if drafted else None
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im.load()
        im = _to_rgb_or_rgba(im)
        if im.size != target:
            # Bicubic, Pillow's own default: at these scales (≥ 0.4×) text and pencil lines
            # read as with Lanczos. Scaled in bands on every core and turned upright band by
            # band, so the turn costs the 2,400 px image, not the 12-megapixel one.
            im = resize_upright(im, target, method, box=box)
        elif method is not None:
            im = im.transpose(method)
        im = _flatten(im)
    except UsageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_big(name, (width, height)) from exc
    except (OSError, SyntaxError, ValueError, EOFError, struct.error) as exc:
        raise _damaged(name, exc) from exc
    im.info = {}
    return PreparedImage(im, "HEIC" if fmt == "HEIF" else fmt, upright, removed)


_SWAPS = {
    Image.Transpose.TRANSPOSE,
    Image.Transpose.ROTATE_270,
    Image.Transpose.TRANSVERSE,
    Image.Transpose.ROTATE_90,
}


def _target_size(size: tuple[int, int]) -> tuple[int, int]:
    width, height = size
    longest = max(width, height)
    if longest <= MAX_LONG_SIDE:
        return size
    ratio = MAX_LONG_SIDE / longest
    return max(1, round(width * ratio)), max(1, round(height * ratio))


def _to_rgb_or_rgba(im: Image.Image) -> Image.Image:
    if im.mode in ("RGB", "RGBA"):
        return im
    if im.mode in ("LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        return im.convert("RGBA")
    if im.mode.startswith("I;16") or im.mode == "I":
        # 16-bit greyscale PNGs (some scanners): keep the top 8 bits rather than clip at 255.
        return im.convert("I").point(lambda v: v / 256).convert("L").convert("RGB")
    return im.convert("RGB")


def _flatten(im: Image.Image) -> Image.Image:
    if im.mode != "RGBA":
        return im
    white = Image.new("RGB", im.size, (255, 255, 255))
    white.paste(im, mask=im.getchannel("A"))
    return white


def _metadata_words(im: Image.Image, exif: Image.Exif) -> tuple[str, ...]:
    words: list[str] = []
    if exif.get_ifd(_GPS_IFD):
        words.append("location (GPS)")
    if exif.get(0x010F) or exif.get(0x0110):
        words.append("camera")
    if exif.get(0x0132) or exif.get_ifd(_EXIF_IFD).get(0x9003):
        words.append("date and time")
    if len(exif) and not words:
        words.append("EXIF")
    info = im.info
    if "xmp" in info or "XML:com.adobe.xmp" in info:
        words.append("XMP")
    if "icc_profile" in info:
        words.append("colour profile")
    if "comment" in info or "Comment" in info or "Description" in info:
        words.append("comment")
    return tuple(words)


def _prepare_pdf(data: bytes, name: str) -> PreparedImage:
    """A scan saved as PDF: its first page, rendered at ``MAX_LONG_SIDE`` on its long side."""
    try:
        import pypdfium2 as pdfium
    except ImportError as exc:  # pragma: no cover - pypdfium2 ships with the app
        raise _refuse(name, "is a PDF, and this installation can't read PDFs.") from exc
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _refuse(name, f"is a PDF that can't be read ({_why(exc)}).") from exc
    try:
        if len(pdf) == 0:
            raise _refuse(name, "is a PDF with no pages.")
        page = pdf[0]
        width_pt, height_pt = page.get_size()
        if width_pt <= 0 or height_pt <= 0:
            raise _refuse(name, "is a PDF whose first page has no size.")
        scale = MAX_LONG_SIDE / max(width_pt, height_pt)
        rendered = page.render(scale=scale, fill_color=(255, 255, 255, 255)).to_pil()
    except pdfium.PdfiumError as exc:
        raise _refuse(name, f"is a PDF whose first page can't be drawn ({_why(exc)}).") from exc
    finally:
        pdf.close()
    im = rendered.convert("RGB")
    im.info = {}
    size = (round(width_pt * scale), round(height_pt * scale))
    return PreparedImage(im, "PDF", size, ("PDF document details",))


def parse_box(text: str) -> Box:
    """``x,y,w,h`` as the CLI takes it."""
    parts = [p.strip() for p in text.split(",")]
    try:
        x, y, w, h = (int(p) for p in parts)
    except ValueError as exc:
        raise UsageError(
            _(
                "“{text}” is not a redaction box; write it as x,y,width,height in "
                "pixels, e.g. 100,40,600,80. {NOTHING}"
            ).format(text=text, NOTHING=NOTHING)
        ) from exc
    if w <= 0 or h <= 0 or x < 0 or y < 0:
        raise UsageError(
            _(
                "The redaction box “{text}” needs a positive width and height and a "
                "position inside the image. {NOTHING}"
            ).format(text=text, NOTHING=NOTHING)
        )
    return Box(x, y, w, h)


def scale_box(box: Box, scale: float) -> Box:
    """A box in source pixels as a box in the scaled image, rounded outwards so the blacked-out
    area never shrinks."""
    x0, y0 = math.floor(box.x * scale), math.floor(box.y * scale)
    x1, y1 = math.ceil((box.x + box.w) * scale), math.ceil((box.y + box.h) * scale)
    return Box(x0, y0, max(1, x1 - x0), max(1, y1 - y0))


def source_boxes(prepared: PreparedImage, boxes: Sequence[Box]) -> list[Box]:
    """Boxes given in the source's upright pixels (the CLI's), checked against the source and
    scaled to the prepared image."""
    width, height = prepared.source_size
    for box in boxes:
        if box.x >= width or box.y >= height:
            raise UsageError(
                _(
                    "The redaction box {x},{y},{w},{h} lies outside the {width} × {height} "
                    "image. {NOTHING}"
                ).format(
                    x=box.x, y=box.y, w=box.w, h=box.h, width=width, height=height, NOTHING=NOTHING
                )
            )
    return [scale_box(b, prepared.scale) for b in boxes]


def encode(prepared: PreparedImage, boxes: Sequence[Box] = ()) -> EncodedImage:
    """The JPEG to store: ``boxes`` (in the prepared image's pixels) filled black first."""
    im = _redacted(prepared.image, boxes)
    out = io.BytesIO()
    # No exif=, icc_profile= or comment=: the file carries pixels and nothing else.
    im.save(out, "JPEG", quality=JPEG_QUALITY)
    data = out.getvalue()
    return EncodedImage(
        data,
        sha256_of(data),
        im.width,
        im.height,
        prepared.source_format,
        prepared.removed,
    )


def _redacted(image: Image.Image, boxes: Iterable[Box]) -> Image.Image:
    boxes = list(boxes)
    if not boxes:
        return image
    width, height = image.size
    im = image.copy()
    im.info = {}
    draw = ImageDraw.Draw(im)
    for box in boxes:
        x0, y0 = max(0, box.x), max(0, box.y)
        x1, y1 = min(width, box.x + box.w), min(height, box.y + box.h)
        if x1 <= x0 or y1 <= y0:
            raise UsageError(
                _(
                    "The redaction box {x},{y},{w},{h} lies outside the {width} × {height} "
                    "image. {NOTHING}"
                ).format(
                    x=box.x, y=box.y, w=box.w, h=box.h, width=width, height=height, NOTHING=NOTHING
                )
            )
        draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=(0, 0, 0))
    return im


_heif_registered = False


def _register_heif() -> None:
    """HEIC photos (iPhones) decode through pillow-heif when it is installed."""
    global _heif_registered
    if _heif_registered:
        return
    _heif_registered = True
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return
    register_heif_opener()
