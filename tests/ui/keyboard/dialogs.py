"""Every dialog of the app, opened on a real profile the way the window opens it where it can.

``DIALOGS`` maps a name to an opener taking the main window (with Zoë Okafor's visit, one
coaching cycle and a seat chart in the profile) and returning the dialog, shown. A new QDialog
subclass in observe.ui must be added here: ``test_every_dialog_class_is_in_the_registry`` fails
until it is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from observe.coaching import cycles
from observe.store.models import Classroom, StepKind, Teacher, Visit

if TYPE_CHECKING:
    from observe.ui.main_window import MainWindow

Opener = Callable[["MainWindow"], QDialog]


def ids(window: MainWindow) -> tuple[str, str]:
    with window.store.read() as s:
        teacher = s.scalars(select(Teacher.id)).one()
        room = s.scalars(select(Classroom.id)).one()
    return teacher, room


def add_cycle(window: MainWindow) -> str:
    teacher, _ = ids(window)
    return cycles.save_cycle(
        window.store,
        cycles.CycleDraft(
            teacher,
            "Students ask each other questions",
            started_on=date(2026, 10, 1),
            steps=(cycles.StepDraft(StepKind.MODEL, "Model question stems"),),
        ),
    )


def _errors(window: MainWindow):  # the window's own reporter (the test's ErrorsSeen)
    return window._report_error


def _shown(dialog: QDialog) -> QDialog:
    dialog.open()
    return dialog


def _teacher_dialog(window: MainWindow, edit: bool) -> QDialog:
    from observe.ui.navigator.dialogs import TeacherDialog

    nav = window.workspace.navigator
    nav.refresh()
    teacher_id, _ = ids(window)
    row = nav.teacher_model.teacher(teacher_id) if edit else None
    assert row is not None or not edit
    return _shown(
        TeacherDialog(window.store, teacher=row, schools=nav.teacher_model.schools, parent=nav)
    )


def _classroom_dialog(window: MainWindow, edit: bool) -> QDialog:
    from observe.ui.navigator.dialogs import ClassroomDialog

    nav = window.workspace.navigator
    nav.refresh()
    teacher_id, room_id = ids(window)
    room = nav.teacher_model.classroom(room_id) if edit else None
    assert room is not None or not edit
    return _shown(
        ClassroomDialog(
            window.store,
            nav.teacher_model.teachers,
            classroom=room,
            teacher_id=None if edit else teacher_id,
            parent=nav,
        )
    )


def _invite(window: MainWindow) -> QDialog:
    from observe.sync.invitations import teacher_contact
    from observe.ui.navigator.invite_dialog import InviteDialog

    teacher_id, _ = ids(window)
    contact = teacher_contact(window.store, teacher_id)
    nav = window.workspace.navigator
    return _shown(InviteDialog(window.store, contact, report_error=_errors(window), parent=nav))


def _school(window: MainWindow) -> QDialog:
    dialog = window.workspace.navigator.edit_school()
    assert dialog is not None
    return dialog


def _roster(window: MainWindow) -> QDialog:
    """With a file chosen (the dialog asks for one first): Enter must import from here."""
    import tempfile
    from pathlib import Path

    from observe.ui.navigator.roster_dialog import RosterImportDialog

    folder = Path(tempfile.mkdtemp(prefix="roster-"))
    path = folder / "roster.csv"
    path.write_text("teacher,subject,grade,period,room\nMarcus Bell,English,9,1,B2\n")
    dialog = _shown(RosterImportDialog(window.store, window, context=window.context))
    dialog.load(path)
    return dialog


def _composer(window: MainWindow) -> QDialog:
    from observe.ui.feedback.composer import ComposerDialog

    with window.store.read() as s:
        visit_id = s.scalars(select(Visit.id)).first()
    assert visit_id is not None
    return _shown(
        ComposerDialog(window.store, visit_id, report_error=_errors(window), parent=window)
    )


def _search(window: MainWindow) -> QDialog:
    from observe.ui.search.dialog import SearchDialog

    return _shown(SearchDialog(window.context, window))


def _cycle_editor(window: MainWindow, edit: bool) -> QDialog:
    from observe.ui.coaching.cycle_editor import CycleEditor

    cycle_id = add_cycle(window) if edit else None
    return _shown(
        CycleEditor(window.store, window, report_error=_errors(window), cycle_id=cycle_id)
    )


def _link_visits(window: MainWindow) -> QDialog:
    from observe.ui.coaching.cycle_dialogs import LinkVisitsDialog

    return _shown(
        LinkVisitsDialog(window.store, add_cycle(window), window, report_error=_errors(window))
    )


def _close_cycle(window: MainWindow) -> QDialog:
    from observe.ui.coaching.cycle_dialogs import CloseCycleDialog

    return _shown(
        CloseCycleDialog(window.store, add_cycle(window), window, report_error=_errors(window))
    )


def _cycle_evidence(window: MainWindow, name: str) -> QDialog:
    from observe.ui.coaching import cycle_evidence_dialogs

    kind = getattr(cycle_evidence_dialogs, name)
    return _shown(kind(window.store, add_cycle(window), window, report_error=_errors(window)))


def _score_samples(window: MainWindow) -> QDialog:
    from observe.ui.coaching.sample_scoring import ScoreSamplesDialog

    return _shown(
        ScoreSamplesDialog(window.store, add_cycle(window), window, report_error=_errors(window))
    )


def _cycles(window: MainWindow) -> QDialog:
    add_cycle(window)
    return window.coaching_ui.open_cycles()


def _leader(window: MainWindow) -> QDialog:
    from observe.ui.coaching.leader_signin import LeaderSignInDialog

    return _shown(LeaderSignInDialog("http://127.0.0.1:9", window))


def _seating(window: MainWindow) -> QDialog:
    from observe.ui.participation.seating_editor import SeatingEditorDialog

    _, room = ids(window)
    return _shown(
        SeatingEditorDialog(
            window.store, room, window, context=window.context, report_error=_errors(window)
        )
    )


def _sign_in(window: MainWindow) -> QDialog:
    return _shown(window.sync_ui.sign_in_dialog_for())


def _conflicts(window: MainWindow) -> QDialog:
    return _shown(window.sync_ui.conflicts_dialog_for())


def _welcome(window: MainWindow) -> QDialog:
    from observe.ui.first_run import WelcomeDialog

    return _shown(WelcomeDialog(window.store, window))


def _license(window: MainWindow) -> QDialog:
    from observe.ui.about import LicenseDialog

    return _shown(LicenseDialog("MIT License\n\nPermission is hereby granted…", window))


def _settings(window: MainWindow) -> QDialog:
    from observe.ui.settings_dialog import show_settings

    return show_settings(window)


def _keep_all(window: MainWindow) -> QDialog:
    from observe.sync.conflicts import plan_for
    from observe.ui.sync.conflicts_view import BulkConfirmDialog

    return _shown(BulkConfirmDialog(plan_for([], "mine"), window))


def _redaction(window: MainWindow) -> QDialog:
    """As a pasted image opens it: a page of student work, no boxes yet."""
    import io

    from PIL import Image

    from observe.capture.images import prepare
    from observe.ui.capture.redaction import RedactionDialog

    page = io.BytesIO()
    Image.new("RGB", (800, 600), (235, 232, 220)).save(page, "PNG")
    return _shown(RedactionDialog(prepare(page.getvalue(), "page.png"), window))


def _about(window: MainWindow) -> QDialog:
    return _shown(window.about_dialog())


DIALOGS: dict[str, Opener] = {
    "Start a visit": lambda w: w.workspace.capture.open_quick_visit(None),
    "New teacher": lambda w: _teacher_dialog(w, edit=False),
    "Edit teacher": lambda w: _teacher_dialog(w, edit=True),
    "New classroom": lambda w: _classroom_dialog(w, edit=False),
    "Edit classroom": lambda w: _classroom_dialog(w, edit=True),
    "Edit school": _school,
    "Invite a teacher": _invite,
    "Import roster": _roster,
    "Compose feedback": _composer,
    "Find evidence": _search,
    "Coaching cycles": _cycles,
    "New coaching cycle": lambda w: _cycle_editor(w, edit=False),
    "Edit coaching cycle": lambda w: _cycle_editor(w, edit=True),
    "Link visits": _link_visits,
    "Close cycle": _close_cycle,
    "Import survey": lambda w: _cycle_evidence(w, "ImportSurveyDialog"),
    "Import scores": lambda w: _cycle_evidence(w, "ImportScoresDialog"),
    "Paper survey tallies": lambda w: _cycle_evidence(w, "PaperTalliesDialog"),
    "Score work samples": _score_samples,
    "Log time": lambda w: w.coaching_ui.log_time(),
    "Weekly log": lambda w: w.coaching_ui.open_weekly_log(),
    "Look-for frameworks": lambda w: w.coaching_ui.open_frameworks(),
    "Impact": lambda w: w.coaching_ui.open_impact(),
    "Leader sign-in": _leader,
    "Seating chart": _seating,
    "Sign in": _sign_in,
    "Sync conflicts": _conflicts,
    "Welcome": _welcome,
    "About": _about,
    "License": _license,
    "Keyboard shortcuts": lambda w: w.show_keyboard_help(),
    "Settings": _settings,
    "Keep all mine": _keep_all,
    "Attach image": _redaction,
}
