"""Photos of student work, attached from real files made with Pillow: what is stored has no
metadata, is upright, scaled and redacted; anything unusable is refused and changes nothing."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from observe.capture.attach import DEFAULT_CAPTION, attach_file, image_file
from observe.capture.images import MAX_LONG_SIDE, Box, parse_box
from observe.capture.timeline import visit_items
from observe.errors import StorageError, UsageError
from observe.store import Store
from observe.store.blobs import blob_path, stored_blobs, verify_blobs
from observe.store.check import check_database
from observe.store.models import Evidence, EvidenceKind, OutboxOp
from observe.store.search import search_evidence
from tests import imagefiles

from ..store.helpers import make_visit

METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop"}


@pytest.fixture
def visit_id(store: Store) -> str:
    return make_visit(store)[0]


def stored(store: Store, sha: str) -> Image.Image:
    path = image_file(store, sha)
    assert path is not None
    im = Image.open(io.BytesIO(path.read_bytes()))
    im.load()
    return im


def state(store: Store) -> tuple[int, int, int]:
    """(evidence rows, outbox rows, blob files): what a refusal must leave unchanged."""
    with store.read() as s:
        evidence = s.scalar(select(func.count()).select_from(Evidence))
        outbox = s.scalar(select(func.count()).select_from(OutboxOp))
    return evidence or 0, outbox or 0, len(stored_blobs(store.paths.blobs))


def test_a_phone_photo_is_stored_upright_without_gps_or_any_metadata(store, visit_id, tmp_path):
    # Orientation 6: the phone was held upright, the sensor wrote the pixels sideways.
    photo = imagefiles.phone_jpeg(tmp_path / "IMG_2041.jpg", size=(1200, 900), orientation=6)
    assert Image.open(photo).getexif().get_ifd(imagefiles.GPS_IFD)  # the source has GPS

    attached = attach_file(store, visit_id, photo, caption="Exit ticket, table 3")

    im = stored(store, attached.sha256)
    assert im.format == "JPEG" and im.size == (900, 1200)  # turned upright
    assert len(im.getexif()) == 0 and not im.getexif().get_ifd(imagefiles.GPS_IFD)
    assert not METADATA_KEYS & set(im.info)
    raw = blob_path(store.paths.blobs, attached.sha256).read_bytes()
    for trace in (b"Exif", b"iPhone", b"Apple", b"Maple", b"2026:10:06", b"xmpmeta"):
        assert trace not in raw
    assert set(attached.removed) >= {"location (GPS)", "camera", "date and time"}
    assert "metadata removed: location (GPS)" in attached.sentence()
    assert Image.open(photo).getexif().get_ifd(imagefiles.GPS_IFD)  # the original is untouched


#: Where the corner the sensor wrote first (red) and the one it wrote last on the top row (blue)
#: end up once the photo is upright, for each EXIF orientation (TL top-left, BR bottom-right).
UPRIGHT_CORNERS = {
    1: ("TL", "TR"),
    2: ("TR", "TL"),
    3: ("BR", "BL"),
    4: ("BL", "BR"),
    5: ("TL", "BL"),
    6: ("TR", "BR"),
    7: ("BR", "TR"),
    8: ("BL", "TL"),
}


def corner_colours(im: Image.Image) -> dict[str, str]:
    """The colour name 60 pixels in from each corner: "red", "blue" or "page"."""
    w, h = im.size
    spots = {"TL": (60, 60), "TR": (w - 61, 60), "BL": (60, h - 61), "BR": (w - 61, h - 61)}
    rgb = im.convert("RGB")
    names = {}
    for corner, xy in spots.items():
        r, g, b = rgb.getpixel(xy)
        names[corner] = "red" if r > 150 > max(g, b) else "blue" if b > 150 > max(r, g) else "page"
    return names


@pytest.mark.parametrize("orientation", sorted(UPRIGHT_CORNERS))
def test_a_large_photo_is_turned_upright_for_every_exif_orientation(
    store, visit_id, tmp_path, orientation
):
    # Large enough to be scaled (3,000 px > 2,400), so the turn happens on the scaled bands.
    sensor = Image.new("RGB", (3000, 2000), (235, 232, 220))
    sensor.paste((200, 20, 20), (0, 0, 300, 300))
    sensor.paste((20, 20, 200), (2700, 0, 3000, 300))
    photo = tmp_path / f"IMG_{orientation}.jpg"
    sensor.save(photo, "JPEG", quality=90, exif=imagefiles.phone_exif(orientation))

    attached = attach_file(store, visit_id, photo)

    im = stored(store, attached.sha256)
    assert im.size == ((1600, 2400) if orientation >= 5 else (2400, 1600))
    red, blue = UPRIGHT_CORNERS[orientation]
    corners = corner_colours(im)
    assert (corners[red], corners[blue]) == ("red", "blue"), corners
    assert sorted(corners.values()).count("page") == 2


def test_the_item_is_an_artifact_with_its_caption_queued_for_sync_and_searchable(
    store, visit_id, tmp_path
):
    photo = imagefiles.phone_jpeg(tmp_path / "work.jpg")
    attached = attach_file(store, visit_id, photo, caption="Fraction strips on the number line")

    [item] = visit_items(store, visit_id)
    assert item.kind is EvidenceKind.ARTIFACT and item.image_sha256 == attached.sha256
    assert item.text == "Fraction strips on the number line"
    with store.read() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.record_id == attached.evidence_id)).one()
        hits = search_evidence(s, "fraction strips")
    assert op.snapshot is not None and op.snapshot["image_sha256"] == attached.sha256
    assert [h.evidence_id for h in hits] == [attached.evidence_id]


def test_without_a_caption_the_item_says_what_it_is(store, visit_id, tmp_path):
    attached = attach_file(store, visit_id, imagefiles.phone_jpeg(tmp_path / "IMG_7.jpg"))
    assert attached.caption == DEFAULT_CAPTION
    assert "IMG_7" not in attached.caption  # file names can carry a student's name


@pytest.mark.parametrize(
    ("size", "expected"),
    [((4000, 3000), (2400, 1800)), ((3000, 4000), (1800, 2400)), ((800, 600), (800, 600))],
)
def test_large_photos_are_scaled_to_2400_pixels_on_the_long_side(
    store, visit_id, tmp_path, size, expected
):
    photo = imagefiles.phone_jpeg(tmp_path / "big.jpg", size=size, quality=70)
    attached = attach_file(store, visit_id, photo)
    assert stored(store, attached.sha256).size == expected
    assert max(expected) <= MAX_LONG_SIDE


def test_a_redaction_box_is_black_in_the_stored_pixels(store, visit_id, tmp_path):
    # 2,400 × 1,800 source scaled by 1/2: the box (in the file's pixels) is scaled with it.
    photo = imagefiles.phone_jpeg(tmp_path / "names.jpg", size=(4800, 3600))
    attached = attach_file(
        store, visit_id, photo, boxes=[Box(400, 560, 1600, 400)], caption="Name strip"
    )
    im = stored(store, attached.sha256).convert("L")
    assert im.size == (2400, 1800)
    inside = [im.getpixel((x, y)) for x in range(204, 996, 37) for y in range(284, 476, 17)]
    assert max(inside) <= 12, max(inside)  # black, give or take JPEG noise
    assert im.getpixel((2000, 1500)) > 200  # the page outside the box is untouched
    assert "1 area blacked out" in attached.sentence()


def test_a_box_outside_the_image_is_refused_and_nothing_is_stored(store, visit_id, tmp_path):
    photo = imagefiles.phone_jpeg(tmp_path / "a.jpg", size=(800, 600))
    before = state(store)
    with pytest.raises(UsageError, match=r"lies outside the 800 × 600 image\. Nothing was stored"):
        attach_file(store, visit_id, photo, boxes=[Box(900, 10, 50, 50)])
    assert state(store) == before


@pytest.mark.parametrize("text", ["1,2,3", "a,b,c,d", "10,10,0,5", "-1,0,5,5"])
def test_a_badly_written_box_gets_a_sentence(text):
    with pytest.raises(UsageError, match="Nothing was stored"):
        parse_box(text)


def test_a_transparent_png_is_flattened_on_white(store, visit_id, tmp_path):
    attached = attach_file(store, visit_id, imagefiles.transparent_png(tmp_path / "t.png"))
    im = stored(store, attached.sha256).convert("RGB")
    assert all(c > 245 for c in im.getpixel((10, 10)))
    red, green, blue = im.getpixel((200, 150))
    assert red > 180 and green < 40 and blue < 40


def test_a_heic_photo_and_a_scanned_pdf_are_taken(store, visit_id, tmp_path):
    from_heic = attach_file(store, visit_id, imagefiles.heic(tmp_path / "IMG_1.HEIC"))
    assert from_heic.source_format == "HEIC" and "location (GPS)" in from_heic.removed
    heic_im = stored(store, from_heic.sha256)
    assert heic_im.size == (640, 480) and len(heic_im.getexif()) == 0

    from_pdf = attach_file(store, visit_id, imagefiles.scanned_pdf(tmp_path / "scan.pdf"))
    pdf_im = stored(store, from_pdf.sha256).convert("L")
    assert from_pdf.source_format == "PDF" and pdf_im.size[1] == MAX_LONG_SIDE  # Letter: tall
    # The dark bar ReportLab drew 72 pt from the left, 600–660 pt up the page, is there.
    scale = MAX_LONG_SIDE / 792
    assert pdf_im.getpixel((int(200 * scale), int((792 - 630) * scale))) < 80


def test_twenty_unusable_files_get_a_sentence_each_and_change_nothing(store, visit_id, tmp_path):
    files = imagefiles.malformed(tmp_path / "bad")
    assert len(files) == 20
    attach_file(store, visit_id, imagefiles.phone_jpeg(tmp_path / "ok.jpg"))
    before = state(store)
    sentences = []
    for path in [*files, tmp_path / "missing.jpg", tmp_path / "bad"]:
        with pytest.raises(UsageError) as refused:
            attach_file(store, visit_id, path, caption="should not be stored")
        sentence = refused.value.sentence
        assert sentence.endswith("Nothing was stored."), sentence
        assert "Traceback" not in sentence and "\n" not in sentence
        sentences.append(sentence)
    assert state(store) == before
    assert "too large an image (10,000 × 10,000 pixels)" in sentences[6]
    assert "is empty (0 bytes)" in sentences[0]
    assert "is not an image Observe can read" in sentences[1]


def test_the_same_image_twice_is_stored_once(store, visit_id, tmp_path):
    photo = imagefiles.phone_jpeg(tmp_path / "a.jpg")
    first = attach_file(store, visit_id, photo, caption="Before revising")
    second = attach_file(store, visit_id, photo, caption="Shown again in the debrief")
    assert first.sha256 == second.sha256 and first.evidence_id != second.evidence_id
    assert len(stored_blobs(store.paths.blobs)) == 1


def test_when_the_image_cant_be_written_no_item_points_at_it(store, visit_id, tmp_path):
    store.paths.blobs.write_text("a file where the blobs folder should be")
    before = state(store)
    with pytest.raises(StorageError, match=r"could not be written.*Nothing was stored"):
        attach_file(store, visit_id, imagefiles.phone_jpeg(tmp_path / "a.jpg"))
    assert state(store)[:2] == before[:2]


def test_check_names_a_tampered_and_a_missing_image(store, visit_id, tmp_path):
    one = attach_file(store, visit_id, imagefiles.phone_jpeg(tmp_path / "a.jpg"))
    two = attach_file(store, visit_id, imagefiles.transparent_png(tmp_path / "b.png"))
    report = check_database(store.paths.database)
    assert report.ok
    assert "All 2 images of student work are present and intact." in report.findings

    tampered = blob_path(store.paths.blobs, one.sha256)
    data = bytearray(tampered.read_bytes())
    data[len(data) // 2] ^= 0x01  # one flipped bit
    tampered.write_bytes(bytes(data))
    blob_path(store.paths.blobs, two.sha256).unlink()

    report = check_database(store.paths.database)
    assert not report.ok
    assert any(f"image {one.sha256[:12]}… is damaged" in p for p in report.problems)
    assert any(f"image {two.sha256[:12]}… is missing" in p for p in report.problems)


def test_a_synced_image_name_never_becomes_a_path_outside_the_blobs_folder(store):
    for name in ("../../observe.sqlite3", "a" * 63 + "/", "A" * 64, ""):
        with pytest.raises(ValueError):
            blob_path(store.paths.blobs, name)
        assert image_file(store, name) is None
    [problem] = verify_blobs(store.paths.blobs, ["../../etc/passwd"])
    assert "is not a SHA-256" in problem.sentence(store.paths.blobs)


def _encoded(im: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **options)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "pixel"),
    [
        ("cmyk.jpg", _encoded(Image.new("CMYK", (300, 200), (0, 255, 255, 0)), "JPEG"), "red"),
        ("scanner-16-bit.png", _encoded(Image.new("I;16", (300, 200), 40000), "PNG"), "grey"),
        ("palette.png", _encoded(Image.new("P", (300, 200), 0), "PNG", transparency=0), "white"),
        ("grey-alpha.png", _encoded(Image.new("LA", (300, 200), (10, 0)), "PNG"), "white"),
        ("bilevel.png", _encoded(Image.new("1", (300, 200), 1), "PNG"), "white"),
        (
            "profiled.jpg",
            _encoded(Image.new("RGB", (300, 200), "red"), "JPEG", icc_profile=b"p" * 200),
            "red",
        ),
    ],
)
def test_every_colour_mode_ends_as_plain_rgb_without_a_profile(name, data, pixel):
    from observe.capture.images import encode, prepare

    im = Image.open(io.BytesIO(encode(prepare(data, name)).data))
    red, green, blue = im.getpixel((5, 5))
    assert im.mode == "RGB" and not METADATA_KEYS & set(im.info)
    expected = {
        "red": red > 240 and green < 15 and blue < 15,
        "white": min(red, green, blue) > 245,
        "grey": 150 <= red == green == blue <= 160,  # 40000 / 256: the top 8 of 16 bits
    }
    assert expected[pixel], (name, (red, green, blue))
