"""Deleting a visit: everything recorded in it goes, as tombstones that sync, and nothing else."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from observe.capture import drafts, participation, visits
from observe.capture.evidence import save_evidence
from observe.capture.visit_removal import delete_visit, restore_visit, visit_contents
from observe.errors import UsageError
from observe.store.models import (
    CoachingLogEntry,
    Evidence,
    EvidenceKind,
    Feedback,
    OutboxOp,
    ParticipationEvent,
    ParticipationKind,
    Visit,
)
from observe.store.search import search_evidence

from ..store.helpers import make_visit
from .test_capture_core import chart, classroom_of


def _live(store, model, visit_id: str) -> int:
    with store.read() as s:
        rows = s.scalars(select(model).where(model.visit_id == visit_id)).all()
        return sum(1 for r in rows if not r.deleted)


def _full_visit(store) -> str:
    visit_id, _ = make_visit(store)
    for text in ["Students explain fractions", "A student asks: why halves?", "Pairs compare"]:
        save_evidence(store, visit_id, EvidenceKind.STUDENT_TALK, text)
    seats = chart(store, classroom_of(store, visit_id), ["Table 1", "Table 2"])
    for seat in seats:
        participation.tally(store, visit_id, seat.id, ParticipationKind.VOLUNTEERED)
    with store.write() as s:
        s.add(Feedback(visit_id=visit_id, glows=[{"evidence_id": None, "text": "Talk"}]))
    visits.end_visit(store, visit_id)  # writes the automatic coaching-log entry
    drafts.save_draft(store, drafts.capture_key(visit_id), "half a thought")
    return visit_id


def test_deleting_a_visit_takes_what_was_recorded_in_it_and_nothing_else(store):
    kept, _ = make_visit(store)
    save_evidence(store, kept, EvidenceKind.STUDENT_TALK, "Students explain in another class")
    visit_id = _full_visit(store)

    before = visit_contents(store, visit_id)
    assert (before.evidence, before.participation, before.feedback) == (3, 2, 1)
    assert before.sentence() == (
        "its 3 evidence items, 2 participation marks and its feedback sheet"
    )
    with store.read() as s:
        seq = max(s.scalars(select(OutboxOp.seq)))

    removed = delete_visit(store, visit_id)
    assert removed.contents == before

    with store.read() as s:
        assert s.get_one(Visit, visit_id).deleted
        log = s.scalars(select(CoachingLogEntry)).all()
        assert [e.deleted for e in log] == [True]  # the automatic entry was the visit's time
        assert search_evidence(s, "explain") and all(
            hit.visit_id == kept for hit in search_evidence(s, "explain")
        )
        queued = s.scalars(select(OutboxOp.record_id).where(OutboxOp.seq > seq)).all()
    for model in (Evidence, ParticipationEvent, Feedback):
        assert _live(store, model, visit_id) == 0
    assert _live(store, Evidence, kept) == 1
    # Every tombstone is queued for sync: the visit, 3 items, 2 marks, the sheet, the log entry.
    assert len(set(queued)) == 8 and visit_id in queued
    assert drafts.load_draft(store, drafts.capture_key(visit_id)) is None
    with pytest.raises(UsageError, match="no longer in this profile"):
        delete_visit(store, visit_id)


def test_a_log_entry_the_coach_edited_stays_without_the_visit_and_undo_puts_all_back(store):
    visit_id = _full_visit(store)
    with store.write() as s:
        entry = s.scalars(select(CoachingLogEntry)).one()
        entry.minutes = entry.minutes + 25  # the coach stayed to talk afterwards
    removed = delete_visit(store, visit_id)
    with store.read() as s:
        entry = s.scalars(select(CoachingLogEntry)).one()
        assert not entry.deleted and entry.visit_id is None

    restore_visit(store, removed)

    with store.read() as s:
        assert not s.get_one(Visit, visit_id).deleted
        assert s.scalars(select(CoachingLogEntry)).one().visit_id == visit_id
    assert visit_contents(store, visit_id) == removed.contents  # 3 items, 2 marks, 1 sheet


def test_an_empty_visit_says_so():
    from observe.capture.visit_removal import VisitContents

    assert VisitContents(0, 0, 0).sentence() == "nothing recorded in it yet"
    assert VisitContents(1, 0, 0).sentence() == "its 1 evidence item"
    assert VisitContents(0, 0, 2).sentence() == "its feedback sheets"


def test_a_deleted_visit_is_deleted_on_the_coachs_other_laptop(sqlite_server, tmp_path):
    from tests.sync.devices import Devices

    devices = Devices(tmp_path)
    try:
        laptop, tablet = devices.signed_in_pair(sqlite_server)
        visit = laptop.visit()
        items = [laptop.evidence(visit, f"Students explain step {i}") for i in range(3)]
        laptop.sync()
        tablet.sync()
        assert [tablet.text(i) for i in items] == [f"Students explain step {i}" for i in range(3)]

        delete_visit(laptop.store, visit)
        laptop.sync()
        tablet.sync()
    finally:
        devices.close()
    assert [tablet.text(i) for i in items] == [None, None, None]
    with tablet.store.read() as s:
        assert s.get_one(Visit, visit).deleted
    assert tablet.live() == laptop.live()  # the school, teacher and class stay on both
