"""Coaching cycles, the coaching log, look-for frameworks and impact figures (headless).

Nothing here imports Qt: the CLI (``observe report impact``), the tests and the desktop app use
the same functions, and the GUI runs the slow ones through ``observe.ui.operations``.
"""
