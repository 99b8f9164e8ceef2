"""An image synced from the coach's other laptop: the timeline shows its placeholder, fetches it
from a real observe-server in the background, then draws its thumbnail from the same bytes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from observe.capture.attach import attach_file, image_file
from observe.capture.evidence import save_evidence
from observe.store import open_profile
from observe.store.blobs import blob_path
from observe.store.models import Classroom, EvidenceKind, School, Teacher, Visit, VisitType
from observe.sync.account import login
from observe.sync.engine import SyncEngine
from observe.ui.capture.timeline_model import TEXT
from tests import imagefiles


def test_the_timeline_fetches_an_image_that_came_by_sync(
    make_pane, context, store, sqlite_server, tmp_path, qtbot, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    coach = sqlite_server.add_user()
    laptop = open_profile(tmp_path / "laptop")
    try:
        with laptop.write() as s:
            room = Classroom(
                teacher=Teacher(school=School(name="Lincoln"), display_name="Zoë"), subject="Art"
            )
            visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
            s.add_all([room, visit])
        photo = imagefiles.camera_photo(tmp_path / "poster.jpg", seed=5)
        sha = attach_file(laptop, visit.id, photo, caption="Poster, table 4").sha256
        save_evidence(laptop, visit.id, EvidenceKind.NOTE, "Ask about the poster.")
        login(laptop, sqlite_server.base_url, coach.email, coach.password, device_name="laptop")
        SyncEngine(laptop).sync()
        original = blob_path(laptop.paths.blobs, sha).read_bytes()
    finally:
        laptop.close()

    login(store, sqlite_server.base_url, coach.email, coach.password, device_name="desktop")
    SyncEngine(store).sync()
    assert image_file(store, sha) is None

    pane = make_pane()
    context.open_visit(visit.id)
    model = pane.model
    row = next(
        r for r in range(model.rowCount()) if model.index(r, TEXT).data() == "Poster, table 4"
    )
    index = model.index(row, TEXT)
    # The first look shows the placeholder and starts the download.
    assert "not on this device yet" in index.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: index.data(Qt.ItemDataRole.DecorationRole) is not None, timeout=20_000)
    path = image_file(store, sha)
    assert path is not None and path.read_bytes() == original
    assert "not on this device yet" not in index.data(Qt.ItemDataRole.ToolTipRole)
