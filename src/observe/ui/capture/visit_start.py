"""Starting visits from the capture pane: Ctrl+N, a new learning walk, a walk's next classroom.

Each flushes the line's draft first, so nothing typed is lost to a dialog taking focus. With a
visit running, Ctrl+N asks whether to end it when the new one starts (the default) or keep both
running; nothing is ended until the new visit starts (``QuickVisitDialog`` ends it then).

The question's sentences keep the pane's translation context ("CapturePane"), where the catalog
already has them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from observe.ui.capture.quick_visit import QuickVisitDialog, next_on_walk

if TYPE_CHECKING:
    from observe.ui.capture.capture_pane import CapturePane


def new_visit(pane: CapturePane) -> QDialog:
    pane.drafts.flush()
    info = pane.info
    if info is None or info.ended_at is not None:
        return pane.open_quick_visit(None)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("CapturePane", "Start a visit"),
        "",
        parent=pane.window(),
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        QCoreApplication.translate(
            "CapturePane", "“%1” is still running. End it when the new visit starts?"
        ).replace("%1", info.title)
    )
    end = box.addButton(
        QCoreApplication.translate("CapturePane", "&End it and start the new one"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("CapturePane", "&Keep both running"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(end)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        if clicked is end:
            pane.open_quick_visit(info.id)
        elif clicked is keep:
            pane.open_quick_visit(None)

    box.finished.connect(answered)
    box.open()
    return box


def open_quick_visit(pane: CapturePane, end_first: str | None) -> QuickVisitDialog:
    dialog = QuickVisitDialog(
        pane.context,
        parent=pane.window(),
        report_error=pane.report_error,
        end_first=end_first,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def new_walk(pane: CapturePane) -> QuickVisitDialog:
    pane.drafts.flush()
    dialog = QuickVisitDialog(
        pane.context, parent=pane.window(), report_error=pane.report_error, new_walk=True
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def next_classroom(pane: CapturePane) -> QuickVisitDialog | None:
    pane.drafts.flush()
    dialog = next_on_walk(pane.context, pane.window(), report_error=pane.report_error)
    if dialog is not None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
