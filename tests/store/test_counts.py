"""Record counts (the welcome panel's figures, ``observe info``): live records only, read from
small indexes so a profile with years of evidence still opens quickly (issue 18)."""

from __future__ import annotations

import pytest

from observe.capture.evidence import delete_evidence, save_evidence
from observe.store.models import DELETED_ROWS_INDEXED, EvidenceKind

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


@pytest.mark.parametrize("model", DELETED_ROWS_INDEXED, ids=lambda m: m.kind)
def test_counting_never_reads_a_whole_big_table(store, model):
    """Both halves of the count are answered from an index, never by scanning the rows."""
    table = model.__tablename__
    with store.engine.connect() as conn:
        plans = [
            " ".join(str(step[-1]) for step in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            for sql in (
                f"SELECT count(*) FROM {table}",
                f"SELECT count(*) FROM {table} WHERE {table}.deleted = 1",
            )
        ]
    assert all("COVERING INDEX" in plan for plan in plans), plans
    assert f"ix_{table}_deleted_rows" in plans[1]


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
