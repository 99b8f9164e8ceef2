"""A shared feedback sheet as the teacher's pages show it, read from ``published`` only.

``published`` is what the coach's app wrote when it shared the sheet (the contract's format
1). It arrives over the network, so every field is checked for its shape here, once: a field
that is missing or of the wrong type is left out, never shown as "None" and never an error
page. The HTML page and the PDF both draw from :class:`Sheet`, so they say the same things.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from observe.i18n import current_language, format_date
from observe.server.teacher_view import SharedItem, SharedSummary
from observe.server.web.i18n import _, ngettext


@dataclass(frozen=True)
class Quote:
    time: str
    kind: str
    text: str


@dataclass(frozen=True)
class Strength:
    text: str
    evidence: list[Quote]


@dataclass(frozen=True)
class Voices:
    heard: int
    of: int
    turns: int | None

    @property
    def percent(self) -> int:
        return max(0, min(100, round(100 * self.heard / self.of))) if self.of else 0

    @property
    def sentence(self) -> str:
        if self.turns is None:
            return ngettext(
                "{heard} of {of} student got to talk.",
                "{heard} of {of} students got to talk.",
                self.of,
            ).format(heard=self.heard, of=self.of)
        return ngettext(
            "{heard} of {of} students got to talk, in {turns} turn of talk.",
            "{heard} of {of} students got to talk, in {turns} turns of talk.",
            self.turns,
        ).format(heard=self.heard, of=self.of, turns=self.turns)


@dataclass(frozen=True)
class Sheet:
    record_id: str
    coach_name: str
    visit_date: str
    visit_type: str
    class_label: str
    shared_on: str
    strengths: list[Strength]
    wondering: str
    reflection_prompt: str
    voices: Voices | None

    @property
    def heading(self) -> str:
        return " · ".join(p for p in (self.visit_type, self.class_label) if p) or _("Feedback")


def _text(value: Any, limit: int = 20_000) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""


def _count(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 1_000_000:
        return None
    return value


def long_date(value: Any) -> str:
    """ "2026-12-01" (or a timestamp of that day) as "1 Dec 2026" ("1 dic 2026" in Spanish);
    other text as it is."""
    return _long_date(current_language(), _text(value, 100))


@functools.lru_cache(maxsize=4096)
def _long_date(language: str, text: str) -> str:
    """Babel formats a date in ~50 µs; a teacher's list shows a few hundred, mostly alike."""
    try:
        day = (
            datetime.fromisoformat(text.replace("Z", "+00:00")).date()
            if "T" in text
            else date.fromisoformat(text)
        )
    except ValueError:
        return text
    return format_date(day, "d MMM y")


def _quotes(value: Any) -> list[Quote]:
    found = []
    for e in value if isinstance(value, list) else []:
        if isinstance(e, dict) and _text(e.get("text")):
            found.append(
                Quote(_text(e.get("time"), 20), _text(e.get("kind"), 100), _text(e["text"]))
            )
    return found


def _strengths(value: Any) -> list[Strength]:
    found = []
    for s in value if isinstance(value, list) else []:
        if isinstance(s, dict) and _text(s.get("text")):
            found.append(Strength(_text(s["text"]), _quotes(s.get("evidence"))))
    return found


def _voices(value: Any) -> Voices | None:
    if not isinstance(value, dict):
        return None
    heard, of = _count(value.get("heard")), _count(value.get("of"))
    if heard is None or not of or heard > of:
        return None
    return Voices(heard, of, _count(value.get("turns")))


def sheet_of(item: SharedItem) -> Sheet:
    p = item.published
    return Sheet(
        record_id=item.record_id,
        coach_name=_text(p.get("coach_name"), 200) or item.coach_name,
        visit_date=long_date(p.get("visit_date")),
        visit_type=_text(p.get("visit_type"), 200),
        class_label=_text(p.get("class_label"), 200),
        shared_on=long_date(p.get("shared_at")) or long_date(item.updated_at.isoformat()),
        strengths=_strengths(p.get("strengths")),
        wondering=_text(p.get("wondering")),
        reflection_prompt=_text(p.get("reflection_prompt")),
        voices=_voices(p.get("voices")),
    )


@dataclass(frozen=True)
class Listed:
    """A line of the teacher's list, in the same words as the sheet's page."""

    record_id: str
    coach_name: str
    visit_date: str
    visit_type: str
    class_label: str
    shared_on: str


def listed_of(summary: SharedSummary) -> Listed:
    f = summary.listed
    return Listed(
        record_id=summary.record_id,
        coach_name=_text(f.get("coach_name"), 200) or summary.coach_name,
        visit_date=long_date(f.get("visit_date")),
        visit_type=_text(f.get("visit_type"), 200),
        class_label=_text(f.get("class_label"), 200),
        shared_on=long_date(f.get("shared_at")) or long_date(summary.updated_at.isoformat()),
    )
