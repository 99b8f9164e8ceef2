"""The About dialog: what this is, which version, under which license, and where its files are.

The folders are here because "where is my data?" and "send us the log" are the two questions
support asks first; the paths are selectable so they can be copied into an email. The license
text is one click away, and so are the licenses of what ships inside the app (Qt is LGPL).
"""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import observe
from observe import APP_NAME, __version__
from observe.ui.icons import app_icon

DESCRIPTION = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "Offline-first classroom evidence and strengths-based feedback for instructional coaches. "
    "It works without a network connection; your notes live in the data folder below.",
)
LICENSE = "MIT"
COPYRIGHT = QT_TRANSLATE_NOOP("AboutDialog", "Copyright © 2026 Observe developers")
THIRD_PARTY = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "Observe is built on Qt and PySide6 (LGPL v3), python-bidi (LGPL), SQLAlchemy, Alembic, "
    "pydantic and platformdirs (MIT), ReportLab and httpx (BSD) and other open-source "
    "libraries under their own licenses; its PDFs use the DejaVu fonts (Bitstream Vera license).",
)


def license_text() -> str | None:
    """The full license, wherever this installation keeps it (build, wheel or checkout)."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "LICENSE"] if bundle else []
    candidates.append(Path(observe.__file__).resolve().parents[2] / "LICENSE")
    for path in candidates:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:
        return metadata.distribution("observe").read_text("licenses/LICENSE")
    except metadata.PackageNotFoundError:
        return None


class LicenseDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{APP_NAME} license").format(APP_NAME=APP_NAME))
        self.text = QPlainTextEdit(text)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("License text"))
        # The text is wrapped at 80 columns already; rewrapping it would break every line.
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        metrics = self.text.fontMetrics()
        self.text.setMinimumSize(metrics.horizontalAdvance("M" * 84), metrics.height() * 20)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


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
        self.setWindowTitle(self.tr("About {APP_NAME}").format(APP_NAME=APP_NAME))
        self.license_dialog: LicenseDialog | None = None

        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAccessibleName(self.tr("{APP_NAME} icon").format(APP_NAME=APP_NAME))
        title = QLabel(APP_NAME)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(self.tr("Application name"))

        description = QLabel(self.tr(DESCRIPTION))
        description.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(description)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        notices = QLabel(f"{self.tr(COPYRIGHT)}. {self.tr(THIRD_PARTY)}")
        notices.setWordWrap(True)
        notices.setAccessibleName(self.tr("Copyright and licenses"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Version:"), _value(__version__, self.tr("Version")))
        form.addRow(self.tr("License:"), _value(LICENSE, self.tr("License")))
        form.addRow(self.tr("Data folder:"), _value(str(data_dir), self.tr("Data folder")))
        form.addRow(self.tr("Log folder:"), _value(str(log_dir), self.tr("Log folder")))
        form.addRow(
            self.tr("Built with:"), _value(f"Qt {qVersion()}, PySide6 {PySide6.__version__}", "Qt")
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.license_button = QPushButton(self.tr("Show &license"))
        self.license_button.setAccessibleName(self.tr("Show the license text"))
        self.license_button.clicked.connect(self.show_license)
        self.license_button.setEnabled(license_text() is not None)
        buttons.addButton(self.license_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(notices)
        layout.addWidget(buttons)
        # Wide enough that a typical path doesn't wrap, measured in text so it scales.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)

    def show_license(self) -> None:
        text = license_text()
        if text is None:
            return
        if self.license_dialog is None:
            self.license_dialog = LicenseDialog(text, self)
        self.license_dialog.open()
