"""The Qt half of ``observe --self-test``, run in a child process by :mod:`observe.selftest`.

It starts Qt on whatever platform plugin the parent chose, then exercises what the app needs
on its first screen: widgets that paint, fonts, PNG images and the application icon. It prints
one JSON line with its findings; if Qt can't start at all it aborts, and the parent explains.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QLibraryInfo, qVersion
from PySide6.QtGui import QFontDatabase, QImageReader
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from observe.ui.icons import app_icon


def platform_plugins() -> list[str]:
    """The platform plugins in this Qt's plugin folder, by key ("xcb", "offscreen", ...)."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    keys = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        name = path.name.split(".")[0]
        for prefix in ("libq", "q"):
            if name.startswith(prefix):
                name = name[len(prefix) :]
                break
        keys.append(name.removesuffix("d") if path.suffix == ".dll" else name)
    return keys


def run_checks() -> dict[str, object]:
    problems: list[str] = []
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "png" not in formats:
        problems.append(
            "Qt can't read PNG images in this installation, so icons would be blank. "
            "Reinstall Observe, then run `observe --self-test` again."
        )
    if not QFontDatabase.families():
        problems.append(
            "Qt found no fonts on this computer, so text would not show. Install a font "
            "package (on Debian: fonts-dejavu-core), then try again."
        )
    icon = app_icon()
    if icon.isNull() or icon.pixmap(16, 16).isNull() or icon.pixmap(256, 256).isNull():
        problems.append(
            "Observe's application icon could not be loaded. "
            "Reinstall Observe, then run `observe --self-test` again."
        )

    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Observe self-test"))
    window.resize(320, 120)
    if window.grab().isNull():
        problems.append(
            "Qt could not draw a window in this installation. "
            "Reinstall Observe, then run `observe --self-test` again."
        )
    window.deleteLater()

    return {
        "problems": problems,
        "platform": app.platformName(),
        "qt_version": qVersion(),
        "pyside_version": pyside_version,
        "platform_plugins": platform_plugins(),
        "image_formats": sorted(formats),
    }


def main() -> int:
    report = run_checks()
    print(json.dumps(report), flush=True)
    return 1 if report["problems"] else 0
