"""The navigator pane: visits by date, teachers and classrooms, roster import."""

from typing import TYPE_CHECKING

from observe.ui.lazy import lazy_exports
from observe.ui.navigator.navigator import Navigator
from observe.ui.navigator.visit_model import VisitTreeModel

if TYPE_CHECKING:
    from observe.ui.navigator.dialogs import ClassroomDialog, TeacherDialog
    from observe.ui.navigator.roster_dialog import RosterImportDialog

# The dialogs load when first opened, not with the window.
__getattr__ = lazy_exports(
    __name__,
    {
        "ClassroomDialog": "observe.ui.navigator.dialogs",
        "TeacherDialog": "observe.ui.navigator.dialogs",
        "RosterImportDialog": "observe.ui.navigator.roster_dialog",
    },
)

__all__ = ["ClassroomDialog", "Navigator", "RosterImportDialog", "TeacherDialog", "VisitTreeModel"]
