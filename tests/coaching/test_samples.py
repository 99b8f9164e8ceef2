"""Work samples scored against a cycle's success criteria: real photos attached to real visits,
the share meeting the criteria before → after, and scores that sync like any record."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from observe.capture.attach import attach_file
from observe.capture.visits import start_visit
from observe.coaching import cycles, samples
from observe.coaching.impact_evidence import cycle_evidence_table
from observe.errors import UsageError
from observe.store import Store
from observe.store.models import OutboxOp, SampleScore, VisitType
from tests import imagefiles
from tests.coaching.helpers import T0
from tests.coaching.survey_files import make_cycle


def cycle_with_samples(store: Store, tmp_path: Path, per_visit: tuple[int, ...] = (3, 2)) -> str:
    """A cycle with one visit per entry of ``per_visit``, each with that many photos."""
    cycle_id = make_cycle(store)
    room_id = _room_of_cycle(store, cycle_id)
    for v, count in enumerate(per_visit):
        visit = start_visit(
            store,
            room_id,
            VisitType.COACHING_OBSERVATION,
            cycle_id=cycle_id,
            started_at=T0 + timedelta(days=14 * v),
        )
        for n in range(count):
            # A different size each: distinct photos, so distinct stored images.
            size = (600 + 40 * (v * 10 + n), 450)
            photo = imagefiles.phone_jpeg(tmp_path / f"v{v}-{n}.jpg", size=size)
            attach_file(store, visit.id, photo, caption=f"Exit ticket {v}.{n}")
    return cycle_id


def _room_of_cycle(store: Store, cycle_id: str) -> str:
    from observe.store.models import Classroom, CoachingCycle

    with store.read() as s:
        teacher = s.get_one(CoachingCycle, cycle_id).teacher_id
        return s.scalars(select(Classroom.id).where(Classroom.teacher_id == teacher)).one()


def test_share_meeting_before_and_after(store: Store, tmp_path: Path) -> None:
    cycle_id = cycle_with_samples(store, tmp_path)
    found = samples.cycle_samples(store, cycle_id)
    assert [x.caption for x in found] == [
        "Exit ticket 0.0",
        "Exit ticket 0.1",
        "Exit ticket 0.2",
        "Exit ticket 1.0",
        "Exit ticket 1.1",
    ]
    assert [x.default_phase for x in found] == ["before"] * 3 + ["after"] * 2
    assert samples.cycle_samples_measure(store, cycle_id) is None
    levels = ["meets", "Not yet", "approaching", "meets", "Approaching"]
    for sample, level in zip(found, levels, strict=True):
        scored = samples.score_sample(store, sample.id, level, note="Uses the number line")
        assert scored.phase == sample.default_phase
    measure = samples.cycle_samples_measure(store, cycle_id)
    assert measure is not None
    assert measure.before is not None and measure.after is not None
    assert (measure.before.meeting, measure.before.samples) == (1, 3)
    assert (measure.after.meeting, measure.after.samples) == (1, 2)
    assert measure.change == pytest.approx(0.5 - 1 / 3)
    # Changing a score replaces it: one live score per sample, and the share follows.
    again = samples.score_sample(store, found[4].id, "meets", phase="after", note=None)
    assert again.replaced
    measure = samples.cycle_samples_measure(store, cycle_id)
    assert measure is not None and measure.after == samples.PhaseSamples(2, 2)
    with store.read() as s:
        live = s.scalars(select(SampleScore).where(SampleScore.deleted.is_(False))).all()
        assert len(live) == 5
        queued = s.scalars(
            select(OutboxOp.record_kind).where(OutboxOp.record_kind == "sample_score")
        ).all()
        assert queued  # scores sync like every other record
    # A score whose sample is deleted no longer counts.
    from observe.capture.evidence import delete_evidence

    delete_evidence(store, found[0].id)
    measure = samples.cycle_samples_measure(store, cycle_id)
    assert measure is not None and measure.before == samples.PhaseSamples(2, 0)
    assert samples.clear_score(store, found[1].id)
    measure = samples.cycle_samples_measure(store, cycle_id)
    assert measure is not None and measure.before == samples.PhaseSamples(1, 0)


def test_impact_cycles_table_has_the_samples_row(store: Store, tmp_path: Path) -> None:
    cycle_id = cycle_with_samples(store, tmp_path, (2, 2))
    found = samples.cycle_samples(store, cycle_id)
    for sample, level in zip(found, ["not_yet", "meets", "meets", "meets"], strict=True):
        samples.score_sample(store, sample.id, level)
    with store.read() as s:
        table = cycle_evidence_table(s, None, None)
    rows = [dict(zip(table.columns, r, strict=True)) for r in table.rows]
    mine = [r for r in rows if r["measure"] == "Work samples: share meeting the criteria"]
    assert len(mine) == 1
    assert mine[0]["before_percent"] == 50.0 and mine[0]["before_students"] == 2
    assert mine[0]["after_percent"] == 100.0 and mine[0]["change_points"] == 50.0


def test_refusals_are_sentences_and_change_nothing(store: Store, tmp_path: Path) -> None:
    cycle_id = cycle_with_samples(store, tmp_path, (1,))
    sample = samples.cycle_samples(store, cycle_id)[0]
    with pytest.raises(UsageError, match="is not a level of the success criteria"):
        samples.score_sample(store, sample.id, "excellent")
    with pytest.raises(UsageError, match="before or after"):
        samples.score_sample(store, sample.id, "meets", phase="during")
    with pytest.raises(UsageError, match="characters long"):
        samples.score_sample(store, sample.id, "meets", note="x" * 501)
    with pytest.raises(UsageError, match="No work sample has the id"):
        samples.score_sample(store, "not-an-id", "meets")
    # A photo on a visit outside any cycle has no criteria to be scored against.
    room_id = _room_of_cycle(store, cycle_id)
    loose = start_visit(store, room_id, VisitType.LEARNING_WALK, started_at=T0)
    attached = attach_file(store, loose.id, imagefiles.phone_jpeg(tmp_path / "loose.jpg"))
    with pytest.raises(UsageError, match="not part of a coaching cycle"):
        samples.score_sample(store, attached.evidence_id, "meets")
    with store.read() as s:
        assert s.scalars(select(SampleScore)).all() == []
    assert samples.resolve_sample(store, "latest") == attached.evidence_id
    assert samples.resolve_sample(store, sample.id[:12]) == sample.id
    with pytest.raises(UsageError, match="score-sample --cycle active --list"):
        samples.resolve_sample(store, "zzzzzzzz")


def test_deleting_the_cycle_tombstones_its_scores(store: Store, tmp_path: Path) -> None:
    cycle_id = cycle_with_samples(store, tmp_path, (1,))
    sample = samples.cycle_samples(store, cycle_id)[0]
    samples.score_sample(store, sample.id, "meets")
    cycles.delete_cycle(store, cycle_id)
    with store.read() as s:
        assert s.scalars(select(SampleScore.deleted)).all() == [True]
