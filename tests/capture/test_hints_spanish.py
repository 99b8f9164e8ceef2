"""Judgment-free hints on Spanish notes: their own evaluative words, chosen by the language of
the note (a coach in a dual-language school writes either, whatever the app shows), with the
suggestion in the app's language; quotes stay untouched in both."""

from __future__ import annotations

import pytest

from observe import i18n
from observe.capture.hints import find_hints
from observe.textlang import guess_language, text_language


@pytest.fixture
def english_app():
    previous = i18n.set_language("en")
    yield
    i18n.set_language(previous)


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("La maestra hizo un buen trabajo con la introducción", ["hizo un buen trabajo"]),
        ("Los estudiantes estaban distraídos durante el video", ["distraídos"]),
        ("La docente debería dar más tiempo de espera", ["debería"]),
        ("Fue una clase excelente, todo perfecto", ["excelente", "perfecto"]),
        ("Los alumnos trabajaron mal en parejas; genial el cierre", ["mal", "genial"]),
        ('Una alumna dice "esto está muy bueno" a su compañera', []),
        ("«Es genial» dice un estudiante en la mesa 3", []),
        ("Buenos días a todos: la maestra saluda a la clase", []),
        ("Doce estudiantes escriben una afirmación en la pizarra", []),
        ("Buen trabajo", ["Buen trabajo"]),
    ],
)
def test_spanish_notes_get_spanish_hints_and_quotes_are_left_alone(text, phrases, english_app):
    assert [h.phrase for h in find_hints(text)] == phrases


def test_the_suggestion_is_in_the_apps_language_whatever_the_note(english_app):
    (hint,) = find_hints("La docente debería dar más tiempo de espera")
    assert hint.message.startswith("“debería” sounds like a judgment.")
    assert "Record what happened" in hint.message
    with i18n.using_language("es"):
        (hint,) = find_hints("La docente debería dar más tiempo de espera")
        assert hint.message == (
            "“debería” suena a juicio de valor. Anote lo que ocurrió; los próximos pasos van en "
            "la pregunta para pensar."
        )
        # An English note in a Spanish app: the English list, the Spanish suggestion.
        (hint,) = find_hints("The teacher did a great job with the launch")
        assert hint.phrase == "did a great job"
        assert hint.message.startswith("“did a great job” suena a juicio de valor.")


def test_english_words_in_a_spanish_note_are_not_flagged_by_the_english_list(english_app):
    # "Good" means nothing in a Spanish sentence about a "Good Morning" song's title in quotes,
    # and "must" is not a Spanish word: only the Spanish list reads a Spanish note.
    assert find_hints("Los estudiantes cantan la canción y el maestro dice que está bien") == []


def test_the_language_of_a_note_is_told_by_its_small_words():
    assert guess_language("Los estudiantes explican su razonamiento") == "es"
    assert guess_language("Students explain their thinking to a partner") == "en"
    assert guess_language("LAZY") is None
    assert text_language("LAZY", default="es") == "es"
