"""Quiet hints when a note slips from evidence into judgment.

Coaches are partners, not evaluators, so the capture line nudges (never blocks) toward
low-inference wording: what was seen or heard instead of a verdict. Phrases are matched before
single words ("did a great job" gives one hint, not two), whole words only, and text inside
quotation marks is skipped because a student's own words are verbatim evidence, not the
coach's judgment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: (phrase, suggestion). Longer phrases first is not required: matching sorts by length.
EVALUATIVE: tuple[tuple[str, str], ...] = (
    ("did a great job", "Name what students did or said that showed it."),
    ("did a good job", "Name what students did or said that showed it."),
    ("great job", "Name what students did or said that showed it."),
    ("good job", "Name what students did or said that showed it."),
    ("well done", "Describe what was done, and what students did next."),
    ("should have", "Record what happened; save next steps for the wondering."),
    ("should've", "Record what happened; save next steps for the wondering."),
    ("needs to", "Record what happened; save next steps for the wondering."),
    ("failed to", "Describe what did happen instead."),
    ("off-task", "Describe what those students were doing (e.g. 'two students talk about lunch')."),
    ("off task", "Describe what those students were doing (e.g. 'two students talk about lunch')."),
    ("on-task", "Describe what students were doing, or count how many."),
    ("on task", "Describe what students were doing, or count how many."),
    ("not engaged", "Describe what students were doing, or count how many."),
    ("disengaged", "Describe what students were doing, or count how many."),
    ("engaged", "Describe what students were doing or saying that looked like engagement."),
    ("lack of", "Describe what was present."),
    ("too much", "Give the count or the time instead."),
    ("too long", "Give the minutes instead."),
    ("chaotic", "Describe what you saw and heard: movement, voices, how many students."),
    ("out of control", "Describe what you saw and heard: movement, voices, how many students."),
    ("lazy", "Describe what the student was doing."),
    ("unmotivated", "Describe what the student was doing."),
    ("bored", "Describe what you saw (e.g. 'head on desk for 4 minutes')."),
    ("confused", "Quote what the student said or describe what they did."),
    ("struggled", "Quote what the student said or describe what they did."),
    ("struggling", "Quote what the student said or describe what they did."),
    ("excellent", "Name what was seen or heard."),
    ("amazing", "Name what was seen or heard."),
    ("awesome", "Name what was seen or heard."),
    ("fantastic", "Name what was seen or heard."),
    ("wonderful", "Name what was seen or heard."),
    ("great", "Name what was seen or heard."),
    ("good", "Name what was seen or heard."),
    ("nice", "Name what was seen or heard."),
    ("bad", "Describe what happened."),
    ("poor", "Describe what happened."),
    ("poorly", "Describe what happened."),
    ("terrible", "Describe what happened."),
    ("awful", "Describe what happened."),
    ("weak", "Describe what happened."),
    ("failed", "Describe what did happen instead."),
    ("should", "Record what happened; save next steps for the wondering."),
    ("must", "Record what happened; save next steps for the wondering."),
    ("ineffective", "Describe what students did in response."),
    ("effective", "Describe what students did in response."),
    ("rude", "Quote the words or describe the action."),
    ("disrespectful", "Quote the words or describe the action."),
    ("clearly", "Describe what made it clear."),
    ("obviously", "Describe what made it obvious."),
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
_NOT_JUDGMENT = re.compile(
    r"\b(" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in NOT_JUDGMENTS) + r")\b",
    re.IGNORECASE,
)

_QUOTED = re.compile(r"\"[^\"]*\"?|“[^”]*”?|«[^»]*»?|„[^“”]*[“”]?")


@dataclass(frozen=True)
class Hint:
    start: int
    end: int
    phrase: str
    suggestion: str

    @property
    def message(self) -> str:
        return f"“{self.phrase}” sounds like a judgment. {self.suggestion}"


def _pattern() -> re.Pattern[str]:
    phrases = sorted((p for p, _ in EVALUATIVE), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?") for p in phrases)
    return re.compile(rf"(?<![\w'’-])({body})(?![\w'’-])", re.IGNORECASE)


_PATTERN = _pattern()
_SUGGESTION = {re.sub(r"[-\s]+", " ", p): s for p, s in EVALUATIVE}


def find_hints(text: str) -> list[Hint]:
    """Judgment words outside quotations, in order, non-overlapping."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    quoted += [m.span() for m in _NOT_JUDGMENT.finditer(text)]
    hints: list[Hint] = []
    for match in _PATTERN.finditer(text):
        start, end = match.span()
        if any(qs <= start < qe for qs, qe in quoted):
            continue
        phrase = match.group(0)
        key = re.sub(r"[-\s]+", " ", phrase.lower())
        hints.append(Hint(start, end, phrase, _SUGGESTION.get(key, "Describe what was seen.")))
    return hints
