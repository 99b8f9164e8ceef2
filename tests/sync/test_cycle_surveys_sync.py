"""A cycle's student survey and assessment results reach the coach's other device through a
real observe-server (a new record kind for the server: stored like any other)."""

from __future__ import annotations

from observe.coaching import scores, surveys
from tests.coaching.survey_files import Q1, google_forms_csv, make_cycle, scores_csv


def test_survey_and_scores_reach_the_second_device(module_server, devices) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    cycle_id = make_cycle(laptop.store)
    surveys.save_survey(
        laptop.store, cycle_id, "before", surveys.read_survey_bytes(google_forms_csv(20), "b.csv")
    )
    surveys.save_survey(
        laptop.store,
        cycle_id,
        "after",
        surveys.read_survey_bytes(google_forms_csv(20, 2), "a.csv"),
    )
    results = scores.read_scores_bytes(scores_csv(["1", "2", "3", "4"]), "task.csv")
    scores.save_scores(laptop.store, cycle_id, "before", results, 3, 4)
    laptop.sync()
    tablet.sync()

    on_tablet = surveys.cycle_surveys(tablet.store, cycle_id)
    assert on_tablet == surveys.cycle_surveys(laptop.store, cycle_id)
    assert on_tablet.measures[0].question == Q1 and on_tablet.after_respondents == 20
    assessment = scores.cycle_assessment(tablet.store, cycle_id)
    assert assessment is not None and assessment.before.share == 0.5

    # Replacing the after survey on the tablet tombstones the old one on the laptop too.
    surveys.save_survey(
        tablet.store,
        cycle_id,
        "after",
        surveys.paper_survey("Paper", [(Q1, "agree5", [5, 5, 0, 0, 0])]),
    )
    tablet.sync()
    laptop.sync()
    after = surveys.cycle_surveys(laptop.store, cycle_id).measures[0].after
    assert after is not None and after.share == 1.0
    assert tablet.live() == laptop.live()
    assert laptop.outbox() == 0 and tablet.outbox() == 0
    assert not laptop.conflicts() and not tablet.conflicts()
