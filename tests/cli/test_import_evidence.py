"""`observe import survey` and `observe import scores`, end to end through the real command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from observe.store import open_profile
from observe.store.models import CycleAssessment, CycleSurvey
from tests.coaching.survey_files import Q1, google_forms_csv, make_cycle, scores_csv


def observe(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "observe", *argv, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_import_survey_and_scores(profile_dir: Path, tmp_path: Path) -> None:
    store = open_profile(profile_dir)
    cycle_id = make_cycle(store)
    store.close()
    survey = tmp_path / "Before survey.csv"
    survey.write_bytes(google_forms_csv(20))

    result = observe(
        profile_dir, "import", "survey", "--cycle", "active", "--phase", "before", str(survey)
    )
    assert result.returncode == 0, result.stderr
    assert "4 questions from 20 students." in result.stdout
    assert (
        "Dropped so no student can be identified (not stored): "
        "“Timestamp”, “Email Address”, “Name”." in result.stdout
    )
    assert (
        "Stored as the before survey of the cycle “Widen participation in discussion”."
        in result.stdout
    )

    again = observe(
        profile_dir, "import", "survey", "--cycle", cycle_id, "--phase", "before", str(survey)
    )
    assert again.returncode == 0 and "replacing the earlier before survey" in again.stdout

    scores = tmp_path / "scores.csv"
    scores.write_bytes(scores_csv(["1", "2", "3", "4", "3", "2"]))
    result = observe(
        profile_dir,
        "import",
        "scores",
        "--cycle",
        "active",
        "--phase",
        "after",
        "--meets",
        "3",
        "--out-of",
        "4",
        str(scores),
    )
    assert result.returncode == 0, result.stderr
    assert "6 scores from the column “Score”; 3 meet “at or above 3 of 4” (50%)." in result.stdout
    assert (
        "Not stored, so no student can be identified: Student number, Student name."
        in result.stdout
    )

    bad = tmp_path / "bad.csv"
    bad.write_bytes(scores_csv(["3", "absent"]))
    result = observe(
        profile_dir,
        "import",
        "scores",
        "--cycle",
        "active",
        "--phase",
        "before",
        "--meets",
        "3",
        str(bad),
    )
    assert result.returncode == 2
    assert "Row 3 of bad.csv has “absent” as a score, which is not a number" in result.stderr
    assert "Traceback" not in result.stderr

    result = observe(
        profile_dir, "import", "survey", "--cycle", "nope", "--phase", "after", str(survey)
    )
    assert result.returncode == 2 and 'No coaching cycle has the id "nope"' in result.stderr

    store = open_profile(profile_dir)
    with store.read() as s:
        live = s.scalars(select(CycleSurvey).where(CycleSurvey.deleted.is_(False))).all()
        assert [(r.phase, r.respondents) for r in live] == [("before", 20)]
        assert live[0].questions[0]["text"] == Q1
        results = s.scalars(select(CycleAssessment)).all()
        assert [(r.phase, r.scores) for r in results] == [
            ("after", [[1.0, 1], [2.0, 2], [3.0, 2], [4.0, 1]])
        ]
    store.close()


def test_no_active_cycle_is_a_sentence(profile_dir: Path, tmp_path: Path) -> None:
    survey = tmp_path / "s.csv"
    survey.write_bytes(google_forms_csv(3))
    result = observe(
        profile_dir, "import", "survey", "--cycle", "active", "--phase", "after", str(survey)
    )
    assert result.returncode == 2
    assert "There is no active coaching cycle" in result.stderr


def test_paper_survey_pdf_with_the_cycles_questions(profile_dir: Path, tmp_path: Path) -> None:
    from observe.coaching import surveys
    from tests.coaching.survey_files import Q4
    from tests.reports.helpers import flat, pdf_text

    store = open_profile(profile_dir)
    cycle_id = make_cycle(store)
    surveys.save_survey(
        store, cycle_id, "before", surveys.paper_survey("B", [(Q1, "agree5", [1, 1, 1, 1, 1])])
    )
    store.close()
    out = tmp_path / "survey.pdf"
    result = observe(
        profile_dir, "report", "survey", "--cycle", "active", "--question", Q4, "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "Saved the paper survey (1 page)" in result.stdout
    text = flat(pdf_text(out))
    assert flat(Q1) in text and flat(Q4) in text and flat("Don't write your name") in text
    assert flat("○ Strongly agree") in text
