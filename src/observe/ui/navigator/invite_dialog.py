"""Invite to read shared feedback: one roster teacher, a one-time link and code from the
server, copied or printed by the coach (nothing is sent anywhere).

The request runs in the background (it is a network call); a refusal (no server, offline, an
account that exists already, an email the server won't invite) is shown as its sentence in
the dialog, and nothing else changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from observe.store import Store
from observe.sync.invitations import Invitation, TeacherContact, choose_qr, invite_teacher
from observe.ui.errors import ErrorReporter
from observe.ui.operations import Operation
from observe.ui.ops import CoreOp


class InviteDialog(QDialog):
    def __init__(
        self,
        store: Store,
        teacher: TeacherContact,
        *,
        report_error: ErrorReporter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Invite to read shared feedback"))
        self.store = store
        self.teacher = teacher
        self._report_error = report_error
        self.invitation: Invitation | None = None
        self.operation: Operation | None = None

        self.about = about = QLabel(
            self.tr(
                "Invite {name} ({email}) to read the feedback you share with them and to "
                "write their reflection. Your server makes a one-time link and a short code, "
                "valid for 14 days; nothing is sent to the teacher: you hand them over."
            ).format(name=teacher.name, email=teacher.email or self.tr("no email"))
        )
        about.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Invitation status"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.link = QLineEdit()
        self.link.setReadOnly(True)
        self.link.setAccessibleName(self.tr("Invitation link"))
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        self.code.setAccessibleName(self.tr("Invitation code"))
        self.copy_link = QPushButton(self.tr("Copy &link"))
        self.copy_link.clicked.connect(lambda: self._copy(self.link.text()))
        self.copy_code = QPushButton(self.tr("Copy c&ode"))
        self.copy_code.clicked.connect(lambda: self._copy(self.code.text()))
        self.expires = QLabel()
        self.expires.setAccessibleName(self.tr("Valid until"))
        self.qr_box = QCheckBox(
            self.tr("&Print the link as a QR code on this teacher's next feedback sheet")
        )
        self.qr_box.toggled.connect(self._qr_toggled)

        grid = QGridLayout()
        link_label = QLabel(self.tr("Lin&k:"))
        link_label.setBuddy(self.link)
        code_label = QLabel(self.tr("Co&de:"))
        code_label.setBuddy(self.code)
        grid.addWidget(link_label, 0, 0)
        grid.addWidget(self.link, 0, 1)
        grid.addWidget(self.copy_link, 0, 2)
        grid.addWidget(code_label, 1, 0)
        grid.addWidget(self.code, 1, 1)
        grid.addWidget(self.copy_code, 1, 2)
        grid.addWidget(self.expires, 2, 1, 1, 2)
        self.result = QWidget()
        inner = QVBoxLayout(self.result)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(grid)
        inner.addWidget(self.qr_box)
        self.result.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(
            self.tr("&Make invitation"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.make)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)

        box = QVBoxLayout(self)
        box.addWidget(about)
        box.addWidget(self.result)
        box.addWidget(self.message)
        box.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def make(self) -> Operation | None:
        if self.operation is not None and self.operation.is_running:
            return None
        store, teacher_id = self.store, self.teacher.id
        self.message.setText(self.tr("Asking your server for an invitation…"))
        self.create_button.setEnabled(False)
        op = (
            CoreOp(
                self,
                lambda: invite_teacher(store, teacher_id),
                report=self._report_error,
                name="invite a teacher",
            )
            .inline(self._refused)
            .success(self._made)
            .run_in_background()
        )
        self.operation = op
        return op

    def _refused(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.create_button.setEnabled(True)

    def _made(self, invitation: object) -> None:
        assert isinstance(invitation, Invitation)
        self.invitation = invitation
        self.link.setText(invitation.link)
        self.code.setText(invitation.code)
        self.expires.setText(self.tr("Valid until {when}.").format(when=invitation.expires_local))
        self.result.setVisible(True)
        self.create_button.setText(self.tr("&Make a new invitation"))
        self.create_button.setEnabled(True)
        self.message.setText(
            self.tr(
                "Give {name} the link, or the code to type on your server's invitation page. "
                "A new invitation replaces this one."
            ).format(name=invitation.teacher_name)
        )
        self.copy_link.setFocus()
        if self.qr_box.isChecked():
            self._qr_toggled(True)

    def _qr_toggled(self, chosen: bool) -> None:
        invitation = self.invitation
        if invitation is None:
            return
        CoreOp(
            self, lambda: choose_qr(self.store, invitation, chosen), report=self._report_error
        ).run_now()

    def _copy(self, text: str) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)
            self.message.setText(self.tr("Copied."))
