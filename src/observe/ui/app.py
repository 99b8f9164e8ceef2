"""Starting the desktop app: logging, the Qt application, the profile, the window.

Also the crash handler (observe.ui.crash), the window icon, and the welcome dialog that a new,
empty profile opens with (observe.ui.first_run).
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from observe import APP_NAME, __version__, startup_gc
from observe.errors import DamagedProfile, ObserveError
from observe.logsetup import setup_logging
from observe.paths import ProfilePaths
from observe.settings_look import LANGUAGE_KEY
from observe.store.first_screens import read_first_screens
from observe.ui import operations
from observe.ui.crash import install_crash_handlers
from observe.ui.early_window import EARLY_SETTINGS, apply_early_look
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.i18n import install_for as install_language
from observe.ui.icons import APP_ID, app_icon
from observe.ui.main_window import MainWindow
from observe.ui.ops import CoreOp

if TYPE_CHECKING:
    from observe.store import Store

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication, created once (tests and embedders may already have one)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # The desktop entry's name: lets Wayland compositors and task bars match the window to
    # the menu entry and its icon.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


#: Offers recovery of a damaged profile; returns the recovered profile's folder, or None.
Recoverer = Callable[[DamagedProfile, Path], Path | None]


def _offer_recovery(error: DamagedProfile, database: Path) -> Path | None:
    from observe.ui.errors import record
    from observe.ui.recover import offer_recovery

    record(error)
    return offer_recovery(error, database)


def _open(
    data_dir: str | Path | None,
    report: ErrorReporter,
    recover: Recoverer | None,
    *,
    use_recovery: bool,
) -> Store | int:
    """The opened store, or the exit code after the failure was explained."""
    from observe.store import open_profile

    def explain(parent: QWidget | None, exc: BaseException) -> None:
        # A damaged profile is explained with the offer of recovery instead (below).
        if not isinstance(exc, DamagedProfile):
            report(parent, exc)

    opened = CoreOp(None, lambda: open_profile(data_dir), report=explain).run_now()
    if opened.value is not None:
        return opened.value
    exc = opened.error
    if isinstance(exc, DamagedProfile):
        offer = recover or (_offer_recovery if use_recovery else None)
        if offer is None:
            report(None, exc)
            return exc.exit_code
        recovered = offer(exc, ProfilePaths.at(data_dir).database)
        if recovered is None:
            return exc.exit_code
        return _open(recovered, report, None, use_recovery=False)
    # An ObserveError says its own exit code; anything else is a bug: still a sentence, code 1.
    return exc.exit_code if isinstance(exc, ObserveError) else 1


#: Loading the store waits for the early window's first paint, or this long if it never comes
#: (a start minimised, a platform that paints late): the coach's work never waits on a paint.
PAINT_WAIT_MS = 250


class _AfterFirstPaint(QObject):
    """Runs ``then`` once, as soon as ``window`` has been painted for the first time."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then = then
        self._done = False
        window.installEventFilter(self)
        QTimer.singleShot(PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self, self._run)  # once this paint is on screen
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._window.removeEventFilter(self)
        self._then()


class _Started:
    """What start-up made: the window on screen and, once open, the store (closed on exit)."""

    def __init__(self) -> None:
        self.window: MainWindow | None = None
        self.store: Store | None = None


def _show_whole_window(started: _Started, store: Store, report: ErrorReporter) -> None:
    """The window of an opened store, whole at once and shown; a new profile is offered the
    welcome dialog."""
    from observe.ui.first_run import offer_welcome

    started.window = window = MainWindow(store, report_error=report)
    window.show()
    offer_welcome(window)


def _open_behind(
    started: _Started,
    app: QApplication,
    data_dir: str | Path | None,
    report: ErrorReporter,
    recover: Recoverer | None,
    *,
    use_recovery: bool,
) -> None:
    """Opens the store behind the early window (already painted) and makes the window whole.

    A failure is explained exactly as at a start without the early window, with the window
    gone first (no half-working window behind the sentence), and the app ends with its code.
    A damaged profile's recovered copy, if the coach made one, opens in a new window.
    """
    window = started.window
    assert window is not None

    def alone(parent: QWidget | None, exc: BaseException) -> None:
        window.hide()
        report(None, exc)

    offer = recover or (_offer_recovery if use_recovery else None)

    def recover_alone(error: DamagedProfile, database: Path) -> Path | None:
        window.hide()
        assert offer is not None
        return offer(error, database)

    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        # Without an offer of recovery, a damaged profile is explained like any failure.
        opened = _open(data_dir, alone, recover_alone if offer else None, use_recovery=False)
        if isinstance(opened, int):
            window.hide()
            app.exit(opened)
            return
        started.store = opened
        if window.isHidden():  # explained, then the recovered copy opened instead
            window.deleteLater()
            _show_whole_window(started, opened, report)
        else:
            window.attach(opened)
    finally:
        QGuiApplication.restoreOverrideCursor()
    startup_gc.resume()


def run_gui(
    data_dir: str | None,
    argv: list[str] | None = None,
    *,
    report_error: ErrorReporter | None = None,
    log_dir: Path | None = None,
    recover: Recoverer | None = None,
) -> int:
    """Runs the desktop app on the profile in ``data_dir`` and returns the exit code.

    A profile that can't be opened (not SQLite, too new, unwritable folder) is explained in a
    dialog and gives ``ProfileError.exit_code`` (3), with the file left exactly as it was.
    ``report_error`` replaces the blocking error dialog (tests); ``log_dir`` the log folder,
    if logging isn't set up yet (the CLI sets it up before calling this). A damaged profile
    is explained with an offer to recover its readable records into a new profile, which then
    opens instead; ``recover`` replaces that dialog (tests).

    A profile ready to use as it is (this build's schema, closed cleanly, not empty, no visit
    to reopen) is painted first from what ``sqlite3`` reads of it, and its store opened right
    after (:func:`start_early`); any other starts as it always did, store first.
    """
    setup_logging(log_dir)
    app = application(argv)
    report = show_error if report_error is None else report_error
    uninstall_hook = install_crash_handlers(report)
    started = _Started()
    try:
        log.info("%s %s starting, profile %s", APP_NAME, __version__, data_dir or "(default)")
        try:
            if start_early(started, app, data_dir, report, recover, report_error is None):
                code = app.exec()
            else:
                # The system's language, for what is said before a profile opens.
                install_language(None, app)
                opened = _open(data_dir, report, recover, use_recovery=report_error is None)
                if isinstance(opened, int):
                    return opened
                started.store = opened
                language = install_language(opened, app)
                log.info("Language: %s", language)
                _show_whole_window(started, opened, report)
                # Startup objects (models, SQLAlchemy mappers, Qt wrappers) live as long as
                # the app; freezing them keeps the cyclic GC from re-walking them in pauses a
                # coach feels. The CLI starts the app with the collector paused: on again here.
                startup_gc.resume()
                code = app.exec()
        finally:
            operations.shutdown()  # nothing may still be writing when the store closes
            if started.window is not None:
                started.window.deleteLater()
            if started.store is not None:
                started.store.close()
        log.info("%s exiting with code %s", APP_NAME, code)
        return code
    finally:
        uninstall_hook()
        gc.enable()  # however start-up ended (a profile that didn't open returns early)


def start_early(
    started: _Started,
    app: QApplication,
    data_dir: str | Path | None,
    report: ErrorReporter,
    recover: Recoverer | None = None,
    use_recovery: bool = False,
) -> bool:
    """Shows the window from the profile's first screens, read without SQLAlchemy, and opens
    the store once it is painted; False (nothing shown) when the profile doesn't qualify.

    The window then takes keys at once; those pressed before the store is open run once it is
    (issue 18: window ready).
    """
    early = read_first_screens(data_dir, (LANGUAGE_KEY.name, *EARLY_SETTINGS))
    if early is None:
        return False
    language = install_language(None, app, stored=early.settings[LANGUAGE_KEY.name])
    log.info("Language: %s; painting the first screen before the store opens", language)
    apply_early_look(early)
    started.window = window = MainWindow(report_error=report, first_screens=early)
    _AfterFirstPaint(
        window,
        lambda: _open_behind(started, app, data_dir, report, recover, use_recovery=use_recovery),
    )
    window.show()
    return True
