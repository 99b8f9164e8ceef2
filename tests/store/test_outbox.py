"""Every change to a syncable record queues exactly one outbox row, atomically with the change."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from observe.capture.evidence import delete_evidence, save_evidence, update_evidence
from observe.store.models import Evidence, EvidenceKind, OutboxOp, School

from .helpers import make_visit


def ops_for(store, record_id: str) -> list[OutboxOp]:
    with store.read() as s:
        return list(
            s.scalars(
                select(OutboxOp).where(OutboxOp.record_id == record_id).order_by(OutboxOp.seq)
            )
        )


def test_create_update_delete_each_queue_one_op_with_snapshot(store):
    visit_id, (lf1, lf2) = make_visit(store)
    item = save_evidence(
        store, visit_id, EvidenceKind.STUDENT_TALK, '"Because it doubles."', lookfor_ids=[lf1]
    )
    update_evidence(store, item.id, text='"Because it doubles each time."', lookfor_ids=[lf1, lf2])
    delete_evidence(store, item.id)

    ops = ops_for(store, item.id)
    assert [op.op for op in ops] == ["upsert", "upsert", "delete"]
    assert all(op.record_kind == "evidence" and op.base_version == 0 for op in ops)
    assert ops[0].snapshot["text"] == '"Because it doubles."'
    assert ops[0].snapshot["lookfor_ids"] == [lf1]
    assert ops[1].snapshot["text"] == '"Because it doubles each time."'
    assert ops[1].snapshot["lookfor_ids"] == sorted([lf1, lf2])
    assert ops[1].snapshot["visibility"] == "private"
    assert ops[2].snapshot is None
    assert len({op.op_id for op in ops}) == 3
    assert [op.seq for op in ops] == sorted(op.seq for op in ops)


def test_changing_only_tags_is_queued(store):
    visit_id, (lf1, _) = make_visit(store)
    item = save_evidence(store, visit_id, EvidenceKind.STUDENT_ACTION, "Students sort cards.")
    update_evidence(store, item.id, lookfor_ids=[lf1])
    ops = ops_for(store, item.id)
    assert [op.snapshot["lookfor_ids"] for op in ops] == [[], [lf1]]


def test_unchanged_record_queues_nothing(store):
    visit_id, _ = make_visit(store)
    item = save_evidence(store, visit_id, EvidenceKind.NOTE, "Exit ticket collected.")
    with store.write() as s:
        loaded = s.get_one(Evidence, item.id)
        loaded.text = loaded.text  # touched, not changed
    assert len(ops_for(store, item.id)) == 1


def test_failure_after_flush_leaves_neither_record_nor_outbox_row(store):
    with pytest.raises(RuntimeError), store.write() as s:
        school = School(name="Half-written")
        s.add(school)
        s.flush()  # record and outbox row are now in the open transaction
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 1
        raise RuntimeError("power cut")
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(School)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0


def test_outbox_write_failure_rolls_back_the_record(store):
    visit_id, _ = make_visit(store)
    with store.engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox "
                "BEGIN SELECT RAISE(ABORT, 'simulated disk error'); END"
            )
        )
    with pytest.raises(Exception, match="simulated disk error"):
        save_evidence(store, visit_id, EvidenceKind.NOTE, "This must not be saved alone.")
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Evidence)) == 0


def test_remote_changes_are_not_queued(store):
    with store.write() as s:
        s.info["applying_remote"] = True
        s.add(
            School(
                id="00000000-0000-7000-8000-000000000001",
                name="From server",
                author_id="a",
                device_id="d",
                version=3,
            )
        )
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == 0
        assert s.get_one(School, "00000000-0000-7000-8000-000000000001").version == 3
