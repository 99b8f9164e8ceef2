"""Renders the participation widgets offscreen to PNGs for a layout check by eye.

Usage: .venv/bin/python tests/ui/participation/screenshots.py [out_dir] [--dark]
(QT_SCALE_FACTOR=2 in the environment for 200 % scaling; a 1366×768 offscreen screen comes
from ``QT_QPA_PLATFORM=offscreen:configfile=screens.json``). Not collected by pytest.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QSplitter, QStyleFactory

from observe.capture.participation import SeatSpec, default_label, save_seating, tally
from observe.store import open_profile
from observe.store.models import (
    Classroom,
    LookFor,
    LookForSet,
    ParticipationKind,
    School,
    Teacher,
    Visit,
    VisitType,
)
from observe.ui.capture.lookfors_panel import LookForsPanel
from observe.ui.context import VisitContext
from observe.ui.participation import SeatingEditorDialog, TallyPanel

GAPS = {(4, 2), (4, 3)}


def dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#333333",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#3a3a3a",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#555555",
        QPalette.ColorRole.PlaceholderText: "#8a8a8a",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    return p


def build(store_dir: Path) -> tuple[VisitContext, str]:
    store = open_profile(store_dir)
    with store.write() as s:
        school = School(name="Lincoln Middle")
        teacher = Teacher(school=school, display_name="Zoë Okafor")
        room = Classroom(teacher=teacher, subject="Science", grade="6", period="2")
        visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
        lset = LookForSet(name="Student discourse")
        items = [
            ("Talk", "D1", "Students explain their reasoning"),
            ("Talk", "D2", "Students build on each other's ideas"),
            ("Talk", "D3", "Students ask each other questions"),
            ("Tasks", "T1", "Task requires a written justification"),
            ("Tasks", "T2", "Multiple entry points"),
            ("Culture", "C1", "Mistakes are treated as learning"),
        ]
        lookfors = [
            LookFor(lookfor_set=lset, code=c, title=t, category=cat, hotkey=i + 1, position=i)
            for i, (cat, c, t) in enumerate(items)
        ]
        s.add_all([school, teacher, room, visit, lset, *lookfors])
    cells = {
        (r, c): SeatSpec(default_label(r, c), f"Table {(r // 2) * 2 + c // 3 + 1}")
        for r in range(5)
        for c in range(6)
        if (r, c) not in GAPS
    }
    seats = {s.label: s.id for s in save_seating(store, room.id, 5, 6, cells)}
    kinds = list(ParticipationKind)
    for i, label in enumerate(["A1", "A1", "A2", "B3", "C4", "C5", "D6", "A4", "B2", "A1"]):
        tally(store, visit.id, seats[label], kinds[i % 4])
    context = VisitContext(store)
    context.open_visit(visit.id)
    return context, room.id


def settle() -> None:
    """Layout requests cascade (scroll areas, word-wrapped labels); let them all land."""
    for _ in range(10):
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()
        QCoreApplication.processEvents()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "/tmp")
    app = QApplication.instance() or QApplication([])
    app.setStyle(QStyleFactory.create("Fusion"))
    suffix = ""
    if "--dark" in sys.argv:
        app.setPalette(dark_palette())
        suffix += "-dark"
    scale = os.environ.get("QT_SCALE_FACTOR")
    if scale:
        suffix += f"-x{scale}"
    with tempfile.TemporaryDirectory() as tmp:
        context, room_id = build(Path(tmp) / "profile")
        side = QSplitter()
        side.setOrientation(side.orientation().Vertical)
        lookfors = LookForsPanel(context, parent=side)
        tally_panel = TallyPanel(context, parent=side)
        side.addWidget(lookfors)
        side.addWidget(tally_panel)
        side.setSizes([220, 480] if float(scale or 1) < 1.5 else [110, 220])
        # 1366×768 laptop: ~360 px side panel, ~700 px between menu bar and status bar; at
        # 200 % the screen is 683×384 logical, so the panel gets ~300×330.
        factor = float(scale or 1)
        side.resize(*((360, 700) if factor < 1.5 else (300, 330)))
        side.show()
        tally_panel.grid.seat_button("B3").setFocus()
        settle()
        side.grab().save(str(out / f"side-panel{suffix}.png"))

        wide = TallyPanel(context)
        wide.resize(700, 700)
        wide.show()
        settle()
        wide.grab().save(str(out / f"tally-wide{suffix}.png"))

        editor = SeatingEditorDialog(context.store, room_id)
        editor.show()
        settle()
        editor.table.selectRow(1)
        settle()
        editor.grab().save(str(out / f"editor{suffix}.png"))
        print(f"editor size {editor.size().toTuple()}; side {side.size().toTuple()}")
        for w in (side, wide, editor):
            w.close()
        context.store.close()


if __name__ == "__main__":
    main()
