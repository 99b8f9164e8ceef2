"""The capture pane's widgets and their arrangement, kept apart from its behaviour.

Layout choices that matter at 1366×768 and at 200% scaling: the header is one row that can wrap
its title, the timeline takes all spare height, and the capture line sits under the timeline
(where the newest item appears) at full width. Colours come only from the palette: quiet texts
use the placeholder role, so dark themes and high-contrast palettes keep working.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from observe.capture.kinds import LABELS, ORDER
from observe.ui.capture.capture_line import CaptureLine
from observe.ui.capture.timeline_model import TimelineModel
from observe.ui.capture.timeline_view import TimelineView


def quiet_label(name: str, accessible: str) -> QLabel:
    """Secondary text in the palette's placeholder colour: present, never alarming."""
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PaneLayout(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capture-pane")
        self.setAccessibleName(QCoreApplication.translate("PaneLayout", "Capture"))
        self.pages = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._build_empty_page()
        self._build_capture_page()

    def _build_empty_page(self) -> None:
        self.empty_page = QWidget()
        layout = QVBoxLayout(self.empty_page)
        layout.addStretch(1)
        message = QLabel(
            QCoreApplication.translate(
                "PaneLayout", "No visit is open. Start one to capture evidence."
            )
        )
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setWordWrap(True)
        self.start_button = QPushButton(
            QCoreApplication.translate("PaneLayout", "&Start a visit… (Ctrl+N)")
        )
        self.start_button.setAccessibleName(
            QCoreApplication.translate("PaneLayout", "Start a visit")
        )
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addWidget(message)
        layout.addLayout(row)
        layout.addStretch(2)
        self.pages.addWidget(self.empty_page)

    def _build_capture_page(self) -> None:
        self.capture_page = QWidget()
        layout = QVBoxLayout(self.capture_page)

        self.title_label = QLabel()
        self.title_label.setObjectName("visit-title")
        self.title_label.setAccessibleName(QCoreApplication.translate("PaneLayout", "Classroom"))
        self.title_label.setWordWrap(True)
        bold = QFont(self.title_label.font())
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.type_label = quiet_label(
            "visit-type", QCoreApplication.translate("PaneLayout", "Visit type")
        )
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("visit-timer")
        self.timer_label.setAccessibleName(
            QCoreApplication.translate("PaneLayout", "Time into visit")
        )
        mono = QFont(self.timer_label.font())
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setFamilies(["monospace"])
        mono.setBold(True)
        if mono.pointSizeF() > 0:
            mono.setPointSizeF(mono.pointSizeF() * 1.3)  # readable at a glance from a standing desk
        self.timer_label.setFont(mono)
        self.next_button = QPushButton(QCoreApplication.translate("PaneLayout", "Ne&xt classroom"))
        self.next_button.setAccessibleName(
            QCoreApplication.translate("PaneLayout", "Next classroom on this walk")
        )
        self.next_button.setToolTip(
            QCoreApplication.translate(
                "PaneLayout", "End this visit and go to the next classroom (Ctrl+Shift+N)"
            )
        )
        self.end_button = QPushButton(QCoreApplication.translate("PaneLayout", "&End visit"))
        self.end_button.setAccessibleName(QCoreApplication.translate("PaneLayout", "End visit"))
        self.end_button.setToolTip(
            QCoreApplication.translate("PaneLayout", "Record the end time of this visit (Ctrl+E)")
        )

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title_label)
        titles.addWidget(self.type_label)
        header.addLayout(titles, 1)
        header.addWidget(self.timer_label)
        header.addWidget(self.next_button)
        header.addWidget(self.end_button)
        layout.addLayout(header)

        self.prompt_row = QWidget()
        prompt_layout = QHBoxLayout(self.prompt_row)
        prompt_layout.setContentsMargins(0, 0, 0, 0)
        self.prompt_combo = QComboBox()
        self.prompt_combo.setAccessibleName(QCoreApplication.translate("PaneLayout", "Prompt"))
        self.prompt_combo.setToolTip(
            QCoreApplication.translate(
                "PaneLayout", "Responses are saved under this prompt (Ctrl+Up / Ctrl+Down)"
            )
        )
        self.prompt_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.prompt_combo.setMinimumContentsLength(20)
        prompt_label = QLabel(QCoreApplication.translate("PaneLayout", "&Prompt:"))
        prompt_label.setBuddy(self.prompt_combo)
        prompt_layout.addWidget(prompt_label)
        prompt_layout.addWidget(self.prompt_combo, 1)
        layout.addWidget(self.prompt_row)

        self.model = TimelineModel(self)
        self.timeline = TimelineView(self.model)
        layout.addWidget(self.timeline, 1)

        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(QCoreApplication.translate("PaneLayout", "Evidence kind"))
        self.kind_combo.setToolTip(
            QCoreApplication.translate(
                "PaneLayout",
                "Kind of the next item (Alt+1…5). Starting the line with a quotation mark records "
                "student talk; t: teacher move, s: student action, a: artifact, n: note.",
            )
        )
        for n, kind in enumerate(ORDER, start=1):
            self.kind_combo.addItem(f"{LABELS[kind]}", kind.value)
            self.kind_combo.setItemData(n - 1, f"Alt+{n}", Qt.ItemDataRole.ToolTipRole)
        self.line = CaptureLine()
        self.line.setPlaceholderText(
            QCoreApplication.translate(
                "PaneLayout",
                'Type what you see or hear, then Enter. Start with " for student talk.',
            )
        )
        capture = QHBoxLayout()
        capture.addWidget(self.kind_combo)
        capture.addWidget(self.line, 1)
        layout.addLayout(capture)

        self.tags_label = quiet_label(
            "line-tags", QCoreApplication.translate("PaneLayout", "Look-fors for this line")
        )
        self.notice_label = quiet_label(
            "capture-notice", QCoreApplication.translate("PaneLayout", "Notice")
        )
        self.notice_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        status = QHBoxLayout()
        status.addWidget(self.tags_label, 2)
        status.addWidget(self.notice_label, 1)
        self.notice_label.hide()
        layout.addLayout(status)
        self.hint_label = quiet_label(
            "language-hint", QCoreApplication.translate("PaneLayout", "Language hint")
        )
        # Reserve the line so a hint appearing mid-sentence doesn't shift the window.
        self.hint_label.setMinimumHeight(self.hint_label.fontMetrics().lineSpacing())
        layout.addWidget(self.hint_label)
        self.pages.addWidget(self.capture_page)

        QWidget.setTabOrder(self.line, self.kind_combo)
        QWidget.setTabOrder(self.kind_combo, self.prompt_combo)
        QWidget.setTabOrder(self.prompt_combo, self.timeline)
        QWidget.setTabOrder(self.timeline, self.next_button)
        QWidget.setTabOrder(self.next_button, self.end_button)

    def set_notice(self, text: str) -> None:
        """A passing remark (restored draft, unknown key); hidden when there is none."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))
