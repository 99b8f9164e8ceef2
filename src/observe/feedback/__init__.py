"""Strengths-based feedback for a visit: proposing a draft from its evidence, and saving it."""

from observe.feedback.draft import STEMS, WONDERING_STEMS, FeedbackDraft, Glow, propose
from observe.feedback.facts import EvidenceFact, VisitFacts, visit_facts
from observe.feedback.service import draft_for, save_feedback, saved_feedback

__all__ = [
    "STEMS",
    "WONDERING_STEMS",
    "EvidenceFact",
    "FeedbackDraft",
    "Glow",
    "VisitFacts",
    "draft_for",
    "propose",
    "save_feedback",
    "saved_feedback",
    "visit_facts",
]
