"""Hostile text in, safe files out: spreadsheet formulas in CSV exports, lone surrogates in
what a coach types, framework files built to crash a parser."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from observe.capture.evidence import save_evidence
from observe.coaching import log as coaching_log
from observe.coaching.framework_schema import FrameworkError
from observe.coaching.frameworks import import_framework_file
from observe.safetext import csv_cell
from observe.store import open_profile
from observe.store.models import EvidenceKind, LogActivity, Visit, VisitType

HOSTILE = {
    '=HYPERLINK("http://evil.example","click")': '\'=HYPERLINK("http://evil.example","click")',
    "+SUM(1,2)": "'+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)": "'@SUM(A1:A9)",
    "\tTabbed": "'\tTabbed",
    "\rReturned": "'\rReturned",
    "-5": "-5",
    "Plain words": "Plain words",
}

#: Evidence a coach (or a pasted file) might hold; each must be written with a leading "'".
FORMULAS = ("=1+1", "+SUM(A1:A3)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)")


def observe(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "observe", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(("typed", "written"), list(HOSTILE.items()))
def test_csv_cell_neutralizes_formulas_and_keeps_numbers(typed, written):
    assert csv_cell(typed) == written
    assert csv_cell(-5) == -5 and csv_cell(-0.25) == -0.25


def test_export_csv_neutralizes_formulas_from_a_roster_and_evidence(tmp_path: Path):
    profile = tmp_path / "profile"
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["teacher", "subject", "grade", "period", "room"])
        w.writerow(["=cmd|' /C calc'!A0", "@Science", "-7", "2", "+Lab 1"])
    ran = observe("import", "roster", str(roster), "--data-dir", str(profile))
    assert ran.returncode == 0, ran.stderr

    store = open_profile(profile)
    try:
        with store.write() as s:
            from observe.store.models import Classroom

            room = s.query(Classroom).one()
            visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
            s.add(visit)
        for text in FORMULAS:
            save_evidence(store, visit.id, EvidenceKind.NOTE, text)
        save_evidence(store, visit.id, EvidenceKind.NOTE, "-5")
    finally:
        store.close()

    out = tmp_path / "csv"
    ran = observe("export", "--format", "csv", "--out", str(out), "--data-dir", str(profile))
    assert ran.returncode == 0, ran.stderr
    [teacher] = _rows(out / "teacher.csv")
    assert teacher["display_name"] == "'=cmd|' /C calc'!A0"
    [room_row] = _rows(out / "classroom.csv")
    assert room_row["subject"] == "'@Science"
    assert room_row["room"] == "'+Lab 1"
    assert room_row["grade"] == "-7"  # a number stays a number
    texts = {r["text"] for r in _rows(out / "evidence.csv")}
    assert texts == {"'" + text for text in FORMULAS} | {"-5"}


def test_impact_csv_neutralizes_names_and_keeps_negative_numbers(store, tmp_path: Path):
    from observe.cli import main
    from observe.coaching import cycles
    from observe.coaching.cycles import CycleDraft
    from observe.store.models import MeasureKind
    from tests.coaching.helpers import T0, make_room, visit_with_voices

    teacher, room, seats = make_room(store, name='=HYPERLINK("http://x")', seats=24)
    cycle_id = cycles.save_cycle(
        store,
        CycleDraft(
            teacher,
            "Widen participation",
            measure_kind=MeasureKind.DISTINCT_VOICES,
            baseline=9,
            target=16,
            started_on=T0.date(),
        ),
    )
    for week, voices in enumerate((9, 5)):
        visit_with_voices(
            store, room, seats, voices, start=T0 + timedelta(weeks=week), cycle_id=cycle_id
        )
    out = tmp_path / "impact"
    code = main(
        [
            "report",
            "impact",
            "--out",
            str(out),
            "--data-dir",
            str(store.paths.data_dir),
            "--from",
            "2026-08-01",
        ]
    )
    assert code == 0
    [row] = _rows(out / "cycles.csv")
    assert row["teacher"] == '\'=HYPERLINK("http://x")'
    assert row["change"] == "-4"


def test_a_lone_surrogate_in_evidence_and_a_log_note_is_kept_as_a_replacement_mark(
    store, tmp_path: Path
):
    from tests.coaching.helpers import make_room

    _teacher, room_id, _seats = make_room(store)
    with store.write() as s:
        visit = Visit(classroom_id=room_id, visit_type=VisitType.LEARNING_WALK)
        s.add(visit)
    item = save_evidence(store, visit.id, EvidenceKind.STUDENT_TALK, "She said \ud83d then stopped")
    assert item.text == "She said \ufffd then stopped"
    entry = coaching_log.add_entry(
        store,
        coaching_log.LogEntryDraft(date.today(), 30, LogActivity.PLC, note="Plan \udc80 with Ana"),
    )
    [row] = [r for r in coaching_log.entries(store) if r.id == entry]
    assert row.note == "Plan \ufffd with Ana"
    out = tmp_path / "all.json"
    store.close()
    ran = observe(
        "export", "--format", "json", "--out", str(out), "--data-dir", str(store.paths.data_dir)
    )
    assert ran.returncode == 0, ran.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    texts = [e["text"] for e in data["records"]["evidence"]]
    assert "She said \ufffd then stopped" in texts


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (
            "[" * 300_000 + "]" * 300_000,
            "deep.json is nested far too deeply to be a look-for framework. Nothing was imported.",
        ),
        (
            '{"format": "observe.lookfor-framework", "format_version": ' + "9" * 5000 + "}",
            "deep.json holds a number far too long to be part of a look-for framework. "
            "Nothing was imported.",
        ),
    ],
)
def test_a_framework_file_built_to_crash_the_parser_is_a_sentence(
    store, tmp_path: Path, content, sentence
):
    path = tmp_path / "deep.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FrameworkError) as caught:
        import_framework_file(store, path)
    assert caught.value.sentence == sentence
