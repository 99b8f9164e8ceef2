"""The capture line and the keeper of its draft.

Ctrl+Z must reach the shared undo stack ("undo the item I just saved") unless the line has
typing of its own to undo; a plain QLineEdit claims Ctrl+Z always, so the line lets the
shortcut through when it has nothing to undo itself. Other command keys (Ctrl+E, which Linux
line edits read as "end of line") go to the window's actions first: see ``observe.ui.shortcuts``.

Drafts protect typing against a crash: saved at most a second after the first unsaved
keystroke (so at least once a second while typing continues — a debounce restarted on every
key would never fire for a fast typist) and whenever focus leaves the line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from observe.capture.drafts import capture_key, save_draft
from observe.capture.evidence import MAX_EVIDENCE_CHARS
from observe.store import Store
from observe.ui.ops import CoreOp
from observe.ui.shortcuts import leave_to_actions

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 800
#: Above the core's limit, so an over-long paste reaches it and is refused with a sentence
#: instead of being cut silently at QLineEdit's default 32,767 characters.
MAX_LINE_CHARS = MAX_EVIDENCE_CHARS * 2


class CaptureLine(QLineEdit):
    focus_lost = Signal()
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capture-line")
        self.setAccessibleName(self.tr("Capture line"))
        self.setMaxLength(MAX_LINE_CHARS)
        #: Offered each Ctrl+V first: True when it took the clipboard (an image to attach).
        self.take_paste: Callable[[QMimeData], bool] | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste) and self.take_paste is not None:
            mime = QApplication.clipboard().mimeData()
            if mime is not None and self.take_paste(mime):
                event.accept()
                return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if (undo and not self.isUndoAvailable()) or (redo and not self.isRedoAvailable()):
                event.ignore()  # not claimed: the window's Undo/Redo action gets the key
                return True
        if leave_to_actions(event):  # Ctrl+E ends the visit here too (see ui.shortcuts)
            event.ignore()
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def reset(self, text: str = "") -> None:
        """Replaces the text and forgets its typing history (``clear`` would be undoable)."""
        self.setText(text)


class DraftKeeper(QObject):
    """Saves what the line holds for one visit; ``meta`` supplies kind, tags and prompt."""

    def __init__(
        self,
        store: Store,
        line: CaptureLine,
        meta: Callable[[], dict[str, Any]],
        report: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.line = line
        self.meta = meta
        self.report = report
        self.visit_id: str | None = None
        self.dirty = False
        self.saves = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.flush)
        line.textEdited.connect(self.touch)
        line.focus_lost.connect(self.flush)

    def touch(self, *_: object) -> None:
        """Something worth keeping changed (text, kind or tags); save it within a second."""
        if self.visit_id is None:
            return
        self.dirty = True
        if not self.timer.isActive():
            self.timer.start()

    def flush(self) -> None:
        self.timer.stop()
        if not self.dirty or self.visit_id is None:
            return
        visit_id = self.visit_id
        saved = CoreOp(
            None,
            lambda: save_draft(self.store, capture_key(visit_id), self.line.text(), self.meta()),
            report=self._draft_lost,
        ).run_now()
        self.dirty = False
        if saved.ok:
            self.saves += 1

    def _draft_lost(self, _parent: object, exc: BaseException) -> None:
        """A lost draft must not interrupt capture; say so once."""
        log.warning(
            "could not save the capture draft", exc_info=(type(exc), exc, exc.__traceback__)
        )
        self.dirty = False
        self.report(exc)

    def switch(self, visit_id: str | None) -> None:
        """Keeps the old visit's typing as its draft before the line shows another visit."""
        self.flush()
        self.visit_id = visit_id
        self.dirty = False

    def forget(self) -> None:
        """The line was saved as evidence; the draft goes with the same keystroke."""
        self.timer.stop()
        self.dirty = False
        if self.visit_id is None:
            return
        key = capture_key(self.visit_id)
        CoreOp(
            None,
            lambda: save_draft(self.store, key, ""),
            # Logged only: the evidence itself is saved; a stale draft is only offered back.
            report=lambda _parent, exc: log.warning(
                "could not clear the capture draft", exc_info=(type(exc), exc, exc.__traceback__)
            ),
        ).run_now()
