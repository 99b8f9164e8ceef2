"""Damaged, full and read-only profiles, met by the real ``observe`` command in a subprocess.

Each case uses the real thing: pages overwritten in the middle of a real database file, a
3 MB tmpfs filled to the last byte, and a tmpfs (or one file bind-mounted) made read-only with
``mount -o remount,ro`` (root ignores file modes, so chmod would prove nothing).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from observe.errors import damaged_sentence, disk_full_sentence, read_only_sentence
from observe.store import open_profile
from observe.store.schema import HEAD_REVISION

from ..fsutil import fill_disk, read_only_later, tiny_folder
from ..store.helpers import build_all

DB = "observe.sqlite3"
MALFORMED = "database disk image is malformed"


def observe(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "observe", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed profile with a small school year of demo data (600-odd evidence items)."""
    from observe.demo.generator import load_demo

    folder = tmp_path_factory.mktemp("demo") / "profile"
    store = open_profile(folder)
    load_demo(store, "small")
    store.close()
    return folder


def copy_profile(src: Path, dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy2(src / DB, dest / DB)
    return dest


def leaf_pages(db: Path, table: str) -> tuple[list[tuple[int, int]], int]:
    """(page number, records on it) of ``table``'s leaf pages, and the page size."""
    conn = sqlite3.connect(db)
    try:
        pages = conn.execute(
            "SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    return pages, size


def wreck_middle_pages(db: Path, table: str, count: int = 2) -> int:
    """Overwrites ``count`` leaf pages in the middle of ``table``; returns the records lost."""
    pages, size = leaf_pages(db, table)
    middle = pages[len(pages) // 2 : len(pages) // 2 + count]
    with db.open("r+b") as fh:
        for pageno, _ in middle:
            fh.seek((pageno - 1) * size)
            fh.write(b"\xa5" * size)
    return sum(n for _, n in middle)


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def records_line(kind: str, n: int) -> str:
    """How `observe info` lists a kind (padded to its longest kind, participation_event)."""
    return f"  {kind.ljust(len('participation_event'))}  {n:>9,}\n"


ROSTER = "teacher,subject,grade,period,room\nNadia Haddad,Art,7,3,Studio\n"


# -- damaged pages in the middle ----------------------------------------------------------------


@pytest.mark.slow
def test_damaged_database_is_reported_refused_and_recovered(demo_profile: Path, tmp_path: Path):
    profile = copy_profile(demo_profile, tmp_path / "p")
    db = profile / DB
    evidence_before = count(db, "evidence")
    lost = wreck_middle_pages(db, "evidence")
    assert 0 < lost < evidence_before
    before = digest(db)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")

    check = observe("check", data_dir=profile)
    assert check.returncode == 4
    assert "Problem: SQLite's integrity check found damage" in check.stdout
    assert "observe recover NEW-FOLDER" in check.stderr

    # `observe info` counts from indexes (which the damage missed); an export reads every item.
    exported = observe("export", "--out", str(tmp_path / "export.json"), data_dir=profile)
    assert exported.returncode == 3
    assert exported.stderr == damaged_sentence(db, MALFORMED) + "\n"
    assert not (tmp_path / "export.json").exists()

    imported = observe("import", "roster", str(roster), data_dir=profile)
    assert imported.returncode == 3
    assert imported.stderr.startswith(f"The database {db} is damaged (")
    assert "so Observe won't write into it; it was left as it is." in imported.stderr
    assert digest(db) == before  # nothing was written into the damaged file

    out = tmp_path / "recovered"
    recovered = observe("recover", str(out), data_dir=profile)
    assert recovered.returncode == 4, recovered.stderr
    lines = recovered.stdout.splitlines()
    assert lines[0].startswith(f"Saved into {out}: ")
    assert f" {evidence_before - lost:,} evidence items," in lines[0]
    assert lines[1] == f"Could not be read (on damaged pages): {lost:,} evidence items."
    assert lines[-1] == f"Open it with: observe --data-dir {out}"
    assert digest(db) == before  # recovery only reads the damaged file

    assert count(out / DB, "evidence") == evidence_before - lost
    assert observe("check", data_dir=out).returncode == 0
    info = observe("info", data_dir=out)
    assert info.returncode == 0 and f"Schema version:  {HEAD_REVISION}" in info.stdout
    assert records_line("evidence", evidence_before - lost) in info.stdout


def test_recover_of_a_sound_profile_saves_everything(demo_profile: Path, tmp_path: Path):
    out = tmp_path / "copy"
    result = observe("recover", str(out), data_dir=demo_profile)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == "Every record could be read."
    for table in ("school", "teacher", "visit", "evidence", "evidence_lookfor", "outbox"):
        assert count(out / DB, table) == count(demo_profile / DB, table), table

    again = observe("recover", str(out), data_dir=demo_profile)
    assert again.returncode == 2
    assert again.stderr == (
        f"{out} already holds an Observe profile; recover into a new, empty folder so "
        "nothing in it is overwritten.\n"
    )


def test_damage_is_caught_on_open_after_a_session_that_did_not_close(
    demo_profile: Path, tmp_path: Path
):
    profile = copy_profile(demo_profile, tmp_path / "p")
    db = profile / DB
    # Damage that `observe info` never reads (the look-for tags of evidence items) goes
    # unnoticed after a clean close...
    wreck_middle_pages(db, "evidence_lookfor", count=1)
    assert observe("info", data_dir=profile).returncode == 0
    # ...but after a session that was killed, the next start checks the file first.
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, signal, sys; from observe.store import open_profile; "
            "open_profile(sys.argv[1]); os.kill(os.getpid(), signal.SIGKILL)",
            str(profile),
        ],
        check=False,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL
    info = observe("info", data_dir=profile)
    assert info.returncode == 3
    assert info.stderr.startswith(f"The database {db} is damaged (")
    assert info.stderr.endswith(
        "so Observe won't write into it; it was left as it is. Run “observe recover NEW-FOLDER” "
        "(in the app: File › Recover records into a new profile) to save every readable "
        "record, or restore a copy from the backups folder.\n"
    )


# -- a full disk ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_full_disk_is_one_sentence_for_every_command_and_reads_still_work(tmp_path: Path):
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    with tiny_folder(tmp_path / "disk", size="3m") as disk:
        profile = disk / "profile"
        store = open_profile(profile)
        with store.write() as s:
            build_all(s)
        store.close()
        db = profile / DB
        fill_disk(disk)
        full = disk_full_sentence(db) + "\n"

        for args in (["demo"], ["import", "roster", str(roster)]):
            result = observe(*args, data_dir=profile)
            assert (result.returncode, result.stderr) == (1, full), args

        info = observe("info", data_dir=profile)
        assert info.returncode == 0, info.stderr
        assert records_line("evidence", 2) in info.stdout
        assert "Read-only:       yes" in info.stdout
        assert observe("check", data_dir=profile).returncode == 0

        export = observe("export", "--out", str(disk / "all.json"), data_dir=profile)
        assert export.returncode == 1
        assert export.stderr == disk_full_sentence(disk / "all.json") + "\n"
        assert not (disk / "all.json").exists()
        copy = observe("backup", str(disk / "copy.sqlite3"), data_dir=profile)
        assert copy.returncode == 1
        assert copy.stderr == disk_full_sentence(disk / "copy.sqlite3") + "\n"
        # Elsewhere, export and backup of the profile on the full disk still work.
        assert (
            observe("export", "--out", str(tmp_path / "a.json"), data_dir=profile).returncode == 0
        )
        assert observe("backup", str(tmp_path / "b.sqlite3"), data_dir=profile).returncode == 0
        assert count(tmp_path / "b.sqlite3", "evidence") == 2


def test_save_evidence_on_a_full_disk_raises_the_sentence(tmp_path: Path):
    from observe.capture.evidence import save_evidence
    from observe.errors import StorageError
    from observe.store.models import EvidenceKind

    from ..store.helpers import make_visit

    with tiny_folder(tmp_path / "disk", size="3m") as disk:
        store = open_profile(disk / "profile")
        try:
            visit_id, _ = make_visit(store)
            fill_disk(disk)
            with pytest.raises(StorageError) as caught:
                for i in range(200):  # the WAL may still have room for a few
                    save_evidence(store, visit_id, EvidenceKind.NOTE, f"Item {i}: " + "x" * 4000)
            assert str(caught.value) == (
                disk_full_sentence(store.paths.database) + " This evidence item was not saved; "
                "its text stays in the capture line, so press Enter again once the problem is "
                "fixed."
            )
        finally:
            store.close()


# -- read-only -----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("what", ["disk", "file"])
def test_read_only_profile_opens_read_only_for_reading_and_refuses_changes(
    tmp_path: Path, what: str
):
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    with read_only_later(tmp_path / "mnt") as make_read_only:
        profile = tmp_path / "mnt" / "profile"
        store = open_profile(profile)
        with store.write() as s:
            build_all(s)
        store.close()
        db = profile / DB
        before = digest(db)
        make_read_only(tmp_path / "mnt" if what == "disk" else db)
        assert not os.access(db, os.W_OK)

        info = observe("info", data_dir=profile)
        assert info.returncode == 0, info.stderr
        assert "Read-only:       yes" in info.stdout
        assert observe("check", data_dir=profile).returncode == 0
        assert (
            observe("export", "--out", str(tmp_path / "a.json"), data_dir=profile).returncode == 0
        )
        assert observe("backup", str(tmp_path / "b.sqlite3"), data_dir=profile).returncode == 0
        sheet = observe(
            "report",
            "feedback",
            "--visit",
            "latest",
            "--out",
            str(tmp_path / "s.pdf"),
            data_dir=profile,
        )
        assert sheet.returncode == 0, sheet.stderr
        assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")

        for args in (["demo"], ["import", "roster", str(roster)]):
            result = observe(*args, data_dir=profile)
            assert result.returncode == 3, args
            if what == "file":
                assert result.stderr == read_only_sentence(db) + "\n"
            else:
                assert result.stderr.startswith(
                    f"Observe can't write to the profile folder {profile} (Read-only file system)."
                )
        assert digest(db) == before
