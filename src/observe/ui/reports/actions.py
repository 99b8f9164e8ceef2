"""The Reports menu: compose feedback, preview sheets, debriefs and summaries, export a walk.

Each report is for what the coach is looking at: the walk or visit chosen in the navigator, the
cycle chosen in the open Coaching cycles window, the open visit's walk or cycle; only when
nothing is chosen the latest walk or the active cycle, and the preview's title says which.
Every report is rendered on a worker; exporting a walk's sheets asks first when some would be
drafts, shows progress and can be cancelled, and a cancelled export leaves no files behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog, QWidget

from observe.errors import UsageError
from observe.reports.names import report_name, sheet_name
from observe.store import Store
from observe.ui import operations
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter
from observe.ui.operations import Operation, Progress
from observe.ui.ops import CoreOp

# ReportLab, QtPdf and the composer load when a report is first asked for, not at start-up
# (they add about a quarter of a second to opening the window).
if TYPE_CHECKING:
    from observe.feedback import FeedbackDraft
    from observe.reports.layout import Pdf
    from observe.ui.feedback.composer import ComposerDialog
    from observe.ui.reports.preview import PreviewWindow

T = TypeVar("T")

SHORTCUTS = {
    "compose": "Ctrl+Shift+F",
    "sheet": "Ctrl+P",
    "walk": "Ctrl+Shift+W",
    "cycle": "Ctrl+Shift+M",
    "export": "Ctrl+Shift+E",
}

NO_VISIT = QT_TRANSLATE_NOOP(
    "ReportActions",
    "Open a visit first (double-click it in the Visits list); feedback is written for one visit.",
)

#: Chooses the export folder; tests pass one that answers without a dialog.
FolderChooser = Callable[[QMainWindow], Path | None]


@dataclass(frozen=True)
class Chosen:
    """What the coach has picked outside the Reports menu: a navigator row (a walk, or a
    visit) and the cycle shown in the Coaching cycles window, if that window is open."""

    walk_id: str | None = None
    visit_id: str | None = None
    cycle_id: str | None = None


def chosen_in(window: QMainWindow) -> Chosen:
    """Reads the navigator's current row and the open cycles window of the main window."""
    walk_id = visit_id = cycle_id = None
    navigator = getattr(getattr(window, "workspace", None), "navigator", None)
    row = navigator.selected_visit_row() if navigator is not None else None
    if row is not None:
        kind, record_id = row
        walk_id, visit_id = (record_id, None) if kind == "walk" else (None, record_id)
    coaching = getattr(window, "coaching_ui", None)
    cycles = getattr(coaching, "windows", {}).get("cycles") if coaching is not None else None
    if cycles is not None and shiboken6.isValid(cycles) and cycles.isVisible():
        cycle_id = cycles.current_id()
    return Chosen(walk_id, visit_id, cycle_id)


class Which(Enum):
    """Why a report is for the walk or cycle it is for (named in the preview's title)."""

    CHOSEN = "chosen"
    LATEST = "latest"


class DraftAnswer(Enum):
    ALL = "all"
    REVIEWED = "reviewed"


#: Asks what to do when some visits of a walk have no saved feedback; tests may answer.
DraftQuestion = Callable[[QWidget, str, int, int], DraftAnswer | None]


def preview_cycle_summary(
    store: Store,
    cycle_id: str,
    parent: QWidget,
    *,
    report_error: ErrorReporter,
    latest: bool = False,
) -> PreviewWindow:
    """Previews one cycle's summary (Reports → Cycle summary, and the cycles window's Print
    summary), titled with the cycle it is for."""
    from observe.reports.cycle_summary import cycle_summary_pdf
    from observe.reports.select import cycle_label
    from observe.ui.reports.preview import PreviewWindow

    label, day = cycle_label(store, cycle_id)
    title = QCoreApplication.translate("ReportActions", "Coaching cycle summary — %1")
    title = title.replace("%1", label)
    if latest:
        title += QCoreApplication.translate("ReportActions", " (the active cycle: none was chosen)")
    window = PreviewWindow(
        store,
        lambda paper: cycle_summary_pdf(store, cycle_id, paper),
        title=title,
        file_stem=report_name(
            QCoreApplication.translate("ReportActions", "Coaching cycle summary"), day, label
        ),
        report_error=report_error,
        parent=parent,
    )
    window.show()
    return window


def choose_folder(window: QMainWindow) -> Path | None:
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen = QFileDialog.getExistingDirectory(
        window, QCoreApplication.translate("reports.actions", "Export sheets to folder"), start
    )
    return Path(chosen) if chosen else None


class ReportActions(QObject):
    def __init__(
        self,
        window: QMainWindow,
        context: VisitContext,
        *,
        report_error: ErrorReporter,
        choose_export_folder: FolderChooser = choose_folder,
        chosen: Callable[[QMainWindow], Chosen] = chosen_in,
        ask_about_drafts: DraftQuestion | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.store = context.store
        self._report_error = report_error
        self._choose_folder = choose_export_folder
        self._chosen = chosen
        self._ask_about_drafts = ask_about_drafts or self.ask_about_drafts
        self.draft_question: QMessageBox | None = None
        self.export_operation: Operation | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.last_preview: PreviewWindow | None = None
        self.last_composer: ComposerDialog | None = None

        self.compose_action = self._action(
            self.tr("Compose &feedback…"),
            "compose",
            self.tr("Write strengths and a wondering for the open visit"),
            self.compose,
        )
        self.sheet_action = self._action(
            self.tr("Feedback &sheet for this visit…"),
            "sheet",
            self.tr("Preview, print or save the open visit's feedback sheet"),
            self.preview_sheet,
        )
        self.walk_action = self._action(
            self.tr("&Walk debrief…"),
            "walk",
            self.tr("Patterns across the classrooms of a learning walk (no names)"),
            self.preview_walk,
        )
        self.cycle_action = self._action(
            self.tr("&Cycle summary…"),
            "cycle",
            self.tr("Goal, steps and trend of a coaching cycle"),
            self.preview_cycle,
        )
        self.export_action = self._action(
            self.tr("&Export sheets for this walk…"),
            "export",
            self.tr("Save a feedback sheet for every visit on the walk to a folder"),
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

    def _now(self, call: Callable[[], T]) -> T | None:
        """Runs a quick core question for a menu action; None after its failure was reported."""
        outcome = CoreOp(self.window, call, report=self._report_error).run_now()
        return outcome.value if outcome.ok else None

    # -- which walk / cycle -----------------------------------------------------------------

    def current_walk(self) -> str:
        return self.which_walk()[0]

    def which_walk(self) -> tuple[str, Which]:
        """The walk chosen in the navigator (a walk row, or a visit on a walk), else the open
        visit's walk, else the latest walk."""
        from observe.reports.select import resolve_walk, walk_of_visit

        chosen = self._chosen(self.window)
        for walk_id in (
            chosen.walk_id,
            walk_of_visit(self.store, chosen.visit_id),
            walk_of_visit(self.store, self.context.visit_id),
        ):
            if walk_id:
                return walk_id, Which.CHOSEN
        return resolve_walk(self.store, "latest"), Which.LATEST

    def current_cycle(self) -> str:
        return self.which_cycle()[0]

    def which_cycle(self) -> tuple[str, Which]:
        """The cycle shown in the open Coaching cycles window, else the cycle of the visit
        chosen in the navigator or open, else the active cycle."""
        from observe.reports.select import cycle_of_visit, resolve_cycle

        chosen = self._chosen(self.window)
        for cycle_id in (
            chosen.cycle_id,
            cycle_of_visit(self.store, chosen.visit_id),
            cycle_of_visit(self.store, self.context.visit_id),
        ):
            if cycle_id:
                return cycle_id, Which.CHOSEN
        return resolve_cycle(self.store, "latest"), Which.LATEST

    # -- composer and previews --------------------------------------------------------------

    def compose(self) -> ComposerDialog | None:
        from observe.ui.feedback.composer import ComposerDialog

        visit_id = self.context.visit_id
        if not visit_id:
            self._fail(UsageError(self.tr(NO_VISIT)))
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
            self._fail(UsageError(self.tr(NO_VISIT)))
            return None
        store = self.store
        return self._preview(
            lambda paper: feedback_sheet_pdf(store, visit_id, SheetOptions(paper)),
            self.tr("Feedback sheet"),
            self._sheet_name(visit_id),
        )

    def _sheet_name(self, visit_id: str) -> str:
        """A file name saying which day and whose sheet: "Feedback sheet 2026-10-06 Zoë
        Okafor Science, grade 6"."""
        from observe.feedback.facts import visit_facts

        try:
            facts = visit_facts(self.store, visit_id)
        except UsageError:
            return self.tr("Feedback sheet")
        return sheet_name(facts)

    def preview_draft(self, visit_id: str, draft: FeedbackDraft, coach: str) -> PreviewWindow:
        from observe.reports.feedback_sheet import SheetOptions, feedback_sheet_pdf

        store = self.store
        composer = self.last_composer
        # Unsaved edits in the composer are not reviewed yet either: the sheet says DRAFT.
        editing = composer is not None and shiboken6.isValid(composer) and composer.dirty
        reviewed = None if not editing else False
        return self._preview(
            lambda paper: feedback_sheet_pdf(
                store,
                visit_id,
                SheetOptions(paper, coach=coach or None, reviewed=reviewed),
                draft=draft,
            ),
            self.tr("Feedback sheet"),
            self._sheet_name(visit_id),
        )

    def preview_walk(self) -> PreviewWindow | None:
        from observe.reports.select import walk_label
        from observe.reports.walk_debrief import walk_debrief_pdf

        walk = self._now(self.which_walk)
        if walk is None:
            return None
        walk_id, which = walk
        store = self.store
        title, day = walk_label(store, walk_id)
        window_title = self.tr("Learning walk debrief — %1, %2").replace("%1", title)
        window_title = window_title.replace("%2", day)
        if which is Which.LATEST:
            window_title += self.tr(" (the latest walk: none was chosen)")
        return self._preview(
            lambda paper: walk_debrief_pdf(store, walk_id, paper),
            window_title,
            report_name(self.tr("Learning walk debrief"), day, title),
        )

    def preview_cycle(self) -> PreviewWindow | None:
        cycle = self._now(self.which_cycle)
        if cycle is None:
            return None
        cycle_id, which = cycle
        window = preview_cycle_summary(
            self.store,
            cycle_id,
            self.window,
            report_error=self._report_error,
            latest=which is Which.LATEST,
        )
        self.last_preview = window
        return window

    # -- export a walk's sheets -------------------------------------------------------------

    def export_walk(self, folder: Path | None = None) -> Operation | None:
        from observe.reports.batch import export_sheets, walk_visit_ids
        from observe.reports.common import coach_name
        from observe.reports.feedback_sheet import SheetOptions
        from observe.ui.reports.preview import default_paper

        if self.export_operation is not None and self.export_operation.is_running:
            return None
        from observe.feedback.service import reviewed_visits

        def walk_sheets() -> tuple[str, list[str], set[str]]:
            walk_id = self.current_walk()
            ids = walk_visit_ids(self.store, walk_id)
            return walk_id, ids, reviewed_visits(self.store, ids)

        found = self._now(walk_sheets)
        if found is None:
            return None
        walk_id, ids, reviewed = found
        drafts = len([i for i in ids if i not in reviewed])
        if ids and drafts:
            answer = self._ask_about_drafts(self.window, walk_id, drafts, len(ids))
            if answer is None:
                return None
            if answer is DraftAnswer.REVIEWED:
                ids = [i for i in ids if i in reviewed]
        folder = folder or self._choose_folder(self.window)
        if folder is None:
            return None
        store = self.store
        options = SheetOptions(default_paper(store), coach=coach_name(store) or "")

        def work(progress: Progress) -> object:
            return export_sheets(
                store,
                ids,
                folder,
                options,
                progress=progress.report,
                should_cancel=progress.should_cancel,
            )

        dialog = QProgressDialog(
            self.tr("Making feedback sheets…"), self.tr("Cancel"), 0, 0, self.window
        )
        dialog.setWindowTitle(self.tr("Export sheets for this walk"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setAccessibleName(self.tr("Exporting feedback sheets"))
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
                QCoreApplication.translate(
                    "ReportActions",
                    "Exporting the sheets was cancelled; no sheets were left behind.",
                )
            ),
        )
        op.finished.connect(self._export_finished)
        dialog.canceled.connect(op.cancel)
        dialog.show()
        self.export_operation = op
        return op

    def ask_about_drafts(
        self, parent: QWidget, walk_id: str, drafts: int, total: int
    ) -> DraftAnswer | None:
        """Asks before exporting sheets that would be drafts: all of them (marked DRAFT), only
        the reviewed ones, or not now."""
        from observe.reports.batch import unreviewed_sentence

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Export sheets for this walk"), "")
        box.setParent(parent, box.windowFlags())
        box.setText(unreviewed_sentence(drafts, total))
        reviewed = total - drafts
        every_text = (
            self.tr("&Export the sheet (marked DRAFT)")
            if total == 1
            else self.tr("Export &all %1 sheets").replace("%1", str(total))
        )
        every = box.addButton(every_text, QMessageBox.ButtonRole.AcceptRole)
        only = None
        if reviewed:
            only_text = (
                self.tr("Export &only the reviewed one")
                if reviewed == 1
                else self.tr("Export &only the %1 reviewed").replace("%1", str(reviewed))
            )
            only = box.addButton(only_text, QMessageBox.ButtonRole.AcceptRole)
            box.setInformativeText(
                self.tr("Export all of them, or only the ones whose feedback you have saved?")
            )
        else:
            box.setInformativeText(
                self.tr("Save feedback for a visit (Reports → Compose feedback) to review it.")
            )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(only or every)
        self.draft_question = box
        box.exec()
        self.draft_question = None
        clicked = box.clickedButton()
        if clicked is every:
            return DraftAnswer.ALL
        if only is not None and clicked is only:
            return DraftAnswer.REVIEWED
        return None

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15_000)

    def _export_progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is not None:
            # setValue on a modal progress dialog runs the event loop, which may deliver the
            # end of the export and close the dialog; so the label goes first.
            dialog.setLabelText(
                self.tr("Made {done} of {total} feedback sheets…").format(done=done, total=total)
            )
            dialog.setMaximum(total)
            dialog.setValue(done)

    def _exported(self, result: object) -> None:
        files, folder = getattr(result, "files", []), getattr(result, "folder", "")
        text = (
            self.tr("Saved 1 feedback sheet to %1.")
            if len(files) == 1
            else self.tr("Saved %2 feedback sheets to %1.").replace("%2", str(len(files)))
        )
        self._status(text.replace("%1", str(folder)))

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
