"""Finding evidence across the profile (Ctrl+F): full-text words plus filters."""

from typing import TYPE_CHECKING

from observe.ui.lazy import lazy_exports
from observe.ui.search.launcher import SearchLauncher

if TYPE_CHECKING:
    from observe.ui.search.dialog import SearchDialog

# The dialog loads on the first Ctrl+F, not with the window.
__getattr__ = lazy_exports(__name__, {"SearchDialog": "observe.ui.search.dialog"})

__all__ = ["SearchDialog", "SearchLauncher"]
