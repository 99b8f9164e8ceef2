"""The capture pane's actions: every command a coach can give it, each with a shortcut.

They live on the pane (window-wide shortcuts) and are handed to the main window through
``CapturePane.actions_for_menu`` so the menus show the same QAction objects — one action per
shortcut, never two competing ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from observe.capture.kinds import LABELS, ORDER

if TYPE_CHECKING:
    from observe.coaching.open_visit import VisitInfo
    from observe.ui.capture.capture_pane import CapturePane


def _action(
    pane: CapturePane,
    text: str,
    shortcut: str | None,
    tip: str,
    slot: Callable[[], object],
    *,
    scoped: bool = False,
) -> QAction:
    """``scoped`` actions only answer their key while focus is inside the pane.

    F2, Alt+1…5 and Ctrl+Up/Down mean something only here, and other screens (the navigator's
    F2) bind the same keys; two window-wide bindings of one key cancel each other out.
    """
    action = QAction(text, pane)
    if scoped:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        tip = f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    pane.addAction(action)
    return action


class PaneActions:
    """``lookfor_hotkeys=False`` leaves Ctrl+1…9 to the look-for panel, which emits
    ``context.lookfor_toggled``; the pane handles that signal the same way."""

    def __init__(self, pane: CapturePane, *, lookfor_hotkeys: bool = True) -> None:
        stack = pane.context.undo_stack
        self.new_visit = _action(
            pane,
            QCoreApplication.translate("PaneActions", "&New visit…"),
            "Ctrl+N",
            QCoreApplication.translate("PaneActions", "Start a visit in a classroom"),
            pane.new_visit,
        )
        self.new_walk = _action(
            pane,
            QCoreApplication.translate("PaneActions", "New learning &walk…"),
            "Ctrl+Alt+N",
            QCoreApplication.translate(
                "PaneActions", "Start a learning walk: a new walk and its first classroom"
            ),
            pane.new_walk,
        )
        self.next_on_walk = _action(
            pane,
            QCoreApplication.translate("PaneActions", "Ne&xt classroom on walk…"),
            "Ctrl+Shift+N",
            QCoreApplication.translate(
                "PaneActions", "End this visit and start the next one on the same learning walk"
            ),
            pane.next_on_walk,
        )
        self.end_visit = _action(
            pane,
            QCoreApplication.translate("PaneActions", "&End visit"),
            "Ctrl+E",
            QCoreApplication.translate("PaneActions", "Record the visit's end time"),
            pane.end_visit,
        )
        self.undo = stack.createUndoAction(pane, QCoreApplication.translate("PaneActions", "&Undo"))
        self.undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo = stack.createRedoAction(pane, QCoreApplication.translate("PaneActions", "&Redo"))
        self.redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        pane.addActions([self.undo, self.redo])
        self.edit_item = _action(
            pane,
            QCoreApplication.translate("PaneActions", "Ed&it item"),
            "F2",
            QCoreApplication.translate(
                "PaneActions", "Edit the selected item's text (or the last one)"
            ),
            pane.edit_selected,
            scoped=True,
        )
        self.delete_item = _action(
            pane,
            QCoreApplication.translate("PaneActions", "&Delete item"),
            "Del",
            QCoreApplication.translate("PaneActions", "Delete the selected items"),
            pane.delete_selected,
        )
        # Delete only acts from the timeline: in the capture line it must delete characters.
        self.delete_item.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        pane.removeAction(self.delete_item)
        pane.timeline.addAction(self.delete_item)
        self.focus_line = _action(
            pane,
            QCoreApplication.translate("PaneActions", "Go to capture &line"),
            "Ctrl+L",
            QCoreApplication.translate("PaneActions", "Put the cursor in the capture line"),
            pane.focus_line,
        )
        self.focus_timeline = _action(
            pane,
            QCoreApplication.translate("PaneActions", "Go to &timeline"),
            "Ctrl+T",
            QCoreApplication.translate("PaneActions", "Move to the list of saved items"),
            pane.focus_timeline,
            scoped=True,
        )
        self.previous_prompt = _action(
            pane,
            QCoreApplication.translate("PaneActions", "&Previous prompt"),
            "Ctrl+Up",
            QCoreApplication.translate("PaneActions", "Listening session: the previous prompt"),
            lambda: pane.step_prompt(-1),
            scoped=True,
        )
        self.next_prompt = _action(
            pane,
            QCoreApplication.translate("PaneActions", "Next pro&mpt"),
            "Ctrl+Down",
            QCoreApplication.translate("PaneActions", "Listening session: the next prompt"),
            lambda: pane.step_prompt(1),
            scoped=True,
        )
        self.attach_image = _action(
            pane,
            QCoreApplication.translate("PaneActions", "Attach &image…"),
            "Ctrl+Alt+A",
            QCoreApplication.translate(
                "PaneActions",
                "Attach a photo or scan of student work (JPEG, PNG, HEIC, PDF) as an artifact; "
                "black out names first. Ctrl+V of an image or a drop works too",
            ),
            pane.attach_image,
        )
        self.take_photo = _action(
            pane,
            QCoreApplication.translate("PaneActions", "&Take a photo…"),
            "Ctrl+Alt+P",
            QCoreApplication.translate(
                "PaneActions",
                "Take a photo of student work with a webcam or document camera; black out names "
                "first",
            ),
            pane.take_photo,
        )
        self.hints = _action(
            pane,
            QCoreApplication.translate("PaneActions", "Language &hints"),
            "Ctrl+Shift+H",
            QCoreApplication.translate(
                "PaneActions", "Quietly suggest low-inference wording for evaluative words"
            ),
            lambda: pane.set_hints_enabled(self.hints.isChecked()),
        )
        self.hints.setCheckable(True)
        self.kinds = [
            _action(
                pane,
                f"&{n} {LABELS[kind]}",
                f"Alt+{n}",
                QCoreApplication.translate(
                    "PaneActions", "Record {lower} (or re-kind the selected item)"
                ).format(lower=LABELS[kind].lower()),
                lambda kind=kind: pane.choose_kind(kind),
                scoped=True,
            )
            for n, kind in enumerate(ORDER, start=1)
        ]
        self.lookfors = [
            _action(
                pane,
                QCoreApplication.translate("PaneActions", "Toggle look-for {n}").format(n=n),
                f"Ctrl+{n}",
                QCoreApplication.translate(
                    "PaneActions",
                    "Tag the line being typed (or the selected item) with "
                    "look-for {n}; press again to mark it ✓ seen, again for ○ "
                    "not yet, again to remove it",
                ).format(n=n),
                lambda n=n: pane.toggle_hotkey(n),
            )
            for n in range(1, 10)
            if lookfor_hotkeys
        ]

    def enable_for(self, info: VisitInfo | None) -> None:
        """What a visit allows: items only with one open, End only while it runs, prompts
        only in a listening session."""
        is_open = info is not None
        for action in (
            self.edit_item,
            self.delete_item,
            self.focus_line,
            self.focus_timeline,
            self.attach_image,
            self.take_photo,
            *self.kinds,
            *self.lookfors,
        ):
            action.setEnabled(is_open)
        self.end_visit.setEnabled(info is not None and info.ended_at is None)
        listening = info is not None and info.is_listening
        self.previous_prompt.setEnabled(listening)
        self.next_prompt.setEnabled(listening)

    def all(self) -> list[QAction]:
        return [
            self.new_visit,
            self.new_walk,
            self.next_on_walk,
            self.end_visit,
            self.undo,
            self.redo,
            self.edit_item,
            self.delete_item,
            self.focus_line,
            self.focus_timeline,
            self.previous_prompt,
            self.next_prompt,
            self.attach_image,
            self.take_photo,
            self.hints,
            *self.kinds,
            *self.lookfors,
        ]
