"""Shared feedback's published copy travels through the real server unchanged."""

from __future__ import annotations

from observe.feedback import Glow, draft_for, save_feedback
from observe.store.models import EvidenceKind
from tests.reports.helpers import ARABIC, build_visit
from tests.reports.test_publish import _published, _set_email


def test_published_text_round_trips_through_the_server(observe_server, devices):
    """Emoji, right-to-left text and a 50,000-character quote arrive on the coach's other
    device exactly as published."""
    laptop, tablet = devices.signed_in_pair(observe_server)
    long_quote = ("🦄 " + ARABIC + " ") * (50_000 // (len(ARABIC) + 3))
    built = build_visit(
        laptop.store,
        items=[
            (EvidenceKind.STUDENT_TALK, f"«{ARABIC}» 🙂"),
            (EvidenceKind.STUDENT_TALK, long_quote),
        ],
    )
    _set_email(laptop.store, built.visit_id, "ana@school.org")
    draft = draft_for(laptop.store, built.visit_id)
    draft.glows = [
        Glow(f"Students explained 🙂 {ARABIC}.", built.evidence_ids[0]),
        Glow("Students kept talking at length.", built.evidence_ids[1]),
    ]
    draft.wondering = f"I wonder what {ARABIC} 🤔 means to table 2?"
    feedback_id = save_feedback(laptop.store, draft, share=True)
    laptop.sync()
    tablet.sync()
    sent = _published(laptop.store, feedback_id)
    got = _published(tablet.store, feedback_id)
    assert got == sent
    assert got[1]["strengths"][1]["evidence"][0]["text"] == long_quote.strip()
    assert len(long_quote.strip()) > 49_000
