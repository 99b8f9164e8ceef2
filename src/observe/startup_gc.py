"""Python's cyclic garbage collector while the desktop app starts (issue 18: window ready).

Opening the window makes some 130,000 objects that live as long as the app: modules, the
ORM's tables and mappers, Qt wrappers. Collecting while they are being made finds nothing to
free and only walks them again and again, about a tenth of start-up. So the app starts with
the collector paused and, once the window is shown, freezes what exists (moved out of the
collector's sight for good, so later pauses stay short) and switches it back on.

Apart from :mod:`observe.ui.app` so that the CLI can pause the collector before importing the
UI, and the window-ready benchmark can start a checkout exactly as its app does.
"""

from __future__ import annotations

import gc


def pause() -> None:
    """Call first, before the heavy imports."""
    gc.disable()


def resume() -> None:
    """Call once the window is shown; harmless when :func:`pause` was never called."""
    gc.freeze()
    gc.enable()
