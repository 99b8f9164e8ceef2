"""The crash handler: every way the app can fail leaves a traceback in the log folder.

A coach who hits a bug should see one sentence saying what happened and where the details
are, and whoever helps them should find the traceback in that file. Four routes lead there:

- an exception nobody caught on the GUI thread (usually in a slot): ``sys.excepthook``, via
  :func:`observe.ui.errors.install_excepthook`, which logs it and shows the sentence;
- one on another thread: ``threading.excepthook`` hands it to the same hook, which carries it
  to the GUI thread before showing anything;
- Qt's own warnings and fatal errors, which would otherwise go to a console nobody sees: a Qt
  message handler writes them to the log;
- a hard crash (segmentation fault, abort) that kills Python itself: :mod:`faulthandler`
  writes every thread's Python stack to ``faults.log`` in the log folder as the process dies.

The sentence also goes to stderr, for whoever started the app from a terminal.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QWidget

from observe.ui.errors import (
    ErrorReporter,
    install_excepthook,
    log_folder,
    sentence_for,
    show_error,
)

FAULTS_FILENAME = "faults.log"

log = logging.getLogger("observe.crash")
qt_log = logging.getLogger("observe.qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)
    if kind == QtMsgType.QtFatalMsg:  # Qt aborts right after this returns
        for handler in logging.getLogger().handlers:
            handler.flush()


def _telling_stderr(report: ErrorReporter) -> ErrorReporter:
    def report_and_print(parent: QWidget | None, error: BaseException) -> None:
        if sys.stderr is not None:  # None in a windowed program on Windows
            print(sentence_for(error), file=sys.stderr, flush=True)
        report(parent, error)

    return report_and_print


def _enable_faulthandler(folder: Path) -> IO[str] | None:
    if faulthandler.is_enabled():  # someone (pytest, PYTHONFAULTHANDLER) already chose where
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stream = (folder / FAULTS_FILENAME).open("a", encoding="utf-8")
    except OSError as exc:
        log.warning("hard crashes will not be recorded: %s", exc)
        return None
    faulthandler.enable(stream, all_threads=True)
    return stream


def install_crash_handlers(report: ErrorReporter | None = None) -> Callable[[], None]:
    """Installs all four routes (call on the GUI thread); returns a function that removes them."""
    uninstall_excepthook = install_excepthook(_telling_stderr(report or show_error))
    previous_thread_hook = threading.excepthook

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            previous_thread_hook(args)
            return
        log.error("uncaught exception in thread %s", getattr(args.thread, "name", "?"))
        sys.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
    previous_qt_handler = qInstallMessageHandler(_qt_message)
    faults = _enable_faulthandler(log_folder())

    def uninstall() -> None:
        if threading.excepthook is thread_hook:
            threading.excepthook = previous_thread_hook
        qInstallMessageHandler(previous_qt_handler)
        if faults is not None:
            faulthandler.disable()
            faults.close()
        uninstall_excepthook()

    return uninstall
