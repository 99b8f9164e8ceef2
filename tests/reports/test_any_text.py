"""Whatever a coach types (any script, emoji, markup, control characters) lays out and prints."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from observe.reports.bidi import BidiParagraph, has_rtl
from observe.reports.fonts import has_glyph, printable
from observe.reports.layout import ReportMeta, render, styles
from observe.reports.text import para

PIECES = st.sampled_from(
    [
        "Nguyễn Thị Ánh",
        "Zoë",
        "Ólafur",
        "«مرحبا بالعالم»",
        "שלום עולם",
        "🙂",
        "👩🏽‍🏫",
        "<b>not bold</b>",
        "&amp;",
        "\x00\x07",
        "\n",
        "x" * 300,
        "ب" * 300,
        "漢字",
        "한국어",
        "हम सब मिलकर सोचें, क्षत्रिय",
        "«नमस्ते»",
        "\ufeff",
    ]
)
TEXT = st.lists(
    st.one_of(PIECES, st.text(st.characters(exclude_categories=("Cs",)), max_size=40)),
    min_size=1,
    max_size=6,
).map(" ".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXT, min_size=1, max_size=4))
def test_any_text_renders_and_every_glyph_is_in_the_font(texts):
    for text in texts:
        # Every character left is drawn by the main face or a fallback face (CJK, Devanagari).
        assert all(has_glyph(ch) or ch.isspace() for ch in printable(text))
    story = [para(t, styles().quote, bullet="01:02") for t in texts]
    story += [para(t, styles().glow, bullet="1.") for t in texts]
    pdf = render(story, ReportMeta("t", "a", "s", "footer"), "a4")
    assert len(PdfReader(io.BytesIO(pdf.data)).pages) == pdf.pages >= 1


def test_long_rtl_paragraph_splits_across_pages_in_reading_order():
    words = [f"كلمة{n}" for n in range(1500)]
    flowable = para(" ".join(words), styles().body)
    assert isinstance(flowable, BidiParagraph) and has_rtl(flowable.text)
    pdf = render([flowable], ReportMeta("t", "a", "s", "footer"), "letter")
    assert pdf.pages >= 2
