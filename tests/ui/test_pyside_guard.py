"""The PySide6 emit() reference bug must not be able to abort a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import observe.ui  # noqa: F401  (importing the GUI package installs the guard)


class _Chatty(QObject):
    ping = Signal(object)


def test_thousands_of_emits_leave_true_alive():
    chatty = _Chatty()
    received: list[object] = []
    chatty.ping.connect(received.append)
    for i in range(5000):
        chatty.ping.emit(i)
    assert len(received) == 5000
    assert sys.getrefcount(True) > 1000
