"""Observe: offline-first classroom evidence and strengths-based feedback for coaches."""

__version__ = "0.1.0"
APP_NAME = "Observe"
