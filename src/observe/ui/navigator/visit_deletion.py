"""The question asked before a visit, teacher or class is deleted, naming what goes with it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from observe.capture.visit_removal import VisitContents


def delete_question(label: str, contents: VisitContents) -> str:
    return (
        f"Delete the visit “{label}”, with {contents.sentence()}?\n\n"
        "It is deleted on your other devices and the sync server at their next sync. "
        "Edit → Undo brings it back."
    )


def ask_to_delete(parent: QWidget | None, question: str) -> bool:
    """Cancel is the default button: Enter pressed out of habit deletes nothing."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Delete", question, parent=parent)
    delete = box.addButton("&Delete", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete
