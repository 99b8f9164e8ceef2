"""Capturing evidence during a visit: the quick-visit dialog and the capture pane."""

from observe.ui.capture.capture_pane import CapturePane
from observe.ui.capture.quick_visit import QuickVisitDialog, next_on_walk

__all__ = ["CapturePane", "QuickVisitDialog", "next_on_walk"]
