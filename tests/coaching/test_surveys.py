"""Student surveys and assessment results: real export files in, counts only stored."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from observe.coaching import scores, surveys
from observe.coaching.survey_scales import AGREE5, FREQUENCY, YES_NO
from observe.errors import UsageError
from observe.store import Store
from observe.store.models import CycleAssessment, CycleSurvey, OutboxOp
from tests.coaching.survey_files import (
    AGREE,
    FREE,
    NAMES,
    OFTEN,
    Q1,
    Q2,
    Q3,
    Q4,
    _rows,
    google_forms_csv,
    make_cycle,
    microsoft_forms_csv,
    scores_csv,
)


def _expected(n: int, shift: int, col: int, options: list[str]) -> list[int]:
    counts = Counter(r[col] for r in _rows(n, shift))
    return [counts.get(o, 0) for o in options]


def test_google_forms_export_keeps_counts_and_drops_identifying_columns() -> None:
    preview = surveys.read_survey_bytes(google_forms_csv(20), "Before survey.csv")
    assert preview.source == "google_forms"
    assert preview.respondents == 20
    assert preview.dropped == ("Timestamp", "Email Address", "Name")
    assert preview.left_out == (FREE,)
    by_text = {q.text: q for q in preview.questions}
    assert list(by_text) == [Q1, Q2, Q3, Q4]
    assert by_text[Q1].scale == AGREE5.key
    assert list(by_text[Q1].counts) == _expected(20, 0, 0, AGREE)
    assert by_text[Q2].scale == FREQUENCY.key
    assert list(by_text[Q2].counts) == _expected(20, 0, 1, OFTEN)
    assert by_text[Q3].scale == "rating5"
    assert list(by_text[Q3].counts) == _expected(20, 0, 2, ["5", "4", "3", "2", "1"])
    assert by_text[Q4].scale == YES_NO.key
    yes = sum(1 for r in _rows(20, 0) if r[3] == "Yes")
    assert by_text[Q4].share == pytest.approx(yes / 20)
    text = "\n".join(preview.sentences())
    assert "“Timestamp”, “Email Address”, “Name”" in text
    assert "Dropped so no student can be identified" in text


@pytest.mark.parametrize("excel", ["utf-8-sig", "utf-16", "cp1252"])
def test_microsoft_forms_export_from_any_excel_reads_the_same(excel: str) -> None:
    preview = surveys.read_survey_bytes(microsoft_forms_csv(15, excel=excel), "ms.csv")
    assert preview.source == "microsoft_forms"
    assert preview.dropped == (
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        "Last modified time",
    )
    assert [q.text for q in preview.questions] == [Q1, Q2, Q4]
    assert list(preview.questions[0].counts) == _expected(15, 0, 0, AGREE)
    assert preview.respondents == 15


def _db_text(store: Store) -> str:
    con = sqlite3.connect(store.paths.database)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def test_stored_survey_holds_nothing_identifying(store: Store) -> None:
    cycle_id = make_cycle(store)
    preview = surveys.read_survey_bytes(google_forms_csv(20), "before.csv")
    surveys.save_survey(store, cycle_id, "before", preview)
    ms = surveys.read_survey_bytes(microsoft_forms_csv(20, 2), "after.csv")
    surveys.save_survey(store, cycle_id, "after", ms)
    dump = _db_text(store)
    for name in NAMES:
        assert name not in dump and name.split()[0].casefold() + "0@" not in dump
    assert "@students.lincoln.org" not in dump
    assert "GMT-4" not in dump and "10:04:31" not in dump and "My name is" not in dump
    assert Q1 in dump  # the questions themselves are kept


def test_before_after_share_agreeing_and_replacing_a_phase(store: Store) -> None:
    cycle_id = make_cycle(store)
    surveys.save_survey(
        store, cycle_id, "before", surveys.read_survey_bytes(google_forms_csv(20), "b.csv")
    )
    first = surveys.save_survey(
        store, cycle_id, "after", surveys.read_survey_bytes(google_forms_csv(20, 3), "a.csv")
    )
    assert not first.replaced
    again = surveys.save_survey(
        store, cycle_id, "after", surveys.read_survey_bytes(google_forms_csv(20, 2), "a.csv")
    )
    assert again.replaced
    with store.read() as s:
        live = s.scalar(
            select(func.count()).select_from(CycleSurvey).where(CycleSurvey.deleted.is_(False))
        )
    assert live == 2
    result = surveys.cycle_surveys(store, cycle_id)
    q1 = result.measures[0]
    assert q1.question == Q1
    before_share = sum(1 for r in _rows(20, 0) if r[0] in AGREE[:2]) / 20
    after_share = sum(1 for r in _rows(20, 2) if r[0] in AGREE[:2]) / 20
    assert q1.before.share == pytest.approx(before_share)
    assert q1.after.share == pytest.approx(after_share)
    assert q1.change == pytest.approx(after_share - before_share)
    assert result.before_respondents == 20 and result.after_respondents == 20


def test_paper_tallies(store: Store) -> None:
    cycle_id = make_cycle(store)
    preview = surveys.paper_survey(
        "Exit ticket", [(Q1, "agree5", [4, 7, 3, 2, 1]), (Q4, "yes_no", [12, 5])]
    )
    surveys.save_survey(store, cycle_id, "before", preview)
    measure = surveys.cycle_surveys(store, cycle_id).measures
    assert measure[0].before.share == pytest.approx(11 / 17)
    assert measure[1].before.share == pytest.approx(12 / 17)
    with pytest.raises(UsageError, match="tally for each"):
        surveys.paper_survey("x", [(Q1, "agree5", [1, 2])])
    with pytest.raises(UsageError, match="Every tally is 0"):
        surveys.paper_survey("x", [(Q1, "yes_no", [0, 0])])
    with pytest.raises(UsageError, match="whole numbers"):
        surveys.paper_survey("x", [(Q1, "yes_no", [-1, 3])])


def test_a_hundred_thousand_rows_import_quickly() -> None:
    data = google_forms_csv(100)
    header, _, body = data.partition(b"\r\n")
    big = header + b"\r\n" + body * 1000
    start = time.perf_counter()
    preview = surveys.read_survey_bytes(big, "district.csv")
    elapsed = time.perf_counter() - start
    assert preview.respondents == 100_000
    assert sum(preview.questions[0].counts) == 100_000
    assert elapsed < 10, elapsed


def test_scores_keep_the_distribution_and_judge_against_the_threshold(store: Store) -> None:
    cycle_id = make_cycle(store)
    before = scores.read_scores_bytes(scores_csv(["1", "2", "2", "3", "4", "", "3"]), "b.csv")
    assert before.column == "Score"
    assert before.dropped == ("Student number", "Student name")
    assert before.distribution == ((1.0, 1), (2.0, 2), (3.0, 2), (4.0, 1))
    scores.save_scores(store, cycle_id, "before", before, 3, 4)
    after = scores.read_scores_bytes(scores_csv(["3", "2", "4", "3", "4", "4"], sep=";"), "a.csv")
    with pytest.raises(UsageError, match="same threshold"):
        scores.save_scores(store, cycle_id, "after", after, 2, 4)
    scores.save_scores(store, cycle_id, "after", after, 3, 4)
    measure = scores.cycle_assessment(store, cycle_id)
    assert measure is not None
    assert measure.before.share == pytest.approx(3 / 6)
    assert measure.after.share == pytest.approx(5 / 6)
    assert measure.threshold == "“at or above 3 of 4”"
    dump = _db_text(store)
    assert all(name not in dump for name in NAMES) and "SN-100" not in dump


def test_decimal_comma_scores_from_a_european_excel() -> None:
    data = "Élève n°;Note\r\n1;3,5\r\n2;2\r\n".encode("cp1252")
    preview = scores.read_scores_bytes(data, "notes.csv")
    assert preview.distribution == ((2.0, 1), (3.5, 1))


SURVEY_BAD: list[tuple[str, bytes]] = [
    ("empty.csv", b""),
    ("blank.csv", b"\r\n\r\n  \r\n"),
    ("workbook.xlsx", b"PK\x03\x04" + b"\x00" * 200),
    ("binary.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    ("only-identifying.csv", b"Timestamp,Email Address,Name\r\n1,a@b.org,Ana\r\n"),
    ("free-text.csv", b"What did you learn?\r\nfractions\r\nmore fractions\r\n"),
    ("empty-columns.csv", b"Q1,Q2,Q3\r\n,,\r\n,,\r\n"),
    ("header-only.csv", ("Timestamp," + Q1 + "\r\n").encode()),
    ("ragged.csv", ("A," + Q1 + "\r\n1,Agree,extra,cells\r\n").encode()),
    ("bad-quote.csv", ('Q,"' + Q1 + '\r\n"x"y,Agree\r\n').encode()),
    ("typo.csv", (Q1 + "\r\nAgree\r\nAgre e maybe\r\n").encode()),
]
SCORES_BAD: list[tuple[str, bytes]] = [
    ("text-score.csv", scores_csv(["3", "absent", "4"])),
    ("negative.csv", scores_csv(["3", "-2"])),
    ("no-scores.csv", b"Student name\r\nAna\r\nBo\r\n"),
    ("two-columns.csv", b"Task A,Task B\r\n1,2\r\n3,4\r\n"),
    ("names-only.csv", b"Name,Email\r\nAna,a@b.org\r\n"),
    ("empty-score-column.csv", b"Student number,Score\r\n1,\r\n2,\r\n"),
    ("utf16-broken.csv", b"\xff\xfe" + b"S\x00c\x00\x00\xd8"),
    ("above-out-of.csv", scores_csv(["3", "7"])),
    ("empty.csv", b""),
]


def _counts(store: Store) -> tuple[int, int, int]:
    with store.read() as s:
        return (
            s.scalar(select(func.count()).select_from(CycleSurvey)),
            s.scalar(select(func.count()).select_from(CycleAssessment)),
            s.scalar(select(func.count()).select_from(OutboxOp)),
        )


def test_twenty_malformed_files_get_a_sentence_and_change_nothing(
    store: Store, tmp_path: Path
) -> None:
    assert len(SURVEY_BAD) + len(SCORES_BAD) == 20
    cycle_id = make_cycle(store)
    surveys.save_survey(
        store, cycle_id, "before", surveys.read_survey_bytes(google_forms_csv(5), "b.csv")
    )
    before = _counts(store)
    for name, data in SURVEY_BAD:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(UsageError) as caught:
            surveys.save_survey(store, cycle_id, "after", surveys.read_survey(path))
        sentence = caught.value.sentence
        assert name in sentence and sentence.endswith((".", ")")), sentence
        assert "Traceback" not in sentence and "\n" not in sentence
    for name, data in SCORES_BAD:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(UsageError) as caught:
            scores.save_scores(store, cycle_id, "after", scores.read_scores(path), 3, 4)
        assert "\n" not in caught.value.sentence
    assert _counts(store) == before


def test_impact_cycles_gain_the_survey_and_assessment_measures(store: Store) -> None:
    from observe.coaching.impact import local_report

    cycle_id = make_cycle(store)
    surveys.save_survey(
        store, cycle_id, "before", surveys.paper_survey("B", [(Q1, "agree5", [1, 1, 2, 4, 2])])
    )
    surveys.save_survey(
        store, cycle_id, "after", surveys.paper_survey("A", [(Q1, "agree5", [3, 4, 1, 1, 1])])
    )
    results = scores.read_scores_bytes(scores_csv(["1", "2", "3", "4"]), "Unit task.csv")
    scores.save_scores(store, cycle_id, "before", results, 3, 4)
    report = local_report(store, None, None)
    table = report.tables["cycle_evidence"]
    assert table in report.ordered()
    rows = table.dicts()
    assert rows[0]["what"] == Q1 and rows[0]["measure"] == "Survey: share agreeing"
    assert (rows[0]["before_percent"], rows[0]["after_percent"]) == (20.0, 70.0)
    assert rows[0]["change_points"] == 50.0 and rows[0]["after_students"] == 10
    assert rows[1]["what"] == "Unit task, at or above 3 of 4"
    assert (rows[1]["before_percent"], rows[1]["after_percent"]) == (50.0, None)
    assert rows[1]["change_points"] is None


def test_deleting_the_cycle_removes_its_surveys_and_scores(store: Store) -> None:
    from observe.coaching import cycles

    cycle_id = make_cycle(store)
    surveys.save_survey(
        store, cycle_id, "before", surveys.paper_survey("B", [(Q1, "yes_no", [3, 1])])
    )
    results = scores.read_scores_bytes(scores_csv(["1", "4"]), "t.csv")
    scores.save_scores(store, cycle_id, "before", results, 3, 4)
    cycles.delete_cycle(store, cycle_id)
    with store.read() as s:
        assert all(r.deleted for r in s.scalars(select(CycleSurvey)))
        assert all(r.deleted for r in s.scalars(select(CycleAssessment)))
    assert surveys.cycle_surveys(store, cycle_id).measures == ()
    assert scores.cycle_assessment(store, cycle_id) is None
    with pytest.raises(UsageError, match="deleted; nothing was imported"):
        surveys.save_survey(
            store, cycle_id, "after", surveys.paper_survey("A", [(Q1, "yes_no", [1, 1])])
        )


def test_a_google_forms_quiz_export_and_questions_with_semicolons() -> None:
    quiz = (
        b"Timestamp,Email Address,Score,Name\r\n"
        b"2026/10/01 9:00:00 AM GMT-4,ana@x.org,3 / 4,Ana\r\n"
        b"2026/10/01 9:01:00 AM GMT-4,bo@x.org,1 / 4,Bo\r\n"
    )
    preview = scores.read_scores_bytes(quiz, "quiz.csv")
    assert preview.distribution == ((1.0, 1), (3.0, 1))
    assert preview.dropped == ("Timestamp", "Email Address", "Name")
    survey = (
        b'Timestamp,"When I\'m stuck; I ask a classmate; or my teacher",Q2\r\n'
        b"1,Agree,Yes\r\n2,Disagree,No\r\n"
    )
    read = surveys.read_survey_bytes(survey, "s.csv")
    assert [q.text for q in read.questions] == [
        "When I'm stuck; I ask a classmate; or my teacher",
        "Q2",
    ]
