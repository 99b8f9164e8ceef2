"""The Reports menu: compose feedback, preview sheets, debriefs and summaries, export a walk.

Each report is for what the coach is looking at: the open visit, its walk, its coaching cycle
(else the most recent walk or cycle). Every report is rendered on a worker; exporting a walk's
sheets shows progress and can be cancelled, and a cancelled export leaves no files behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QProgressDialog
from sqlalchemy import select

from observe.clock import as_utc
from observe.errors import UsageError
from observe.store.models import Visit
from observe.ui import operations
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter
from observe.ui.operations import Operation, Progress

# ReportLab, QtPdf and the composer load when a report is first asked for, not at start-up
# (they add about a quarter of a second to opening the window).
if TYPE_CHECKING:
    from observe.feedback import FeedbackDraft
    from observe.reports.layout import Pdf
    from observe.ui.feedback.composer import ComposerDialog
    from observe.ui.reports.preview import PreviewWindow

SHORTCUTS = {
    "compose": "Ctrl+Shift+F",
    "sheet": "Ctrl+P",
    "walk": "Ctrl+Shift+W",
    "cycle": "Ctrl+Shift+M",
    "export": "Ctrl+Shift+E",
}

NO_VISIT = (
    "Open a visit first (double-click it in the Visits list); feedback is written for one visit."
)

#: Chooses the export folder; tests pass one that answers without a dialog.
FolderChooser = Callable[[QMainWindow], Path | None]


def choose_folder(window: QMainWindow) -> Path | None:
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen = QFileDialog.getExistingDirectory(window, "Export sheets to folder", start)
    return Path(chosen) if chosen else None


class ReportActions(QObject):
    def __init__(
        self,
        window: QMainWindow,
        context: VisitContext,
        *,
        report_error: ErrorReporter,
        choose_export_folder: FolderChooser = choose_folder,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.store = context.store
        self._report_error = report_error
        self._choose_folder = choose_export_folder
        self.export_operation: Operation | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_preview: PreviewWindow | None = None
        self.last_composer: ComposerDialog | None = None

        self.compose_action = self._action(
            "Compose &feedback…",
            "compose",
            "Write strengths and a wondering for the open visit",
            self.compose,
        )
        self.sheet_action = self._action(
            "Feedback &sheet for this visit…",
            "sheet",
            "Preview, print or save the open visit's feedback sheet",
            self.preview_sheet,
        )
        self.walk_action = self._action(
            "&Walk debrief…",
            "walk",
            "Patterns across the classrooms of a learning walk (no names)",
            self.preview_walk,
        )
        self.cycle_action = self._action(
            "&Cycle summary…",
            "cycle",
            "Goal, steps and trend of a coaching cycle",
            self.preview_cycle,
        )
        self.export_action = self._action(
            "&Export sheets for this walk…",
            "export",
            "Save a feedback sheet for every visit on the walk to a folder",
            self.export_walk,
        )
        context.visit_changed.connect(self._visit_changed)
        self._visit_changed(context.visit_id)

    def _action(self, text: str, key: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(SHORTCUTS[key]))
        native = QKeySequence(SHORTCUTS[key]).toString(QKeySequence.SequenceFormat.NativeText)
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({native})")
        action.triggered.connect(slot)
        return action

    def actions(self) -> list[QAction]:
        return [
            self.compose_action,
            self.sheet_action,
            self.walk_action,
            self.cycle_action,
            self.export_action,
        ]

    def _visit_changed(self, visit_id: object) -> None:
        for action in (self.compose_action, self.sheet_action):
            action.setEnabled(bool(visit_id))

    def _fail(self, error: BaseException) -> None:
        self._report_error(self.window, error)

    # -- which walk / cycle -----------------------------------------------------------------

    def _open_visit(self) -> Visit | None:
        if not self.context.visit_id:
            return None
        with self.store.read() as s:
            return s.get(Visit, self.context.visit_id)

    def current_walk(self) -> str:
        from observe.reports.select import resolve_walk

        visit = self._open_visit()
        if visit is not None and visit.walk_id:
            return visit.walk_id
        return resolve_walk(self.store, "latest")

    def current_cycle(self) -> str:
        from observe.reports.select import resolve_cycle

        visit = self._open_visit()
        if visit is not None and visit.cycle_id:
            return visit.cycle_id
        return resolve_cycle(self.store, "latest")

    # -- composer and previews --------------------------------------------------------------

    def compose(self) -> ComposerDialog | None:
        from observe.ui.feedback.composer import ComposerDialog

        visit_id = self.context.visit_id
        if not visit_id:
            self._fail(UsageError(NO_VISIT))
            return None
        current = self.last_composer
        alive = current is not None and shiboken6.isValid(current) and current.isVisible()
        if alive and current.visit_id == visit_id:  # type: ignore[union-attr]
            # One composer per visit: bring it forward rather than open a second copy.
            current.raise_()  # type: ignore[union-attr]
            current.activateWindow()  # type: ignore[union-attr]
            return current
        dialog = ComposerDialog(
            self.store,
            visit_id,
            report_error=self._report_error,
            open_preview=lambda draft, coach: self.preview_draft(visit_id, draft, coach),
            parent=self.window,
        )
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()
        self.last_composer = dialog
        return dialog

    def _preview(self, render: Callable[[str], Pdf], title: str, stem: str) -> PreviewWindow:
        from observe.ui.reports.preview import PreviewWindow

        window = PreviewWindow(
            self.store,
            render,
            title=title,
            file_stem=stem,
            report_error=self._report_error,
            parent=self.window,
        )
        window.show()
        self.last_preview = window
        return window

    def preview_sheet(self) -> PreviewWindow | None:
        from observe.reports.feedback_sheet import SheetOptions, feedback_sheet_pdf

        visit_id = self.context.visit_id
        if not visit_id:
            self._fail(UsageError(NO_VISIT))
            return None
        store = self.store
        return self._preview(
            lambda paper: feedback_sheet_pdf(store, visit_id, SheetOptions(paper)),
            "Feedback sheet",
            self._sheet_name(visit_id),
        )

    def _sheet_name(self, visit_id: str) -> str:
        """A file name saying whose sheet and which day: "Feedback Zoë Okafor 2026-10-06"."""
        from observe.reports.batch import safe_name
        from observe.store.models import Classroom, Teacher

        with self.store.read() as s:
            row = s.execute(
                select(Teacher.display_name, Visit.started_at)
                .join(Classroom, Classroom.teacher_id == Teacher.id)
                .join(Visit, Visit.classroom_id == Classroom.id)
                .where(Visit.id == visit_id)
            ).first()
        if row is None:
            return "Feedback sheet"
        return safe_name(f"Feedback {row[0]} {as_utc(row[1]).astimezone():%Y-%m-%d}")

    def preview_draft(self, visit_id: str, draft: FeedbackDraft, coach: str) -> PreviewWindow:
        from observe.reports.feedback_sheet import SheetOptions, feedback_sheet_pdf

        store = self.store
        return self._preview(
            lambda paper: feedback_sheet_pdf(
                store, visit_id, SheetOptions(paper, coach=coach or None), draft=draft
            ),
            "Feedback sheet (draft)",
            self._sheet_name(visit_id),
        )

    def preview_walk(self) -> PreviewWindow | None:
        from observe.reports.walk_debrief import walk_debrief_pdf

        try:
            walk_id = self.current_walk()
        except UsageError as exc:
            self._fail(exc)
            return None
        store = self.store
        return self._preview(
            lambda paper: walk_debrief_pdf(store, walk_id, paper),
            "Learning walk debrief",
            "Learning walk debrief",
        )

    def preview_cycle(self) -> PreviewWindow | None:
        from observe.reports.cycle_summary import cycle_summary_pdf

        try:
            cycle_id = self.current_cycle()
        except UsageError as exc:
            self._fail(exc)
            return None
        store = self.store
        return self._preview(
            lambda paper: cycle_summary_pdf(store, cycle_id, paper),
            "Coaching cycle summary",
            "Coaching cycle summary",
        )

    # -- export a walk's sheets -------------------------------------------------------------

    def export_walk(self, folder: Path | None = None) -> Operation | None:
        from observe.reports.batch import export_sheets, walk_visit_ids
        from observe.reports.common import coach_name
        from observe.reports.feedback_sheet import SheetOptions
        from observe.ui.reports.preview import default_paper

        if self.export_operation is not None and self.export_operation.is_running:
            return None
        try:
            walk_id = self.current_walk()
        except UsageError as exc:
            self._fail(exc)
            return None
        folder = folder or self._choose_folder(self.window)
        if folder is None:
            return None
        store = self.store
        options = SheetOptions(default_paper(store), coach=coach_name(store) or "")

        def work(progress: Progress) -> object:
            ids = walk_visit_ids(store, walk_id)
            return export_sheets(
                store,
                ids,
                folder,
                options,
                progress=progress.report,
                should_cancel=progress.should_cancel,
            )

        dialog = QProgressDialog("Making feedback sheets…", "Cancel", 0, 0, self.window)
        dialog.setWindowTitle("Export sheets for this walk")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setAccessibleName("Exporting feedback sheets")
        self.progress_dialog = dialog
        self.export_action.setEnabled(False)
        op = operations.run(
            work,
            name="export walk sheets",
            context=self.window,
            on_success=self._exported,
            on_failure=self._export_failed,
            on_progress=self._export_progress,
            on_cancel=lambda: self._status(
                "Exporting the sheets was cancelled; no sheets were left behind."
            ),
        )
        op.finished.connect(self._export_finished)
        dialog.canceled.connect(op.cancel)
        dialog.show()
        self.export_operation = op
        return op

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15_000)

    def _export_progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is not None:
            # setValue on a modal progress dialog runs the event loop, which may deliver the
            # end of the export and close the dialog; so the label goes first.
            dialog.setLabelText(f"Made {done} of {total} feedback sheets…")
            dialog.setMaximum(total)
            dialog.setValue(done)

    def _exported(self, result: object) -> None:
        files, folder = getattr(result, "files", []), getattr(result, "folder", "")
        self._status(f"Saved {len(files)} feedback sheets to {folder}.")

    def _export_failed(self, error: BaseException) -> None:
        from observe.reports.batch import ExportCancelled

        if isinstance(error, ExportCancelled):
            self._status(error.sentence)
            return
        self._fail(error)

    def _export_finished(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.canceled.disconnect()
            self.progress_dialog.close()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
        self.export_action.setEnabled(True)
