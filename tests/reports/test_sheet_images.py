"""Images of student work on the feedback sheet, read back from the PDF."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from observe.capture.attach import attach_file
from observe.feedback import Glow, draft_for, save_feedback
from observe.reports.feedback_sheet import SheetOptions, feedback_sheet_pdf
from observe.store.blobs import blob_path
from tests import imagefiles

from .helpers import _bytes_io, build_visit, pdf_text, reader


def test_the_image_a_strength_rests_on_prints_beside_it_exactly_as_stored(store, tmp_path: Path):
    built = build_visit(store)
    cited = attach_file(
        store,
        built.visit_id,
        imagefiles.phone_jpeg(tmp_path / "ratio.jpg", size=(1600, 1200)),
        caption="Ratio table drawn by table 2",
    )
    attach_file(
        store,
        built.visit_id,
        imagefiles.transparent_png(tmp_path / "other.png"),
        caption="Warm-up page nobody cited",
    )
    draft = draft_for(store, built.visit_id)
    draft.glows = [
        Glow("Table 2 organised their thinking in a ratio table.", cited.evidence_id),
        Glow("Students were able to explain why the pattern doubles.", built.evidence_ids[0]),
    ]
    save_feedback(store, draft)

    pdf = feedback_sheet_pdf(store, built.visit_id, SheetOptions(paper="letter"))
    text = pdf_text(pdf.data)
    assert "Ratio table drawn by table 2" in text
    page_images = [img for page in reader(pdf.data).pages for img in page.images]
    assert len(page_images) == 1  # the cited one only
    stored = blob_path(store.paths.blobs, cited.sha256).read_bytes()
    # The JPEG stream itself (ASCII85 undone, DCT left as is): the stored bytes, untouched.
    assert page_images[0].indirect_reference.get_object().get_data() == stored
    with pdfplumber.open(_bytes_io(pdf.data)) as doc:
        [shown] = doc.pages[0].images
        words = doc.pages[0].extract_words()
    # Scaled to fit beside the strength (at most 180 pt tall), keeping its 4:3 shape.
    assert shown["height"] <= 180.5 and abs(shown["width"] / shown["height"] - 4 / 3) < 0.01
    strength = next(w for w in words if w["text"] == "ratio")
    assert shown["top"] > strength["top"]  # below the strength it rests on, on page 1

    plain = feedback_sheet_pdf(store, built.visit_id, SheetOptions(paper="letter", images=False))
    assert all(not page.images for page in reader(plain.data).pages)
