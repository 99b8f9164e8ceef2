"""How failures reach a coach in the GUI: a sentence in a dialog, the details in the log.

A coach can act on "the file isn't an Observe database, choose another folder"; they can't act
on a traceback, and a traceback in a dialog reads like the app broke their work. So
:class:`~observe.errors.ObserveError` shows its own sentence, anything else shows one generic
sentence pointing at the log file, and the technical details only ever go to the log.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from observe import APP_NAME
from observe.errors import ObserveError, explain_storage_error
from observe.logsetup import log_file
from observe.paths import default_log_dir

log = logging.getLogger(__name__)

#: Shows a built dialog; tests pass one that records the box instead of blocking on ``exec``.
Presenter = Callable[[QMessageBox], object]
#: What screens call to report a failure; :func:`show_error` or a test double.
ErrorReporter = Callable[[QWidget | None, BaseException], None]

GENERIC_SENTENCE = QT_TRANSLATE_NOOP(
    "Errors",
    "Something went wrong that Observe didn't expect, so it stopped what it was doing. "
    "The details were written to the log at {path}; please include that file if you "
    "report the problem.",
)
GENERIC_SENTENCE_NO_LOG = QT_TRANSLATE_NOOP(
    "Errors",
    "Something went wrong that Observe didn't expect, so it stopped what it was doing. "
    "No log file could be written, so please note what you were doing if you report the problem.",
)


def log_folder() -> Path:
    """Where the log is (or would be): the configured file's folder, else the default one."""
    configured = log_file()
    return configured.parent if configured is not None else default_log_dir()


def known_error(error: BaseException) -> ObserveError | None:
    """The sentence-carrying error for ``error``: itself, or a full disk, read-only or damaged
    file recognised by the core's one mapping (observe.errors.explain_storage_error)."""
    return explain_storage_error(error)


def sentence_for(error: BaseException) -> str:
    known = known_error(error)
    if known is not None:
        return known.sentence
    # Only name a file the details really went to; a sentence pointing at nothing misleads.
    configured = log_file()
    if configured is None:
        return QCoreApplication.translate("Errors", GENERIC_SENTENCE_NO_LOG)
    return QCoreApplication.translate("Errors", GENERIC_SENTENCE).format(path=configured)


def record(error: BaseException) -> None:
    """Writes what a developer needs (type, detail, traceback) to the log."""
    exc_info = (type(error), error, error.__traceback__)
    if isinstance(error, ObserveError):
        detail = f" ({error.detail})" if error.detail else ""
        log.warning("%s%s", error.sentence, detail, exc_info=exc_info)
    else:
        log.error("unexpected error: %r", error, exc_info=exc_info)


def error_box(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Builds (without showing) the dialog for ``error``."""
    expected = known_error(error) is not None
    box = QMessageBox(parent)
    box.setWindowTitle(APP_NAME)
    box.setIcon(QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical)
    # Paths can contain "<" or "&"; rich-text guessing would mangle them.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(sentence_for(error))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def _exec(box: QMessageBox) -> object:
    return box.exec()


def show_error(
    parent: QWidget | None, error: BaseException, *, present: Presenter | None = None
) -> None:
    """Logs ``error`` and shows its sentence; ``present`` replaces the blocking ``exec``."""
    record(error)
    box = error_box(parent, error)
    try:
        (present or _exec)(box)
    finally:
        if present is None:
            box.deleteLater()


class _Relay(QObject):
    """Carries exceptions to the GUI thread; uncaught ones can surface on pool threads too."""

    raised = Signal(object)

    def __init__(self, report: ErrorReporter) -> None:
        super().__init__()
        self._report = report
        self._busy = False
        self.raised.connect(self._show)

    @Slot(object)
    def _show(self, error: BaseException) -> None:
        if self._busy:  # one dialog at a time; a burst of failures must not stack dialogs
            record(error)
            return
        self._busy = True
        try:
            self._report(None, error)
        except Exception:  # must stay: the reporter of last resort failed (no display, a broken
            # dialog); there is nobody left to tell but the log, and CoreOp reports through here.
            log.exception("could not report an error; the original was %r", error)
        finally:
            self._busy = False


def install_excepthook(report: ErrorReporter | None = None) -> Callable[[], None]:
    """Routes uncaught exceptions (e.g. raised in a slot) to a dialog and the log.

    Without this PySide prints the traceback to a console the coach never sees and carries on
    in an unknown state. Call it on the GUI thread; it returns a function that undoes it.
    """
    previous = sys.excepthook
    relay = _Relay(show_error if report is None else report)

    def hook(
        exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc is None or issubclass(exc_type, KeyboardInterrupt | SystemExit):
            previous(exc_type, exc if exc is not None else exc_type(), tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        relay.raised.emit(exc)

    sys.excepthook = hook

    def uninstall() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous
        relay.deleteLater()

    return uninstall
