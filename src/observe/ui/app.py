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

from PySide6.QtWidgets import QApplication, QWidget

from observe import APP_NAME, __version__, startup_gc
from observe.errors import DamagedProfile, ObserveError
from observe.logsetup import setup_logging
from observe.paths import ProfilePaths
from observe.store import Store, open_profile
from observe.ui import operations
from observe.ui.crash import install_crash_handlers
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.first_run import offer_welcome
from observe.ui.i18n import install_for as install_language
from observe.ui.icons import APP_ID, app_icon
from observe.ui.main_window import MainWindow
from observe.ui.ops import CoreOp

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
    """
    setup_logging(log_dir)
    app = application(argv)
    install_language(None, app)  # the system's language, for what is said before a profile opens
    report = show_error if report_error is None else report_error
    uninstall_hook = install_crash_handlers(report)
    try:
        log.info("%s %s starting, profile %s", APP_NAME, __version__, data_dir or "(default)")
        opened = _open(data_dir, report, recover, use_recovery=report_error is None)
        if isinstance(opened, int):
            return opened
        store = opened
        language = install_language(store, app)
        log.info("Language: %s", language)
        window: MainWindow | None = None
        try:
            window = MainWindow(store, report_error=report)
            window.show()
            offer_welcome(window)
            # Startup objects (models, SQLAlchemy mappers, Qt wrappers) live as long as the app;
            # freezing them keeps the cyclic GC from re-walking them in pauses a coach feels.
            # The CLI starts the app with the collector paused: it goes back on here.
            startup_gc.resume()
            code = app.exec()
        finally:
            operations.shutdown()  # nothing may still be writing when the store closes
            if window is not None:
                window.deleteLater()
            store.close()
        log.info("%s exiting with code %s", APP_NAME, code)
        return code
    finally:
        uninstall_hook()
        gc.enable()  # however start-up ended (a profile that didn't open returns early)
