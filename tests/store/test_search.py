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


def test_filters_narrow_by_teacher_kind_lookfor_and_dates(store):
    from datetime import UTC, datetime, timedelta

    from observe.store.models import Visit
    from observe.store.search import SearchFilters

    visit_id, (lf1, _) = make_visit(store)
    other_visit, _ = make_visit(store)
    t0 = datetime(2026, 10, 1, 14, 0, tzinfo=UTC)
    a = save_evidence(
        store,
        visit_id,
        EvidenceKind.STUDENT_TALK,
        '"A ratio compares"',
        lookfor_ids=[lf1],
        observed_at=t0,
    )
    b = save_evidence(
        store,
        visit_id,
        EvidenceKind.NOTE,
        "ratio table on the wall",
        observed_at=t0 + timedelta(days=2),
    )
    c = save_evidence(
        store,
        other_visit,
        EvidenceKind.STUDENT_TALK,
        '"My ratio is 2 to 3"',
        observed_at=t0 + timedelta(days=5),
    )
    with store.read() as s:
        teacher_id = s.get_one(Visit, visit_id).classroom.teacher_id

        def ids(words: str, **kw) -> set[str]:
            return {h.evidence_id for h in search_evidence(s, words, SearchFilters(**kw))}

        assert ids("ratio") == {a.id, b.id, c.id}
        newest_first = [h.evidence_id for h in search_evidence(s, "ratio")]
        assert newest_first == [c.id, b.id, a.id]
        assert ids("ratio", teacher_id=teacher_id) == {a.id, b.id}
        assert ids("ratio", kind=EvidenceKind.STUDENT_TALK) == {a.id, c.id}
        assert ids("ratio", lookfor_id=lf1) == {a.id}
        assert ids("ratio", since=t0 + timedelta(days=1)) == {b.id, c.id}
        assert ids("ratio", until=t0 + timedelta(days=2)) == {a.id}
        assert ids("", kind=EvidenceKind.NOTE) == {b.id}  # filters alone browse, newest first
        assert ids("") == set()
        (hit,) = search_evidence(s, "compares", SearchFilters())
        assert hit.visit_id == visit_id and hit.teacher_name == "Zoë Okafor"
        assert hit.observed_at == t0 and hit.snippet == '"A ratio [compares]"'


def test_a_filtered_search_checks_matches_without_reading_evidence_rows(store):
    """A filter few matches pass makes search walk many of them (five years of one coach:
    tens of thousands for a common word): each must be checked from indexes (0015), not by
    reading the evidence row with its text, or the slowest searches double."""
    from sqlalchemy import event

    from observe.store.models import Visit
    from observe.store.search import SearchFilters

    visit_id, _ = make_visit(store)
    save_evidence(store, visit_id, EvidenceKind.STUDENT_TALK, "ratio table")
    with store.read() as s:
        teacher_id = s.get_one(Visit, visit_id).classroom.teacher_id
        seen: list[tuple[str, object]] = []
        connection = s.connection()

        def keep(conn, cursor, statement, parameters, context, executemany):
            seen.append((statement, parameters))

        event.listen(connection, "before_cursor_execute", keep)
        filters = SearchFilters(teacher_id=teacher_id, kind=EvidenceKind.STUDENT_TALK)
        assert len(search_evidence(s, "rat", filters)) == 1
        event.remove(connection, "before_cursor_execute", keep)
        statement, parameters = seen[-1]
        plan = [
            row[-1]
            for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        ]
    assert any("SEARCH e USING COVERING INDEX" in step for step in plan), plan
    assert any("SEARCH v USING COVERING INDEX" in step for step in plan), plan
