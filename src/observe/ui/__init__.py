"""The desktop GUI (PySide6). The only package that imports Qt; the core runs without it."""

from observe.ui import _pyside_guard

_pyside_guard.install()
