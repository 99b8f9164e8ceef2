"""The navigator pane: visits by date, teachers and classrooms, roster import."""

from observe.ui.navigator.dialogs import ClassroomDialog, TeacherDialog
from observe.ui.navigator.navigator import Navigator
from observe.ui.navigator.roster_dialog import RosterImportDialog
from observe.ui.navigator.visit_model import VisitTreeModel

__all__ = ["ClassroomDialog", "Navigator", "RosterImportDialog", "TeacherDialog", "VisitTreeModel"]
