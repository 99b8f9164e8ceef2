"""Quiet hints when a note slips from evidence into judgment.

Coaches are partners, not evaluators, so the capture line nudges (never blocks) toward
low-inference wording: what was seen or heard instead of a verdict. Phrases are matched before
single words ("did a great job" gives one hint, not two), whole words only, and text inside
quotation marks is skipped because a student's own words are verbatim evidence, not the
coach's judgment.

Each language has its own list of evaluative words (Spanish: "bueno", "excelente", "debería"…),
because a coach in a dual-language school writes notes in either language whatever language the
app shows. The list is chosen by the language of the note itself (``observe.textlang``; a note
too short to tell is read in the app's language), and the suggestion is said in the app's
language, like every other sentence the coach reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from observe.i18n import N_, _
from observe.textlang import guess_language, text_language

SHOW_IT = N_("Name what students did or said that showed it.")
WHAT_WAS_DONE = N_("Describe what was done, and what students did next.")
LATER = N_("Record what happened; save next steps for the wondering.")
INSTEAD = N_("Describe what did happen instead.")
OFF_TASK = N_("Describe what those students were doing (e.g. 'two students talk about lunch').")
COUNT = N_("Describe what students were doing, or count how many.")
ENGAGED = N_("Describe what students were doing or saying that looked like engagement.")
PRESENT = N_("Describe what was present.")
COUNT_OR_TIME = N_("Give the count or the time instead.")
MINUTES = N_("Give the minutes instead.")
SAW_HEARD = N_("Describe what you saw and heard: movement, voices, how many students.")
STUDENT_DOING = N_("Describe what the student was doing.")
BORED = N_("Describe what you saw (e.g. 'head on desk for 4 minutes').")
QUOTE_OR_DO = N_("Quote what the student said or describe what they did.")
SEEN_HEARD = N_("Name what was seen or heard.")
HAPPENED = N_("Describe what happened.")
RESPONSE = N_("Describe what students did in response.")
WORDS_ACTION = N_("Quote the words or describe the action.")
CLEAR = N_("Describe what made it clear.")
OBVIOUS = N_("Describe what made it obvious.")
FALLBACK = N_("Describe what was seen.")

#: (phrase, suggestion). Longer phrases first is not required: matching sorts by length.
EVALUATIVE: tuple[tuple[str, str], ...] = (
    ("did a great job", SHOW_IT),
    ("did a good job", SHOW_IT),
    ("great job", SHOW_IT),
    ("good job", SHOW_IT),
    ("well done", WHAT_WAS_DONE),
    ("should have", LATER),
    ("should've", LATER),
    ("needs to", LATER),
    ("failed to", INSTEAD),
    ("off-task", OFF_TASK),
    ("off task", OFF_TASK),
    ("on-task", COUNT),
    ("on task", COUNT),
    ("not engaged", COUNT),
    ("disengaged", COUNT),
    ("engaged", ENGAGED),
    ("lack of", PRESENT),
    ("too much", COUNT_OR_TIME),
    ("too long", MINUTES),
    ("chaotic", SAW_HEARD),
    ("out of control", SAW_HEARD),
    ("lazy", STUDENT_DOING),
    ("unmotivated", STUDENT_DOING),
    ("bored", BORED),
    ("confused", QUOTE_OR_DO),
    ("struggled", QUOTE_OR_DO),
    ("struggling", QUOTE_OR_DO),
    ("excellent", SEEN_HEARD),
    ("amazing", SEEN_HEARD),
    ("awesome", SEEN_HEARD),
    ("fantastic", SEEN_HEARD),
    ("wonderful", SEEN_HEARD),
    ("great", SEEN_HEARD),
    ("good", SEEN_HEARD),
    ("nice", SEEN_HEARD),
    ("bad", HAPPENED),
    ("poor", HAPPENED),
    ("poorly", HAPPENED),
    ("terrible", HAPPENED),
    ("awful", HAPPENED),
    ("weak", HAPPENED),
    ("failed", INSTEAD),
    ("should", LATER),
    ("must", LATER),
    ("ineffective", RESPONSE),
    ("effective", RESPONSE),
    ("rude", WORDS_ACTION),
    ("disrespectful", WORDS_ACTION),
    ("clearly", CLEAR),
    ("obviously", OBVIOUS),
)


def _forms(stem: str) -> tuple[str, ...]:
    """An -o adjective in its four forms: "aburrid" → aburrido, aburrida, aburridos, aburridas."""
    return tuple(stem + ending for ending in ("o", "a", "os", "as"))


#: The Spanish list: what a coach writing in Spanish slips into ("buen trabajo", "debería",
#: "estaban distraídos"), with the same suggestions.
EVALUATIVE_ES: tuple[tuple[str, str], ...] = (
    ("hizo un buen trabajo", SHOW_IT),
    ("hicieron un buen trabajo", SHOW_IT),
    ("buen trabajo", SHOW_IT),
    ("excelente trabajo", SHOW_IT),
    ("gran trabajo", SHOW_IT),
    ("muy bien", SHOW_IT),
    ("bien hecho", WHAT_WAS_DONE),
    ("debería haber", LATER),
    ("deberían haber", LATER),
    ("debió", LATER),
    ("debieron", LATER),
    ("debería", LATER),
    ("deberían", LATER),
    ("debe", LATER),
    ("deben", LATER),
    ("tiene que", LATER),
    ("tienen que", LATER),
    ("hay que", LATER),
    ("necesita", LATER),
    ("necesitan", LATER),
    ("no logró", INSTEAD),
    ("no lograron", INSTEAD),
    ("fracasó", INSTEAD),
    ("fuera de la tarea", OFF_TASK),
    *((w, OFF_TASK) for w in _forms("distraíd")),
    ("no estaban atentos", COUNT),
    ("no estaban concentrados", COUNT),
    *((w, COUNT) for w in _forms("desconectad")),
    *((w, COUNT) for w in _forms("desinteresad")),
    *((w, ENGAGED) for w in _forms("comprometid")),
    *((w, ENGAGED) for w in _forms("involucrad")),
    *((w, ENGAGED) for w in _forms("motivad")),
    ("falta de", PRESENT),
    ("demasiado", COUNT_OR_TIME),
    ("demasiada", COUNT_OR_TIME),
    ("demasiados", COUNT_OR_TIME),
    ("demasiadas", COUNT_OR_TIME),
    ("demasiado largo", MINUTES),
    ("demasiado tiempo", MINUTES),
    ("un caos", SAW_HEARD),
    ("caótico", SAW_HEARD),
    ("caótica", SAW_HEARD),
    ("fuera de control", SAW_HEARD),
    ("descontrolado", SAW_HEARD),
    ("descontrolada", SAW_HEARD),
    *((w, STUDENT_DOING) for w in _forms("perezos")),
    *((w, STUDENT_DOING) for w in _forms("floj")),
    *((w, STUDENT_DOING) for w in _forms("desmotivad")),
    *((w, BORED) for w in _forms("aburrid")),
    *((w, QUOTE_OR_DO) for w in _forms("confundid")),
    ("le costó", QUOTE_OR_DO),
    ("les costó", QUOTE_OR_DO),
    ("batalló", QUOTE_OR_DO),
    ("batallaron", QUOTE_OR_DO),
    ("excelente", SEEN_HEARD),
    ("excelentes", SEEN_HEARD),
    ("increíble", SEEN_HEARD),
    ("increíbles", SEEN_HEARD),
    ("genial", SEEN_HEARD),
    ("geniales", SEEN_HEARD),
    *((w, SEEN_HEARD) for w in _forms("fantástic")),
    *((w, SEEN_HEARD) for w in _forms("maravillos")),
    *((w, SEEN_HEARD) for w in _forms("estupend")),
    *((w, SEEN_HEARD) for w in _forms("perfect")),
    *((w, SEEN_HEARD) for w in _forms("buen")),
    ("buen", SEEN_HEARD),
    ("bonito", SEEN_HEARD),
    ("bonita", SEEN_HEARD),
    ("mal", HAPPENED),
    *((w, HAPPENED) for w in _forms("mal")),
    ("pobre", HAPPENED),
    ("pobres", HAPPENED),
    *((w, HAPPENED) for w in _forms("pésim")),
    ("terrible", HAPPENED),
    ("terribles", HAPPENED),
    ("horrible", HAPPENED),
    ("horribles", HAPPENED),
    ("débil", HAPPENED),
    ("débiles", HAPPENED),
    ("ineficaz", RESPONSE),
    ("eficaz", RESPONSE),
    ("poco efectivo", RESPONSE),
    *((w, RESPONSE) for w in _forms("efectiv")),
    *((w, WORDS_ACTION) for w in _forms("groser")),
    *((w, WORDS_ACTION) for w in _forms("irrespetuos")),
    *((w, WORDS_ACTION) for w in _forms("maleducad")),
    ("claramente", CLEAR),
    ("obviamente", OBVIOUS),
    ("evidentemente", OBVIOUS),
)

#: Everyday phrases that contain an evaluative word but judge nothing.
NOT_JUDGMENTS: tuple[str, ...] = (
    "good morning",
    "good afternoon",
    "good evening",
    "good luck",
    "good night",
    "great lakes",
    "great britain",
    "great depression",
    "great wall",
)
NOT_JUDGMENTS_ES: tuple[str, ...] = (
    "buenos días",
    "buenas tardes",
    "buenas noches",
    "buena suerte",
    "buen provecho",
    "mal de ojo",
)


def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(r"\b(" + body + r")\b", re.IGNORECASE)


_NOT_JUDGMENT = {"en": _phrases(NOT_JUDGMENTS), "es": _phrases(NOT_JUDGMENTS_ES)}

_QUOTED = re.compile(r"\"[^\"]*\"?|“[^”]*”?|«[^»]*»?|„[^“”]*[“”]?")


@dataclass(frozen=True)
class Hint:
    start: int
    end: int
    phrase: str
    suggestion: str

    @property
    def message(self) -> str:
        """The hint in the app's language (the phrase as the coach typed it)."""
        return _("“{phrase}” sounds like a judgment. {suggestion}").format(
            phrase=self.phrase, suggestion=self.suggestion
        )


def _pattern(evaluative: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    phrases = sorted((p for p, _s in evaluative), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?") for p in phrases)
    return re.compile(rf"(?<![\w'’-])({body})(?![\w'’-])", re.IGNORECASE)


#: Each language's evaluative words, by the code ``observe.textlang`` gives a note.
LISTS: dict[str, tuple[tuple[str, str], ...]] = {"en": EVALUATIVE, "es": EVALUATIVE_ES}
_PATTERNS = {lang: _pattern(words) for lang, words in LISTS.items()}
_SUGGESTIONS = {
    lang: {re.sub(r"[-\s]+", " ", p): s for p, s in words} for lang, words in LISTS.items()
}


def _hints_in(text: str, lang: str) -> list[Hint]:
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    quoted += [m.span() for m in _NOT_JUDGMENT[lang].finditer(text)]
    suggestions = _SUGGESTIONS[lang]
    hints: list[Hint] = []
    for match in _PATTERNS[lang].finditer(text):
        start, end = match.span()
        if any(qs <= start < qe for qs, qe in quoted):
            continue
        phrase = match.group(0)
        key = re.sub(r"[-\s]+", " ", phrase.lower())
        hints.append(Hint(start, end, phrase, _(suggestions.get(key, FALLBACK))))
    return hints


def find_hints(text: str, language: str | None = None) -> list[Hint]:
    """Judgment words outside quotations, in order, non-overlapping, from the list of the
    note's own language (``language``, else guessed from the text). A note too short to tell
    ("Buen trabajo", "LAZY") is read with both lists, the app's language first."""
    lang = language if language in LISTS else guess_language(text)
    if lang is not None:
        return _hints_in(text, lang)
    first = text_language(text)
    hints: list[Hint] = []
    for lang in (first, *(other for other in LISTS if other != first)):
        for hint in _hints_in(text, lang):
            if all(hint.end <= h.start or hint.start >= h.end for h in hints):
                hints.append(hint)
    return sorted(hints, key=lambda h: h.start)
