"""A profile in a folder whose name would trip a careless path or URI: a Windows drive letter's
colon, spaces, "#", "%" and accents (issue 19, every coach's laptop).

SQLite opens read-only profiles through a ``file:`` URI, where "#" starts a fragment and "%"
an escape; a URI built by pasting the path would open another file or none. The commands that
read a profile without writing (check, info, export) and the ones that write (demo, report)
all work there, and a read-only copy of it is read through the URI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from observe.cli import main
from observe.store.sqlite_file import readonly_connect

from ..fsutil import read_only_later


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "D:" / "Coach #2 at 100% time" / "Zoë Núñez"
    folder.mkdir(parents=True)
    return folder


def test_a_profile_in_an_odd_folder_is_made_read_checked_and_exported(capsys, odd_folder: Path):
    code, out, err = run(capsys, "demo", "--data-dir", str(odd_folder))
    assert code == 0, err
    code, out, err = run(capsys, "check", "--data-dir", str(odd_folder))
    assert code == 0, out + err
    code, out, _ = run(capsys, "info", "--data-dir", str(odd_folder))
    assert code == 0 and str(odd_folder) in out
    target = odd_folder / "export #1.json"
    code, _, err = run(
        capsys, "export", "--format", "json", "--out", str(target), "--data-dir", str(odd_folder)
    )
    assert code == 0, err
    assert json.loads(target.read_text(encoding="utf-8"))["records"]["evidence"]
    sheet = odd_folder / "sheet 100%.pdf"
    code, _, err = run(
        capsys, "report", "feedback", "--visit", "latest", "--out", str(sheet),
        "--data-dir", str(odd_folder),
    )  # fmt: skip
    assert code == 0, err
    assert sheet.read_bytes().startswith(b"%PDF")


def test_a_read_only_disk_with_a_profile_in_an_odd_folder_is_read_through_its_uri(
    capsys, tmp_path: Path
):
    """As on a write-protected USB stick: the disk is read-only, so SQLite reads the
    profile through a ``file:`` URI ("mode=ro") built from the odd folder's name."""
    with read_only_later(tmp_path / "D:") as make_read_only:
        folder = tmp_path / "D:" / "Coach #2 at 100% time" / "Zoë Núñez"
        code, _, err = run(capsys, "demo", "--data-dir", str(folder))
        assert code == 0, err
        make_read_only(tmp_path / "D:")
        assert not os.access(folder / "observe.sqlite3", os.W_OK)
        code, out, err = run(capsys, "info", "--data-dir", str(folder))
        assert code == 0, err
        assert "Read-only:       yes" in out
        code, out, err = run(capsys, "check", "--data-dir", str(folder))
        assert code == 0, out + err


def test_the_read_only_uri_names_the_file_itself(odd_folder: Path):
    """Whatever the folder's name, the URI opens that very file (a "#" pasted into a URI would
    cut the name short, and SQLite would open, or create, another)."""
    import sqlite3

    database = odd_folder / "observe.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("CREATE TABLE marker (name TEXT)")
        conn.execute("INSERT INTO marker VALUES ('the right file')")
    conn.close()
    reader = readonly_connect(database)
    try:
        assert reader.execute("SELECT name FROM marker").fetchone() == ("the right file",)
    finally:
        reader.close()
    assert sorted(p.name for p in odd_folder.iterdir()) == ["observe.sqlite3"]
