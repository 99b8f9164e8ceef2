"""Roster import from a CSV file: a preview with every problem, then all rows or none."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from observe.errors import UsageError
from observe.roster import csv_import as roster
from observe.store.models import Classroom, Teacher

from ..capture.test_capture_core import ROSTER


def test_roster_import_is_all_or_nothing_and_idempotent(store, tmp_path: Path):
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    preview = roster.read_roster(store, path)
    assert preview.ok and len(preview.to_import) == 4
    result = roster.import_roster(store, preview, school_name="Lincoln Middle")
    assert (result.teachers_added, result.classrooms_added) == (3, 4)
    again = roster.read_roster(store, path)
    assert again.ok and again.to_import == []
    assert roster.import_roster(store, again).classrooms_added == 0
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Teacher)) == 3
        assert s.scalar(select(func.count()).select_from(Classroom)) == 4


def test_roster_with_bad_rows_imports_nothing(store, tmp_path: Path):
    bad = ROSTER + ",Art,6,5,D1\nZoë Okafor,Science,6,2,Lab 1\nLee," + "x" * 130 + ",7,1,A\n"
    preview = roster.parse_roster(store, bad)
    assert not preview.ok
    assert preview.error_sentences() == [
        "Line 6: the teacher's name is missing.",
        "Line 7: the same class is already on line 4.",
        "Line 8: the subject is longer than 120 characters.",
    ]
    with pytest.raises(UsageError, match="nothing was imported"):
        roster.import_roster(store, preview)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Teacher)) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "The file is empty."),
        ("name;room\n", "no subject column"),
        ("teacher,subject\n", "no classes"),
    ],
)
def test_roster_file_problems_are_sentences(store, content, message):
    preview = roster.parse_roster(store, content)
    assert not preview.ok and message in preview.error_sentences()[0]


def test_roster_semicolons_and_windows_encoding(store, tmp_path: Path):
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "Teacher Name;Course;Grade;Block;Room\nJosé Álvarez;Español;8;2;E4\n".encode("cp1252")
    )
    preview = roster.read_roster(store, path)
    assert preview.ok
    assert (preview.rows[0].teacher, preview.rows[0].period) == ("José Álvarez", "2")


def test_roster_email_column_fills_teachers_without_one(store):
    text = (
        "Teacher,Subject,Period,E-mail\n"
        "Ana Ortiz,Math 5,2,Ana.Ortiz@School.org\n"
        "Ana Ortiz,Math 5,3,\n"
        "Ben Cho,Science,1,\n"
    )
    preview = roster.parse_roster(store, text)
    assert preview.ok, preview.error_sentences()
    roster.import_roster(store, preview)
    with store.read() as s:
        emails = dict(s.execute(select(Teacher.display_name, Teacher.email)).all())
    assert emails == {"Ana Ortiz": "ana.ortiz@school.org", "Ben Cho": None}
    # A later file fills in Ben's email (his classes already exist) but never replaces Ana's.
    again = roster.parse_roster(
        store,
        "teacher,subject,period,email\nBen Cho,Science,1,ben@school.org\n"
        "Ana Ortiz,Math 5,2,other@school.org\n",
    )
    assert again.ok and again.to_import == []
    roster.import_roster(store, again)
    with store.read() as s:
        emails = dict(s.execute(select(Teacher.display_name, Teacher.email)).all())
    assert emails == {"Ana Ortiz": "ana.ortiz@school.org", "Ben Cho": "ben@school.org"}


def test_roster_refuses_bad_or_conflicting_emails(store):
    preview = roster.parse_roster(
        store,
        "teacher,subject,period,email\nAna,Math,1,ana@school\nBen,Art,1,ben@school.org\n"
        "Ben,Art,2,benjamin@school.org\n",
    )
    assert preview.error_sentences() == [
        "Line 2: the email 'ana@school' doesn't look complete (like name@school.org).",
        "Line 4: Ben has another email (ben@school.org) on line 3.",
    ]
