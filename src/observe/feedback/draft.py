"""A first draft of feedback, proposed from the visit's own evidence.

A coach should never face a blank page after a visit: the draft names the look-fors the coach
marked *seen* most, ties each proposed strength to something a student said or did, states the
participation figures plainly, and suggests one wondering (from a look-for marked *not yet*
when there is one). A plain tag only says what an item is about, so it never becomes a strength
on its own. Every sentence is an offer to edit, but each is a whole, grammatical sentence: the
stems below are offered in the composer and never proposed as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from observe.capture.participation import NO_GROUP
from observe.feedback.facts import EvidenceFact, LookForTag, VisitFacts
from observe.feedback.sentences import strength_from_title, wondering_from_title

#: Sentence starters offered for strengths (glows).
STEMS: tuple[str, ...] = (
    "Students were able to…",
    "I noticed…",
    "Students said…",
    "When you…, students…",
    "It was clear that students…",
)

#: Sentence starters offered for the one wondering or next step.
WONDERING_STEMS: tuple[str, ...] = (
    "I wonder what would happen if…",
    "What might shift if…",
    "Next step to try:…",
    "I'm curious how…",
)

REFLECTION_PROMPTS: tuple[str, ...] = (
    "Which of these strengths would you like to build on next time?",
    "What did you notice about who talked today?",
    "Which moment are you proudest of, and why?",
)

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
    bare = body.rstrip(".?!…: ").strip()
    openings = {stem_opening(s).strip() for s in (*STEMS, *WONDERING_STEMS)}
    if not bare or bare in openings or body.endswith(("…", "...")):
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


def strength_sentence(tag: LookForTag) -> str:
    """Turns a look-for title into a strength: "Students justify with evidence" becomes
    "Students were able to justify with evidence." (see ``observe.feedback.sentences``)."""
    return strength_from_title(tag.title)


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
    draft.reflection_prompt = REFLECTION_PROMPTS[0]
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
            return (
                f"I wonder what might help {', '.join(silent)} join the conversation "
                "earlier in the lesson?"
            )
        if summary.occupied_seats and summary.distinct_voices / summary.occupied_seats < 0.6:
            return (
                "I wonder what would happen if students rehearsed with a partner before the "
                "whole-class share?"
            )
    return "I wonder what students would say if asked who they learned from today?"
