"""Look-for marks: one key steps a tag about → seen → not yet → off; writes queue for sync."""

from __future__ import annotations

from sqlalchemy import select, text

from observe.capture.evidence import save_evidence, update_evidence
from observe.capture.marks import (
    ABOUT,
    NOT_YET,
    SEEN,
    MarkTally,
    clean_marks,
    describe,
    step,
    visit_tallies,
)
from observe.feedback import visit_facts
from observe.store.models import Evidence, EvidenceKind, OutboxOp
from tests.store.helpers import make_visit


def test_one_key_steps_about_seen_not_yet_then_off():
    tags: tuple[str, ...] = ("a",)
    marks: dict[str, str] = {}
    seen_states = []
    for _ in range(4):
        tags, marks = step(tags, marks, "b")
        seen_states.append(("b" in tags, marks.get("b", ABOUT)))
    assert seen_states == [(True, ABOUT), (True, SEEN), (True, NOT_YET), (False, ABOUT)]
    assert tags == ("a",) and marks == {}


def test_marks_shown_in_words_not_symbols_alone():
    assert describe(SEEN) == "✓ seen"
    assert describe(NOT_YET) == "○ not yet"
    assert describe(ABOUT) == "about"
    assert MarkTally(tagged=4, seen=2, not_yet=1).text() == "✓ 2 seen · ○ 1 not yet · 4 tagged"


def test_junk_marks_from_a_snapshot_read_as_about():
    assert clean_marks(None) == {}
    assert clean_marks(["seen"]) == {}
    assert clean_marks({"a": "seen", "b": "loved", 3: "seen", "c": "not_yet"}, ["a", "b"]) == {
        "a": SEEN
    }


def test_marks_commit_with_their_outbox_row_and_untagging_forgets_them(store):
    visit_id, (d1, d2) = make_visit(store)
    item = save_evidence(
        store,
        visit_id,
        EvidenceKind.STUDENT_TALK,
        '"I think it doubles"',
        lookfor_ids=[d1, d2],
        lookfor_marks={d1: SEEN, d2: ABOUT, "not-a-tag": SEEN},
    )
    assert _last_snapshot(store, item.id)["lookfor_marks"] == {d1: SEEN}

    update_evidence(store, item.id, lookfor_marks={d1: SEEN, d2: NOT_YET})
    assert _last_snapshot(store, item.id)["lookfor_marks"] == {d1: SEEN, d2: NOT_YET}
    assert visit_tallies(store, visit_id) == {
        d1: MarkTally(1, 1, 0),
        d2: MarkTally(1, 0, 1),
    }

    update_evidence(store, item.id, lookfor_ids=[d2])  # D1 untagged: its "seen" goes too
    with store.read() as s:
        assert s.get_one(Evidence, item.id).lookfor_marks == {d2: NOT_YET}
    assert _last_snapshot(store, item.id)["lookfor_marks"] == {d2: NOT_YET}


def test_items_saved_before_marks_existed_read_as_about(store):
    visit_id, (d1, _d2) = make_visit(store)
    item = save_evidence(store, visit_id, EvidenceKind.STUDENT_TALK, '"Yes"', lookfor_ids=[d1])
    with store.write_core() as conn:  # as migration 0006 leaves old rows: NULL
        conn.execute(text("UPDATE evidence SET lookfor_marks = NULL WHERE id = :i"), {"i": item.id})
    (fact,) = visit_facts(store, visit_id).evidence
    assert [fact.mark(t) for t in fact.lookfors] == [ABOUT]
    assert not visit_facts(store, visit_id).seen_counts


def _last_snapshot(store, record_id: str) -> dict:
    with store.read() as s:
        rows = s.scalars(
            select(OutboxOp.snapshot)
            .where(OutboxOp.record_id == record_id)
            .order_by(OutboxOp.seq.desc())
        ).all()
    return rows[0]
