"""A first draft of feedback, proposed from the visit's own evidence.

A coach should never face a blank page after a visit: the draft names the look-fors the coach
marked *seen* most, ties each proposed strength to something a student said or did, states the
participation figures plainly, and suggests one wondering (from a look-for marked *not yet*
when there is one). A plain tag only says what an item is about, so it never becomes a strength
on its own. Every sentence is an offer to edit, but each is a whole, grammatical sentence: the
stems below are offered in the composer and never proposed as text.

Languages: the draft's own sentences (the participation figures, the wondering about groups,
the reflection question) are in the current language, the one the sheet is printed in. A
sentence made from a look-for's title follows the title's language instead (English or Spanish,
``observe.textlang``; the current language when unclear), because the title is quoted in it and
a sentence half in one language and half in another reads as a mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType

from observe import i18n
from observe.capture.participation import NO_GROUP
from observe.feedback import sentences, sentences_es
from observe.feedback.facts import EvidenceFact, LookForTag, VisitFacts
from observe.i18n import N_, _
from observe.textlang import text_language

#: Sentence starters offered for strengths (glows), in the source language: ``stems()`` gives
#: them in the current one.
STEMS: tuple[str, ...] = (
    N_("Students were able to…"),
    N_("I noticed…"),
    N_("Students said…"),
    N_("When you…, students…"),
    N_("It was clear that students…"),
)

#: Sentence starters offered for the one wondering or next step.
WONDERING_STEMS: tuple[str, ...] = (
    N_("I wonder what would happen if…"),
    N_("What might shift if…"),
    N_("Next step to try:…"),
    N_("I'm curious how…"),
)

REFLECTION_PROMPTS: tuple[str, ...] = (
    N_("Which of these strengths would you like to build on next time?"),
    N_("What did you notice about who talked today?"),
    N_("Which moment are you proudest of, and why?"),
)


def stems() -> tuple[str, ...]:
    """The strength stems in the current language (what the composer offers)."""
    return tuple(_(s) for s in STEMS)


def wondering_stems() -> tuple[str, ...]:
    return tuple(_(s) for s in WONDERING_STEMS)


def reflection_prompts() -> tuple[str, ...]:
    return tuple(_(s) for s in REFLECTION_PROMPTS)


def _all_openings() -> set[str]:
    """Every stem's opening in every language Observe speaks: a coach may type in either."""
    openings = {stem_opening(s).strip() for s in (*STEMS, *WONDERING_STEMS)}
    for language in i18n.LANGUAGES:
        with i18n.using_language(language):
            openings |= {stem_opening(s).strip() for s in (*stems(), *wondering_stems())}
    return openings


MAX_PROPOSED_GLOWS = 3


def stem_opening(stem: str) -> str:
    """The words of a stem before its first "…" slot, ready to write on from:
    "Students were able to…" gives "Students were able to "."""
    return stem.split("…", 1)[0].rstrip() + " "


def unfinished(text: str) -> bool:
    """True for a sentence still waiting for words: only a stem's opening ("I noticed",
    "I noticed…"), a "…" slot left after an opening, or a trailing ellipsis. Such text must
    never reach a teacher's sheet."""
    body = text.strip()
    bare = body.rstrip(".?!…: ").strip().lstrip("¿¡")
    openings = _all_openings()
    bare_openings = {o.rstrip(".?!…: ").lstrip("¿¡") for o in openings}
    if not bare or bare in bare_openings or body.endswith(("…", "...")):
        return True
    return any(f"{opening}…" in body for opening in openings)


@dataclass
class Glow:
    """A strength, tied to the evidence it rests on (``evidence_id`` None: a figure or overall
    observation, such as the participation sentence)."""

    text: str
    evidence_id: str | None = None

    def as_record(self) -> dict[str, str | None]:
        return {"evidence_id": self.evidence_id, "text": self.text}


@dataclass
class FeedbackDraft:
    visit_id: str
    glows: list[Glow] = field(default_factory=list)
    wondering: str = ""
    reflection_prompt: str = ""
    #: The saved record this draft edits; None for a proposal not yet saved.
    feedback_id: str | None = None

    @property
    def proposed(self) -> bool:
        return self.feedback_id is None


def _builder(title: str) -> ModuleType:
    """The sentence module for the title's language (see the module's docstring)."""
    return sentences_es if text_language(title) == "es" else sentences


def strength_sentence(tag: LookForTag) -> str:
    """Turns a look-for title into a strength: "Students justify with evidence" becomes
    "Students were able to justify with evidence." (see ``observe.feedback.sentences``);
    "Los estudiantes justifican con evidencia" becomes "Observé que los estudiantes…"."""
    return _builder(tag.title).strength_from_title(tag.title)


def wondering_from_title(title: str) -> str:
    return _builder(title).wondering_from_title(title)


def _best_evidence(facts: VisitFacts, tag: LookForTag, used: set[str]) -> EvidenceFact | None:
    """The item that best shows ``tag``: only items the coach marked seen for it qualify."""
    shown = [e for e in facts.evidence if e.shows(tag) and e.id not in used]
    for pick in (
        [e for e in shown if e.is_quote],
        [e for e in shown if e.about_students],
        shown,
    ):
        if pick:
            return pick[0]
    return None


def propose(facts: VisitFacts) -> FeedbackDraft:
    """Strengths from the look-fors marked seen most (each tied to a quote or student action
    marked seen), the participation figures, one wondering and a reflection question.

    Nothing marked seen and no participation worth naming: no strength is proposed, rather than
    a stem the teacher could read as a finished sentence.
    """
    draft = FeedbackDraft(visit_id=facts.visit_id)
    used: set[str] = set()
    for tag, _count in facts.seen_counts:
        if len(draft.glows) >= MAX_PROPOSED_GLOWS:
            break
        item = _best_evidence(facts, tag, used)
        if item is None:
            continue
        used.add(item.id)
        draft.glows.append(Glow(strength_sentence(tag), item.id))
    summary = facts.participation
    if summary is not None and participation_is_a_strength(facts):
        draft.glows.append(Glow(summary.sentence()))
    draft.wondering = propose_wondering(facts)
    draft.reflection_prompt = _(REFLECTION_PROMPTS[0])
    return draft


def participation_is_a_strength(facts: VisitFacts) -> bool:
    """Worth naming as a strength: most students spoke, or every group was heard."""
    summary = facts.participation
    if summary is None or not summary.contributions or not summary.occupied_seats:
        return False
    share = summary.distinct_voices / summary.occupied_seats
    return share >= 0.5 or summary.every_group_contributed


def propose_wondering(facts: VisitFacts) -> str:
    """The look-for the coach marked "not yet" most, else what the participation figures
    suggest, else a general question."""
    not_yet = facts.not_yet_counts
    if not_yet:
        return wondering_from_title(not_yet[0][0].title)
    summary = facts.participation
    if summary is not None and summary.contributions:
        silent = [g.group for g in summary.groups if g.contributions == 0 and g.group != NO_GROUP]
        if silent:
            return _(
                "I wonder what might help {groups} join the conversation earlier in the lesson?"
            ).format(groups=", ".join(silent))
        if summary.occupied_seats and summary.distinct_voices / summary.occupied_seats < 0.6:
            return _(
                "I wonder what would happen if students rehearsed with a partner before the "
                "whole-class share?"
            )
    return _("I wonder what students would say if asked who they learned from today?")
