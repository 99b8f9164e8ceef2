"""The capture pane: the open visit's header, timeline and capture line.

Typing speed rules here. The line keeps focus; Enter saves (synchronously — a ~1 ms commit with
its outbox row) and only then does the item appear in the timeline, so what is shown as saved is
on disk. A failed save leaves the text in the line and says why. Every change to evidence is a
command on the context's undo stack (see ``commands``), and the pane keeps nothing the store
doesn't: the store's change news names the items each commit touched (at once for a commit made
on the GUI thread), and the pane re-reads just those.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent
from PySide6.QtWidgets import QDialog, QWidget

from observe.capture import marks
from observe.capture.closures import closed_seconds_of
from observe.capture.drafts import capture_key, load_draft
from observe.capture.evidence import save_evidence
from observe.capture.hints import Hint, find_hints
from observe.capture.kinds import LABELS, ORDER, format_offset, parse_line
from observe.capture.timeline import Item, visit_items
from observe.capture.visits import end_visit
from observe.clock import as_utc, utcnow
from observe.coaching.open_visit import VisitInfo, visit_info
from observe.errors import StorageError, UsageError
from observe.store.changes import Changes
from observe.store.models import EvidenceKind
from observe.ui.capture import commands
from observe.ui.capture.actions import PaneActions
from observe.ui.capture.attach_flow import ImageAttacher, ImageDrops
from observe.ui.capture.capture_line import DraftKeeper
from observe.ui.capture.image_fetch import LazyImages
from observe.ui.capture.pane_layout import PaneLayout
from observe.ui.capture.timeline_ops import TimelineEditor
from observe.ui.context import SAVED, VisitContext
from observe.ui.errors import ErrorReporter, show_error
from observe.ui.ops import CoreOp, Outcome
from observe.vocabulary import VISIT_TYPE_LABELS

if TYPE_CHECKING:
    # Starting a visit (Ctrl+N) brings the quick-visit dialog and, through it, coaching
    # cycles and feedback: imported on first use, not to open the window (issue 18).
    from observe.ui.capture.quick_visit import QuickVisitDialog

T = TypeVar("T")

#: Kinds whose change can alter the open visit's header (its title, class, look-for keys).
HEADER_KINDS = frozenset({"walk", "teacher", "classroom", "lookfor", "lookfor_set"})

NOT_SAVED = QT_TRANSLATE_NOOP("VisitContext", "Not saved — the text is still in the capture line")
HINTS_SETTING = "hints_enabled"
TIMER_INTERVAL_MS = 250


class CapturePane(PaneLayout):
    """Follows the context's open visit; ``report_error`` replaces the dialog in tests.

    ``lookfor_hotkeys=False`` when the window's look-for panel binds Ctrl+1…9 itself (two
    window-wide bindings of one key would cancel each other out).
    """

    def __init__(
        self,
        context: VisitContext,
        parent: QWidget | None = None,
        *,
        report_error: ErrorReporter = show_error,
        lookfor_hotkeys: bool = True,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.report_error = report_error
        self.info: VisitInfo | None = None
        self.line_tags: list[str] = []
        #: Marks for the line's tags (look-for id → "seen" / "not_yet"); see ``toggle_lookfor``.
        self.line_marks: dict[str, str] = {}
        self.typed_at: datetime | None = None
        self._target = "line"
        self.default_kind = EvidenceKind.STUDENT_ACTION
        self.closed_seconds = 0.0
        self.kind_locked = False
        self.editor = TimelineEditor(context, self.timeline, self._report, self)
        self.drafts = DraftKeeper(self.store, self.line, self._draft_meta, self._report, self)

        self.pane_actions = PaneActions(self, lookfor_hotkeys=lookfor_hotkeys)
        self.images = ImageAttacher(self)
        self.drops = ImageDrops(self.images)
        self.drops.install(self, self.line, self.timeline.viewport())
        self.line.take_paste = self.images.from_mime
        self.lazy_images = LazyImages(self.store, self, self.model.images_arrived)
        self.model.image_path = self.lazy_images.path
        self.hints_enabled = self.store.setting(HINTS_SETTING, "1") != "0"
        self.pane_actions.hints.setChecked(self.hints_enabled)
        self.clock = QTimer(self)
        self.clock.setInterval(TIMER_INTERVAL_MS)
        self.clock.timeout.connect(self.tick)

        self.line.returnPressed.connect(self.save_line)
        self.line.textChanged.connect(self._line_changed)
        self.line.textEdited.connect(self._line_edited)
        self.line.focused.connect(lambda: self._set_target("line"))
        self.timeline.focused.connect(lambda: self._set_target("timeline"))
        self.kind_combo.activated.connect(lambda _i: self._kind_picked())
        self.prompt_combo.activated.connect(lambda _i: self.drafts.touch())
        self.end_button.clicked.connect(self.end_visit)
        self.next_button.clicked.connect(self.next_on_walk)
        self.start_button.clicked.connect(self.new_visit)

        context.visit_changed.connect(self.show_visit)
        context.store_changed.connect(self._store_changed)
        context.focus_evidence.connect(self.select_evidence)
        context.lookfor_toggled.connect(self.toggle_lookfor)
        context.command_failed.connect(self._report)
        self.show_visit(context.visit_id)

    # -- public API ---------------------------------------------------------------------------

    def actions_for_menu(self) -> list[QAction]:
        """The QActions (with their shortcuts) for the main window's menus."""
        return self.pane_actions.all()

    def selected_kind(self) -> EvidenceKind:
        return EvidenceKind(self.kind_combo.currentData())

    def flush_draft(self) -> None:
        """Saves what is being typed now; call before closing the window."""
        self.drafts.flush()

    # -- opening a visit ----------------------------------------------------------------------

    def show_visit(self, visit_id: str | None) -> None:
        self.drafts.switch(visit_id)
        self.clock.stop()
        self.line.reset()
        self.line_tags = []
        self.line_marks = {}
        self.typed_at = None
        self.set_notice("")
        self.info = None
        items: list[Item] = []
        if visit_id is not None:

            def not_opened(parent: QWidget | None, exc: BaseException) -> None:
                self.drafts.switch(None)  # before the dialog: keep no draft for this visit
                self.report_error(parent, exc)

            store = self.store
            opened = CoreOp(
                self,
                lambda: (visit_info(store, visit_id), visit_items(store, visit_id)),
                report=not_opened,
            ).run_now()
            if opened.ok and opened.value is not None:
                self.info, items = opened.value
        self.editor.load(self.info, items)
        if self.info is None:
            self.pages.setCurrentWidget(self.empty_page)
            self._update_actions()
            return
        self._show_info()
        self.default_kind = (
            EvidenceKind.STUDENT_TALK if self.info.is_listening else EvidenceKind.STUDENT_ACTION
        )
        self.kind_locked = False
        self.set_kind(self.default_kind)
        self.pages.setCurrentWidget(self.capture_page)
        self._restore_draft(visit_id)
        self._line_changed()
        self.timeline.scrollToBottom()
        self.focus_line()

    def _show_info(self) -> None:
        info = self.info
        assert info is not None
        self.closed_seconds = 0.0  # the hours Observe was closed are not time in the room
        closed = self._now(lambda: closed_seconds_of(self.store, info.id, info.ended_at))
        if closed.ok and closed.value is not None:
            self.closed_seconds = closed.value
        self.title_label.setText(info.title)
        kind = VISIT_TYPE_LABELS[info.visit_type]
        self.type_label.setText(f"{kind} · {info.walk_title}" if info.walk_title else kind)
        self.next_button.setVisible(info.walk_id is not None)
        self.prompt_row.setVisible(info.is_listening)
        self.timeline.show_prompts(info.is_listening)
        current = max(0, self.prompt_combo.currentIndex())
        self.prompt_combo.clear()
        for n, prompt in enumerate(info.prompts, start=1):
            self.prompt_combo.addItem(f"{n}. {prompt}")
        self.prompt_combo.setCurrentIndex(min(current, len(info.prompts) - 1))
        hotkeys = [t for t in info.tags if t.hotkey]
        keys = ", ".join(
            f"Ctrl+{t.hotkey} {t.code}" for t in sorted(hotkeys, key=lambda t: t.hotkey)
        )
        self.tags_label.setToolTip(
            self.tr("Look-for keys: {keys}").format(keys=keys)
            if keys
            else self.tr("No look-for set")
        )
        self.tick()
        if info.ended_at is None:
            self.clock.start()
        self._update_actions()
        self._show_line_state()

    def _restore_draft(self, visit_id: str) -> None:
        loaded = self._now(lambda: load_draft(self.store, capture_key(visit_id)))
        draft = loaded.value
        if draft is None or not draft.text.strip():
            return
        meta: dict[str, Any] = draft.meta or {}
        self.line.reset(draft.text)
        if meta.get("kind") in {k.value for k in ORDER}:
            self.set_kind(EvidenceKind(meta["kind"]))
        self.kind_locked = (
            bool(meta.get("kind_locked")) and self.selected_kind() != self.default_kind
        )
        self.line_tags = [i for i in meta.get("lookfor_ids", []) if self.model.known_tag(i)]
        self.line_marks = marks.clean_marks(meta.get("lookfor_marks"), self.line_tags)
        prompt = meta.get("prompt_index")
        if isinstance(prompt, int) and 0 <= prompt < self.prompt_combo.count():
            self.prompt_combo.setCurrentIndex(prompt)
        typed = meta.get("typed_at")
        self.typed_at = as_utc(datetime.fromisoformat(typed)) if typed else None
        when = as_utc(draft.updated_at).astimezone()
        self.set_notice(self.tr("Restored unsaved text from {when:%H:%M}.").format(when=when))

    # -- the timer ----------------------------------------------------------------------------

    def tick(self) -> None:
        info = self.info
        if info is None:
            return
        if info.ended_at is not None:
            took = format_offset(
                (info.ended_at - info.started_at).total_seconds() - self.closed_seconds
            )
            self.timer_label.setText(self.tr("Ended · {took}").format(took=took))
            self.timer_label.setToolTip(
                self.tr("Ended at {time:%H:%M}").format(time=info.ended_at.astimezone())
            )
            return
        took = (utcnow() - info.started_at).total_seconds() - self.closed_seconds
        self.timer_label.setText(format_offset(took))
        self.timer_label.setToolTip(
            self.tr("Started at {time:%H:%M}").format(time=info.started_at.astimezone())
        )

    def end_visit(self) -> None:
        info = self.info
        if info is None or info.ended_at is not None:
            return
        if not self._now(lambda: end_visit(self.store, info.id)).ok:
            return
        self.context.undo_stack.push(commands.EndVisit(self.context, info.id))

    def _visit_news(self, visit_id: str) -> None:
        if self.info is None or self.info.id != visit_id:
            return
        before = self.info
        reread = self._now(lambda: visit_info(self.store, visit_id))
        if not reread.ok:
            return
        self.info = reread.value
        self.editor.info = self.info
        if before.ended_at != self.info.ended_at:
            self.editor.reload()  # times past the visit's end now read "after" (or back)
        self.clock.stop()
        self._show_info()

    # -- the capture line ---------------------------------------------------------------------

    def save_line(self) -> None:
        info = self.info
        if info is None or not self.line.text().strip():
            return
        parsed = parse_line(self.line.text(), self.selected_kind())
        prompt = self.prompt_combo.currentIndex() if info.is_listening else None

        def not_saved(_parent: object, exc: BaseException) -> None:
            # Before the sentence: the label and the draft must be right while it is shown.
            self.context.set_save_state(NOT_SAVED)
            if not isinstance(exc, StorageError):  # a full or read-only disk refuses drafts too
                self.drafts.flush()
            self._report(exc)

        outcome = CoreOp(
            self,
            lambda: save_evidence(
                self.store,
                info.id,
                parsed.kind,
                parsed.text,
                lookfor_ids=self.line_tags,
                lookfor_marks=self.line_marks,
                observed_at=self.typed_at,
                prompt_index=prompt if prompt is not None and prompt >= 0 else None,
            ),
            report=not_saved,
            name="save evidence",
        ).run_now()
        saved = outcome.value
        if saved is None:
            return
        self.drafts.forget()
        self.line.reset()
        if not self.kind_locked:
            self.set_kind(self.default_kind)  # Alt+2…5 is for one item unless locked
        self.line_tags = []
        self.line_marks = {}
        self.typed_at = None
        self.set_notice("")
        self.context.undo_stack.push(commands.CreateEvidence(self.context, info.id, saved.id))
        self.timeline.select_id(saved.id)  # the news of the commit has put it in the timeline
        self._line_changed()
        self.context.set_save_state(SAVED)

    def _line_edited(self, text: str) -> None:
        if not text.strip():
            self.typed_at = None
        elif self.typed_at is None:
            self.typed_at = utcnow()

    def _line_changed(self, *_: object) -> None:
        text = self.line.text()
        hints = find_hints(text) if self.hints_enabled else []
        message = _hint_message(hints)
        self.hint_label.setText(message)
        self.hint_label.setAccessibleDescription(message)
        self._show_line_state()

    def _show_line_state(self) -> None:
        parsed = parse_line(self.line.text(), self.selected_kind())
        codes = [self._tag_code(i) for i in self.line_tags]
        tags = ", ".join(codes) if codes else self.tr("none (Ctrl+1…9)")
        kind = LABELS[parsed.kind]
        if self.kind_locked:
            kind = self.tr("%1 (locked)").replace("%1", kind)
        elif self.selected_kind() != self.default_kind:
            kind = self.tr("%1 (this item)").replace("%1", kind)
        self.tags_label.setText(
            self.tr("Saves as {kind} · Look-fors: {tags}").format(kind=kind, tags=tags)
        )
        self._show_kind_lock()

    def _tag_code(self, lookfor_id: str) -> str:
        info = self.info
        tag = next((t for t in info.tags if t.id == lookfor_id), None) if info else None
        if tag is None:
            return "?"
        mark = self.line_marks.get(lookfor_id, marks.ABOUT)
        return f"{tag.code} {tag.title}" + (
            "" if mark == marks.ABOUT else f" ({marks.describe(mark)})"
        )

    def _draft_meta(self) -> dict[str, Any]:
        prompt = self.prompt_combo.currentIndex()
        return {
            "kind": self.selected_kind().value,
            "kind_locked": self.kind_locked,
            "lookfor_ids": list(self.line_tags),
            "lookfor_marks": dict(self.line_marks),
            "prompt_index": prompt if self.info and self.info.is_listening else None,
            "typed_at": self.typed_at.isoformat() if self.typed_at else None,
        }

    def set_hints_enabled(self, enabled: bool) -> None:
        self.hints_enabled = enabled
        self.pane_actions.hints.setChecked(enabled)
        self._now(lambda: self.store.set_setting(HINTS_SETTING, "1" if enabled else "0"))
        self._line_changed()

    # -- kinds, tags and prompts --------------------------------------------------------------

    def set_kind(self, kind: EvidenceKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self._show_line_state()

    def choose_kind(self, kind: EvidenceKind) -> None:
        """Alt+1…5: the selected item's kind when working in the timeline, else the line's.

        A kind other than the visit's usual one is for the next item only; pressing the same
        Alt+digit again locks it (and once more unlocks it), for a run of teacher moves.
        """
        target = self._selected_item()
        if target is not None:
            self.editor.edit(target, {"kind": kind}, self.tr("Change kind"))
            return
        if kind == self.selected_kind() and kind != self.default_kind:
            self.kind_locked = not self.kind_locked
        else:
            self.kind_locked = False
        self.set_kind(kind)
        self.drafts.touch()

    def _show_kind_lock(self) -> None:
        """The lock shows on the kind box itself, where the eye goes before typing."""
        if self.kind_locked:
            tip = self.tr(
                "Locked: every item is saved as this kind. Press its Alt key again to unlock."
            )
        elif self.selected_kind() != self.default_kind:
            tip = self.tr("For the next item only; press its Alt key again to keep it.")
        else:
            tip = self.tr("Kind of the next item (Alt+1…5).")
        self.kind_combo.setAccessibleDescription(tip)
        self.kind_combo.setStatusTip(tip)
        self.kind_combo.setProperty("locked", self.kind_locked)
        font = self.kind_combo.font()
        font.setBold(self.kind_locked)
        self.kind_combo.setFont(font)

    def _kind_picked(self) -> None:
        self.kind_locked = False
        self._show_line_state()
        self.drafts.touch()
        self.focus_line()

    def toggle_hotkey(self, hotkey: int) -> None:
        tag = self.info.tag_for_hotkey(hotkey) if self.info else None
        if tag is None:
            self.set_notice(self.tr("No look-for has the key Ctrl+{hotkey}.").format(hotkey=hotkey))
            return
        self.toggle_lookfor(tag.id)

    def toggle_lookfor(self, lookfor_id: str) -> None:
        """Tags the selected item when the timeline is being worked in, else the line.

        Each press steps the look-for on: about → ✓ seen → ○ not yet → untagged, so one key
        says both what an item is about and whether it shows the look-for."""
        if self.info is None:
            return
        target = self._selected_item()
        if target is not None:
            self.editor.toggle_tag(target, lookfor_id)
            return
        tags, self.line_marks = marks.step(self.line_tags, self.line_marks, lookfor_id)
        self.line_tags = list(tags)
        self._show_line_state()
        self.drafts.touch()

    def step_prompt(self, step: int) -> None:
        if self.info is None or not self.info.is_listening:
            return
        count = self.prompt_combo.count()
        self.prompt_combo.setCurrentIndex((self.prompt_combo.currentIndex() + step) % count)
        self.drafts.touch()

    # -- the timeline -------------------------------------------------------------------------

    def _set_target(self, target: str) -> None:
        self._target = target

    def _selected_item(self) -> str | None:
        return self.timeline.current_id() if self._target == "timeline" else None

    def select_evidence(self, evidence_id: str) -> None:
        self.timeline.select_id(evidence_id)

    def attach_image(self) -> None:
        """Ctrl+Alt+A: an image of student work from a file, through the redaction dialog."""
        self.images.choose_file()

    def take_photo(self) -> QWidget | None:
        """Ctrl+Alt+P: a photo from a webcam or document camera, through the redaction dialog
        (or a sentence when there is no camera)."""
        from observe.ui.capture.camera import take_photo

        if self.info is None:
            return None
        return take_photo(self, self.images.from_image)

    def edit_selected(self) -> None:
        self.editor.edit_selected()

    def delete_selected(self) -> None:
        self.editor.delete_selected()

    def _store_changed(self, news: Changes) -> None:
        """Whoever wrote (this pane, an undo, another screen, sync): the changed rows, and the
        header when the open visit or what it shows changed."""
        if self.info is None:
            return
        self.editor.show_news(news)
        visits = news.ids.get("visit")
        if news.kinds & HEADER_KINDS or (
            "visit" in news.kinds and (visits is None or self.info.id in visits)
        ):
            self._visit_news(self.info.id)

    # -- visits -------------------------------------------------------------------------------

    def new_visit(self) -> QDialog:
        """Ctrl+N. With a visit running, first asks whether to end it when the new one starts
        (the default) or keep both running; nothing is ended until the new visit starts."""
        from observe.ui.capture import visit_start

        return visit_start.new_visit(self)

    def open_quick_visit(self, end_first: str | None) -> QuickVisitDialog:
        from observe.ui.capture import visit_start

        return visit_start.open_quick_visit(self, end_first)

    def new_walk(self) -> QuickVisitDialog:
        from observe.ui.capture import visit_start

        return visit_start.new_walk(self)

    def next_on_walk(self) -> QuickVisitDialog | None:
        from observe.ui.capture import visit_start

        return visit_start.next_classroom(self)

    # -- focus and housekeeping ---------------------------------------------------------------

    def focus_line(self) -> None:
        if self.info is not None:
            self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_timeline(self) -> None:
        if self.info is None:
            return
        self.timeline.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.timeline.current_id() is None and self.model.rowCount():
            self.timeline.select_id(self.model.item(self.model.rowCount() - 1).id)

    def _update_actions(self) -> None:
        self.pane_actions.enable_for(self.info)
        self.end_button.setEnabled(self.info is not None and self.info.ended_at is None)

    def _now(self, call: Callable[[], T]) -> Outcome[T]:
        """A capture read or write: milliseconds, so on the GUI thread; failures reported."""
        return CoreOp(self, call, report=self.report_error).run_now()

    def _report(self, error: object) -> None:
        if not isinstance(error, BaseException):
            error = UsageError(str(error))
        self.report_error(self, error)

    def hideEvent(self, event: QHideEvent) -> None:
        self.drafts.flush()
        super().hideEvent(event)


def _hint_message(hints: list[Hint]) -> str:
    """The first hint in full, then the other phrases by name, so none hides behind another."""
    if not hints:
        return ""
    others = [f"“{h.phrase}”" for h in hints[1:]]
    if not others:
        return hints[0].message
    return QCoreApplication.translate("CapturePane", "{hint} Also: {others}.").format(
        hint=hints[0].message, others=", ".join(others)
    )
