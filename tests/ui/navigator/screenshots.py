"""Saves offscreen grabs of the navigator, its dialogs and the search dialog for a layout check.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/navigator/screenshots.py [--dark]
[--profile DIR] [--out DIR]``; add ``QT_SCALE_FACTOR=2`` to check 200% scaling. Without
``--profile`` a temporary profile is filled with the small demo.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from observe.store import open_profile
from observe.ui import operations
from observe.ui.context import VisitContext
from observe.ui.navigator import Navigator
from observe.ui.search import SearchDialog

BAD_ROSTER = (
    "teacher,subject,grade,period,room\n"
    "Ana Ruiz,Math 7,7,1,B12\n"
    ",Science,6,2,C3\n"
    "Ben Ode,History,8,3,D1\n"
    "Ben Ode,History,8,3,D1\n"
)


def settle(app: QApplication) -> None:
    for _ in range(400):
        app.processEvents()
        if not operations.running():
            break
        time.sleep(0.01)
    for _ in range(10):
        app.processEvents()


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.ToolTipBase: "#333333",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def grab(widget: QWidget, app: QApplication, path: Path) -> None:
    widget.show()
    settle(app)
    widget.grab().save(str(path))
    print(path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp"))
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    app = QApplication([])
    app.setStyle("Fusion")
    if args.dark:
        app.setPalette(dark_palette())
    scale = os.environ.get("QT_SCALE_FACTOR", "1")
    suffix = ("-dark" if args.dark else "") + (f"-x{scale}" if scale != "1" else "")
    tmp = tempfile.TemporaryDirectory()
    store = open_profile(args.profile or Path(tmp.name) / "profile")
    if store.is_empty():
        from observe.demo.generator import load_demo

        load_demo(store, "small")
    context = VisitContext(store)
    out = args.out

    navigator = Navigator(context)
    navigator.resize(int(os.environ.get("NAV_WIDTH", "300")), 640)
    grab(navigator, app, out / f"navigator-visits{suffix}.png")
    first = navigator.visit_model.index(0, 0)
    walk = next(
        (
            navigator.visit_model.index(r, 0, first)
            for r in range(navigator.visit_model.rowCount(first))
            if navigator.visit_model.rowCount(navigator.visit_model.index(r, 0, first))
        ),
        None,
    )
    if walk is not None:
        navigator.visits_view.expand(walk)
    some_visit = navigator.visit_model.index(1, 0, first)
    if some_visit.isValid():
        context.open_visit(some_visit.data(Qt.ItemDataRole.UserRole + 2))
    grab(navigator, app, out / f"navigator-visits-open{suffix}.png")
    navigator.tabs.setCurrentIndex(Navigator.TEACHERS_TAB)
    grab(navigator, app, out / f"navigator-teachers{suffix}.png")
    navigator.filter_edit.setText("sci")
    grab(navigator, app, out / f"navigator-teachers-filter{suffix}.png")
    navigator.filter_edit.clear()

    teacher = navigator.new_teacher()
    teacher.email.setText("not an email")  # type: ignore[attr-defined]
    teacher.accept()
    grab(teacher, app, out / f"teacher-dialog{suffix}.png")
    teacher.reject()
    classroom = navigator.new_classroom()
    grab(classroom, app, out / f"classroom-dialog{suffix}.png")
    classroom.reject()

    roster = Path(tmp.name) / "roster.csv"
    roster.write_text(BAD_ROSTER, encoding="utf-8")
    dialog = navigator.import_roster(roster)
    grab(dialog, app, out / f"roster-bad{suffix}.png")
    dialog.close()
    roster.write_text(BAD_ROSTER.replace(",Science", "Cy Pham,Science").rsplit("Ben", 1)[0])
    dialog = navigator.import_roster(roster)
    grab(dialog, app, out / f"roster-good{suffix}.png")
    dialog.close()

    search = SearchDialog(context)
    search.query.setText("because")
    search.search_now()
    grab(search, app, out / f"search{suffix}.png")
    search.close()

    operations.shutdown()
    store.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
