"""The cycle summary carries the survey and assessment measures, before → after (read back)."""

from __future__ import annotations

from pathlib import Path

from observe.coaching import scores, surveys
from observe.reports.cycle_evidence import SECTION_ASSESSMENT, SECTION_SURVEY
from observe.reports.cycle_summary import cycle_summary_pdf
from tests.coaching.survey_files import (
    NAMES,
    Q1,
    Q4,
    google_forms_csv,
    make_cycle,
    scores_csv,
)
from tests.reports.helpers import body_text, flat, qpdf_check


def test_cycle_summary_shows_survey_and_assessment_before_after(store, tmp_path: Path) -> None:
    cycle_id = make_cycle(store)
    surveys.save_survey(
        store,
        cycle_id,
        "before",
        surveys.paper_survey("Before", [(Q1, "agree5", [2, 3, 5, 6, 4]), (Q4, "yes_no", [8, 12])]),
    )
    surveys.save_survey(
        store,
        cycle_id,
        "after",
        surveys.paper_survey("After", [(Q1, "agree5", [6, 8, 3, 2, 1]), (Q4, "yes_no", [15, 5])]),
    )
    before = scores.read_scores_bytes(scores_csv(["1", "2", "2", "3", "4"]), "Unit 3 task.csv")
    after = scores.read_scores_bytes(scores_csv(["3", "2", "4", "3", "4"]), "Unit 5 task.csv")
    scores.save_scores(store, cycle_id, "before", before, 3, 4)
    scores.save_scores(store, cycle_id, "after", after, 3, 4)

    pdf = cycle_summary_pdf(store, cycle_id, "letter")
    text = flat(body_text(pdf.data))
    assert flat(SECTION_SURVEY) in text and flat(SECTION_ASSESSMENT) in text
    assert flat(Q1) in text
    assert flat("25% → 70% (+45 points)") in text  # 5 of 20 agreed before, 14 of 20 after
    assert flat("40% → 75% (+35 points)") in text  # Yes: 8 of 20, then 15 of 20
    assert flat("share of students scoring “at or above 3 of 4”") in text
    assert flat("40% → 80% (+40 points)") in text
    assert flat("Before: 2 of 5 students; students per score: 1: 1, 2: 2, 3: 1, 4: 1.") in text
    assert all(flat(name) not in text for name in NAMES)
    out = tmp_path / "cycle.pdf"
    pdf.save(out)
    assert qpdf_check(out).returncode == 0


def test_only_a_before_survey_says_the_after_is_missing(store) -> None:
    cycle_id = make_cycle(store)
    surveys.save_survey(
        store, cycle_id, "before", surveys.read_survey_bytes(google_forms_csv(10), "b.csv")
    )
    text = flat(body_text(cycle_summary_pdf(store, cycle_id).data))
    assert flat("before; no after results yet") in text
    assert flat(SECTION_ASSESSMENT) not in text


def test_cycle_summary_shows_work_samples_with_their_scores(store, tmp_path: Path) -> None:
    from observe.coaching import samples
    from observe.reports.cycle_evidence import SECTION_SAMPLES
    from tests.coaching.test_samples import cycle_with_samples
    from tests.reports.helpers import reader

    cycle_id = cycle_with_samples(store, tmp_path, (2, 2))
    found = samples.cycle_samples(store, cycle_id)
    levels = ["not_yet", "meets", "meets", "meets"]
    for sample, level in zip(found, levels, strict=True):
        samples.score_sample(store, sample.id, level, note=f"Note on {sample.caption}")
    pdf = cycle_summary_pdf(store, cycle_id, "letter")
    text = flat(body_text(pdf.data))
    assert flat(SECTION_SAMPLES) in text
    assert flat("Work samples meeting the criteria: 50% → 100% (+50 points)") in text
    assert flat("Not yet (before)") in text and flat("Meets (after)") in text
    assert flat("Note on Exit ticket 1.1") in text
    # The thumbnails are the stored JPEGs, one per sample.
    assert len({x.image_sha256 for x in found}) == 4
    images = 0
    for page in reader(pdf.data).pages:
        images += len(page.images)
    assert images == 4
    out = tmp_path / "cycle.pdf"
    pdf.save(out)
    assert qpdf_check(out).returncode == 0


def test_unscored_samples_print_without_a_measure(store, tmp_path: Path) -> None:
    from tests.coaching.test_samples import cycle_with_samples

    cycle_id = cycle_with_samples(store, tmp_path, (1,))
    text = flat(body_text(cycle_summary_pdf(store, cycle_id).data))
    assert flat("None of these samples is scored yet.") in text
    assert flat("Not scored") in text
