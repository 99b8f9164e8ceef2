"""A read-only panel of what the teacher wrote back, for the places a coach prepares the next
conversation (the feedback composer, the cycle window).

The coach never edits a teacher's reflection: the text is selectable and reachable with Tab,
never editable. Each entry is headed by who wrote it and when, in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from observe.feedback.reflections import ReflectionView


class ReflectionsPanel(QWidget):
    def __init__(self, *, empty: str | None = None, parent: QWidget | None = None) -> None:
        """``empty``: the sentence shown when there is none; None hides the panel instead."""
        super().__init__(parent)
        self._empty = empty
        self.title = QLabel(self.tr("Teacher's reflection"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(self.tr("Teacher's reflection"))
        self.text.setAccessibleDescription(self.tr("Written by the teacher; read only"))
        self.title.setBuddy(self.text)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(self.text)
        self.shown: list[ReflectionView] = []
        self.set_reflections([])

    def set_reflections(
        self, views: Sequence[ReflectionView], about: dict[str, str] | None = None
    ) -> None:
        """``about`` names the visit a reflection on feedback is about (by visit id)."""
        self.shown = list(views)
        if not views:
            self.text.setPlainText(self._empty or "")
            self.setVisible(self._empty is not None)
            return
        parts = []
        for view in views:
            where = (about or {}).get(view.visit_id or "")
            heading = self.tr("{who} wrote:").format(who=view.heading)
            if where:
                heading = self.tr("{who}, on the visit of {when}, wrote:").format(
                    who=view.heading, when=where
                )
            parts.append(f"{heading}\n{view.text}")
        self.text.setPlainText("\n\n".join(parts))
        self.setVisible(True)
