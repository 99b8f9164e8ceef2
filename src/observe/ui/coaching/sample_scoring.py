"""Scoring a cycle's work samples against its success criteria, from the keyboard.

The list holds the cycle's photos of student work (a thumbnail, caption, visit day and score);
the form beside it sets the level (Meets / Approaching / Not yet), before or after, and a short
note. "Save score" stores it through ``observe.coaching.samples`` and moves to the next sample
still unscored, so a coach can score a pile with arrows, a letter and Ctrl+S.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from observe.capture.attach import image_file
from observe.clock import local_time
from observe.coaching import samples
from observe.store import Store
from observe.ui.dialog_keys import save_key, start_in_first_field
from observe.ui.errors import ErrorReporter
from observe.ui.ops import CoreOp

THUMB = QSize(96, 72)
ID_ROLE = Qt.ItemDataRole.UserRole


def _thumbnail(store: Store, sha: str) -> QIcon | None:
    path = image_file(store, sha)
    if path is None:
        return None
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else QIcon(QPixmap.fromImage(image))


class ScoreSamplesDialog(QDialog):
    saved = Signal()

    def __init__(
        self, store: Store, cycle_id: str, parent: QWidget | None, *, report_error: ErrorReporter
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.cycle_id = cycle_id
        self._report_error = report_error
        self.setWindowTitle(self.tr("Score work samples"))
        intro = QLabel(
            self.tr(
                "Score each photo of student work against the cycle's success criteria. The "
                "measure is the share of scored samples that meet them, before → after."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Work samples"))
        self.list.setIconSize(THUMB)
        self.list.setMinimumWidth(320)
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Level of the success criteria"))
        for level in samples.LEVELS:
            self.level.addItem(level.display, level.key)
        self.phase = QComboBox()
        self.phase.addItem(self.tr("Before the cycle"), "before")
        self.phase.addItem(self.tr("After the cycle"), "after")
        self.phase.setAccessibleName(self.tr("Before or after the cycle"))
        self.note = QLineEdit()
        self.note.setMaxLength(samples.NOTE_MAX)
        self.note.setAccessibleName(self.tr("Note on the score"))
        self.note.setPlaceholderText(self.tr("What in the work shows it (optional)"))
        self.note.returnPressed.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("&Level:"), self.level)
        form.addRow(self.tr("&When:"), self.phase)
        form.addRow(self.tr("&Note:"), self.note)
        self.save_button = QPushButton(self.tr("&Save score"))
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self.tr("Clea&r score"))
        self.clear_button.clicked.connect(self.clear)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.measure = QLabel()
        self.measure.setWordWrap(True)
        self.measure.setAccessibleName(self.tr("Share of samples meeting the criteria"))
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(actions)
        right.addWidget(self.message)
        right.addWidget(self.measure)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 3)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        save_key(self, self.save)
        start_in_first_field(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.resize(820, 480)
        self.found: list[samples.Sample] = []
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        outcome = CoreOp(
            self,
            lambda: samples.cycle_samples(self.store, self.cycle_id),
            report=self._report_error,
            name="list work samples",
        ).run_now()
        self.found = list(outcome.value or [])
        self.list.blockSignals(True)
        self.list.clear()
        for sample in self.found:
            day = f"{local_time(sample.visit_started_at):%a %d %b %Y}"
            text = f"{sample.caption}\n{day} · {sample.score_text}"
            item = QListWidgetItem(text)
            icon = _thumbnail(self.store, sample.image_sha256)
            if icon is not None:
                item.setIcon(icon)
            item.setData(ID_ROLE, sample.id)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"{sample.caption}, {day}, {sample.score_text}",
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        has = bool(self.found)
        for w in (self.level, self.phase, self.note, self.save_button, self.clear_button):
            w.setEnabled(has)
        if not has:
            self.message.setText(
                self.tr(
                    "This cycle has no work samples yet. Attach a photo of student work to one "
                    "of its visits (Capture › Attach image…), then score it here."
                )
            )
        else:
            ids = [x.id for x in self.found]
            self.list.setCurrentRow(ids.index(select_id) if select_id in ids else 0)
        self._show_current()
        measure = samples.measure_of(self.found)
        self.measure.setText(samples.measure_sentence(measure) if measure else "")

    def current(self) -> samples.Sample | None:
        row = self.list.currentRow()
        return self.found[row] if 0 <= row < len(self.found) else None

    def _show_current(self) -> None:
        sample = self.current()
        if sample is None:
            return
        self.level.setCurrentIndex(max(self.level.findData(sample.level or "meets"), 0))
        phase = sample.phase or sample.default_phase
        self.phase.setCurrentIndex(max(self.phase.findData(phase), 0))
        self.note.setText(sample.note or "")

    def save(self) -> bool:
        sample = self.current()
        if sample is None:
            return False
        level, phase, note = (
            str(self.level.currentData()),
            str(self.phase.currentData()),
            self.note.text(),
        )
        outcome = (
            CoreOp(
                self,
                lambda: samples.score_sample(self.store, sample.id, level, phase=phase, note=note),
                report=self._report_error,
                name="score work sample",
            )
            .inline(self.message.setText)
            .run_now()
        )
        if not outcome.ok or outcome.value is None:
            return False
        self.message.setText(outcome.value.sentence())
        # On to the next sample still unscored (or stay, when all are).
        after = [x.id for x in self.found]
        start = after.index(sample.id)
        unscored = [x.id for x in self.found[start + 1 :] + self.found[:start] if not x.scored]
        self.reload(unscored[0] if unscored else sample.id)
        self.list.setFocus()
        self.saved.emit()
        return True

    def clear(self) -> bool:
        sample = self.current()
        if sample is None:
            return False
        outcome = CoreOp(
            self,
            lambda: samples.clear_score(self.store, sample.id),
            report=self._report_error,
            name="clear work sample score",
        ).run_now()
        if not outcome.ok:
            return False
        self.message.setText(self.tr("The sample's score was taken away; it no longer counts."))
        self.reload(sample.id)
        self.saved.emit()
        return True
