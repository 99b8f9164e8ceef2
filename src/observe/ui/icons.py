"""The application icon, for the window, the task bar and dialogs.

Built from the PNG sizes in ``resources/icons/hicolor`` rather than the SVG: PNG support is
built into Qt, while SVG needs the QtSvg plugin that a trimmed build may not carry, and the
16-pixel PNG is drawn for its size instead of being the big drawing scaled down.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QIcon

from observe.errors import ObserveError
from observe.resources import resource_path

APP_ID = "org.observeapp.Observe"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

log = logging.getLogger(__name__)


@cache
def app_icon() -> QIcon:
    """The icon with every size Qt may ask for; an empty icon (logged) if the files are gone."""
    icon = QIcon()
    try:
        folder = resource_path("icons", "hicolor")
    except ObserveError as exc:
        log.warning("no application icon: %s", exc.sentence)
        return icon
    for size in SIZES:
        path = folder / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if path.is_file():
            icon.addFile(str(path))
        else:
            log.warning("application icon size missing: %s", path)
    return icon
