"""Only what the coach marked seen becomes a strength; proposed sentences are grammatical.

A look-for tag says what an item is *about*. The issue this guards against: an item tagged
"Many different students contribute" that said one student had not spoken became "I noticed
that many different students contribute." on the teacher's sheet.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import exists, select

from observe.capture.evidence import save_evidence, update_evidence
from observe.capture.marks import NOT_YET, SEEN
from observe.coaching.impact import local_report
from observe.demo import load_demo
from observe.demo.phrases import LOOKFORS as DEMO_LOOKFORS
from observe.errors import UsageError
from observe.feedback import Glow, propose, save_feedback, saved_feedback, visit_facts
from observe.feedback.draft import STEMS, WONDERING_STEMS, stem_opening, unfinished
from observe.feedback.sentences import (
    problems,
    strength_from_title,
    title_shape,
    wondering_from_title,
)
from observe.reports.feedback_sheet import feedback_sheet_pdf
from observe.reports.walk_debrief import lookfor_tallies, read_walk
from observe.resources import resource_path
from observe.store.models import EvidenceKind, Feedback, Visit

from .helpers import T0, build_visit, make_walk, pdf_text


def _starter_titles() -> list[str]:
    folder = resource_path("frameworks")
    titles = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        titles += [item["title"] for item in data.get("lookfors", [])]
    return titles


STARTER_TITLES = _starter_titles()
ALL_TITLES = STARTER_TITLES + [title for _code, title, _cat, _desc in DEMO_LOOKFORS]


def test_the_starter_sets_are_all_read():
    assert len(STARTER_TITLES) >= 20
    assert "Partner talk before whole-class sharing" in STARTER_TITLES


@pytest.mark.parametrize("title", ALL_TITLES)
def test_every_starter_and_demo_lookfor_makes_grammatical_sentences(title):
    strength = strength_from_title(title)
    wondering = wondering_from_title(title)
    assert problems(strength) == [], strength
    assert problems(wondering) == [], wondering
    assert strength.endswith(".") and wondering.endswith("?")
    # "I noticed that" only ever opens a clause; a noun phrase follows a bare "I noticed".
    if title_shape(title) == "noun":
        assert strength.startswith("I noticed ") and "I noticed that" not in strength
    for stem in (*STEMS, *WONDERING_STEMS):
        assert strength != stem and wondering != stem


@pytest.mark.parametrize(
    ("title", "strength"),
    [
        (
            "Partner talk before whole-class sharing",
            "I noticed partner talk before whole-class sharing.",
        ),
        ("Think time before answers are taken", "I noticed think time before answers are taken."),
        (
            "Many different students contribute",
            "I noticed that many different students contribute.",
        ),
        (
            "Mistakes are treated as useful thinking",
            "I noticed that mistakes are treated as useful thinking.",
        ),
        (
            "Students can say what they are learning and why",
            "Students were able to say what they are learning and why.",
        ),
        ("Students ask each other questions.", "Students were able to ask each other questions."),
        (
            "Every student has a way to respond",
            "I noticed that every student has a way to respond.",
        ),
        ("STEM vocabulary used in talk", "I noticed STEM vocabulary used in talk."),
    ],
)
def test_each_title_shape_makes_its_own_sentence(title, strength):
    assert strength_from_title(title) == strength


@pytest.mark.parametrize(
    "sentence",
    [
        "I noticed students…",
        "I noticed…",
        "I noticed that partner talk before whole-class sharing.",
        "Students were able to",
        "I wonder what would happen if...",
        "Students were able to {verb}.",
    ],
)
def test_the_rule_catches_stems_and_noun_phrases_after_that(sentence):
    assert problems(sentence)


def test_tags_alone_propose_no_strength_and_no_stem(store):
    built = build_visit(store, tallies=0)
    for evidence_id in built.evidence_ids:  # every tag back to plain "about"
        update_evidence(store, evidence_id, lookfor_marks={})
    draft = propose(visit_facts(store, built.visit_id))
    assert draft.glows == []
    assert not problems(draft.wondering)


def test_strengths_come_only_from_items_marked_seen(store):
    built = build_visit(store, tallies=0)
    d1, _d2 = built.lookfor_ids
    draft = propose(visit_facts(store, built.visit_id))
    assert [g.text for g in draft.glows] == [
        "Students were able to explain their thinking.",
        "Students were able to question each other.",
    ]
    # Quotes tagged D1 but only "about" it lose to the one item marked seen for D1, and D2,
    # now only tagged, proposes nothing.
    for evidence_id in built.evidence_ids:
        update_evidence(store, evidence_id, lookfor_marks={})
    update_evidence(store, built.evidence_ids[2], lookfor_marks={d1: SEEN})  # a teacher move
    draft = propose(visit_facts(store, built.visit_id))
    assert [(g.text, g.evidence_id) for g in draft.glows] == [
        ("Students were able to explain their thinking.", built.evidence_ids[2])
    ]


def test_a_not_yet_item_feeds_the_wondering_never_a_strength(store):
    built = build_visit(store, tallies=0)
    _d1, d2 = built.lookfor_ids
    for evidence_id in built.evidence_ids:
        update_evidence(store, evidence_id, lookfor_marks={})
    update_evidence(store, built.evidence_ids[1], lookfor_marks={d2: NOT_YET})
    draft = propose(visit_facts(store, built.visit_id))
    assert draft.glows == []
    assert draft.wondering == "I wonder what would help more students question each other?"


def test_walk_debrief_counts_rooms_where_a_lookfor_was_seen_not_tagged(store):
    walk_id = make_walk(store)
    seen_room = build_visit(store, teacher="Nguyễn Thị Ánh", walk_id=walk_id)
    about_room = build_visit(
        store, teacher="Zoë Okafor", walk_id=walk_id, start=T0 + timedelta(minutes=40), items=[]
    )
    # The same look-for, tagged in the second room on an item that shows it missing.
    save_evidence(
        store,
        about_room.visit_id,
        EvidenceKind.NOTE,
        "Two students talk 4 times each; one has not spoken after 8 minutes.",
        lookfor_ids=[seen_room.lookfor_ids[0]],
        lookfor_marks={seen_room.lookfor_ids[0]: NOT_YET},
        observed_at=T0 + timedelta(minutes=41),
    )
    walk = read_walk(store, walk_id)
    rooms_seen, noted = lookfor_tallies(walk.rooms)
    by_title = {t.title: t for t in noted}
    explain = by_title["Students explain their thinking"]
    assert noted[explain] == 3 + 1  # tagged in both rooms
    assert rooms_seen[explain] == 1  # but seen only where an item was marked seen
    assert {r.visit_id for r in walk.rooms} == {seen_room.visit_id, about_room.visit_id}
    # Strengths across rooms come from drafts, so only from the room with seen items.
    assert walk.strengths and all(n == 1 for _text, n in walk.strengths)


def test_impact_counts_evidence_marked_seen_apart_from_tagged(store):
    built = build_visit(store, tallies=0)
    table = local_report(store, None, None).tables["lookfors"].dicts()
    by_code = {r["code"]: r for r in table}
    # D1: items 0, 2 (teacher move, about), 4 → 3 tagged, 2 seen; D2: items 1, 3, 5 → 2 seen.
    assert (by_code["D1"]["seen_evidence"], by_code["D1"]["tagged_evidence"]) == (2, 3)
    assert (by_code["D2"]["seen_evidence"], by_code["D2"]["tagged_evidence"]) == (2, 3)
    assert built.visit_id


@pytest.mark.parametrize(
    ("glows", "wondering"),
    [
        (["I noticed…"], ""),
        (["I noticed "], ""),
        (["Students were able to… back each other's claims."], ""),
        (["When you…, students…"], ""),
        (["Students compared two strategies."], "I wonder what would happen if…"),
    ],
)
def test_saving_refuses_a_stem_left_unfinished(store, glows, wondering):
    built = build_visit(store, tallies=0)
    draft = propose(visit_facts(store, built.visit_id))
    draft.glows = [Glow(text, built.evidence_ids[0]) for text in glows]
    draft.wondering = wondering
    with pytest.raises(UsageError, match="is not finished; complete the"):
        save_feedback(store, draft)
    assert saved_feedback(store, built.visit_id) is None


def test_stems_are_offered_as_openings_to_write_on_from():
    assert [stem_opening(s) for s in STEMS[:2]] == ["Students were able to ", "I noticed "]
    assert not unfinished("Students were able to back each other's claims with page numbers.")
    assert not unfinished("I noticed that students waited for one another.")


def test_no_stem_reaches_the_proposed_sheet_of_any_demo_visit(store):
    """The sheet of a visit without saved feedback prints the proposal: read back from the PDF,
    it carries no stem or slot, and no strength rests on an item that was only tagged."""
    load_demo(store, "small")
    with store.read() as s:
        visit_ids = list(
            s.scalars(
                select(Visit.id)
                .where(~exists().where(Feedback.visit_id == Visit.id))
                .order_by(Visit.started_at)
                .limit(6)
            )
        )
    assert visit_ids
    for visit_id in visit_ids:
        text = " ".join(pdf_text(feedback_sheet_pdf(store, visit_id).data).split())
        for stem in (*STEMS, *WONDERING_STEMS):
            assert stem not in text, (visit_id, stem)
        assert "I noticed students…" not in text and "I noticed that partner talk" not in text
