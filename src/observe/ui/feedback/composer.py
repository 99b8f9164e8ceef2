"""The feedback composer: the coach edits a proposed draft, never a blank page.

It opens with the visit's saved feedback, or with a draft proposed from the visit's own
evidence (the look-fors seen most, students' words, the participation figures). The coach
picks evidence items as strengths and words each one (stems offered), writes one wondering,
may add a reflection question, and saves; saving goes through the store like any record, so it
syncs. "Preview sheet" shows the PDF of what is on screen, saved or not.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from observe.capture.kinds import LABELS as KIND_LABELS
from observe.feedback import FeedbackDraft, Glow, VisitFacts
from observe.feedback.draft import stem_opening, stems, wondering_stems
from observe.feedback.facts import EvidenceFact, visit_facts
from observe.feedback.reflections import ReflectionView, visit_reflections
from observe.feedback.service import (
    draft_for,
    save_feedback,
    shared_with_teacher,
    sharing_blocked,
)
from observe.reports.common import COACH_NAME_SETTING, coach_name, medium_date
from observe.reports.text import shorten
from observe.store import Store
from observe.ui import operations
from observe.ui.errors import ErrorReporter
from observe.ui.feedback.reflections_panel import ReflectionsPanel
from observe.ui.operations import Operation, Progress
from observe.ui.screen_fit import fit_to_screen, scrolling
from observe.vocabulary import VISIT_TYPE_LABELS

ID_ROLE = Qt.ItemDataRole.UserRole

#: Asks what to do with unsaved edits: "save", "discard" or "cancel".
UnsavedPrompt = Callable[[QWidget], str]


def ask_unsaved(parent: QWidget) -> str:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("feedback.composer", "Unsaved feedback"),
        "",
        parent=parent,
    )
    box.setText(
        QCoreApplication.translate(
            "feedback.composer", "Save the changes to this feedback before closing?"
        )
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    answer = box.exec()
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(QMessageBox.StandardButton(answer), "cancel")


def _evidence_line(item: EvidenceFact) -> str:
    return f"{item.offset}  {KIND_LABELS[item.kind]}: {shorten(item.text, 140)}"


class ComposerDialog(QDialog):
    def __init__(
        self,
        store: Store,
        visit_id: str,
        *,
        report_error: ErrorReporter,
        open_preview: Callable[[FeedbackDraft, str], object] | None = None,
        unsaved_prompt: UnsavedPrompt = ask_unsaved,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compose feedback"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store
        self.visit_id = visit_id
        self._report_error = report_error
        self._open_preview = open_preview
        self._unsaved_prompt = unsaved_prompt
        self.facts: VisitFacts | None = None
        self.draft: FeedbackDraft | None = None
        self.shared = False
        self.dirty = False
        self.save_operation: Operation | None = None
        self._loading = True
        self._build()
        self.load_operation = self._load()
        context = getattr(parent, "context", None)
        if context is not None:  # a reflection pulled while the composer is open shows up
            context.records_changed.connect(self._records_changed)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Loading the visit…"))
        self.heading.setAccessibleName(self.tr("Visit"))
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)

        self.evidence_list = QListWidget()
        self.evidence_list.setAccessibleName(self.tr("Evidence from this visit"))
        self.evidence_list.setWordWrap(True)
        self.evidence_list.itemActivated.connect(lambda _: self.add_from_evidence())
        self.add_button = QPushButton(self.tr("&Add as strength"))
        self.add_button.setAccessibleName(self.tr("Add the selected evidence as a strength"))
        self.add_button.clicked.connect(self.add_from_evidence)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        evidence_label = QLabel(self.tr("&Evidence from this visit"))
        evidence_label.setBuddy(self.evidence_list)
        left_box.addWidget(evidence_label)
        left_box.addWidget(self.evidence_list, 1)
        left_box.addWidget(self.add_button)

        self.figures = QLabel()
        self.figures.setAccessibleName(self.tr("Participation figures"))
        self.figures.setWordWrap(True)
        self.glow_list = QListWidget()
        self.glow_list.setAccessibleName(self.tr("Strengths"))
        self.glow_list.setWordWrap(True)
        self.glow_list.currentRowChanged.connect(self._glow_selected)
        self.glow_text = QPlainTextEdit()
        self.glow_text.setAccessibleName(self.tr("Strength sentence"))
        self.glow_text.setPlaceholderText(self.tr("Students were able to…"))
        self.glow_text.setTabChangesFocus(True)
        self.glow_text.textChanged.connect(self._glow_edited)
        self.glow_evidence = QLabel()
        self.glow_evidence.setAccessibleName(self.tr("Evidence for this strength"))
        self.glow_evidence.setWordWrap(True)
        self.stem_box = QComboBox()
        self.stem_box.setAccessibleName(self.tr("Start the strength with"))
        self.stem_box.addItem(self.tr("Start with…"), "")
        for stem in stems():
            self.stem_box.addItem(stem, stem)
        self.stem_box.activated.connect(self._use_stem)
        self.add_plain_button = QPushButton(self.tr("Add strength &without evidence"))
        self.add_plain_button.clicked.connect(
            lambda: self.add_glow(Glow(stem_opening(stems()[1])))  # "I noticed "
        )
        self.remove_button = QPushButton(self.tr("&Remove strength"))
        self.remove_button.clicked.connect(self.remove_glow)
        glow_buttons = QHBoxLayout()
        glow_buttons.addWidget(self.stem_box)
        glow_buttons.addStretch(1)
        glow_buttons.addWidget(self.add_plain_button)
        glow_buttons.addWidget(self.remove_button)

        self.wondering_stems = QComboBox()
        self.wondering_stems.setAccessibleName(self.tr("Start the wondering with"))
        self.wondering_stems.addItem(self.tr("Start with…"), "")
        for stem in wondering_stems():
            self.wondering_stems.addItem(stem, stem)
        self.wondering_stems.activated.connect(self._use_wondering_stem)
        self.wondering = QPlainTextEdit()
        self.wondering.setAccessibleName(self.tr("One wondering or next step"))
        self.wondering.setTabChangesFocus(True)
        self.wondering.setMaximumHeight(70)
        self.wondering.textChanged.connect(self._mark_dirty)
        self.reflection = QLineEdit()
        self.reflection.setAccessibleName(self.tr("Reflection question for the teacher"))
        self.reflection.textChanged.connect(self._mark_dirty)
        self.share_box = QCheckBox(
            self.tr("Share with t&he teacher (visible to their account after sync)")
        )
        self.share_box.setAccessibleName(self.tr("Share with the teacher"))
        self.share_box.toggled.connect(self._mark_dirty)
        self.share_note = QLabel()  # why sharing needs the teacher's email, when it is missing
        self.share_note.setAccessibleName(self.tr("About sharing"))
        self.share_note.setWordWrap(True)
        self.share_note.hide()
        self.reflections = ReflectionsPanel(
            empty=self.tr("The teacher hasn't written a reflection on this feedback yet.")
        )
        self.coach_edit = QLineEdit(coach_name(self.store) or "")
        self.coach_edit.setAccessibleName(self.tr("Your name on sheets"))
        self.coach_edit.textChanged.connect(self._mark_dirty)

        right = QWidget()
        form = QFormLayout(right)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.figures)
        form.addRow(self.tr("S&trengths (glows)"), self.glow_list)
        form.addRow(self.tr("Stren&gth sentence"), self.glow_text)
        form.addRow(self.glow_evidence)
        form.addRow(glow_buttons)
        wondering_row = QHBoxLayout()
        wondering_row.addWidget(self.wondering, 1)
        wondering_row.addWidget(self.wondering_stems, 0, Qt.AlignmentFlag.AlignTop)
        wondering_label = QLabel(self.tr("One wondering or ne&xt step"))
        wondering_label.setBuddy(self.wondering)
        form.addRow(wondering_label, wondering_row)
        form.addRow(self.tr("Reflection &question for the teacher (optional)"), self.reflection)
        form.addRow(self.tr("Your &name on sheets"), self.coach_edit)
        form.addRow(self.share_box)
        form.addRow(self.share_note)
        form.addRow(self.reflections)
        self.glow_text.setMaximumHeight(90)
        for label_for in (
            self.glow_list,
            self.glow_text,
            self.reflection,
            self.coach_edit,
        ):
            label = form.labelForField(label_for)
            if isinstance(label, QLabel):
                label.setBuddy(label_for)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scrolling(right))  # at 200% text the fields scroll, not the dialog
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox()
        self.preview_button = self.buttons.addButton(
            self.tr("&Preview sheet…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.preview_button.clicked.connect(self.preview)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(self.save)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.close)
        self.state = QLabel()
        self.state.setAccessibleName(self.tr("Save state"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.buttons)

        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(splitter, 1)
        box.addLayout(bottom)

        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.preview_action = QAction(self.tr("Preview sheet"), self)
        self.preview_action.setShortcut(QKeySequence.StandardKey.Print)
        self.preview_action.triggered.connect(self.preview)
        self.add_action = QAction(self.tr("Add as strength"), self)
        self.add_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.add_action.triggered.connect(self.add_from_evidence)
        self.addActions([self.save_action, self.preview_action, self.add_action])
        self.setTabOrder(self.evidence_list, self.add_button)
        self.setTabOrder(self.add_button, self.glow_list)
        self.setTabOrder(self.glow_list, self.glow_text)
        self.setEnabled(False)
        fit_to_screen(self, 1200, 760)

    # -- loading ----------------------------------------------------------------------------

    def _load(self) -> Operation:
        store, visit_id = self.store, self.visit_id

        def work(
            _: Progress,
        ) -> tuple[VisitFacts, FeedbackDraft, bool, str | None, list[ReflectionView]]:
            facts = visit_facts(store, visit_id)
            draft = draft_for(store, visit_id, facts)
            shared = False
            if draft.feedback_id:
                shared = shared_with_teacher(store, draft.feedback_id)
            blocked = sharing_blocked(store, visit_id)
            return facts, draft, shared, blocked, visit_reflections(store, visit_id)

        return operations.run(
            work,
            name="open feedback",
            context=self,
            on_success=self._loaded,
            on_failure=self._load_failed,
        )

    def _load_failed(self, error: BaseException) -> None:
        self._report_error(self, error)
        self.dirty = False
        self.close()

    def _loaded(self, result: object) -> None:
        facts, draft, shared, blocked, reflections = result  # type: ignore[misc]
        self.facts, self.draft, self.shared = facts, draft, shared
        start = facts.local_start
        self.heading.setText(
            f"{facts.teacher} · {facts.class_label} · {medium_date(start)} · "
            f"{VISIT_TYPE_LABELS[facts.visit_type]}"
        )
        p = facts.participation
        if p is None:
            self.figures.setText(self.tr("No seating chart was used during this visit."))
        elif not p.contributions:
            self.figures.setText(self.tr("No participation was tallied during this visit."))
        else:
            self.figures.setText(p.sentence())
        for item in facts.evidence:
            row = QListWidgetItem(_evidence_line(item))
            row.setData(ID_ROLE, item.id)
            row.setToolTip(item.text)
            self.evidence_list.addItem(row)
        for glow in draft.glows:
            self.glow_list.addItem(self._glow_item(glow))
        self.wondering.setPlainText(draft.wondering)
        self.reflection.setText(draft.reflection_prompt)
        self.share_box.setChecked(shared)
        self.share_note.setText(blocked or "")
        self.share_note.setVisible(bool(blocked))
        self.share_box.setToolTip(blocked or "")
        self.reflections.set_reflections(reflections)
        if draft.glows:
            self.glow_list.setCurrentRow(0)
        self.state.setText(
            self.tr("A draft proposed from this visit; edit it, then save.")
            if draft.proposed
            else self.tr("Saved feedback.")
        )
        self._loading = False
        self.dirty = False  # a proposal can be made again any time; only edits are at stake
        self.setEnabled(True)
        self.evidence_list.setFocus()

    def _records_changed(self, kind: str) -> None:
        if kind != "reflection" or self._loading:
            return
        store, visit_id = self.store, self.visit_id
        operations.run(
            lambda _: visit_reflections(store, visit_id),
            name="load reflections",
            context=self,
            on_success=lambda views: self.reflections.set_reflections(views),  # type: ignore[arg-type]
        )

    # -- strengths --------------------------------------------------------------------------

    def _glow_item(self, glow: Glow) -> QListWidgetItem:
        item = QListWidgetItem(self._glow_label(glow))
        return item

    def _glow_label(self, glow: Glow) -> str:
        facts = self.facts
        linked = facts.evidence_by_id().get(glow.evidence_id or "") if facts else None
        return f"{glow.text}  ({linked.offset})" if linked else glow.text

    def add_glow(self, glow: Glow) -> None:
        if self.draft is None:
            return
        self.draft.glows.append(glow)
        self.glow_list.addItem(self._glow_item(glow))
        self.glow_list.setCurrentRow(self.glow_list.count() - 1)
        self._mark_dirty()
        self.glow_text.setFocus()
        self.glow_text.selectAll()

    def add_from_evidence(self) -> None:
        item = self.evidence_list.currentItem()
        if item is None or self.facts is None:
            self.state.setText(self.tr("Choose an evidence item first, then add it as a strength."))
            return
        # The stem the core's proposals start with (observe.feedback.sentences), in the
        # coach's language: it becomes the start of a sentence the teacher reads.
        self.add_glow(Glow(self.tr("Students were able to…"), item.data(ID_ROLE)))

    def remove_glow(self) -> None:
        row = self.glow_list.currentRow()
        if self.draft is None or row < 0:
            return
        del self.draft.glows[row]
        self.glow_list.takeItem(row)
        self._mark_dirty()

    def _glow_selected(self, row: int) -> None:
        has = self.draft is not None and 0 <= row < len(self.draft.glows)
        self.glow_text.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.stem_box.setEnabled(has)
        self.glow_text.blockSignals(True)
        self.glow_text.setPlainText(self.draft.glows[row].text if has else "")  # type: ignore[union-attr]
        self.glow_text.blockSignals(False)
        linked = None
        if has and self.facts is not None:
            linked = self.facts.evidence_by_id().get(self.draft.glows[row].evidence_id or "")  # type: ignore[union-attr]
        self.glow_evidence.setText(
            self.tr("Tied to {offset}: {text}").format(
                offset=linked.offset, text=shorten(linked.text, 200)
            )
            if linked
            else (self.tr("Not tied to an evidence item.") if has else "")
        )

    def _glow_edited(self) -> None:
        row = self.glow_list.currentRow()
        if self.draft is None or not 0 <= row < len(self.draft.glows):
            return
        self.draft.glows[row].text = self.glow_text.toPlainText()
        self.glow_list.item(row).setText(self._glow_label(self.draft.glows[row]))
        self._mark_dirty()

    def _use_stem(self, index: int) -> None:
        stem = str(self.stem_box.itemData(index) or "")
        self.stem_box.setCurrentIndex(0)
        if stem:
            # The stem's opening only: the coach writes on from there, so no "…" slot is left
            # behind to reach the teacher's sheet.
            self.glow_text.setPlainText(stem_opening(stem))
            self.glow_text.setFocus()
            cursor = self.glow_text.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.glow_text.setTextCursor(cursor)

    def _use_wondering_stem(self, index: int) -> None:
        stem = str(self.wondering_stems.itemData(index) or "")
        self.wondering_stems.setCurrentIndex(0)
        if stem:
            self.wondering.setPlainText(stem_opening(stem))
            self.wondering.setFocus()
            cursor = self.wondering.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.wondering.setTextCursor(cursor)

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True
            self.state.setText(self.tr("Not saved yet."))

    # -- save, preview, close ---------------------------------------------------------------

    def current_draft(self) -> FeedbackDraft:
        assert self.draft is not None
        self.draft.wondering = self.wondering.toPlainText()
        self.draft.reflection_prompt = self.reflection.text()
        return copy.deepcopy(self.draft)

    def save(self) -> Operation | None:
        if self.draft is None or (self.save_operation and self.save_operation.is_running):
            return None
        draft = self.current_draft()
        share = self.share_box.isChecked()
        coach = self.coach_edit.text().strip()
        store = self.store

        def work(_: Progress) -> str:
            # The name first: shared feedback publishes it with the sheet.
            if coach != (store.setting(COACH_NAME_SETTING) or ""):
                store.set_setting(COACH_NAME_SETTING, coach)
            return save_feedback(store, draft, share=share)

        self.state.setText(self.tr("Saving…"))
        op = operations.run(
            work,
            name="save feedback",
            context=self,
            on_success=self._saved,
            on_failure=self._save_failed,
        )
        self.save_operation = op
        return op

    def _saved(self, feedback_id: object) -> None:
        assert self.draft is not None
        self.draft.feedback_id = str(feedback_id)
        self.dirty = False
        self.state.setText(self.tr("Saved. It will sync with your other records."))

    def _save_failed(self, error: BaseException) -> None:
        self.state.setText(self.tr("Not saved."))
        self._report_error(self, error)

    def preview(self) -> None:
        if self.draft is None or self._open_preview is None:
            return
        self._open_preview(self.current_draft(), self.coach_edit.text().strip())

    def _may_close(self) -> bool:
        """Asks about unsaved edits; False keeps the dialog open (a save may close it later)."""
        if not self.dirty or self.draft is None:
            return True
        answer = self._unsaved_prompt(self)
        if answer == "discard":
            self.dirty = False
            return True
        if answer == "save":
            op = self.save()
            if op is not None:
                op.succeeded.connect(lambda _: self.reject())
        return False

    def reject(self) -> None:
        if self._may_close():
            if self.load_operation.is_running:
                self.load_operation.cancel()
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close():
            event.ignore()
            return
        super().closeEvent(event)
