"""Images of student work between a coach's devices, through a real observe-server (issue 17,
part 2): uploaded before their records, resumed after a crash, deduplicated, size-limited,
authorized like their records, fetched lazily on the other device, collected when unnamed."""

from __future__ import annotations

import io
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from observe.capture.attach import attach_file, image_file
from observe.capture.evidence import save_evidence
from observe.cli import main as cli_main
from observe.feedback import Glow, draft_for, save_feedback
from observe.protocol import MAX_BLOB_BYTES
from observe.reports.feedback_sheet import SheetOptions, feedback_sheet_pdf
from observe.server import blobs as server_blobs
from observe.server.blob_store import BlobStore
from observe.server.schema import utcnow
from observe.store.blobs import blob_path, put_blob
from observe.store.check import check_database
from observe.store.models import Evidence, EvidenceKind, Visibility
from observe.sync import blobs
from observe.sync.engine import SyncEngine
from observe.sync.errors import SyncError
from tests import imagefiles
from tests.serverfixtures import ServerProcess
from tests.sync.devices import Device


class Recording(httpx.BaseTransport):
    """A real HTTP transport that notes each blob chunk sent, and can run something (kill
    the server) after the n-th one is answered."""

    def __init__(self, after: int | None = None, then: Any = None) -> None:
        self.inner = httpx.HTTPTransport()
        self.offsets: list[int] = []
        self.after, self.then = after, then

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "PUT" and "/blobs/" in request.url.path:
            self.offsets.append(int(request.url.params["offset"]))
            if self.after is not None and len(self.offsets) == self.after:
                response.read()
                self.then()
        return response

    def close(self) -> None:
        self.inner.close()


def _attach(device: Device, tmp_path: Path, seed: int = 0, caption: str = "Exit ticket") -> str:
    visit_id = device.visit()
    photo = imagefiles.camera_photo(tmp_path / f"photo-{device.name}-{seed}.jpg", seed=seed)
    return attach_file(device.store, visit_id, photo, caption=caption).sha256


def _check_sentences(device: Device) -> tuple[list[str], list[str]]:
    report = check_database(device.store.paths.database)
    return report.problems, report.findings


def test_an_image_attached_on_one_laptop_is_on_the_other_byte_identical(
    observe_server: ServerProcess, devices: Any, tmp_path: Path
) -> None:
    laptop, tablet = devices.signed_in_pair(observe_server)
    sha = _attach(laptop, tmp_path)
    sent = laptop.sync()
    assert sent.images_sent == 1 and sent.image_bytes_sent > 100_000
    assert laptop.outbox() == 0
    assert (observe_server.blob_dir / sha[:2] / sha).read_bytes() == blob_path(
        laptop.store.paths.blobs, sha
    ).read_bytes()

    tablet.sync()
    assert tablet.live() == laptop.live()
    # Lazily: the record is here, its image not yet; check calls that pending, not damage.
    assert image_file(tablet.store, sha) is None
    problems, findings = _check_sentences(tablet)
    assert problems == []
    assert any("not downloaded yet" in f for f in findings), findings

    got = blobs.fetch_missing(tablet.store, [sha])
    assert (got.fetched, got.missing, got.sentence) == (1, (), None)
    path = image_file(tablet.store, sha)
    assert path is not None
    assert path.read_bytes() == blob_path(laptop.store.paths.blobs, sha).read_bytes()
    problems, findings = _check_sentences(tablet)
    assert problems == [] and any("present and intact" in f for f in findings), findings

    # The same photo attached on the tablet is the same blob: nothing is sent again.
    visit_id = tablet.visit()
    again = attach_file(tablet.store, visit_id, tmp_path / "photo-laptop-0.jpg", caption="Same")
    assert again.sha256 == sha
    result = tablet.sync()
    assert result.images_sent == 0 and tablet.outbox() == 0


def test_offline_the_other_device_keeps_a_placeholder_and_says_why(
    module_server: ServerProcess, devices: Any, tmp_path: Path
) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    sha = _attach(laptop, tmp_path)
    laptop.sync()
    tablet.sync()

    class Offline(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("no network", request=request)

    got = blobs.fetch_missing(tablet.store, [sha, None, "not-a-sha"], transport=Offline())
    assert got.fetched == 0 and got.missing == (sha,)
    assert got.sentence is not None and "online" in got.sentence
    assert image_file(tablet.store, sha) is None
    assert "not downloaded yet" in blobs.not_here_yet()


def test_a_server_killed_mid_upload_resumes_where_it_stopped(
    sqlite_server: ServerProcess, devices: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blobs, "chunk_bytes", 64 * 1024)
    laptop, tablet = devices.signed_in_pair(sqlite_server)
    sha = _attach(laptop, tmp_path)
    size = blob_path(laptop.store.paths.blobs, sha).stat().st_size
    assert size > 5 * 64 * 1024

    cut = Recording(after=3, then=sqlite_server.kill)
    with pytest.raises(SyncError):
        SyncEngine(laptop.store, transport=cut, lock_wait=5.0).sync()
    assert cut.offsets == [0, 65536, 131072]
    assert laptop.outbox() > 0  # the record waits for its image

    sqlite_server.start()
    resumed = Recording()
    result = SyncEngine(laptop.store, transport=resumed, lock_wait=5.0).sync()
    assert resumed.offsets[0] == 3 * 65536, resumed.offsets  # not from zero
    assert resumed.offsets == list(range(3 * 65536, size, 65536))
    assert result.images_sent == 1 and result.image_bytes_sent == size - 3 * 65536
    assert laptop.outbox() == 0
    assert not list((sqlite_server.blob_dir / "incoming").glob("*.part"))

    tablet.sync()
    assert blobs.fetch_missing(tablet.store, [sha]).complete
    assert (
        blob_path(tablet.store.paths.blobs, sha).read_bytes()
        == blob_path(laptop.store.paths.blobs, sha).read_bytes()
    )


def test_an_image_over_the_limit_waits_with_a_sentence_and_changes_nothing(
    module_server: ServerProcess, devices: Any, tmp_path: Path
) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    visit_id = laptop.visit()
    huge = os.urandom(MAX_BLOB_BYTES + 1024)
    sha = put_blob(laptop.store.paths.blobs, huge)
    big = save_evidence(laptop.store, visit_id, EvidenceKind.ARTIFACT, "Poster", image_sha256=sha)
    other = laptop.evidence(visit_id, "Students compared two methods.")

    result = laptop.sync()
    assert len(result.held) == 1
    assert "15.0 MB" in result.held[0] and "waits on this computer" in result.held[0]
    assert result.held[0] in result.summary()
    assert laptop.outbox() == 1  # the artifact waits; everything else went
    assert not (module_server.blob_dir / sha[:2] / sha).exists()
    assert not list((module_server.blob_dir / "incoming").glob(f"{sha}*"))
    tablet.sync()
    assert tablet.text(other) == "Students compared two methods."
    assert tablet.text(big.id) is None

    # Asked directly, the server refuses it with the sentence and stores nothing.
    session = module_server.login(module_server.add_user())
    reply = session.client.put(
        f"/v1/blobs/{sha}", params={"offset": 0, "size": len(huge)}, content=huge[:1024]
    )
    assert reply.status_code == 413
    assert "up to 15 MB" in reply.json()["error"]["message"]
    assert not list((module_server.blob_dir / "incoming").glob(f"{sha}*"))


def test_only_coaches_who_may_read_a_record_fetch_its_image(
    module_server: ServerProcess, devices: Any, tmp_path: Path
) -> None:
    owner = module_server.add_user(school="Blob Middle")
    laptop, _tablet = devices.signed_in_pair(module_server, owner)
    sha = _attach(laptop, tmp_path)
    laptop.sync()
    mine = module_server.login(owner).client
    colleague = module_server.login(module_server.add_user(school="Blob Middle")).client
    stranger = module_server.login(module_server.add_user(school="Elsewhere High")).client
    leader = module_server.login(module_server.add_user(role="leader", school="Blob Middle"))
    teacher = module_server.login(module_server.add_user(role="teacher", school="Blob Middle"))

    url = f"/v1/blobs/{sha}"
    original = blob_path(laptop.store.paths.blobs, sha).read_bytes()
    assert mine.get(url).content == original
    assert colleague.get(url).status_code == 404
    assert stranger.get(url).status_code == 404
    assert leader.client.get(url).status_code == 403
    assert teacher.client.get(url).status_code == 403
    assert leader.client.get(f"{url}/status").status_code == 403
    unknown = "0" * 64
    assert mine.get(f"/v1/blobs/{unknown}").status_code == 404

    # Shared with the team, the school's coaches may see it; other schools still not.
    with laptop.store.write() as s:
        for item in s.query(Evidence).filter(Evidence.image_sha256 == sha):
            item.visibility = Visibility.TEAM
    laptop.sync()
    assert colleague.get(url).content == original
    assert stranger.get(url).status_code == 404
    assert leader.client.get(url).status_code == 403


def test_an_image_no_record_names_is_collected_only_after_the_grace_period(
    sqlite_server: ServerProcess, devices: Any, tmp_path: Path
) -> None:
    laptop, _tablet = devices.signed_in_pair(sqlite_server)
    gone = _attach(laptop, tmp_path, seed=1, caption="Deleted later")
    kept = _attach(laptop, tmp_path, seed=2, caption="Kept")
    laptop.sync()
    with laptop.store.read() as s:
        [item] = s.query(Evidence).filter(Evidence.image_sha256 == gone).all()
    laptop.delete(item.id)
    laptop.sync()

    store = BlobStore(sqlite_server.blob_dir)
    grace = timedelta(days=7)
    start = utcnow()
    first = server_blobs.collect(sqlite_server.engine, store, start, grace)
    assert (first.kept, first.removed) == (1, 0) and first.marked == 1
    later = server_blobs.collect(sqlite_server.engine, store, start + timedelta(days=6), grace)
    assert later.removed == 0 and store.has(gone) and store.has(kept)
    after = server_blobs.collect(
        sqlite_server.engine, store, start + grace + timedelta(minutes=1), grace
    )
    assert after.removed == 1 and after.removed_bytes > 0
    assert not store.has(gone) and store.has(kept)

    # The command does the same with the real clock: nothing is old enough to go.
    done = sqlite_server.cli("blobs", "gc", "--blob-dir", str(sqlite_server.blob_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Removed 0 images") and "1 are in use" in done.stdout
    assert store.has(kept)


def test_printing_and_exporting_on_the_other_device_download_the_image(
    module_server: ServerProcess, devices: Any, tmp_path: Path
) -> None:
    coach = module_server.add_user()
    laptop, tablet = devices.signed_in_pair(module_server, coach)
    visit_id = laptop.visit()
    photo = imagefiles.camera_photo(tmp_path / "ratio.jpg", seed=3)
    cited = attach_file(laptop.store, visit_id, photo, caption="Ratio table by table 2")
    draft = draft_for(laptop.store, visit_id)
    draft.glows = [Glow("Table 2 organised their thinking in a ratio table.", cited.evidence_id)]
    save_feedback(laptop.store, draft)
    laptop.sync()
    tablet.sync()
    stored = blob_path(laptop.store.paths.blobs, cited.sha256).read_bytes()
    assert image_file(tablet.store, cited.sha256) is None

    pdf = feedback_sheet_pdf(tablet.store, visit_id, SheetOptions(paper="letter"))
    [shown] = [img for page in PdfReader(io.BytesIO(pdf.data)).pages for img in page.images]
    assert shown.indirect_reference.get_object().get_data() == stored

    # Exporting on a third device of the coach fetches the images it lacks too.
    third = devices.new("desktop")
    third.login(module_server, coach)
    third.sync()
    out = tmp_path / "export.json"
    assert cli_main(["--data-dir", str(third.data_dir), "export", "--out", str(out)]) == 0
    assert (tmp_path / "export-images" / f"{cited.sha256}.jpg").read_bytes() == stored


def test_observe_sync_images_downloads_every_image_for_working_offline(
    module_server: ServerProcess, devices: Any, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    shas = {_attach(laptop, tmp_path, seed=s) for s in (7, 8)}
    laptop.sync()
    assert cli_main(["--data-dir", str(tablet.data_dir), "sync", "--images"]) == 0
    out = capsys.readouterr().out
    assert "Downloaded 2 images of student work." in out
    for sha in shas:
        assert (
            blob_path(tablet.store.paths.blobs, sha).read_bytes()
            == blob_path(laptop.store.paths.blobs, sha).read_bytes()
        )
    problems, findings = _check_sentences(tablet)
    assert problems == [] and any("All 2 images" in f for f in findings), findings


def test_images_of_records_pushed_before_images_synced_are_sent_once(
    module_server: ServerProcess, devices: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, tablet = devices.signed_in_pair(module_server)
    sha = _attach(laptop, tmp_path, seed=9)
    # As a laptop of issue 17 part 1 did: the record went, its image stayed on the laptop.
    with monkeypatch.context() as m:
        m.setattr(blobs, "images_in_outbox", lambda conn: {})
        laptop.store.set_setting(blobs.BACKFILLED_KEY, "1")
        assert laptop.sync().images_sent == 0 and laptop.outbox() == 0
    tablet.sync()
    missing = blobs.fetch_missing(tablet.store, [sha])
    assert missing.missing == (sha,)
    assert missing.sentence is not None and "not on the sync server yet" in missing.sentence

    laptop.store.set_setting(blobs.BACKFILLED_KEY, "")  # a profile upgraded to this version
    assert laptop.sync().images_sent == 1
    assert laptop.sync().images_sent == 0  # once
    assert blobs.fetch_missing(tablet.store, [sha]).complete
    assert (
        blob_path(tablet.store.paths.blobs, sha).read_bytes()
        == blob_path(laptop.store.paths.blobs, sha).read_bytes()
    )
