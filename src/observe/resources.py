"""Where the files in the repository's top-level ``resources/`` folder are at run time.

They sit beside the code in a source checkout (and an editable install), inside the bundle of
a PyInstaller build (``sys._MEIPASS``), or under ``<prefix>/share/observe/resources`` when
Observe is installed from a wheel (see ``[tool.setuptools.data-files]`` in pyproject.toml).
``OBSERVE_RESOURCES`` overrides all of them, for packagers and tests. One function, so every
caller finds fonts and frameworks the same way whatever the packaging.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

from observe.errors import ObserveError
from observe.i18n import _

ENV_VAR = "OBSERVE_RESOURCES"


def _candidates() -> list[Path]:
    found: list[Path] = []
    override = os.environ.get(ENV_VAR)
    if override:
        found.append(Path(override))
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    # src/observe/resources.py -> the repository's top level.
    found.append(Path(__file__).resolve().parents[2] / "resources")
    found.append(Path(sys.prefix) / "share" / "observe" / "resources")
    return found


@cache
def resources_root() -> Path:
    for folder in _candidates():
        if (folder / "README.md").is_file() or (folder / "fonts").is_dir():
            return folder
    raise ObserveError(
        _(
            "Observe's resource files (fonts) are missing from this installation. "
            "Reinstall Observe, then try again."
        ),
        detail=f"looked in {', '.join(str(c) for c in _candidates())}",
    )


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return resources_root().joinpath(*parts)
