"""Full-text search follows every save, edit and delete."""

from __future__ import annotations

from observe.capture.evidence import delete_evidence, save_evidence, update_evidence
from observe.store.models import EvidenceKind
from observe.store.search import fts_query, search_evidence

from .helpers import make_visit


def found(store, words: str) -> list[str]:
    with store.read() as s:
        return [hit.evidence_id for hit in search_evidence(s, words)]


def test_new_text_is_found_and_edits_and_deletes_are_forgotten(store):
    visit_id, _ = make_visit(store)
    a = save_evidence(
        store, visit_id, EvidenceKind.STUDENT_TALK, '"The slope is the rate of change."'
    )
    b = save_evidence(
        store, visit_id, EvidenceKind.STUDENT_ACTION, "Students graph the rate table."
    )
    assert found(store, "slope") == [a.id]
    assert set(found(store, "rate")) == {a.id, b.id}

    update_evidence(store, a.id, text='"The gradient tells how steep it is."')
    assert found(store, "slope") == []
    assert found(store, "gradient") == [a.id]

    delete_evidence(store, b.id)
    assert found(store, "rate") == []
    assert found(store, "graph") == []


def test_prefix_diacritics_and_rtl(store):
    visit_id, _ = make_visit(store)
    item = save_evidence(
        store, visit_id, EvidenceKind.NOTE, "Nguyễn's group wrote «مرحبا» on the board"
    )
    assert found(store, "nguyen") == [item.id]
    assert found(store, "boa") == [item.id]  # last word matches as a prefix while typing
    assert found(store, "مرحبا") == [item.id]


def test_typed_punctuation_is_not_query_syntax(store):
    visit_id, _ = make_visit(store)
    item = save_evidence(store, visit_id, EvidenceKind.NOTE, "Think-pair-share OR turn and talk")
    assert found(store, 'think-pair "share') == [item.id]
    assert found(store, "NOT") == []
    assert fts_query("  ?! ") is None
    assert found(store, "?!") == []
