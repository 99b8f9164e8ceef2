"""Proposed sentences made from a Spanish look-for title, grammatical whatever its shape.

Spanish titles come in two shapes that matter here:

* a clause with its own subject and verb ("Los estudiantes explican su razonamiento", "Se
  escuchan muchas voces distintas") → "Observé que los estudiantes explican su razonamiento."
  The verb is kept exactly as the coach wrote it: "Observé que" takes the present indicative,
  so no conjugation is needed (unlike "lograron …", which would need the infinitive).
* a noun phrase ("Tiempo de espera antes de responder", "Preguntas abiertas") → "Observé
  tiempo de espera antes de responder." — never "Observé que…", which needs a clause.

A title is a clause when it opens with a word for students or holds a common finite verb
(a closed list: "es", "son", "hay", "pueden"…, a reflexive "se" + verb, or a third-person plural
present after a plural subject). Anything unsure is read as a noun phrase, which always makes a
grammatical sentence after "Observé".
"""

from __future__ import annotations

import re

from observe.feedback.sentences import clean_title

#: Openings that name students as the subject ("Los estudiantes…", "El alumnado…").
_STUDENT_SUBJECTS = re.compile(
    r"^(?:(?:los|las|les)\s+(?:y\s+(?:los|las)\s+)?)?"
    r"(?:estudiantes|alumnos|alumnas|alumnes|niños|niñas|chicos|chicas)\b"
    r"|^(?:el\s+)?alumnado\b|^(?:cada|todo\s+el|toda\s+la)\s+\w+",
    re.IGNORECASE,
)
#: Finite verbs that make a title a clause on their own.
_FINITE = frozenset(
    [
        "es",
        "son",
        "está",
        "están",
        "era",
        "eran",
        "fue",
        "fueron",
        "hay",
        "había",
        "puede",
        "pueden",
        "tiene",
        "tienen",
        "hace",
        "hacen",
        "usa",
        "usan",
        "participa",
        "participan",
        "comparte",
        "comparten",
        "explica",
        "explican",
        "pregunta",
        "preguntan",
        "responde",
        "responden",
        "escucha",
        "escuchan",
        "habla",
        "hablan",
        "trabaja",
        "trabajan",
        "lee",
        "leen",
        "escribe",
        "escriben",
        "discute",
        "discuten",
        "justifica",
        "justifican",
        "argumenta",
        "argumentan",
    ]
)
_PLURAL_SUBJECT_VERB = re.compile(r"\b\w+s\s+\w+(?:an|en)\b", re.IGNORECASE)


def title_shape(title: str) -> str:
    """ "clause" or "noun": which sentence a Spanish look-for title can make."""
    text = clean_title(title)
    words = [w.lower().strip(",;:") for w in text.split()]
    if _STUDENT_SUBJECTS.match(text):
        return "clause"
    if any(w in _FINITE for w in words[1:]) or (len(words) > 1 and words[0] == "se"):
        return "clause"
    if _PLURAL_SUBJECT_VERB.search(" ".join(words[:4])) and words[0] in ("los", "las"):
        return "clause"
    return "noun"


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:])):
        return text
    return text[:1].lower() + text[1:]


def strength_from_title(title: str) -> str:
    """The proposed strength for items marked seen for this look-for, in Spanish."""
    text = clean_title(title)
    if not text:
        raise ValueError("a look-for needs a title to make a sentence")
    if title_shape(text) == "clause":
        return f"Observé que {_lower_first(text)}."
    return f"Observé {_lower_first(text)}."


def wondering_from_title(title: str) -> str:
    """The proposed wondering when the coach marked this look-for "not yet", in Spanish."""
    text = clean_title(title)
    if not text:
        raise ValueError("a look-for needs a title to make a sentence")
    lowered = _lower_first(text)
    if title_shape(text) == "clause":
        return f"Me pregunto qué podríamos probar para que esto se vea más a menudo: {lowered}."
    if lowered.startswith("el "):  # "a el" is always written "al"
        return f"Me pregunto cómo podríamos dar más espacio al {lowered[3:]}."
    return f"Me pregunto cómo podríamos dar más espacio a {lowered}."
