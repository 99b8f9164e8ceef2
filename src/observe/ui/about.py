"""The About dialog: what this is, which version, and where its files are.

The folders are here because "where is my data?" and "send us the log" are the two questions
support asks first; the paths are selectable so they can be copied into an email.
"""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from observe import APP_NAME, __version__

DESCRIPTION = (
    "Offline-first classroom evidence and strengths-based feedback for instructional coaches. "
    "It works without a network connection; your notes live in the data folder below."
)
LICENSE = "MIT"


def _value(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setAccessibleName(name)
    label.setObjectName(name.lower().replace(" ", "-"))
    return label


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")

        title = QLabel(APP_NAME)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName("Application name")

        description = QLabel(DESCRIPTION)
        description.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Version:", _value(__version__, "Version"))
        form.addRow("License:", _value(LICENSE, "License"))
        form.addRow("Data folder:", _value(str(data_dir), "Data folder"))
        form.addRow("Log folder:", _value(str(log_dir), "Log folder"))
        form.addRow("Built with:", _value(f"Qt {qVersion()}, PySide6 {PySide6.__version__}", "Qt"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(description)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Wide enough that a typical path doesn't wrap, measured in text so it scales.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
