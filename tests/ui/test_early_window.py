"""The window painted from the profile's first screen before the store opens (issue 18).

A profile ready to use as it is gets its window with real figures at once, and its store
right after; anything else starts as it always did, with the same sentences. Keys pressed
before the store is open are not lost.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from observe.errors import ObserveError, ProfileError
from observe.paths import DATABASE_FILENAME
from observe.settings import THEME_KEY, put
from observe.store import first_screens, open_profile
from observe.store.engine import make_engine
from observe.store.first_screens import OPEN_VISIT_KEY, read_first_screens
from observe.store.markers import SESSION_MARKER
from observe.store.models import SYNC_MODELS, OutboxOp
from observe.ui import app as app_module
from observe.ui import operations
from observe.ui.appearance import apply_theme, is_dark
from observe.ui.capture import QuickVisitDialog
from observe.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo profile, closed cleanly; each test gets a copy."""
    from observe.demo.generator import load_demo

    folder = tmp_path_factory.mktemp("demo") / "profile"
    store = open_profile(folder)
    try:
        load_demo(store, "small")
        put(store, THEME_KEY, "dark")
    finally:
        store.close()
    return folder


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "profile"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def started(qtbot, errors_seen) -> Iterator[app_module._Started]:
    """What :func:`observe.ui.app.start_early` makes, closed as the app closes it."""
    made = app_module._Started()
    yield made
    operations.shutdown()
    if made.window is not None:
        made.window.close()
        made.window.deleteLater()
    if made.store is not None:
        made.store.close()


def _start(started, errors_seen, demo: Path) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app_module.start_early(started, app, str(demo), errors_seen)
    assert started.window is not None
    return started.window


def test_the_synced_tables_are_the_ones_the_first_screen_counts():
    assert (
        tuple((model.kind, model.__table__.name) for model in SYNC_MODELS)
        == first_screens.COUNTED_TABLES
    )
    assert OutboxOp.__table__.name == first_screens.OUTBOX_TABLE


def test_the_first_screen_shows_what_the_store_counts(qtbot, demo, started, errors_seen, idle):
    early = read_first_screens(demo, (THEME_KEY.name,))
    assert early is not None and early.settings == {THEME_KEY.name: "dark"}
    window = _start(started, errors_seen, demo)
    qtbot.addWidget(window)
    assert not window.is_ready
    assert is_dark(window)  # the coach's theme from the first paint, not after a flash
    shown_early = window.summary.shown_counts()
    assert shown_early == {kind: f"{n:,}" for kind, n in early.counts.items()}
    assert int(shown_early["visit"]) > 0 and int(shown_early["evidence"].replace(",", "")) > 0

    qtbot.waitUntil(lambda: window.is_ready, timeout=20_000)
    idle()
    # The store's own count, run again once it is open, shows the same figures.
    assert window.summary.shown_counts() == shown_early
    counted = started.store.counted_from_indexes(outbox=False)
    assert {k: f"{n:,}" for k, n in counted.live.items()} == shown_early
    # And the same as a window opened store-first on the same profile.
    other = MainWindow(started.store, report_error=errors_seen)
    qtbot.addWidget(other)
    idle()
    assert other.summary.shown_counts() == shown_early
    assert errors_seen == []
    apply_theme("system")  # as the other tests expect it


def test_ctrl_n_pressed_before_the_store_is_open_starts_a_visit_once_it_is(
    qtbot, demo, started, errors_seen
):
    window = _start(started, errors_seen, demo)
    qtbot.addWidget(window)
    assert not window.is_ready
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    assert not window.is_ready  # held, not lost
    assert window.early_input is not None and len(window.early_input.held) == 1

    qtbot.waitUntil(lambda: window.is_ready, timeout=20_000)
    qtbot.waitUntil(lambda: window.findChild(QuickVisitDialog) is not None, timeout=5_000)
    dialog = window.findChild(QuickVisitDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    assert errors_seen == []


# -- each profile that doesn't qualify starts as it always did -------------------------------


def _set_revision(folder: Path, revision: str) -> None:
    conn = sqlite3.connect(folder / DATABASE_FILENAME)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


def test_a_new_profile_or_a_missing_file_is_not_read_early(tmp_path):
    assert read_first_screens(tmp_path / "nothing-here") is None
    store = open_profile(tmp_path / "empty")  # made, but empty: the welcome may open
    store.close()
    assert read_first_screens(tmp_path / "empty") is None


def test_a_migration_due_is_not_read_early_and_migrates_as_before(qtbot, tmp_path, errors_seen):
    from observe.store import migrate

    folder = tmp_path / "profile"
    folder.mkdir()
    engine = make_engine(folder / DATABASE_FILENAME)
    migrate.upgrade(engine, "0014")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO school (id, name, author_id, device_id, created_at, updated_at, version,"
            " deleted, visibility) VALUES ('s1', 'Old School', 'a', 'd', '2025-01-01 00:00:00',"
            " '2025-01-01 00:00:00', 0, 0, 'private')"
        )
    engine.dispose()
    assert read_first_screens(folder) is None

    code, windows = _run_until_shown(folder, errors_seen)
    assert code == 0 and errors_seen == []
    assert windows == ["whole at once"]  # store first: no early window
    [backup] = (folder / "backups").iterdir()
    assert backup.name.endswith("-before-upgrade-from-0014.sqlite3")


def test_a_newer_schema_is_refused_with_todays_sentence(qtbot, demo, errors_seen):
    _set_revision(demo, "9999")
    assert read_first_screens(demo) is None
    with pytest.raises(ProfileError) as today:
        open_profile(demo)
    code, windows = _run_until_shown(demo, errors_seen)
    assert code == 3 and windows == []
    [error] = errors_seen
    assert isinstance(error, ProfileError) and error.sentence == today.value.sentence


def test_a_damaged_file_is_refused_with_todays_sentence(qtbot, demo, errors_seen):
    db = demo / DATABASE_FILENAME
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    db.write_bytes(bytes(data))
    assert read_first_screens(demo) is None
    with pytest.raises(ProfileError) as today:
        open_profile(demo)
    code, windows = _run_until_shown(demo, errors_seen)
    assert code == today.value.exit_code and windows == []
    [error] = errors_seen
    assert error.sentence == today.value.sentence and "damaged" in error.sentence


def test_an_unclean_close_is_checked_as_before_not_read_early(qtbot, demo, errors_seen):
    (demo / f"{SESSION_MARKER}999999999-deadbeef").touch()  # a process long gone
    assert read_first_screens(demo) is None
    code, windows = _run_until_shown(demo, errors_seen)
    assert code == 0 and windows == ["whole at once"] and errors_seen == []
    assert not list(demo.glob(f"{SESSION_MARKER}*"))  # checked, then cleared as always


def test_a_visit_to_reopen_is_not_read_early(demo):
    conn = sqlite3.connect(demo / DATABASE_FILENAME)
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO profile_setting (key, value) VALUES (?, 'v1')",
            (OPEN_VISIT_KEY,),
        )
    conn.close()
    assert read_first_screens(demo) is None


def test_a_locked_database_is_not_read_early(demo):
    holder = sqlite3.connect(demo / DATABASE_FILENAME, timeout=0)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        assert read_first_screens(demo) is None
    finally:
        holder.close()
    assert read_first_screens(demo) is not None


def test_a_failure_after_the_paint_is_explained_as_before_with_the_window_gone(
    qtbot, demo, errors_seen
):
    """Another program holds the profile's write lock: the early window was painted (reading
    works), opening the store then fails as it always did, and no window stays behind."""
    holder = sqlite3.connect(demo / DATABASE_FILENAME, timeout=0)
    try:
        holder.execute("BEGIN IMMEDIATE")  # readers go on; the store's first write can't
        with pytest.raises(Exception) as today:
            open_profile(demo)
        assert read_first_screens(demo) is not None
        visible_at_error: list[list[str]] = []

        def seen(parent: QWidget | None, error: BaseException) -> None:
            visible_at_error.append(
                [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
            )
            errors_seen(parent, error)

        code, windows = _run_until_shown(demo, seen)
    finally:
        holder.close()
    assert windows == ["early"]
    [error] = errors_seen  # what the error dialog would explain, as at a store-first start
    assert type(error) is type(today.value) and str(error) == str(today.value)
    assert code == (error.exit_code if isinstance(error, ObserveError) else 1)
    assert "MainWindow" not in visible_at_error[0]


def _run_until_shown(folder: Path, report) -> tuple[int, list[str]]:
    """Runs the app on ``folder``; says how each main window came up, then quits."""
    shown: list[str] = []
    done = False

    def look() -> None:
        if done:  # the app ended (a refused profile): nothing to look at
            return
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        for w in windows:
            if w.isVisible() and not shown:
                shown.append("early" if w.early_input is not None else "whole at once")
            if w.isVisible() and w.is_ready:
                w.quit_action.trigger()
                return
        QTimer.singleShot(5, look)

    QTimer.singleShot(0, look)
    try:
        code = app_module.run_gui(str(folder), [], report_error=report)
    finally:
        done = True
    return code, shown
