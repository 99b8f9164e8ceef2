"""Guards the PySide6 pin in pyproject.toml.

PySide6 6.12.0 drops a reference to ``True`` on every ``Signal.emit()`` from Python; on Python
3.11 the app then aborts ("Fatal Python error: bool_dealloc") a minute into a session. This
runs many emits in a child process, so a bad PySide6 fails this test instead of the coach.
"""

from __future__ import annotations

import subprocess
import sys

CHILD = """
import sys
from PySide6.QtCore import QObject, Signal

class Source(QObject):
    changed = Signal(int)

source = Source()
source.changed.connect(lambda value: None)
before = sys.getrefcount(True)
for i in range(5000):
    source.changed.emit(i)
print(sys.getrefcount(True) - before)
"""


def test_signal_emits_keep_python_alive():
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 50
