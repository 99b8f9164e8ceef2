"""Logging to a rotating file in the platformdirs log folder.

People see sentences; the log keeps the details (tracebacks, SQL errors) for whoever helps them.
A log folder that can't be written must never stop the app, so that failure falls back to
stderr quietly.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from observe.paths import default_log_dir

LOG_FILENAME = "observe.log"
_configured: Path | None = None


def setup_logging(log_dir: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Configures the root logger once; returns the log file's path, or None if unwritable."""
    global _configured
    if _configured is not None:
        return _configured
    folder = log_dir or default_log_dir()
    root = logging.getLogger()
    root.setLevel(level)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_FILENAME, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        _configured = folder / LOG_FILENAME
    except OSError:
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s")
    )
    root.addHandler(handler)
    return _configured


def log_file() -> Path | None:
    return _configured
