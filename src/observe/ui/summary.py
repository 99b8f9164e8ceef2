"""The welcome panel: which profile is open and what is in it.

Until the capture screens exist this is the whole window, so it answers the first questions a
coach (or a tester trying the demo) has: am I in the right profile, is anything in it, how do I
get something in it. It only displays; counting happens elsewhere, off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from observe.paths import ProfilePaths

KIND_LABELS: dict[str, str] = {
    "school": QT_TRANSLATE_NOOP("SummaryPanel", "Schools"),
    "teacher": QT_TRANSLATE_NOOP("SummaryPanel", "Teachers"),
    "classroom": QT_TRANSLATE_NOOP("SummaryPanel", "Classrooms"),
    "seat": QT_TRANSLATE_NOOP("SummaryPanel", "Seats"),
    "lookfor_set": QT_TRANSLATE_NOOP("SummaryPanel", "Look-for sets"),
    "lookfor": QT_TRANSLATE_NOOP("SummaryPanel", "Look-fors"),
    "walk": QT_TRANSLATE_NOOP("SummaryPanel", "Learning walks"),
    "visit": QT_TRANSLATE_NOOP("SummaryPanel", "Visits"),
    "evidence": QT_TRANSLATE_NOOP("SummaryPanel", "Evidence"),
    "participation_event": QT_TRANSLATE_NOOP("SummaryPanel", "Participation events"),
    "feedback": QT_TRANSLATE_NOOP("SummaryPanel", "Feedback"),
    "reflection": QT_TRANSLATE_NOOP("SummaryPanel", "Teachers' reflections"),
    "coaching_cycle": QT_TRANSLATE_NOOP("SummaryPanel", "Coaching cycles"),
    "cycle_step": QT_TRANSLATE_NOOP("SummaryPanel", "Cycle steps"),
    "cycle_survey": QT_TRANSLATE_NOOP("SummaryPanel", "Student surveys"),
    "cycle_assessment": QT_TRANSLATE_NOOP("SummaryPanel", "Assessment results"),
    "sample_score": QT_TRANSLATE_NOOP("SummaryPanel", "Work sample scores"),
    "coaching_log_entry": QT_TRANSLATE_NOOP("SummaryPanel", "Coaching log entries"),
    "outbox": QT_TRANSLATE_NOOP("SummaryPanel", "Changes waiting to sync"),
}

GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("SummaryPanel", "Schools and classrooms"),
        ("school", "teacher", "classroom", "seat"),
    ),
    (
        QT_TRANSLATE_NOOP("SummaryPanel", "Observations"),
        ("walk", "visit", "evidence", "participation_event", "feedback", "reflection"),
    ),
    (QT_TRANSLATE_NOOP("SummaryPanel", "Look-fors"), ("lookfor_set", "lookfor")),
    (
        QT_TRANSLATE_NOOP("SummaryPanel", "Coaching"),
        (
            "coaching_cycle",
            "cycle_step",
            "cycle_survey",
            "cycle_assessment",
            "sample_score",
            "coaching_log_entry",
        ),
    ),
    (QT_TRANSLATE_NOOP("SummaryPanel", "Sync"), ("outbox",)),
)


def kind_label(kind: str) -> str:
    if kind in KIND_LABELS:
        return QCoreApplication.translate("SummaryPanel", KIND_LABELS[kind])
    return kind.replace("_", " ").capitalize()


def _grouped(kinds: list[str]) -> list[tuple[str, list[str]]]:
    """Known kinds in their groups; kinds added to the store later land in "Other"."""
    known = {k for _, ks in GROUPS for k in ks}
    groups = [(title, [k for k in ks if k in kinds]) for title, ks in GROUPS]
    other = [k for k in kinds if k not in known]
    if other:
        groups.append((QT_TRANSLATE_NOOP("SummaryPanel", "Other"), other))
    return [(title, ks) for title, ks in groups if ks]


class SummaryPanel(QScrollArea):
    """Shows the profile path and record counts; offers demo data when the profile is empty."""

    load_demo_requested = Signal()

    def __init__(self, paths: ProfilePaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Profile summary"))
        self._count_labels: dict[str, QLabel] = {}

        content = QWidget()
        content.setObjectName("summary-content")
        # Long lines are hard to read on a wide screen; the cap is in text units so it scales.
        content.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 64)

        heading = QLabel(self.tr("Welcome to Observe"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName(self.tr("Welcome"))

        self.path_label = QLabel(str(paths.data_dir))
        self.path_label.setObjectName("profile-path")
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.path_label.setAccessibleName(self.tr("Profile folder"))
        profile_form = QFormLayout()
        profile_form.addRow(self.tr("Profile folder:"), self.path_label)

        self.status_label = QLabel(self.tr("Counting records…"))
        self.status_label.setObjectName("summary-status")
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("Summary status"))

        self.empty_box = QGroupBox(self.tr("This profile is empty"))
        self.empty_box.setObjectName("empty-profile")
        empty_text = QLabel(
            self.tr(
                "Load demo data to explore Observe with made-up schools, teachers, visits and "
                "feedback. It goes into this profile only, so use a separate profile folder if "
                "you also keep real notes."
            )
        )
        empty_text.setWordWrap(True)
        self.load_demo_button = QPushButton(self.tr("&Load demo data"))
        self.load_demo_button.setObjectName("load-demo")
        self.load_demo_button.setAccessibleName(self.tr("Load demo data"))
        self.load_demo_button.clicked.connect(self.load_demo_requested)
        button_row = QHBoxLayout()
        button_row.addWidget(self.load_demo_button)
        button_row.addStretch(1)
        empty_layout = QVBoxLayout(self.empty_box)
        empty_layout.addWidget(empty_text)
        empty_layout.addLayout(button_row)
        self.empty_box.hide()

        self.counts_grid = QGridLayout()

        layout = QVBoxLayout(content)
        layout.addWidget(heading)
        layout.addLayout(profile_form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.empty_box)
        layout.addLayout(self.counts_grid)
        layout.addStretch(1)

        outer = QWidget()
        outer_layout = QHBoxLayout(outer)
        # Centred on wide screens; the content's own cap stops it from growing further.
        outer_layout.addStretch(1)
        outer_layout.addWidget(content, 20)
        outer_layout.addStretch(1)
        self.setWidget(outer)

        self.setTabOrder(self.load_demo_button, self.path_label)

    # -- what the window feeds in ---------------------------------------------------------

    def show_busy(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.show()
        self.load_demo_button.setEnabled(False)

    def show_counts(self, counts: dict[str, int], *, empty: bool) -> None:
        records = sum(n for kind, n in counts.items() if kind != "outbox")
        self.status_label.setText(
            self.tr("{records:,} records in this profile.").format(records=records)
        )
        self.status_label.setVisible(not empty)  # the empty-profile box says it better
        self.empty_box.setVisible(empty)
        self.load_demo_button.setEnabled(empty)
        if set(counts) != set(self._count_labels):
            self._rebuild(list(counts))
        for kind, n in counts.items():
            label = self._count_labels[kind]
            label.setText(f"{n:,}")
            label.setAccessibleName(f"{kind_label(kind)}: {n}")

    def shown_counts(self) -> dict[str, str]:
        """The numbers as a coach reads them, keyed by kind."""
        return {kind: label.text() for kind, label in self._count_labels.items()}

    def _rebuild(self, kinds: list[str]) -> None:
        while self.counts_grid.count():
            item = self.counts_grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self._count_labels.clear()
        for index, (title, group_kinds) in enumerate(_grouped(kinds)):
            box = QGroupBox(self.tr(title))
            box.setAccessibleName(self.tr(title))
            form = QFormLayout(box)
            for kind in group_kinds:
                value = QLabel("0")
                value.setObjectName(f"count-{kind}")
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                name = QLabel(f"{kind_label(kind)}:")
                name.setBuddy(value)
                form.addRow(name, value)
                self._count_labels[kind] = value
            self.counts_grid.addWidget(box, index // 2, index % 2)
        self.counts_grid.setColumnStretch(0, 1)
        self.counts_grid.setColumnStretch(1, 1)
