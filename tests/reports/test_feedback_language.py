"""Proposed feedback in Spanish: the draft's own sentences follow the sheet's language, a
sentence made from a look-for title follows the title's language, and every proposed sentence
is whole (no stem, no slot) in both."""

from __future__ import annotations

import pytest

from observe import i18n
from observe.feedback import propose, visit_facts
from observe.feedback.draft import stems, unfinished, wondering_stems
from observe.feedback.sentences import problems
from observe.feedback.sentences_es import strength_from_title, title_shape, wondering_from_title
from observe.store.models import LookFor

from .helpers import build_visit


@pytest.fixture
def english_app():
    previous = i18n.set_language("en")
    yield
    i18n.set_language(previous)


def test_a_spanish_draft_of_an_english_visit(store, english_app):
    built = build_visit(store)
    with i18n.using_language("es"):
        draft = propose(visit_facts(store, built.visit_id))
    texts = [g.text for g in draft.glows]
    # The look-for titles are English: their sentences stay English and whole.
    assert texts[0] == "Students were able to explain their thinking."
    # The participation figures and the reflection question are the sheet's language.
    assert "6 de 8 estudiantes hablaron (6 intervenciones); todos los grupos participaron." in texts
    assert draft.reflection_prompt == (
        "¿En cuál de estas fortalezas le gustaría seguir construyendo la próxima vez?"
    )
    for sentence in [*texts, draft.wondering]:
        assert not problems(sentence), sentence


def test_spanish_look_for_titles_make_spanish_strengths_and_wonderings(store, english_app):
    built = build_visit(store, tallies=3)  # Table 2 not heard
    with store.write() as s:
        for lookfor_id, title in zip(
            built.lookfor_ids,
            ["Los estudiantes explican su razonamiento", "Preguntas entre compañeros"],
            strict=True,
        ):
            s.get(LookFor, lookfor_id).title = title
    with i18n.using_language("es"):
        draft = propose(visit_facts(store, built.visit_id))
    texts = [g.text for g in draft.glows]
    assert "Observé que los estudiantes explican su razonamiento." in texts
    assert "Observé preguntas entre compañeros." in texts
    assert draft.wondering == (
        "Me pregunto qué podría ayudar a Table 2 a sumarse a la conversación más temprano en "
        "la clase."
    )
    # The same titles in an English app still make Spanish sentences (the title's language).
    english = propose(visit_facts(store, built.visit_id))
    assert "Observé que los estudiantes explican su razonamiento." in [
        g.text for g in english.glows
    ]


@pytest.mark.parametrize(
    ("title", "shape", "strength", "wondering"),
    [
        (
            "Los estudiantes justifican con evidencia.",
            "clause",
            "Observé que los estudiantes justifican con evidencia.",
            "Me pregunto qué podríamos probar para que esto se vea más a menudo: los "
            "estudiantes justifican con evidencia.",
        ),
        (
            "Se escuchan muchas voces distintas",
            "clause",
            "Observé que se escuchan muchas voces distintas.",
            "Me pregunto qué podríamos probar para que esto se vea más a menudo: se escuchan "
            "muchas voces distintas.",
        ),
        (
            "El trabajo en parejas antes de compartir",
            "noun",
            "Observé el trabajo en parejas antes de compartir.",
            "Me pregunto cómo podríamos dar más espacio al trabajo en parejas antes de compartir.",
        ),
        (
            "Tiempo de espera después de las preguntas",
            "noun",
            "Observé tiempo de espera después de las preguntas.",
            "Me pregunto cómo podríamos dar más espacio a tiempo de espera después de las "
            "preguntas.",
        ),
    ],
)
def test_spanish_title_shapes(title, shape, strength, wondering):
    assert title_shape(title) == shape
    assert strength_from_title(title) == strength
    assert wondering_from_title(title) == wondering
    assert not problems(strength) and not problems(wondering)


def test_spanish_stems_are_offered_and_never_pass_as_finished(english_app):
    with i18n.using_language("es"):
        offered = stems() + wondering_stems()
    assert offered[0] == "Los estudiantes lograron…"
    for stem in offered:
        opening = stem.split("…", 1)[0]
        assert unfinished(opening) and unfinished(stem), stem
        assert problems(opening.strip().rstrip(":") + "."), stem
    assert not unfinished("Observé que tres mesas compararon sus dibujos.")
