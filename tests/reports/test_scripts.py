"""Quotes in eight scripts print on every sheet with a real glyph for every character.

Checked twice, as a teacher's PDF tool and a printer would see it: the text comes back out of
the PDF, and every glyph the embedded font subsets map is a drawn glyph (never the empty
``.notdef`` box a font falls back to when it lacks a character).
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import UTC, datetime

import pdfplumber
import pytest
from fontTools.ttLib import TTFont as FontFile
from pypdf import PdfReader

from observe.coaching.cycles import CycleDraft, link_visits, save_cycle
from observe.feedback import Glow, draft_for, save_feedback
from observe.reports.cycle_summary import cycle_summary_pdf
from observe.reports.feedback_sheet import feedback_sheet_pdf
from observe.reports.fonts import CJK, DEVANAGARI, REGULAR, font_runs, printable
from observe.reports.walk_debrief import walk_debrief_pdf
from observe.resources import resource_path
from observe.store.models import EvidenceKind, LookFor

from .helpers import build_visit, flat, make_walk

QUOTES = {
    "Chinese": "我们一起来想一想这个问题。",
    "Japanese": "みんなで考えてみましょう、漢字もカタカナも。",
    "Korean": "우리 같이 생각해 봅시다.",
    "Arabic": "دعونا نفكر معا في الجواب",
    "Hebrew": "בואו נחשוב ביחד על התשובה",
    "Hindi": "हम सब मिलकर सोचें, क्षत्रिय विद्यार्थी।",
    "Vietnamese": "Chúng ta cùng suy nghĩ nhé, được không?",
    "Greek": "Ας σκεφτούμε μαζί, παιδιά.",
}
RTL = {"Arabic", "Hebrew"}
_WORDS = re.compile(r"[\s«»“”\"',.:;।—]+")


def _bag(word: str) -> str:
    return "".join(sorted(word))


def _letters(text: str) -> set[str]:
    return {ch for ch in text if unicodedata.category(ch)[0] in "LM"}


def _to_unicode(font) -> dict[int, str]:
    """A simple font's ToUnicode CMap: character code -> the text it stands for."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    found: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            found[int(code, 16)] = bytes.fromhex(uni).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, start in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(start, 16)
            for n, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                found[code] = chr(first + n)
    return found


def drawn_glyphs(data: bytes) -> dict[str, set[str]]:
    """For each embedded font (by base name, subset tag dropped): the characters the pages draw
    with it. Fails on any drawn character whose code lands on ``.notdef`` or on an empty glyph
    in the embedded subset: that is a box or a hole on paper."""
    used: dict[str, set[str]] = {}
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            for ch in page.chars:
                used.setdefault(ch["fontname"], set()).add(ch["text"])
    drawn: dict[str, set[str]] = {}
    seen: set[int] = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for ref in (fonts.get_object() if fonts else {}).values():
            if ref.idnum in seen:
                continue
            seen.add(ref.idnum)
            font = ref.get_object()
            file2 = font["/FontDescriptor"].get_object()["/FontFile2"].get_object()
            face = FontFile(io.BytesIO(file2.get_data()))
            cmap = face["cmap"].tables[0].cmap
            glyf = face["glyf"]
            full = str(font["/BaseFont"]).lstrip("/")
            base = full.split("+")[-1]
            codes: dict[str, list[int]] = {}
            for code, text in _to_unicode(font).items():
                codes.setdefault(text, []).append(code)
            for text in used.get(full, set()):
                for code in codes[text]:  # a shaped face may draw one text with several glyphs
                    name = cmap.get(code, ".notdef")
                    assert name != ".notdef", f"{text!r} in {base} prints as a box"
                    if not text.isspace():
                        assert glyf[name].numberOfContours != 0, f"{text!r} in {base} is empty"
                drawn.setdefault(base, set()).add(text)
    assert drawn, "no text drawn with an embedded font"
    return drawn


def assert_every_script_prints(data: bytes) -> None:
    drawn = drawn_glyphs(data)
    every = set().union(*drawn.values())
    with pdfplumber.open(io.BytesIO(data)) as doc:
        raw = "\n".join(page.extract_text() or "" for page in doc.pages)
    extracted = flat(raw)
    for script, quote in QUOTES.items():
        if script == "Hindi":
            # Shaped: a conjunct or a vowel sign joined to its letter is one glyph of the
            # Devanagari face. Every letter comes back as text, in the order drawn (a vowel
            # sign drawn before its consonant, ि, comes back before it): compare each word's
            # letters, not their order.
            face = FontFile(str(resource_path("fonts", "NotoSansDevanagari-Regular.ttf")))
            assert _letters(quote) <= {chr(c) for c in face.getBestCmap()}
            assert any(base.startswith("NotoSansDevanagari") for base in drawn), drawn.keys()
            words = {_bag(w) for w in _WORDS.split(raw) if w}
            for word in _WORDS.split(quote):
                if word:
                    assert _bag(word) in words, (script, word, raw)
            continue
        missing = _letters(flat(quote)) - {unicodedata.normalize("NFKC", t) for t in every}
        assert not missing, (script, missing)
        wanted = flat(quote).rstrip("。.?")
        if script in RTL:
            # Drawn in display order: read from the right, the letters spell the quote.
            assert wanted[::-1] in extracted or wanted in extracted, (script, extracted)
        else:
            assert wanted in extracted, (script, extracted)


def _visit_with_quotes(store):
    built = build_visit(
        store,
        teacher="王老师",
        items=[(EvidenceKind.STUDENT_TALK, f"«{q}»") for q in QUOTES.values()],
    )
    draft = draft_for(store, built.visit_id)
    draft.glows = [
        Glow("Students explained their thinking in their own languages.", built.evidence_ids[0]),
        Glow("हम सब मिलकर सोचें: क्षत्रिय", built.evidence_ids[5]),
    ]
    draft.wondering = "我想知道 — Τι θα γινόταν αν μιλούσαν πρώτα;"
    draft.reflection_prompt = "Which moment are you proudest of?"
    save_feedback(store, draft)
    return built


def test_feedback_sheet_prints_quotes_in_eight_scripts(store, tmp_path):
    built = _visit_with_quotes(store)
    pdf = feedback_sheet_pdf(store, built.visit_id)
    (tmp_path / "scripts.pdf").write_bytes(pdf.data)
    assert_every_script_prints(pdf.data)
    drawn = drawn_glyphs(pdf.data)
    assert any(b.startswith("DroidSansFallback") for b in drawn)
    assert "王" in set().union(*drawn.values())  # the teacher's name in the header box


def test_walk_debrief_prints_quotes_in_eight_scripts(store):
    walk = make_walk(store, title="Semana 6 · 第六周")
    built = build_visit(
        store, walk_id=walk, items=[(EvidenceKind.STUDENT_TALK, q) for q in QUOTES.values()]
    )
    with store.write() as s:
        s.get(LookFor, built.lookfor_ids[0]).title = "学生解释思路"  # a label in the look-for chart
    pdf = walk_debrief_pdf(store, walk)
    assert_every_script_prints(pdf.data)
    assert {"学", "思"} <= drawn_glyphs(pdf.data)["DroidSansFallback"]


def test_cycle_summary_prints_quotes_in_eight_scripts(store):
    # The summary shows three quotes a visit; every strength is shown, so these carry the rest.
    built = _visit_with_quotes(store)
    draft = draft_for(store, built.visit_id)
    draft.glows = [Glow(q, e) for q, e in zip(QUOTES.values(), built.evidence_ids, strict=True)]
    save_feedback(store, draft)
    with store.read() as s:
        from observe.store.models import Visit

        teacher_id = s.get(Visit, built.visit_id).classroom.teacher_id
    cycle_id = save_cycle(
        store, CycleDraft(teacher_id=teacher_id, focus="学生的对话 · विद्यार्थी संवाद")
    )
    link_visits(store, cycle_id, [built.visit_id])
    pdf = cycle_summary_pdf(store, cycle_id)
    assert_every_script_prints(pdf.data)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain Zoë", [(REGULAR, "plain Zoë")]),
        (
            "He said “नमस्ते” to 王",
            [(REGULAR, "He said "), (DEVANAGARI, "“नमस्ते” "), (REGULAR, "to "), (CJK, "王")],
        ),
    ],
)
def test_runs_keep_a_words_punctuation_with_its_letters(text, expected):
    assert font_runs(printable(text)) == expected


def test_decomposed_vietnamese_prints_as_composed_letters():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    assert printable(decomposed) == "Nguyễn Thị Ánh"


def test_server_sheet_pdf_prints_the_same_scripts():
    """The teacher's download, drawn on the server from the published copy only."""
    from observe.server.teacher_view import SharedItem
    from observe.server.web.sheet import sheet_of
    from observe.server.web.sheet_pdf import sheet_pdf
    from tests.web.teacher_world import published

    quotes = [
        {"time": f"09:{10 + i}", "kind": "Student talk", "text": q}
        for i, q in enumerate(QUOTES.values())
    ]
    item = SharedItem(
        record_id="0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        kind="feedback",
        version=3,
        updated_at=datetime(2026, 12, 1, 15, 2, 11, tzinfo=UTC),
        published=published(
            "wang@school.example",
            "王老师",
            strengths=[{"text": "हम सब मिलकर सोचें: क्षत्रिय", "evidence": quotes}],
            wondering="我想知道 — Τι θα γινόταν αν μιλούσαν πρώτα;",
        ),
        coach_name="Sam Lee",
    )
    data = sheet_pdf(sheet_of(item))
    assert_every_script_prints(data)
    assert "我" in drawn_glyphs(data)["DroidSansFallback"]
