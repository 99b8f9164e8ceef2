"""Deleting from the navigator: the question asked first, naming what goes, and what the coach
is told after (or instead, when the record must stay)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from observe.capture.visit_removal import VisitContents
from observe.errors import UsageError
from observe.ui.errors import ErrorReporter, record, sentence_for
from observe.ui.ops import CoreOp

T = TypeVar("T")

Ask = Callable[[QWidget | None, str], bool]
#: Works out what would go and returns the question plus the deletion to run if the coach agrees.
Plan = Callable[[], tuple[str, Callable[[], T]]]


def delete_question(label: str, contents: VisitContents) -> str:
    return QCoreApplication.translate(
        "Navigator",
        "Delete the visit “{label}”, with {contents}?\n\n"
        "It is deleted on your other devices and the sync server at their next sync. "
        "Edit → Undo brings it back.",
    ).format(label=label, contents=contents.sentence())


def ask_to_delete(parent: QWidget | None, question: str) -> bool:
    """Cancel is the default button: Enter pressed out of habit deletes nothing."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("navigator.deletion", "Delete"),
        question,
        parent=parent,
    )
    delete = box.addButton(
        QCoreApplication.translate("navigator.deletion", "&Delete"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def delete_after_asking(parent: QWidget, title: str, ask: Ask, plan: Plan[T]) -> T | None:
    """Runs the planned deletion if the coach agrees; None when nothing was deleted.

    A ``UsageError`` (the record has visits, or is already gone) is an answer, shown as such and
    not logged as a fault; anything else is logged and explained."""

    def ask_then_delete() -> T | None:
        question, delete = plan()
        if not ask(parent, question):
            return None
        return delete()

    outcome = CoreOp(parent, ask_then_delete, report=_reporter(title), name=title).run_now()
    return outcome.value if outcome.ok else None


def _reporter(title: str) -> ErrorReporter:
    """A refusal is an answer (information); a failure is a fault (logged, then a warning)."""

    def report(parent: QWidget | None, exc: BaseException) -> None:
        if isinstance(exc, UsageError):
            QMessageBox.information(parent, title, exc.sentence)
            return
        record(exc)
        QMessageBox.warning(parent, title, sentence_for(exc))

    return report


def tell(parent: QWidget, message: str, timeout_ms: int = 10_000) -> None:
    """Says what was done in the main window's status bar (if there is one)."""
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, timeout_ms)
