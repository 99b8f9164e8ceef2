"""The headless sub-commands, run the way a coach or IT person would run them."""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from observe import __version__
from observe.cli import main
from observe.store import open_profile
from observe.store.models import Evidence
from observe.store.schema import HEAD_REVISION

from ..store.helpers import LONG_NOTE, build_all


@pytest.fixture
def filled(profile_dir: Path) -> Path:
    store = open_profile(profile_dir)
    with store.write() as s:
        build_all(s)
    store.close()
    return profile_dir


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_from_the_installed_command():
    result = subprocess.run(
        [sys.executable, "-m", "observe", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"Observe {__version__}"


def test_info_shows_paths_schema_and_counts(capsys, filled: Path):
    code, out, _ = run(capsys, "info", "--data-dir", str(filled))
    assert code == 0
    assert str(filled) in out
    assert f"Schema version:  {HEAD_REVISION}" in out
    lines = dict(
        line.split(None, 1) for line in out.splitlines() if line.startswith("  ") and line.strip()
    )
    assert lines["evidence"].strip() == "2"
    assert lines["teacher"].strip() == "1"
    assert "Changes waiting to sync: 18" in out


def test_data_dir_works_before_the_command_too(capsys, filled: Path):
    code, out, _ = run(capsys, "--data-dir", str(filled), "info")
    assert code == 0 and str(filled) in out


def test_export_json_to_file_and_stdout(capsys, filled: Path, tmp_path: Path):
    target = tmp_path / "export.json"
    code, _, err = run(
        capsys, "export", "--format", "json", "--out", str(target), "--data-dir", str(filled)
    )
    assert code == 0 and "Exported 19 records" in err  # 18 of ours and a teacher's reflection
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == "observe-export" and doc["schema_revision"] == HEAD_REVISION
    evidence = doc["records"]["evidence"]
    assert {e["text"] for e in evidence} == {
        '"I think it\'s 3 because… 🙂" — «مرحبا بالعالم»',
        LONG_NOTE,
    }
    talk = next(e for e in evidence if e["evidence_kind"] == "student_talk")
    assert len(talk["lookfor_ids"]) == 1 and talk["observed_at"].endswith("Z")
    assert doc["records"]["teacher"][0]["display_name"] == "Nguyễn Thị Ánh"

    code, out, _ = run(capsys, "export", "--out", "-", "--data-dir", str(filled))
    assert code == 0
    assert json.loads(out)["records"]["school"][0]["name"] == "École Saint-Éloi"


def test_export_leaves_out_deleted_records_unless_asked(capsys, filled: Path, tmp_path: Path):
    store = open_profile(filled)
    with store.write() as s:
        s.query(Evidence).filter(Evidence.text == LONG_NOTE).one().deleted = True
    store.close()
    run(capsys, "export", "--out", str(tmp_path / "a.json"), "--data-dir", str(filled))
    assert len(json.loads((tmp_path / "a.json").read_text())["records"]["evidence"]) == 1
    run(
        capsys,
        "export",
        "--out",
        str(tmp_path / "b.json"),
        "--include-deleted",
        "--data-dir",
        str(filled),
    )
    assert len(json.loads((tmp_path / "b.json").read_text())["records"]["evidence"]) == 2


def test_export_csv_one_file_per_kind_readable_back(capsys, filled: Path, tmp_path: Path):
    folder = tmp_path / "csv"
    code, _, _ = run(
        capsys, "export", "--format", "csv", "--out", str(folder), "--data-dir", str(filled)
    )
    assert code == 0
    assert len(list(folder.glob("*.csv"))) == 18  # one per kind, the reflection included
    with (folder / "evidence.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["text"] for r in rows} == {
        '"I think it\'s 3 because… 🙂" — «مرحبا بالعالم»',
        LONG_NOTE,
    }
    assert {r["evidence_kind"] for r in rows} == {"student_talk", "note"}
    with (folder / "visit.csv").open(encoding="utf-8-sig", newline="") as fh:
        visit = next(csv.DictReader(fh))
    assert visit["prompts"] == "What helps you learn?;¿Cuándo hablas en clase?"
    assert not list(folder.glob(".*partial"))


def test_export_refuses_csv_to_stdout(capsys, filled: Path):
    code, out, err = run(
        capsys, "export", "--format", "csv", "--out", "-", "--data-dir", str(filled)
    )
    assert code == 2 and out == "" and "JSON only" in err


def test_check_reports_health_in_sentences(capsys, filled: Path):
    code, out, _ = run(capsys, "check", "--data-dir", str(filled))
    assert code == 0
    assert "integrity check passed" in out
    assert "search index covers all 2 evidence items" in out


def test_check_finds_broken_links_and_exits_non_zero(capsys, filled: Path):
    conn = sqlite3.connect(filled / "observe.sqlite3")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM seat")
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "check", "--data-dir", str(filled))
    assert code != 0
    assert "1 participation event points at seat records that no longer exist." in out
    assert "Traceback" not in out + err


def test_backup_is_a_complete_consistent_copy_while_the_app_writes(
    capsys, filled: Path, tmp_path: Path
):
    store = open_profile(filled)  # the app is open, with changes still in the WAL
    with store.write() as s:
        s.query(Evidence).filter(Evidence.text == LONG_NOTE).one().text = "Edited while open"
    code, out, _ = run(capsys, "backup", str(tmp_path), "--data-dir", str(filled))
    store.close()
    assert code == 0
    copies = list(tmp_path.glob("observe-backup-*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in out
    conn = sqlite3.connect(copies[0])
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    texts = {r[0] for r in conn.execute("SELECT text FROM evidence")}
    assert "Edited while open" in texts
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


def test_backup_will_not_overwrite_without_force(capsys, filled: Path, tmp_path: Path):
    target = tmp_path / "copy.sqlite3"
    target.write_text("precious")
    code, _, err = run(capsys, "backup", str(target), "--data-dir", str(filled))
    assert code == 2 and "already exists" in err
    assert target.read_text() == "precious"
    code, _, _ = run(capsys, "backup", str(target), "--force", "--data-dir", str(filled))
    assert code == 0 and target.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize(
    "command", [["info"], ["check"], ["backup", "x.sqlite3"], ["export", "--out", "-"]]
)
def test_commands_on_a_file_that_is_not_a_database(tmp_path: Path, command: list[str]):
    profile = tmp_path / "p"
    profile.mkdir()
    db = profile / "observe.sqlite3"
    db.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 20)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = subprocess.run(
        [sys.executable, "-m", "observe", *command, "--data-dir", str(profile)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert "not" in (result.stderr + result.stdout) and str(db) in result.stderr + result.stdout
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_newer_database_refused_by_the_command(capsys, filled: Path):
    conn = sqlite3.connect(filled / "observe.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '0099'")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "info", "--data-dir", str(filled))
    assert code == 3 and "newer version of Observe" in err


def test_unwritable_profile_folder_is_one_sentence(capsys, tmp_path: Path):
    from ..fsutil import readonly_folder

    with readonly_folder(tmp_path / "ro") as folder:
        code, _, err = run(capsys, "info", "--data-dir", str(folder / "profile"))
    assert code == 3
    assert "can't write to the profile folder" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_export_to_a_full_disk_says_so_and_leaves_no_partial_file(
    capsys, filled: Path, tmp_path: Path
):
    from ..fsutil import tiny_folder

    with tiny_folder(tmp_path / "full", size="16k") as folder:
        code, _, err = run(
            capsys, "export", "--out", str(folder / "all.json"), "--data-dir", str(filled)
        )
        leftovers = list(folder.iterdir())
    assert code == 1
    assert "disk is full" in err
    assert leftovers == []


def test_import_roster_command(capsys, profile_dir: Path, tmp_path: Path):
    good = tmp_path / "roster.csv"
    good.write_text(
        "teacher,subject,grade,period,room\nZoë Okafor,Science,6,2,Lab 1\n"
        "Zoë Okafor,Science,6,4,Lab 1\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, "import", "roster", str(good), "--dry-run", "--data-dir", str(profile_dir)
    )
    assert code == 0 and "2 classes would be imported" in out
    code, out, _ = run(capsys, "import", "roster", str(good), "--data-dir", str(profile_dir))
    assert code == 0 and out.strip() == "Imported 2 classes and 1 new teachers."
    bad = tmp_path / "bad.csv"
    bad.write_text("teacher,subject\n,Art\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "roster", str(bad), "--data-dir", str(profile_dir))
    assert code == 2
    assert "Line 2: the teacher's name is missing." in err and "nothing was imported" in err
    code, out, _ = run(capsys, "info", "--data-dir", str(profile_dir))
    assert "classroom                    2" in out


def test_demo_years_covers_several_school_years(capsys, profile_dir: Path):
    code, out, _ = run(capsys, "demo", "--years", "2", "--data-dir", str(profile_dir))
    assert code == 0 and "The data covers 2 school years." in out
    database = sqlite3.connect(profile_dir / "observe.sqlite3")
    try:
        first, last = database.execute(
            "SELECT min(started_at), max(started_at) FROM visit"
        ).fetchone()
    finally:
        database.close()

    def school_year(day: str) -> int:  # a school year runs August to June
        return int(day[:4]) - (int(day[5:7]) < 8)

    assert school_year(last) - school_year(first) == 1


def test_demo_years_out_of_range_is_a_sentence(capsys, profile_dir: Path):
    code, _, err = run(capsys, "demo", "--years", "0", "--data-dir", str(profile_dir))
    assert code != 0 and "Demo data covers 1 to 10 school years, not 0." in err
    assert "Traceback" not in err
