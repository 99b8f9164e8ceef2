"""Which language a coach wrote a piece of text in, English or Spanish, by its small words.

A coach in a dual-language school writes some notes in Spanish and some in English, whatever
language the app shows; the judgment-free hints and the sentences proposed from a look-for's
title must follow the text itself, not the menus. The guess counts function words that each
language uses constantly and the other almost never ("the", "and", "with" / "los", "que", "con")
and accented letters; text too short or too mixed to tell is read in ``default`` (the app's
language when not given).
"""

from __future__ import annotations

import re

from observe import i18n

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "are",
        "was",
        "were",
        "with",
        "their",
        "they",
        "them",
        "this",
        "that",
        "what",
        "who",
        "how",
        "students",
        "student",
        "teacher",
        "he",
        "she",
        "it",
        "his",
        "her",
        "our",
        "we",
        "you",
        "i",
        "my",
        "at",
        "on",
        "in",
        "for",
        "from",
        "not",
        "no",
        "yes",
        "but",
        "be",
        "been",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "should",
        "each",
        "other",
        "about",
        "after",
        "before",
        "when",
        "while",
    ]
)
SPANISH = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "de",
        "del",
        "y",
        "que",
        "es",
        "son",
        "está",
        "están",
        "era",
        "fue",
        "con",
        "su",
        "sus",
        "para",
        "por",
        "en",
        "al",
        "lo",
        "le",
        "les",
        "se",
        "no",
        "sí",
        "pero",
        "como",
        "cuando",
        "qué",
        "quién",
        "cómo",
        "muy",
        "más",
        "estudiantes",
        "estudiante",
        "alumnos",
        "alumnas",
        "alumno",
        "alumna",
        "docente",
        "maestra",
        "maestro",
        "ellos",
        "ellas",
        "nosotros",
        "usted",
        "hay",
        "tiene",
        "tienen",
        "hace",
        "hacen",
        "entre",
        "sobre",
        "antes",
        "después",
    ]
)
_SPANISH_LETTERS = re.compile(r"[ñáéíóúü¿¡]", re.IGNORECASE)


def guess_language(text: str) -> str | None:
    """ "es" or "en" when ``text`` says which; None when it is too short or mixed to tell."""
    words = [w.lower() for w in _WORD.findall(text)]
    english = sum(1 for w in words if w in ENGLISH)
    spanish = sum(1 for w in words if w in SPANISH)
    # Accents and ñ, ¿, ¡ are strong signs of Spanish; names and numbers say nothing.
    spanish += len(_SPANISH_LETTERS.findall(text))
    if spanish > english:
        return "es"
    if english > spanish:
        return "en"
    return None


def text_language(text: str, default: str | None = None) -> str:
    """ "es" or "en" for ``text``; ``default`` (else the current language) when unclear."""
    found = guess_language(text)
    if found is not None:
        return found
    fallback = i18n.normalize(default) if default else i18n.current_language()
    return fallback if fallback in ("en", "es") else i18n.SOURCE
