"""The headless half of the composer: proposing a draft from a visit, saving it for sync."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from observe.demo import load_demo
from observe.errors import UsageError
from observe.feedback import Glow, draft_for, propose, save_feedback, saved_feedback, visit_facts
from observe.feedback.sentences import problems
from observe.store.models import Feedback, OutboxOp, Visibility, Visit

from .helpers import build_visit


def test_draft_is_grounded_in_the_visit(store):
    built = build_visit(store)
    facts = visit_facts(store, built.visit_id)
    draft = propose(facts)
    assert draft.proposed
    # The look-fors seen most become strengths, each tied to something a student said.
    first = draft.glows[0]
    assert first.text == "Students were able to explain their thinking."
    assert first.evidence_id == built.evidence_ids[0]
    assert facts.evidence_by_id()[first.evidence_id].is_quote
    assert any("question each other" in g.text for g in draft.glows)
    # Participation figures, stated plainly: 6 of the 8 seats spoke, both groups heard.
    assert "6 of 8 students spoke (6 contributions); every group contributed." in [
        g.text for g in draft.glows
    ]
    assert draft.wondering.startswith("I wonder")
    assert draft.reflection_prompt


def test_draft_names_groups_not_yet_heard(store):
    built = build_visit(store, tallies=3)  # only Table 1 seats get tallies
    draft = propose(visit_facts(store, built.visit_id))
    assert "Table 2" in draft.wondering
    assert not [g for g in draft.glows if "students spoke" in g.text]  # 3 of 8 is no strength


def test_saving_queues_the_record_for_sync_and_reopens_as_saved(store):
    built = build_visit(store, email="anh@school.org")  # sharing needs the teacher's email
    draft = draft_for(store, built.visit_id)
    draft.glows.append(Glow("I noticed students kept talking after the timer.", None))
    before = _outbox(store, "feedback")
    feedback_id = save_feedback(store, draft, share=True)
    assert _outbox(store, "feedback") == before + 1
    reopened = draft_for(store, built.visit_id)
    assert reopened.feedback_id == feedback_id and not reopened.proposed
    assert [g.text for g in reopened.glows] == [g.text for g in draft.glows]
    with store.read() as s:
        row = s.get_one(Feedback, feedback_id)
        assert row.visibility is Visibility.TEACHER and row.shared_at is not None
    # Editing updates the same record (one more outbox op), never a second feedback.
    reopened.wondering = "What might shift if table 2 shared first?"
    assert save_feedback(store, reopened) == feedback_id
    assert _outbox(store, "feedback") == before + 2
    assert saved_feedback(store, built.visit_id).wondering.startswith("What might shift")
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Feedback)) == 1


@pytest.mark.parametrize(
    ("glows", "words"),
    [
        ([Glow("   ")], "at least one strength"),
        ([Glow("x" * 1001)], "characters long"),
        ([Glow("Fine", "not-an-evidence-id")], "not part of this visit"),
    ],
)
def test_bad_feedback_is_refused_and_nothing_changes(store, glows, words):
    built = build_visit(store)
    draft = draft_for(store, built.visit_id)
    draft.glows = glows
    before = _outbox(store, "feedback")
    with pytest.raises(UsageError, match=words):
        save_feedback(store, draft)
    assert _outbox(store, "feedback") == before
    assert saved_feedback(store, built.visit_id) is None


def test_evidence_from_another_visit_cannot_back_a_strength(store):
    one = build_visit(store)
    other = build_visit(store, teacher="Zoë Okafor")
    draft = draft_for(store, one.visit_id)
    draft.glows = [Glow("Borrowed", other.evidence_ids[0])]
    with pytest.raises(UsageError):
        save_feedback(store, draft)


def test_every_demo_visit_gets_a_draft_whose_strengths_rest_on_seen_items(store):
    load_demo(store, "small")
    with store.read() as s:
        ids = list(s.scalars(select(Visit.id)))
    with_glows = 0
    for visit_id in ids:
        draft = draft_for(store, visit_id)
        if not draft.proposed:
            continue
        facts = visit_facts(store, visit_id)
        by_id = facts.evidence_by_id()
        for glow in draft.glows:
            assert not problems(glow.text), glow.text
            if glow.evidence_id:
                item = by_id[glow.evidence_id]
                assert any(item.shows(t) for t in item.lookfors), item.text
        assert not problems(draft.wondering), draft.wondering
        with_glows += bool(draft.glows)
    assert with_glows  # the demo marks items seen, so some drafts propose strengths


def _outbox(store, kind: str) -> int:
    with store.read() as s:
        return s.scalar(
            select(func.count()).select_from(OutboxOp).where(OutboxOp.record_kind == kind)
        )
