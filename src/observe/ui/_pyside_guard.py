"""A guard against a PySide6 reference-count bug that would otherwise abort the app.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit()`` without taking a reference, so
every emit from Python takes one reference away from ``True``. On CPython 3.11, where ``True``
is not immortal yet, the process dies with "Fatal Python error: bool_dealloc" after roughly
six hundred emits: a coach would lose the window a minute into a session. PySide6 6.11.3 does
not have the bug, and CPython 3.12+ is immune because ``True`` is immortal there.

Rather than trust a version number, :func:`install` emits a few signals and measures. Only if
the count really drops does it give ``True`` and ``False`` enough extra references that they
can never reach zero, which is what CPython 3.12 does on purpose. Remove this module once the
project requires a PySide6 without the bug.
"""

from __future__ import annotations

import ctypes
import logging
import platform
import sys

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_PROBES = 8
_HEADROOM = sys.maxsize // 4


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true() -> bool:
    """True when a Python-side emit takes away a reference to ``True`` (the bug is present)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= _PROBES


def install() -> bool:
    """Applies the guard if this interpreter needs it; returns whether it did."""
    if platform.python_implementation() != "CPython" or not emit_leaks_true():
        return False
    for constant in (True, False):
        ctypes.c_ssize_t.from_address(id(constant)).value += _HEADROOM
    log.info("PySide6 emit() reference bug detected; True/False pinned against it")
    return True
