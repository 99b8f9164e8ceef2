"""Capturing evidence during a visit: the quick-visit dialog and the capture pane."""

from typing import TYPE_CHECKING

from observe.ui.capture.capture_pane import CapturePane
from observe.ui.lazy import lazy_exports

if TYPE_CHECKING:
    from observe.ui.capture.quick_visit import QuickVisitDialog, next_on_walk

# The dialog (and the coaching cycles it offers) loads when first used, not with the pane.
__getattr__ = lazy_exports(
    __name__,
    {
        "QuickVisitDialog": "observe.ui.capture.quick_visit",
        "next_on_walk": "observe.ui.capture.quick_visit",
    },
)

__all__ = ["CapturePane", "QuickVisitDialog", "next_on_walk"]
