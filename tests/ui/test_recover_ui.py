"""A damaged profile in the app: the start-up dialog offers recovery, and File › Recover."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from observe.errors import DamagedProfile
from observe.paths import DATABASE_FILENAME
from observe.store import Store, open_profile
from observe.store.models import Evidence, EvidenceKind
from observe.ui.app import run_gui
from observe.ui.main_window import MainWindow
from observe.ui.recover import offer_recovery

from ..store.helpers import make_visit

ITEMS = 400


def fill(store: Store) -> None:
    visit_id, _ = make_visit(store)
    with store.write() as s:
        s.add_all(
            Evidence(visit_id=visit_id, evidence_kind=EvidenceKind.NOTE, text=f"Item {i} " * 20)
            for i in range(ITEMS)
        )


def damage_after_a_crash(profile: Path) -> int:
    """Wrecks two evidence pages and leaves the marker of a session that never closed."""
    import sqlite3

    db = profile / DATABASE_FILENAME
    conn = sqlite3.connect(db)
    pages = conn.execute(
        "SELECT pageno, ncell FROM dbstat WHERE name = 'evidence' AND pagetype = 'leaf' "
        "ORDER BY pageno"
    ).fetchall()
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    middle = pages[len(pages) // 2 : len(pages) // 2 + 2]
    with db.open("r+b") as fh:
        for pageno, _ in middle:
            fh.seek((pageno - 1) * size)
            fh.write(b"\xa5" * size)
    # The marker a crashed session leaves, named by a process that has really ended.
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    (profile / f".observe-open-{gone.stdout.strip()}-crashed").touch()
    return sum(n for _, n in middle)


def press(name: str | None, seen: list[str]):
    """Stands in for the coach: notes each box's text and presses the named button (or OK)."""

    def present(box: QMessageBox) -> None:
        seen.append(box.text())
        button = box.findChild(QPushButton, name) if name else None
        if button is not None:
            button.click()

    return present


def test_damaged_profile_at_start_is_recovered_and_the_recovered_profile_opens(
    qtbot, tmp_path: Path, errors_seen, log_file
):
    profile = tmp_path / "profile"
    store = open_profile(profile)
    fill(store)
    store.close()
    lost = damage_after_a_crash(profile)
    out = tmp_path / "recovered"
    seen: list[str] = []
    opened: list[Path] = []

    def recover(error: DamagedProfile, database: Path) -> Path | None:
        return offer_recovery(
            error, database, present=press("recover", seen), choose=lambda *_: out
        )

    def note_and_quit() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                opened.append(w.store.paths.data_dir)
                w.quit_action.trigger()

    QTimer.singleShot(300, note_and_quit)
    code = run_gui(
        str(profile), [], report_error=errors_seen, log_dir=log_file.parent, recover=recover
    )

    assert code == 0
    assert errors_seen == []
    assert seen[0].startswith(f"The database {profile / DATABASE_FILENAME} is damaged (")
    assert seen[1].splitlines()[0].startswith(f"Saved into {out}: ")
    assert f"Could not be read (on damaged pages): {lost:,} evidence items." in seen[1]
    assert opened == [out]
    recovered = open_profile(out)
    try:
        assert recovered.counts()["evidence"] == ITEMS - lost
    finally:
        recovered.close()


def test_closing_the_damaged_dialog_changes_nothing(qtbot, tmp_path: Path, errors_seen, log_file):
    profile = tmp_path / "profile"
    store = open_profile(profile)
    fill(store)
    store.close()
    damage_after_a_crash(profile)
    before = (profile / DATABASE_FILENAME).read_bytes()
    seen: list[str] = []

    code = run_gui(
        str(profile),
        [],
        report_error=errors_seen,
        log_dir=log_file.parent,
        recover=lambda e, db: offer_recovery(e, db, present=press(None, seen)),
    )

    assert code == 3
    assert len(seen) == 1 and "is damaged" in seen[0]
    assert (profile / DATABASE_FILENAME).read_bytes() == before
    assert not (tmp_path / "profile recovered").exists()


def test_file_menu_recovers_the_open_profile_into_a_new_folder(
    qtbot, store: Store, errors_seen, idle, tmp_path: Path
):
    fill(store)
    window = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(window)
    assert window.recover_action in window.menuBar().actions()[0].menu().actions()
    window.recover_to(tmp_path / "copy")
    idle()
    qtbot.waitUntil(lambda: window.recovery_box is not None)
    lines = window.recovery_box.text().split("\n\n")
    assert lines[0].startswith(f"Saved into {tmp_path / 'copy'}: ")
    assert f"{ITEMS:,} evidence items" in lines[0]
    assert lines[1] == "Every record could be read."
    assert errors_seen == []
    window.recovery_box.close()
    window.close()


def test_recovering_into_the_damaged_profile_itself_is_refused_in_words(
    qtbot, tmp_path: Path, log_file
):
    profile = tmp_path / "profile"
    store = open_profile(profile)
    fill(store)
    store.close()
    damage_after_a_crash(profile)
    before = (profile / DATABASE_FILENAME).read_bytes()
    seen: list[str] = []
    error = DamagedProfile("The database is damaged.")

    out = offer_recovery(
        error,
        profile / DATABASE_FILENAME,
        present=press("recover", seen),
        choose=lambda *_: profile,
    )

    assert out is None
    assert seen[1] == "Recover into a new, empty folder, not into the damaged profile itself."
    assert QApplication.overrideCursor() is None  # the wait cursor is gone with the dialog
    assert (profile / DATABASE_FILENAME).read_bytes() == before
