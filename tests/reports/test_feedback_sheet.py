"""The feedback sheet, read back from the PDF the way a teacher (or a PDF tool) would see it."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from observe.errors import UsageError
from observe.feedback import Glow, draft_for, save_feedback
from observe.reports.feedback_sheet import (
    SECTION_EVIDENCE,
    SECTION_PARTICIPATION,
    SECTION_REFLECTION,
    SECTION_STRENGTHS,
    SECTION_WONDERING,
    SheetOptions,
    feedback_sheet_pdf,
)
from observe.reports.layout import paper_for_locale
from observe.store.models import EvidenceKind

from .helpers import (
    ARABIC,
    SEAT_LABELS,
    body_text,
    build_visit,
    flat,
    fonts_in,
    pdf_text,
    qpdf_check,
    reader,
)


@pytest.fixture
def built(store):
    return build_visit(store)


@pytest.fixture
def saved(store, built):
    draft = draft_for(store, built.visit_id)
    draft.glows = [
        Glow("Students were able to explain why the pattern doubles.", built.evidence_ids[0]),
        Glow("Every table group compared drawings before sharing.", built.evidence_ids[1]),
    ]
    draft.wondering = "I wonder what would happen if table 2 shared first?"
    draft.reflection_prompt = "Which moment are you proudest of?"
    save_feedback(store, draft)
    return built


def test_sections_appear_in_order_strengths_first_with_the_header(store, saved, tmp_path: Path):
    pdf = feedback_sheet_pdf(store, saved.visit_id, SheetOptions(paper="letter", coach="Sam Coach"))
    text = pdf_text(pdf.data)
    positions = [
        text.index(s)
        for s in (
            "Feedback from a classroom visit",
            SECTION_STRENGTHS,
            SECTION_WONDERING,
            SECTION_EVIDENCE,
            SECTION_PARTICIPATION,
            SECTION_REFLECTION,
        )
    ]
    assert positions == sorted(positions)
    for header in ("Nguyễn Thị Ánh", "Science, grade 6, period 2", "30 minutes", "Sam Coach"):
        assert header in text
    assert "6 October 2026, 9:00 AM" in text  # 14:00 UTC is 9:00 in Chicago, same day
    assert "Page 1 of" in text
    out = pdf.save(tmp_path / "sheet.pdf")
    check = qpdf_check(out)
    assert check.returncode == 0, check.stdout + check.stderr


def test_evidence_and_quotes_in_time_order_with_strengths_and_wondering(store, saved):
    text = flat(pdf_text(feedback_sheet_pdf(store, saved.visit_id).data))
    record = text[text.index(flat(SECTION_EVIDENCE)) :]
    shown = [t for k, t in saved.evidence if k is not EvidenceKind.NOTE and ARABIC not in t]
    where = [record.find(flat(t.replace("🙂", "☺").replace("🦄", "(unicorn face)"))) for t in shown]
    assert -1 not in where, shown
    assert where == sorted(where)
    # Markup typed by a coach prints as typed, never interpreted.
    assert flat("<b>claim</b> & evidence") in text
    assert flat("Students were able to explain why the pattern doubles.") in text
    assert flat("I wonder what would happen if table 2 shared first?") in text
    assert flat("Which moment are you proudest of?") in text
    # Strengths point back at their evidence, by time and words.
    assert flat("From 00:30:") in text


def test_no_seat_labels_and_no_private_notes(store, saved):
    text = pdf_text(feedback_sheet_pdf(store, saved.visit_id).data)
    assert not [label for label in SEAT_LABELS if label in text]
    assert "ask about the seating plan" not in text
    with_notes = pdf_text(
        feedback_sheet_pdf(store, saved.visit_id, SheetOptions(include_notes=True)).data
    )
    assert "ask about the seating plan" in with_notes


def test_participation_figures_and_groups(store, saved):
    text = pdf_text(feedback_sheet_pdf(store, saved.visit_id).data)
    assert "6 of 8 students spoke" in text
    assert flat("6 contributions in all; every group contributed.") in flat(text)
    assert "share of contributions" in text


def test_unicode_names_emoji_fallback_and_embedded_fonts(store, saved):
    pdf = feedback_sheet_pdf(store, saved.visit_id)
    text = pdf_text(pdf.data)
    for name in ("Nguyễn Thị Ánh", "Zoë", "Ólafur"):
        assert name in text
    assert "☺" in text and "(unicorn face)" in text
    fonts = fonts_in(pdf.data)
    assert fonts and all(fonts.values()), fonts
    assert not [f for f in fonts if "Helvetica" in f or "Times" in f]


def test_right_to_left_quote_reads_right_to_left(store, saved):
    pdf = feedback_sheet_pdf(store, saved.visit_id)
    import io

    with pdfplumber.open(io.BytesIO(pdf.data)) as doc:
        for page in doc.pages:
            arabic = [c for c in page.chars if "\u0600" <= flat(c["text"])[:1] <= "\u06ff"]
            if arabic:
                break
    assert arabic, "the Arabic quote is missing"
    line = min(c["top"] for c in arabic)
    on_line = [c for c in arabic if abs(c["top"] - line) < 2]
    # Read from the right edge leftwards, the glyphs spell the quote in logical order.
    spelled = "".join(flat(c["text"]) for c in sorted(on_line, key=lambda c: -c["x0"]))
    assert spelled == "".join(ARABIC.split())


def test_metadata_title_author_subject_language(store, saved):
    pdf = feedback_sheet_pdf(store, saved.visit_id, SheetOptions(coach="Sam Coach"))
    r = reader(pdf.data)
    meta = r.metadata
    assert meta.title.startswith("Feedback: Nguyễn Thị Ánh")
    assert meta.author == "Sam Coach"
    assert "Strengths-based feedback" in meta.subject
    assert str(r.trailer["/Root"]["/Lang"]) == "en"


def test_letter_and_a4(store, saved):
    letter = reader(feedback_sheet_pdf(store, saved.visit_id, SheetOptions("letter")).data)
    a4 = reader(feedback_sheet_pdf(store, saved.visit_id, SheetOptions("a4")).data)
    assert [round(float(v)) for v in letter.pages[0].mediabox[2:]] == [612, 792]
    assert [round(float(v)) for v in a4.pages[0].mediabox[2:]] == [595, 842]
    assert paper_for_locale("en_US.UTF-8") == "letter"
    assert paper_for_locale("de_DE.UTF-8") == "a4"
    assert paper_for_locale("en_GB") == "a4"
    with pytest.raises(UsageError):
        feedback_sheet_pdf(store, saved.visit_id, SheetOptions("legal"))


def test_unsaved_visit_prints_the_proposed_draft(store, built):
    text = pdf_text(feedback_sheet_pdf(store, built.visit_id).data)
    assert "Students were able to explain their thinking." in text


def test_long_visit_paginates_with_nothing_clipped_or_lost(store):
    long_note = ("Students revise their claims after peer feedback, then test them again. " * 140)[
        :10_000
    ]
    items = [
        (
            EvidenceKind.STUDENT_TALK if i % 3 == 0 else EvidenceKind.STUDENT_ACTION,
            f"Item {i:03d}: students at table {i % 6} explain step {i} to a partner.",
        )
        for i in range(500)
    ]
    items.insert(250, (EvidenceKind.NOTE, long_note))
    built = build_visit(store, items=items, tallies=3)
    pdf = feedback_sheet_pdf(store, built.visit_id, SheetOptions("letter", include_notes=True))
    assert pdf.pages > 10
    text = flat(body_text(pdf.data))
    text = text[text.index(flat(SECTION_EVIDENCE)) :]  # the record, after the strengths
    where = [text.find(flat(t)) for _, t in items]
    assert -1 not in where
    assert where == sorted(where)
    import io

    with pdfplumber.open(io.BytesIO(pdf.data)) as doc:
        for page in doc.pages:
            for c in page.chars:
                assert c["x0"] >= 0 and c["x1"] <= page.width, c["text"]
                assert c["top"] >= 0 and c["bottom"] <= page.height, c["text"]
            # Body text stays above the footer rule (0.85 in - 0.42 in + 11 pt from the bottom).
            footer_rule = page.height - (0.43 * 72 + 11)
            body = [c for c in page.chars if c["size"] > 8.2]
            assert all(c["bottom"] <= footer_rule for c in body)
