"""Coaching cycles: the list, and for the chosen cycle its goal, steps and measure over time.

The measure is the point of the screen: visit by visit in a table and a chart, with baseline
and target lines, and one sentence comparing before and after ("Distinct voices: 9/24 →
17/24 (+8); target 16, met."). Everything a cycle needs is reached from here: new, edit,
link visits, close with a reflection, delete.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from observe.coaching import cycle_share, cycles
from observe.coaching.cycle_list import cycle_heading
from observe.coaching.labels import CYCLE_STATUS_LABELS
from observe.store import Store
from observe.ui.coaching.cycle_dialogs import CloseCycleDialog, LinkVisitsDialog
from observe.ui.coaching.cycle_editor import CycleEditor
from observe.ui.coaching.cycle_evidence import evidence_button
from observe.ui.coaching.cycle_view import CycleView
from observe.ui.context import VisitContext
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp
from observe.ui.screen_fit import fit_to_screen

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CyclesWindow(QDialog):
    changed = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter,
        today: date | None = None,
        context: VisitContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coaching cycles"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.store = store
        self._report_error = report_error
        self._today = today or date.today()
        self.dialog: QDialog | None = None

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Coaching cycles"))
        self.list.setSpacing(3)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.list.itemActivated.connect(lambda _item: self.edit())
        self.new_button = QPushButton(self.tr("&New cycle…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.link_button = QPushButton(self.tr("&Visits…"))
        self.link_button.setToolTip(
            self.tr("Choose which of the teacher's visits are in this cycle")
        )
        self.close_button = QPushButton(self.tr("C&lose cycle…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.print_button = QPushButton(self.tr("&Print summary…"))
        self.print_button.setToolTip(
            self.tr("Preview, print or save this cycle's summary for the teacher")
        )
        self.print_button.clicked.connect(self.print_summary)
        self.evidence_button = evidence_button(
            self,
            self.import_survey,
            self.import_scores,
            self.paper_tallies,
            self.print_survey,
            self.score_samples,
        )
        self.preview: QWidget | None = None
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.link_button.clicked.connect(self.link_visits)
        self.close_button.clicked.connect(self.close_cycle)
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        for b in (
            self.new_button,
            self.edit_button,
            self.link_button,
            self.close_button,
            self.delete_button,
            self.print_button,
            self.evidence_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.share_box = QCheckBox(self.tr("&Share this cycle with the teacher"))
        self.share_box.setAccessibleName(self.tr("Share this cycle with the teacher"))
        self.share_box.setToolTip(
            self.tr(
                "The teacher reads the focus, goal, steps and measure on the server's pages "
                "after your next sync, and can write back; step notes stay private"
            )
        )
        self.share_box.clicked.connect(self.share_current)
        self.share_note = QLabel()
        self.share_note.setWordWrap(True)
        self.share_note.setAccessibleName(self.tr("Sharing"))
        sharing = QHBoxLayout()
        sharing.addWidget(self.share_box)
        sharing.addWidget(self.share_note, 1)
        self.view = CycleView()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.view)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(sharing)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new)
        fit_to_screen(self, 1180, 740, width_share=0.92)
        split.setSizes([300, 860])
        self.reload()
        self.list.setFocus()  # arrows move through the cycles, Enter edits one
        if context is not None:  # a reflection pulled while the window is open shows up
            context.records_changed.connect(self._records_changed)

    def _records_changed(self, kind: str) -> None:
        if kind == "reflection":
            self.view.reload_reflections(self.store)

    # -- list -------------------------------------------------------------------------------

    def reload(self, select_id: str | None = None) -> None:
        current = select_id or self.current_id()
        listed = CoreOp(self, lambda: cycles.list_cycles(self.store), report=self._report_error)
        outcome = listed.run_now()
        if not outcome.ok or outcome.value is None:
            return
        rows = outcome.value
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            steps = (
                self.tr(" · {steps_done}/{steps_total} steps").format(
                    steps_done=row.steps_done, steps_total=row.steps_total
                )
                if row.steps_total
                else ""
            )
            item = QListWidgetItem(
                f"{row.teacher_name}\n{row.focus}\n{CYCLE_STATUS_LABELS[row.status]} · "
                + (
                    self.tr("1 visit")
                    if row.visits == 1
                    else self.tr("{count} visits").format(count=row.visits)
                )
                + steps
            )
            item.setData(ID_ROLE, row.id)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{row.teacher_name}: {row.focus}, {CYCLE_STATUS_LABELS[row.status]}",
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        index = next(
            (i for i in range(self.list.count()) if self.list.item(i).data(ID_ROLE) == current),
            0,
        )
        if self.list.count():
            self.list.setCurrentRow(index)
        self._show_current()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def _show_current(self) -> None:
        cycle_id = self.current_id()
        for b in (
            self.edit_button,
            self.link_button,
            self.close_button,
            self.delete_button,
            self.print_button,
            self.share_box,
            self.evidence_button,
        ):
            b.setEnabled(cycle_id is not None)
        self._show_sharing(cycle_id)
        shown = CoreOp(
            self, lambda: self.view.show_cycle(self.store, cycle_id), report=self._report_error
        )
        if not shown.run_now().ok:
            return
        if cycle_id is not None:
            heading = cycle_heading(self.store, cycle_id)
            self.close_button.setEnabled(not (heading is not None and heading.completed))

    def _show_sharing(self, cycle_id: str | None, note: str | None = None) -> None:
        shared = cycle_id is not None and cycle_share.is_shared(self.store, cycle_id)
        self.share_box.setChecked(shared)
        if note is None and cycle_id is not None:
            blocked = None if shared else cycle_share.share_blocker(self.store, cycle_id)
            note = blocked or (
                self.tr("Shared: the teacher reads it after your next sync.") if shared else ""
            )
        self.share_note.setText(note or "")

    # -- actions ----------------------------------------------------------------------------

    def share_current(self, share: bool | None = None) -> bool:
        """Shares the chosen cycle with its teacher (or makes it private again) as the box
        says; a refusal (no email for the teacher) is said beside the box, which goes back."""
        cycle_id = self.current_id()
        if cycle_id is None:
            return False
        wanted = self.share_box.isChecked() if share is None else share
        done = (
            CoreOp(
                self,
                lambda: cycle_share.share_cycle(self.store, cycle_id, wanted),
                report=self._report_error,
                name="share cycle",
            )
            .inline(lambda sentence: self._show_sharing(cycle_id, sentence))
            .run_now()
        )
        if not done.ok:
            return False
        message = (
            self.tr(
                "Shared: the teacher reads its focus, goal, steps and measure after your next "
                "sync. Step notes and your closing reflection stay private."
            )
            if wanted
            else self.tr(
                "Private again: the teacher no longer sees this cycle after your next sync."
            )
        )
        self._show_sharing(cycle_id, message)
        self.changed.emit()
        return True

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.saved.connect(self._saved)  # type: ignore[attr-defined]
        dialog.open()
        self.dialog = dialog
        return dialog

    def _saved(self, cycle_id: object = None) -> None:
        self.reload(cycle_id if isinstance(cycle_id, str) else None)
        self.changed.emit()

    def new(self) -> QDialog | None:
        if not cycles.teachers(self.store):
            self._report_error(
                self,
                _usage(
                    self.tr(
                        "Add a teacher first (Classes → New teacher); a cycle is with a teacher."
                    )
                ),
            )
            return None
        return self._open(
            CycleEditor(self.store, self, report_error=self._report_error, today=self._today)
        )

    def edit(self) -> QDialog | None:
        cycle_id = self.current_id()
        if cycle_id is None:
            return None
        return self._open(
            CycleEditor(
                self.store,
                self,
                report_error=self._report_error,
                cycle_id=cycle_id,
                today=self._today,
            )
        )

    def link_visits(self) -> QDialog | None:
        cycle_id = self.current_id()
        if cycle_id is None:
            return None
        return self._open(
            LinkVisitsDialog(self.store, cycle_id, self, report_error=self._report_error)
        )

    def close_cycle(self) -> QDialog | None:
        cycle_id = self.current_id()
        if cycle_id is None:
            return None
        return self._open(
            CloseCycleDialog(
                self.store, cycle_id, self, report_error=self._report_error, today=self._today
            )
        )

    def _evidence_dialog(self, name: str) -> QDialog | None:
        from observe.ui.coaching import cycle_evidence_dialogs as dialogs

        cycle_id = self.current_id()
        if cycle_id is None:
            return None
        kind = getattr(dialogs, name)
        return self._open(kind(self.store, cycle_id, self, report_error=self._report_error))

    def import_survey(self) -> QDialog | None:
        return self._evidence_dialog("ImportSurveyDialog")

    def import_scores(self) -> QDialog | None:
        return self._evidence_dialog("ImportScoresDialog")

    def paper_tallies(self) -> QDialog | None:
        return self._evidence_dialog("PaperTalliesDialog")

    def score_samples(self) -> QDialog | None:
        from observe.ui.coaching.sample_scoring import ScoreSamplesDialog

        cycle_id = self.current_id()
        if cycle_id is None:
            return None
        return self._open(
            ScoreSamplesDialog(self.store, cycle_id, self, report_error=self._report_error)
        )

    def print_survey(self) -> QWidget | None:
        from observe.ui.coaching.cycle_evidence import preview_paper_survey

        cycle_id = self.current_id()
        if cycle_id is None:
            return None
        outcome = CoreOp(
            self,
            lambda: preview_paper_survey(
                self.store, cycle_id, self, report_error=self._report_error
            ),
            report=self._report_error,
        ).run_now()
        self.preview = outcome.value if outcome.ok else None
        return self.preview

    def delete(self, *, confirm: bool = True) -> bool:
        cycle_id = self.current_id()
        if cycle_id is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Delete cycle"),
                self.tr(
                    "Delete this coaching cycle and its action steps? Its visits and their "
                    "evidence stay; they just stop being part of a cycle."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        deleted = CoreOp(
            self, lambda: cycles.delete_cycle(self.store, cycle_id), report=self._report_error
        )
        if not deleted.run_now().ok:
            return False
        self.reload()
        self.changed.emit()
        return True

    def select(self, cycle_id: str) -> None:
        self.reload(cycle_id)

    def print_summary(self) -> QWidget | None:
        """The chosen cycle's summary in the report preview (print, save as PDF, paper)."""
        from observe.ui.reports.actions import preview_cycle_summary

        cycle_id = self.current_id()
        if cycle_id is None:
            return None
        outcome = CoreOp(
            self,
            lambda: preview_cycle_summary(
                self.store, cycle_id, self, report_error=self._report_error
            ),
            report=self._report_error,
        ).run_now()
        if not outcome.ok:
            return None
        self.preview = outcome.value
        return self.preview


def _usage(sentence: str) -> Exception:
    from observe.errors import UsageError

    return UsageError(sentence)
