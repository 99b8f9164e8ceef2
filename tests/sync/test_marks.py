"""Look-for marks (seen / not yet) travel like every other part of an evidence item."""

from __future__ import annotations

from observe.capture.evidence import save_evidence, update_evidence
from observe.capture.marks import NOT_YET, SEEN
from observe.feedback import visit_facts
from observe.store.models import Evidence, EvidenceKind, LookFor, LookForSet, OutboxOp


def _lookfors(store) -> list[str]:
    with store.write() as s:
        lset = LookForSet(name="Equity of voice")
        items = [
            LookFor(lookfor_set=lset, code="EV1", title="Many different students contribute"),
            LookFor(lookfor_set=lset, code="EV3", title="Partner talk before whole-class sharing"),
        ]
        s.add_all([lset, *items])
    return [lf.id for lf in items]


def test_marks_reach_the_second_device_and_changes_follow(module_server, devices):
    laptop, tablet = devices.signed_in_pair(module_server)
    visit_id = laptop.visit()
    ev1, ev3 = _lookfors(laptop.store)
    item = save_evidence(
        laptop.store,
        visit_id,
        EvidenceKind.STUDENT_ACTION,
        "Students turn and talk; 11 of 12 pairs are both speaking.",
        lookfor_ids=[ev1, ev3],
        lookfor_marks={ev3: SEEN},
    )
    laptop.sync()
    tablet.sync()

    facts = visit_facts(tablet.store, visit_id)
    (fact,) = facts.evidence
    tags = {t.code: t for t in fact.lookfors}
    assert fact.shows(tags["EV3"]) and fact.mark(tags["EV1"]) == "about"
    assert tablet.live() == laptop.live()

    # The tablet changes its mind: EV1 not yet; the laptop sees it after its next sync.
    update_evidence(tablet.store, item.id, lookfor_marks={ev3: SEEN, ev1: NOT_YET})
    tablet.sync()
    laptop.sync()
    with laptop.store.read() as s:
        assert s.get_one(Evidence, item.id).lookfor_marks == {ev1: NOT_YET, ev3: SEEN}
    assert tablet.live() == laptop.live()
    assert laptop.outbox() == 0 and tablet.outbox() == 0 and not laptop.conflicts()


def test_a_snapshot_without_marks_reads_as_about(module_server, devices):
    """What an older device pushes has no ``lookfor_marks``: every tag reads as "about"."""
    laptop, tablet = devices.signed_in_pair(module_server)
    visit_id = laptop.visit()
    (ev1, _ev3) = _lookfors(laptop.store)
    item = save_evidence(
        laptop.store, visit_id, EvidenceKind.STUDENT_TALK, '"I agree with Sam"', lookfor_ids=[ev1]
    )
    with laptop.store.write() as s:  # as an older build wrote it: no marks key at all
        row = s.query(OutboxOp).filter_by(record_id=item.id).one()
        snap = dict(row.snapshot)
        snap.pop("lookfor_marks")
        row.snapshot = snap
    laptop.sync()
    tablet.sync()
    (fact,) = visit_facts(tablet.store, visit_id).evidence
    assert [fact.mark(t) for t in fact.lookfors] == ["about"]
