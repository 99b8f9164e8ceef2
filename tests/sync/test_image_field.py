"""An artifact's image name travels with its evidence item like any other field; the image file
itself follows lazily, when it is shown, printed or exported (tests/sync/test_blob_sync.py)."""

from __future__ import annotations

from pathlib import Path

from observe.capture.attach import attach_file, image_file
from observe.capture.timeline import visit_items
from observe.store.models import EvidenceKind
from tests import imagefiles


def test_the_image_name_reaches_the_second_device(module_server, devices, tmp_path: Path):
    laptop, tablet = devices.signed_in_pair(module_server)
    visit_id = laptop.visit()
    attached = attach_file(
        laptop.store,
        visit_id,
        imagefiles.phone_jpeg(tmp_path / "work.jpg"),
        caption="Exit ticket, table 3",
    )
    laptop.sync()
    tablet.sync()

    [item] = visit_items(tablet.store, visit_id)
    assert item.kind is EvidenceKind.ARTIFACT and item.text == "Exit ticket, table 3"
    assert item.image_sha256 == attached.sha256
    assert image_file(tablet.store, item.image_sha256) is None  # fetched lazily (test_blob_sync)
    assert tablet.live() == laptop.live()
    assert laptop.outbox() == 0 and not laptop.conflicts()
