"""Names a package re-exports but imports only when first asked for (PEP 562).

Opening the main window should import only what its first paint needs (issue 18: window
ready). A package such as ``observe.ui.capture`` re-exports its dialogs for convenience; with
:func:`lazy_exports` a dialog's module (and everything it imports) loads when some code first
reads the name, not when the package is imported for the pane beside it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` giving each name in ``exports`` from the module it names."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module), name)

    return __getattr__
