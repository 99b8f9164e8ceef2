"""Sheets printed in another language than the app's: a coach working in English prints a
feedback sheet, a walk debrief or a cycle summary for a teacher who reads Spanish. Read back from
the PDF: the sheet's own words, its DRAFT mark and its dates are Spanish, none of the English
chrome is left, and the coach's own evidence and feedback print exactly as typed."""

from __future__ import annotations

import pytest

from observe import i18n
from observe.coaching.cycles import CycleDraft, link_visits, save_cycle
from observe.feedback import Glow, draft_for, save_feedback
from observe.reports.cycle_summary import cycle_summary_pdf
from observe.reports.feedback_sheet import SheetOptions, feedback_sheet_pdf
from observe.reports.walk_debrief import walk_debrief_pdf
from observe.store.models import Visit

from .helpers import build_visit, flat, make_walk, pdf_text, reader

#: What the English sheet prints around the coach's words; none of it may stay on a Spanish one.
ENGLISH_CHROME = [
    "Feedback from a classroom visit",
    "Strengths noticed",
    "A wondering / next step",
    "What students were doing and saying",
    "Who got to talk",
    "Your reflection",
    "TIME IN ROOM",
    "LOOK-FORS SEEN MOST",
    "Thank you for opening your classroom",
    "Times are minutes:seconds",
    "students spoke",
    "contributions in all",
    "DRAFT",
    "not yet reviewed",
    "Page 1 of",
    "Feedback for",
    "October",
    "Tuesday",
    "Coaching observation",
    "grade 6",
    "STUDENT ACTION",
    "TEACHER MOVE",
    "Which of these strengths",
]
SPANISH_CHROME = [
    "Retroalimentación de una visita al aula",
    "Fortalezas observadas",
    "Una pregunta para pensar / próximo paso",
    "Lo que los estudiantes hacían y decían",
    "Quién tuvo la palabra",
    "Su reflexión",
    "TIEMPO EN EL AULA",
    "BORRADOR — aún sin revisar",
    "Página 1 de",
    "6 de octubre de 2026",
    "Observación de acompañamiento",
    "grado 6",
    "ACCIÓN DE ESTUDIANTES",
    "30 minutos",
    "Cómo: por iniciativa propia (6).",
    # Observe's own reflection question, kept as proposed, reads in the sheet's language.
    "¿En cuál de estas fortalezas le gustaría seguir construyendo la próxima vez?",
]
GLOWS = [
    "Students were able to explain why the pattern doubles.",
    "Every table group compared drawings before sharing.",
]
WONDERING = "I wonder what would happen if table 2 shared first?"


@pytest.fixture
def english_app():
    previous = i18n.set_language("en")
    yield
    i18n.set_language(previous)


@pytest.fixture
def saved(store):
    built = build_visit(store)
    draft = draft_for(store, built.visit_id)
    draft.glows = [Glow(GLOWS[0], built.evidence_ids[0]), Glow(GLOWS[1], built.evidence_ids[1])]
    draft.wondering = WONDERING
    save_feedback(store, draft)
    return built


def test_a_spanish_sheet_from_an_english_app_has_spanish_chrome_and_the_coachs_own_words(
    store, saved, english_app
):
    options = SheetOptions(paper="letter", coach="Sam Coach", reviewed=False)
    pdf = feedback_sheet_pdf(store, saved.visit_id, options, language="es")
    text = pdf_text(pdf.data)
    for spanish in SPANISH_CHROME:
        assert flat(spanish) in flat(text), spanish
    for english in ENGLISH_CHROME:
        assert english not in text, english
    # The coach's evidence and feedback are printed as typed, not translated.
    for own in [*GLOWS, WONDERING, "Students at table 2 compare their drawings."]:
        assert flat(own) in flat(text), own
    assert pdf.draft
    assert str(reader(pdf.data).trailer["/Root"]["/Lang"]) == "es"
    assert reader(pdf.data).metadata.title.startswith("Retroalimentación: Nguyễn Thị Ánh")
    # The app itself still speaks English: the next sheet is English again.
    assert i18n.current_language() == "en"
    english = pdf_text(feedback_sheet_pdf(store, saved.visit_id, options).data)
    assert "Strengths noticed" in english and "DRAFT — not yet reviewed" in english
    assert "Fortalezas" not in english


def test_the_sheet_follows_the_app_language_when_none_is_chosen(store, saved):
    previous = i18n.set_language("es")
    try:
        text = pdf_text(feedback_sheet_pdf(store, saved.visit_id, SheetOptions("a4")).data)
    finally:
        i18n.set_language(previous)
    assert "Fortalezas observadas" in text and "Strengths noticed" not in text
    # Saved feedback prints without the DRAFT mark in any language.
    assert "BORRADOR" not in text


def test_a_regional_tag_prints_spanish_and_is_written_into_the_pdf(store, saved, english_app):
    pdf = feedback_sheet_pdf(store, saved.visit_id, SheetOptions(language="es-MX"))
    assert "Fortalezas observadas" in pdf_text(pdf.data)
    assert str(reader(pdf.data).trailer["/Root"]["/Lang"]) == "es-MX"


def test_walk_debrief_and_cycle_summary_print_in_spanish(store, english_app):
    walk_id = make_walk(store, title="Week 6 walk")
    built = build_visit(store, walk_id=walk_id)
    text = pdf_text(walk_debrief_pdf(store, walk_id, "letter", language="es").data)
    for spanish in (
        "Conversación sobre el recorrido pedagógico",
        "Indicadores observados en las aulas",
        "Quién tuvo la palabra, aula por aula",
        "Aula A",
        "martes, 6 de octubre de 2026",
    ):
        assert flat(spanish) in flat(text), spanish
    for english in ("Learning walk debrief", "Room A", "Look-fors seen", "October", "Page 1"):
        assert english not in text, english
    assert "Week 6 walk" in text  # the coach's own title

    draft = draft_for(store, built.visit_id)
    draft.glows = [Glow("Students explained their thinking.", built.evidence_ids[0])]
    save_feedback(store, draft)
    with store.read() as s:
        teacher_id = s.get(Visit, built.visit_id).classroom.teacher_id
    cycle_id = save_cycle(store, CycleDraft(teacher_id=teacher_id, focus="Student talk"))
    link_visits(store, cycle_id, [built.visit_id])
    text = pdf_text(cycle_summary_pdf(store, cycle_id, "letter", language="es").data)
    for spanish in ("Resumen del ciclo de acompañamiento", "La meta", "Pasos dados", "Fecha"):
        assert spanish in text, spanish
    for english in ("Coaching cycle summary", "The goal", "Steps taken", "Page 1"):
        assert english not in text, english
    assert "Students explained their thinking." in text


def test_the_pseudo_locale_renders_a_sheet_with_longer_accented_chrome(store, saved, english_app):
    english = feedback_sheet_pdf(store, saved.visit_id, SheetOptions("letter", reviewed=False))
    pseudo = feedback_sheet_pdf(
        store, saved.visit_id, SheetOptions("letter", reviewed=False), language="qps"
    )
    text = pdf_text(pseudo.data)
    assert "Strengths noticed" not in text
    assert i18n.pseudo_text("Strengths noticed") in text
    assert len(flat(text)) > len(flat(pdf_text(english.data)))
    assert flat(GLOWS[0]) in flat(text)
