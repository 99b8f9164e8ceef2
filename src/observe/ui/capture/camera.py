"""Taking a photo of student work with a webcam or document camera (QtMultimedia).

"Take a photo…" (Ctrl+Alt+P) shows the camera's picture; Space or Enter takes the photo, which
then goes through the same path as a file: made safe by the core (upright, scaled, no
metadata) and shown in the redaction dialog before anything is stored. Without a camera the
coach reads one sentence and nothing opens. QtMultimedia is loaded only when the action is
used, so starting Observe never waits on camera drivers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from observe.errors import UsageError
from observe.ui.dialog_keys import start_in_first_field

if TYPE_CHECKING:
    from observe.ui.capture.capture_pane import CapturePane


def cameras() -> list[Any]:
    """The video inputs Qt sees (QCameraDevice), or none when QtMultimedia can't load."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:
        return []
    return list(QMediaDevices.videoInputs())


def no_camera(parent: QWidget) -> UsageError:
    return UsageError(
        QCoreApplication.translate(
            "CameraDialog",
            "No camera found. Connect a webcam or document camera and try again, or attach a "
            "photo from a file (Ctrl+Alt+A).",
        )
    )


class CameraDialog(QDialog):
    """The live picture of one camera; ``photo`` is set when one was taken."""

    def __init__(self, devices: list[Any], parent: QWidget | None = None) -> None:
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        super().__init__(parent)
        self.setWindowTitle(self.tr("Take a photo of student work"))
        self.photo: QImage | None = None
        self.devices = devices
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Camera"))
        for device in devices:
            self.choice.addItem(device.description())
        self.choice.setVisible(len(devices) > 1)
        self.view = QVideoWidget()
        self.view.setAccessibleName(self.tr("What the camera sees"))
        self.view.setMinimumSize(480, 360)
        self.message = QLabel(self.tr("Hold the work steady, then press Space or Enter."))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.take_button = QPushButton(self.tr("&Take photo"))
        self.take_button.setDefault(True)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.take_button.clicked.connect(self.take)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.session = QMediaCaptureSession(self)
        self.capture = QImageCapture(self)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.view)
        self.capture.imageCaptured.connect(self._captured)
        self.capture.errorOccurred.connect(lambda _id, _error, text: self._failed(text))
        self._camera_type = QCamera
        self.camera: Any = None
        self.choice.currentIndexChanged.connect(self._use)
        self._use(0)
        start_in_first_field(self)
        self.take_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _use(self, index: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        self.camera = self._camera_type(self.devices[index], self)
        self.camera.errorOccurred.connect(lambda _error, text: self._failed(text))
        self.session.setCamera(self.camera)
        self.camera.start()

    def _failed(self, text: str) -> None:
        self.message.setText(
            self.tr("The camera reported a problem: {problem}. Try again or choose a file.").format(
                problem=text.rstrip(".") or self.tr("unknown")
            )
        )

    def take(self) -> None:
        if not self.capture.isReadyForCapture():
            self.message.setText(self.tr("The camera is not ready yet; try again in a moment."))
            return
        self.capture.capture()

    def _captured(self, _id: int, image: QImage) -> None:
        self.photo = image
        self.accept()

    def done(self, result: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        super().done(result)


def take_photo(
    pane: CapturePane, use_photo: Callable[[QImage, str], object]
) -> CameraDialog | None:
    """Opens the camera dialog, or says there is no camera; a photo taken goes to
    ``use_photo`` (the attacher's image path, then the redaction dialog)."""
    found = cameras()
    if not found:
        pane.report_error(pane, no_camera(pane))
        pane.focus_line()
        return None
    dialog = CameraDialog(found, pane.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.photo is not None:
            use_photo(dialog.photo, QCoreApplication.translate("CameraDialog", "The camera photo"))
        else:
            pane.focus_line()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
