"""Record counts (the welcome panel's figures, ``observe info``): live records only, read from
small indexes so a profile with years of evidence still opens quickly (issue 18)."""

from __future__ import annotations

import pytest

from observe.capture.evidence import delete_evidence, save_evidence
from observe.store.first_screens import count_statement
from observe.store.models import DELETED_ROWS_INDEXED, SYNC_MODELS, EvidenceKind

from .helpers import make_visit


def test_counts_leave_out_deleted_records(store):
    visit_id, _ = make_visit(store)
    items = [save_evidence(store, visit_id, EvidenceKind.NOTE, f"Note {n}").id for n in range(5)]
    delete_evidence(store, items[0])
    delete_evidence(store, items[3])
    counts = store.counts(from_indexes=True)
    assert counts["evidence"] == 3
    assert counts["visit"] == 1 and counts["school"] == 1
    assert counts == store.counts()  # the same figures as reading every row


def test_the_windows_single_statement_gives_the_same_figures_and_emptiness(store):
    """The window's one-statement count agrees with counting kind by kind and with
    ``is_empty``: an empty profile, then one whose only evidence item was deleted (not empty:
    a deleted record is still a record), then with live records."""
    empty = store.counted_from_indexes()
    assert empty.empty and store.is_empty()
    assert set(empty.live.values()) == {0} and "outbox" in empty.live
    visit_id, _ = make_visit(store)
    item = save_evidence(store, visit_id, EvidenceKind.NOTE, "Exit tickets").id
    delete_evidence(store, item)
    counted = store.counted_from_indexes()
    assert not counted.empty and not store.is_empty()
    assert counted.live == store.counts() and counted.live["evidence"] == 0
    assert counted.live["outbox"] > 0
    without_outbox = store.counted_from_indexes(outbox=False)
    assert "outbox" not in without_outbox.live
    assert without_outbox.live == {k: n for k, n in counted.live.items() if k != "outbox"}
    assert list(without_outbox.live) == [model.kind for model in SYNC_MODELS]


@pytest.mark.parametrize("model", DELETED_ROWS_INDEXED, ids=lambda m: m.kind)
def test_counting_never_reads_a_whole_big_table(store, model):
    """Both halves of the count are answered from an index, never by scanning the rows: in
    the window's single statement too."""
    table = model.__tablename__
    with store.engine.connect() as conn:
        plans = [
            " ".join(str(step[-1]) for step in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in (
                f"SELECT count(*) FROM {table}",
                f"SELECT count(*) FROM {table} WHERE {table}.deleted = 1",
            )
        ]
        combined = [
            str(step[-1])
            for step in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {count_statement(outbox=True)}")
        ]
    assert all("COVERING INDEX" in plan for plan in plans), plans
    assert f"ix_{table}_deleted_rows" in plans[1]
    reads = [
        step for step in combined if step.split(" ")[:2] in (["SCAN", table], ["SEARCH", table])
    ]
    assert len(reads) == 2 and all("COVERING INDEX" in step for step in reads), combined
    assert any(f"ix_{table}_deleted_rows" in step for step in reads), combined


def test_live_row_queries_do_not_pick_the_deleted_rows_index(store):
    """The partial index holds deleted rows only, so a visit's live evidence keeps its index."""
    with store.engine.connect() as conn:
        plan = " ".join(
            str(step[-1])
            for step in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM evidence WHERE visit_id = 'v' AND deleted = 0"
            )
        )
    assert "ix_evidence_visit_observed" in plan and "deleted_rows" not in plan
