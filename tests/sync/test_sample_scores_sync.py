"""Work samples' scores reach the coach's other device through a real observe-server, and the
share meeting the criteria reads the same on both (the images themselves travel as blobs)."""

from __future__ import annotations

from pathlib import Path

from observe.coaching import samples
from tests.coaching.test_samples import cycle_with_samples


def test_sample_scores_reach_the_second_device(module_server, devices, tmp_path: Path) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    cycle_id = cycle_with_samples(laptop.store, tmp_path, (2, 1))
    found = samples.cycle_samples(laptop.store, cycle_id)
    for sample, level in zip(found, ["not_yet", "meets", "meets"], strict=True):
        samples.score_sample(laptop.store, sample.id, level, note="Labels the axes")
    laptop.sync()
    tablet.sync()
    on_tablet = samples.cycle_samples_measure(tablet.store, cycle_id)
    assert on_tablet == samples.cycle_samples_measure(laptop.store, cycle_id)
    assert on_tablet is not None and on_tablet.before == samples.PhaseSamples(2, 1)
    assert [x.note for x in samples.cycle_samples(tablet.store, cycle_id)] == [
        "Labels the axes"
    ] * 3

    # Rescoring on the tablet changes the laptop's share too.
    samples.score_sample(tablet.store, found[0].id, "meets")
    tablet.sync()
    laptop.sync()
    measure = samples.cycle_samples_measure(laptop.store, cycle_id)
    assert measure is not None and measure.before == samples.PhaseSamples(2, 2)
    assert tablet.live() == laptop.live()
    assert not laptop.conflicts() and not tablet.conflicts()
