"""Starting the desktop app: logging, the Qt application, the profile, the window.

Also the crash handler (observe.ui.crash), the window icon, and the welcome dialog that a new,
empty profile opens with (observe.ui.first_run).
"""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from observe import APP_NAME, __version__
from observe.errors import ObserveError
from observe.logsetup import setup_logging
from observe.store import open_profile
from observe.ui import operations
from observe.ui.crash import install_crash_handlers
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.first_run import offer_welcome
from observe.ui.icons import APP_ID, app_icon
from observe.ui.main_window import MainWindow

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


def run_gui(
    data_dir: str | None,
    argv: list[str] | None = None,
    *,
    report_error: ErrorReporter | None = None,
    log_dir: Path | None = None,
) -> int:
    """Runs the desktop app on the profile in ``data_dir`` and returns the exit code.

    A profile that can't be opened (not SQLite, too new, unwritable folder) is explained in a
    dialog and gives ``ProfileError.exit_code`` (3), with the file left exactly as it was.
    ``report_error`` replaces the blocking error dialog (tests); ``log_dir`` the log folder,
    if logging isn't set up yet (the CLI sets it up before calling this).
    """
    setup_logging(log_dir)
    app = application(argv)
    report = show_error if report_error is None else report_error
    uninstall_hook = install_crash_handlers(report)
    try:
        log.info("%s %s starting, profile %s", APP_NAME, __version__, data_dir or "(default)")
        try:
            store = open_profile(data_dir)
        except ObserveError as exc:
            report(None, exc)
            return exc.exit_code
        except Exception as exc:  # a bug, not the coach's file: still a sentence, not a crash
            report(None, exc)
            return 1
        window: MainWindow | None = None
        try:
            window = MainWindow(store, report_error=report)
            window.show()
            offer_welcome(window)
            # Startup objects (models, SQLAlchemy mappers, Qt wrappers) live as long as the app;
            # freezing them keeps the cyclic GC from re-walking them in pauses a coach feels.
            gc.freeze()
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
