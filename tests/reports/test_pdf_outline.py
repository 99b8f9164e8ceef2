"""Every PDF says what it is to a screen reader: a title, an author, a language, and an outline
(bookmarks) of its sections, each pointing at the page where that section starts."""

from __future__ import annotations

from datetime import UTC, datetime

from observe import i18n
from observe.coaching.cycles import CycleDraft, link_visits, save_cycle
from observe.feedback import Glow, draft_for, save_feedback
from observe.reports.common import COACH_NAME_SETTING
from observe.reports.cycle_summary import (
    SECTION_EVIDENCE as CYCLE_EVIDENCE,
)
from observe.reports.cycle_summary import (
    SECTION_GOAL,
    SECTION_STEPS,
    SECTION_TREND,
    cycle_summary_pdf,
)
from observe.reports.feedback_sheet import (
    SECTION_EVIDENCE,
    SECTION_PARTICIPATION,
    SECTION_REFLECTION,
    SECTION_STRENGTHS,
    SECTION_WONDERING,
    SheetOptions,
    feedback_sheet_pdf,
)
from observe.reports.walk_debrief import (
    SECTION_LOOKFORS,
    SECTION_NEXT,
    SECTION_VOICES,
    walk_debrief_pdf,
)
from observe.store.models import EvidenceKind, Visit

from .helpers import build_visit, make_walk, reader


def outline(data: bytes) -> list[tuple[str, int]]:
    """The outline's entries in order: (title, 1-based page it opens)."""
    r = reader(data)
    found: list[tuple[str, int]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, r.get_destination_page_number(item) + 1))

    walk(r.outline)
    return found


def lang(data: bytes) -> str:
    return str(reader(data).trailer["/Root"]["/Lang"])


def _saved_visit(store, long: bool = False):
    items = None
    if long:
        items = [
            (EvidenceKind.STUDENT_TALK, f"«Quote number {n}, 我们一起想。»") for n in range(40)
        ]
    built = build_visit(store, teacher="王老师", items=items)
    draft = draft_for(store, built.visit_id)
    draft.glows = [Glow("Students explained why the pattern doubles.", built.evidence_ids[0])]
    draft.wondering = "What if table 2 shared first?"
    draft.reflection_prompt = "Which moment are you proudest of?"
    save_feedback(store, draft)
    return built


def test_feedback_sheet_has_title_author_language_and_an_outline_of_its_sections(store):
    built = _saved_visit(store)
    pdf = feedback_sheet_pdf(store, built.visit_id, SheetOptions(coach="Ana López"))
    meta = reader(pdf.data).metadata
    assert meta.title.startswith("Feedback: 王老师, ")
    assert meta.author == "Ana López"
    assert lang(pdf.data) == "en"
    assert [t for t, _ in outline(pdf.data)] == [
        SECTION_STRENGTHS,
        SECTION_WONDERING,
        SECTION_EVIDENCE,
        SECTION_PARTICIPATION,
        SECTION_REFLECTION,
    ]
    spanish = feedback_sheet_pdf(store, built.visit_id, SheetOptions(language="es"))
    assert lang(spanish.data) == "es"


def test_outline_entries_open_the_page_their_section_is_on(store):
    built = _saved_visit(store, long=True)
    pdf = feedback_sheet_pdf(store, built.visit_id)
    entries = dict(outline(pdf.data))
    assert pdf.pages >= 2
    assert entries[SECTION_STRENGTHS] == 1
    # The reflection comes last, after forty quotes: on the last page, not page 1.
    assert entries[SECTION_REFLECTION] == pdf.pages
    for title, page in entries.items():
        text = reader(pdf.data).pages[page - 1].extract_text()
        assert title in text, (title, page)


def test_walk_debrief_and_cycle_summary_have_language_and_outline(store):
    store.set_setting(COACH_NAME_SETTING, "Ana López")
    walk_id = make_walk(store, title="Week 6 walk")
    built = build_visit(store, walk_id=walk_id)
    walk = walk_debrief_pdf(store, walk_id, language="es-MX")
    assert lang(walk.data) == "es-MX"
    assert reader(walk.data).metadata.author == "Ana López"
    titles = [t for t, _ in outline(walk.data)]
    # A debrief for "es-MX" is printed in Spanish: its outline too.
    with i18n.using_language("es"):
        spanish = [i18n._(t) for t in (SECTION_LOOKFORS, SECTION_NEXT, SECTION_VOICES)]
    assert titles[0] == spanish[0] and titles[-1] == spanish[1]
    assert spanish[2] in titles

    draft = draft_for(store, built.visit_id)
    draft.glows = [Glow("Students explained their thinking.", built.evidence_ids[0])]
    save_feedback(store, draft)
    with store.read() as s:
        teacher_id = s.get(Visit, built.visit_id).classroom.teacher_id
    cycle_id = save_cycle(store, CycleDraft(teacher_id=teacher_id, focus="Student talk"))
    link_visits(store, cycle_id, [built.visit_id])
    cycle = cycle_summary_pdf(store, cycle_id)
    assert lang(cycle.data) == "en"
    assert reader(cycle.data).metadata.title.startswith("Coaching cycle summary: Nguyễn Thị Ánh")
    titles = [t for t, _ in outline(cycle.data)]
    assert titles[:3] == [SECTION_GOAL, SECTION_STEPS, SECTION_TREND]
    assert CYCLE_EVIDENCE in titles


def test_server_sheet_pdf_has_title_author_language_and_outline():
    from observe.server.teacher_view import SharedItem
    from observe.server.web.sheet import sheet_of
    from observe.server.web.sheet_pdf import sheet_pdf
    from tests.web.teacher_world import published

    item = SharedItem(
        record_id="0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        kind="feedback",
        version=1,
        updated_at=datetime(2026, 12, 1, 15, 2, 11, tzinfo=UTC),
        published=published("wang@school.example", "王老师"),
        coach_name="Sam Lee",
    )
    data = sheet_pdf(sheet_of(item), language="zh-CN")
    meta = reader(data).metadata
    assert meta.title.startswith("Feedback: ")
    assert meta.author == "Sam Lee"
    assert lang(data) == "zh-CN"
    assert [t for t, _ in outline(data)] == [
        "What went well",
        "A wondering",
        "Who got to talk",
        "To reflect on",
    ]
    assert lang(sheet_pdf(sheet_of(item))) == "en"
