"""What a teacher notices on the printed sheet: DRAFT until reviewed, strengths on page 1, no
codes, no empty sections, no headings stranded at a page foot. Read back from the PDFs."""

from __future__ import annotations

import io
import re
from datetime import timedelta
from itertools import pairwise

import pdfplumber
import pytest
from sqlalchemy import func, select

from observe.capture.evidence import save_evidence
from observe.capture.marks import SEEN
from observe.demo import load_demo
from observe.feedback import Glow, draft_for, save_feedback
from observe.reports.cycle_summary import cycle_summary_pdf
from observe.reports.feedback_sheet import (
    SECTION_EVIDENCE,
    SECTION_PARTICIPATION,
    SECTION_STRENGTHS,
    SECTION_WONDERING,
    SheetOptions,
    feedback_sheet_pdf,
)
from observe.reports.layout import DRAFT_MARK
from observe.reports.walk_debrief import walk_debrief_pdf
from observe.store.models import CoachingCycle, Evidence, EvidenceKind, LookFor, Visit, Walk

from .helpers import T0, build_visit, reader

CODE = re.compile(r"\[[A-Z]{1,4}\d")
EMPTY_SENTENCES = (
    "No seating chart was used",
    "No participation was tallied during this visit",
    "No strengths were written",
    "No evidence was recorded",
)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def stranded_headings(data: bytes) -> list[str]:
    """Section headings (12.5 pt bold) with nothing of the body under them on their page."""
    found: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            footer_top = page.height - 0.85 * 72 + 10
            body = [c for c in page.chars if c["top"] > 0.7 * 72 and c["bottom"] < footer_top]
            heads = [c for c in body if abs(c["size"] - 12.5) < 0.2]
            if not heads:
                continue
            last_head = max(c["top"] for c in heads)
            below = [c for c in body if c["top"] > last_head + 4]
            drawings = [
                r
                for r in page.lines + page.rects + page.curves
                if r["top"] > last_head + 4 and r["bottom"] < footer_top
            ]
            if not below and not drawings:
                line = sorted(
                    (c for c in heads if abs(c["top"] - last_head) < 2), key=lambda c: c["x0"]
                )
                found.append("".join(c["text"] for c in line))
    return found


def footer_overlaps(data: bytes) -> list[int]:
    """Pages whose footer text runs into "Page N of M" (a long walk title did once): on a
    footer line, a character that starts well before the previous one ends."""
    found: list[int] = []
    with pdfplumber.open(io.BytesIO(data)) as doc:
        for number, page in enumerate(doc.pages, 1):
            foot = [c for c in page.chars if c["top"] > page.height - 72 and c["text"].strip()]
            lines: dict[int, list] = {}
            for c in foot:
                lines.setdefault(round(c["top"]), []).append(c)
            for chars in lines.values():
                chars.sort(key=lambda c: c["x0"])
                if any(b["x0"] < a["x1"] - 1 for a, b in pairwise(chars)):
                    found.append(number)
    return found


def codes_in(store) -> list[str]:
    with store.read() as s:
        return sorted(set(s.scalars(select(LookFor.code))))


@pytest.fixture
def demo(store):
    load_demo(store, "small")
    return store


def test_unsaved_sheet_is_a_draft_on_every_page_and_saved_one_is_not(store):
    built = build_visit(store)
    draft_pdf = feedback_sheet_pdf(store, built.visit_id, SheetOptions("letter"))
    assert draft_pdf.draft
    pages = page_texts(draft_pdf.data)
    assert pages and all(DRAFT_MARK in text for text in pages)
    draft = draft_for(store, built.visit_id)
    draft.glows = [Glow("Students explained why the pattern doubles.", built.evidence_ids[0])]
    save_feedback(store, draft)
    saved_pdf = feedback_sheet_pdf(store, built.visit_id, SheetOptions("letter"))
    assert not saved_pdf.draft
    assert not [t for t in page_texts(saved_pdf.data) if "DRAFT" in t]
    # A long saved sheet: still no mark on any page; a long unsaved one: on all of them.
    items = [
        (EvidenceKind.STUDENT_ACTION, f"Students at table {i} compare notes.") for i in range(90)
    ]
    long_one = build_visit(store, items=items, tallies=2)
    long_pdf = feedback_sheet_pdf(store, long_one.visit_id)
    assert long_pdf.pages >= 3
    assert all(DRAFT_MARK in t for t in page_texts(long_pdf.data))


def test_demo_visit_of_45_minutes_has_strengths_and_wondering_on_page_1(demo):
    with demo.read() as s:
        rows = s.execute(
            select(Visit.id, Visit.started_at, Visit.ended_at, func.count(Evidence.id))
            .join(Evidence, Evidence.visit_id == Visit.id)
            .where(Visit.deleted.is_(False), Evidence.deleted.is_(False))
            .group_by(Visit.id)
        ).all()
    long_visits = [
        r for r in rows if r.ended_at and r.ended_at - r.started_at >= timedelta(minutes=40)
    ]
    assert long_visits
    for row in long_visits:
        for paper in ("letter", "a4"):
            pdf = feedback_sheet_pdf(demo, row.id, SheetOptions(paper))
            first = page_texts(pdf.data)[0]
            assert SECTION_STRENGTHS in first and SECTION_WONDERING in first, (row, paper)
            assert first.index(SECTION_STRENGTHS) < first.index(SECTION_WONDERING)
            assert "From " in first  # each strength shows its timestamped evidence
            assert not stranded_headings(pdf.data)


def test_no_codes_and_no_empty_sections_on_any_demo_report(demo):
    codes = codes_in(demo)
    word = re.compile(r"\b(?:" + "|".join(map(re.escape, codes)) + r")\b")
    with demo.read() as s:
        visits = list(s.scalars(select(Visit.id).where(Visit.deleted.is_(False)).limit(25)))
        walks = list(s.scalars(select(Walk.id)))
        cycles = list(s.scalars(select(CoachingCycle.id)))
    pdfs = [feedback_sheet_pdf(demo, v) for v in visits]
    pdfs += [walk_debrief_pdf(demo, w, "letter") for w in walks]
    pdfs += [cycle_summary_pdf(demo, c, "letter") for c in cycles]
    for pdf in pdfs:
        text = "\n".join(page_texts(pdf.data))
        assert not CODE.search(text), (pdf.title, CODE.search(text))
        assert not word.search(text), (pdf.title, word.search(text))
        assert not [s for s in EMPTY_SENTENCES if s in text], pdf.title
        assert " 1 minutes" not in text and " 1 records" not in text and " 1 rooms" not in text
        assert "in 0 of" not in text, pdf.title
        assert not stranded_headings(pdf.data), pdf.title
        assert not footer_overlaps(pdf.data), pdf.title


def test_sheet_without_tallies_leaves_out_who_got_to_talk(store):
    built = build_visit(store, tallies=0)
    text = "\n".join(page_texts(feedback_sheet_pdf(store, built.visit_id).data))
    assert SECTION_PARTICIPATION not in text
    assert SECTION_EVIDENCE in text


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_five_item_visit_fits_on_one_page_with_reflection_lines(store, paper):
    items = [
        (EvidenceKind.STUDENT_TALK, '"I think it doubles because each row adds two."'),
        (EvidenceKind.STUDENT_ACTION, "Students at table 2 compare their drawings."),
        (EvidenceKind.TEACHER_MOVE, "Teacher asks, 'Who can add on to that?'"),
        (EvidenceKind.STUDENT_TALK, '"Can I try explaining it a different way?"'),
        (EvidenceKind.ARTIFACT, "Anchor chart: claim, evidence, reasoning."),
    ]
    built = build_visit(store, items=items)
    pdf = feedback_sheet_pdf(store, built.visit_id, SheetOptions(paper))
    assert pdf.pages == 1
    text = page_texts(pdf.data)[0]
    assert "Your reflection" in text and SECTION_PARTICIPATION in text
    with pdfplumber.open(io.BytesIO(pdf.data)) as doc:
        # The writing lines are drawn under the reflection heading.
        page = doc.pages[0]
        head = next(w for w in page.extract_words() if w["text"] == "reflection")
        assert len([ln for ln in page.lines if ln["top"] > head["bottom"]]) >= 3


def test_who_got_to_talk_stays_on_one_page(store):
    items = [
        (EvidenceKind.STUDENT_ACTION, f"Students at table {i % 4} test idea {i}.")
        for i in range(24)
    ]
    for n in range(18, 30):
        built = build_visit(store, items=items[:n])
        pdf = feedback_sheet_pdf(store, built.visit_id, SheetOptions("letter"))
        pages = page_texts(pdf.data)
        where = [i for i, t in enumerate(pages) if SECTION_PARTICIPATION in t]
        assert len(where) == 1
        assert "students spoke" in pages[where[0]] and "share of contributions" in pages[where[0]]


def test_focus_box_names_each_lookfor_once_in_words_and_only_those_on_the_sheet(store):
    from observe.capture.evidence import save_evidence

    items = [
        (EvidenceKind.STUDENT_TALK, '"It doubles every time."'),  # tagged D1
        (EvidenceKind.STUDENT_ACTION, "Students ask their partner why."),  # tagged D2
        (EvidenceKind.STUDENT_TALK, '"Because the rows grow by two."'),  # tagged D1
    ]
    built = build_visit(store, items=items)
    with store.write() as s:
        s.get_one(Visit, built.visit_id).focus = "Students question each other"
    text = page_texts(feedback_sheet_pdf(store, built.visit_id).data)[0]
    header = " ".join(text[: text.index(SECTION_STRENGTHS)].split())
    assert "LOOK-FORS SEEN MOST Students explain their thinking" in header
    assert header.count("Students explain their thinking") == 1
    # The focus already names D2, so it is not listed again.
    assert header.count("Students question each other") == 1

    # A look-for tagged only on private notes (not printed) is not in the header either.
    other = build_visit(store, items=items[:1])
    for _ in range(3):
        save_evidence(
            store,
            other.visit_id,
            EvidenceKind.NOTE,
            "Ask later.",
            lookfor_ids=[other.lookfor_ids[1]],
        )
    text = page_texts(feedback_sheet_pdf(store, other.visit_id).data)[0]
    header = " ".join(text[: text.index(SECTION_STRENGTHS)].split())
    assert "Students explain their thinking" in header
    assert "Students question each other" not in header


def test_an_item_noted_days_after_the_visit_prints_as_after_not_as_a_time(store):
    """A coach files a student's words three days later: the sheet must not claim they were
    heard "2407:44:40" into a 30-minute visit."""
    built = build_visit(store, items=[(EvidenceKind.STUDENT_ACTION, "Students sort the cards.")])
    late = save_evidence(
        store,
        built.visit_id,
        EvidenceKind.STUDENT_TALK,
        '"Can we do the card sort again tomorrow?"',
        lookfor_ids=[built.lookfor_ids[0]],
        lookfor_marks={built.lookfor_ids[0]: SEEN},
        observed_at=T0 + timedelta(days=3, hours=2),
    )
    draft = draft_for(store, built.visit_id)
    draft.glows = [Glow("Students asked to keep sorting.", late.id)]
    save_feedback(store, draft)
    text = "\n".join(page_texts(feedback_sheet_pdf(store, built.visit_id).data))
    assert 'Noted after the visit: "Can we do the card sort again tomorrow?"' in text
    assert not re.search(r"\b\d{2,}:\d{2}:\d{2}\b", text)  # no time beyond the visit
    assert "00:30" in text  # the item noted during the visit keeps its time
