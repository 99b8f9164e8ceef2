"""Finding evidence across the profile (Ctrl+F): full-text words plus filters."""

from observe.ui.search.dialog import SearchDialog, SearchLauncher

__all__ = ["SearchDialog", "SearchLauncher"]
