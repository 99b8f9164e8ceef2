"""`observe attach`, `export`, `backup`, `check` and `recover` with images over a real profile:
the first test runs the installed command in a subprocess, the others call its ``main``."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from observe.cli import main
from observe.store import open_profile
from observe.store.blobs import blob_path, stored_blobs
from tests import imagefiles

from ..store.helpers import make_visit


def observe(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "observe", "--data-dir", str(profile), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )


def run(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The same command in this process (a subprocess costs seconds on a loaded machine)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(profile), *args])
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


@pytest.fixture
def profile(profile_dir: Path) -> Path:
    store = open_profile(profile_dir)
    make_visit(store)
    store.close()
    return profile_dir


def test_attach_stores_a_stripped_redacted_artifact_and_says_what_it_stored(profile, tmp_path):
    photo = imagefiles.phone_jpeg(tmp_path / "IMG_0042.jpg", size=(3000, 2250))
    done = observe(
        profile,
        "attach",
        "--visit",
        "latest",
        str(photo),
        "--caption",
        "Ratio table, group 2",
        "--redact",
        "0,0,600,300",
        "--redact",
        "2400,1950,600,300",
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout.strip()
    assert out.startswith("Stored “Ratio table, group 2” as an artifact: a 2400 × 1800 JPEG of ")
    assert "metadata removed: location (GPS), camera, date and time" in out
    assert "2 areas blacked out" in out
    [blob] = stored_blobs(profile / "blobs")
    assert blob.stem[:12] in out
    assert hashlib.sha256(blob.read_bytes()).hexdigest() == blob.stem
    im = Image.open(blob)
    assert im.size == (2400, 1800) and len(im.getexif()) == 0
    assert im.convert("L").crop((10, 10, 470, 230)).getextrema()[1] <= 12  # first box, scaled

    store = open_profile(profile)
    try:
        counts = store.counts()
    finally:
        store.close()
    assert counts["evidence"] == 1 and counts["outbox"] >= 1

    check = observe(profile, "check")
    assert check.returncode == 0
    assert "The one image of student work is present and intact." in check.stdout


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--visit", "nope"], 'No visit has the id "nope"'),
        (["--visit", "latest", "--redact", "5,5"], "“5,5” is not a redaction box"),
        (["--visit", "latest", "--redact", "9000,0,10,10"], "lies outside the 800 × 600 image"),
    ],
)
def test_attach_refusals_are_one_sentence_and_store_nothing(profile, tmp_path, args, sentence):
    photo = imagefiles.phone_jpeg(tmp_path / "a.jpg", size=(800, 600))
    done = run(profile, "attach", *args, str(photo))
    assert done.returncode == 2 and sentence in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert stored_blobs(profile / "blobs") == []


def test_attach_refuses_a_renamed_text_file_in_a_sentence(profile, tmp_path):
    fake = tmp_path / "photo.png"
    fake.write_text("not a picture")
    done = run(profile, "attach", "--visit", "latest", str(fake))
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "photo.png is not an image Observe can read (JPEG, PNG, HEIC or PDF). Nothing was stored."
    )


def test_export_writes_the_images_beside_the_json_and_csv_and_backup_and_recover_keep_them(
    profile, tmp_path
):
    photo = imagefiles.phone_jpeg(tmp_path / "a.jpg")
    assert run(profile, "attach", "--visit", "latest", str(photo)).returncode == 0
    [blob] = stored_blobs(profile / "blobs")

    done = run(profile, "export", "--out", str(tmp_path / "all.json"))
    assert done.returncode == 0 and "Wrote 1 image of student work to" in done.stderr
    doc = json.loads((tmp_path / "all.json").read_text())
    [item] = doc["records"]["evidence"]
    exported = tmp_path / "all-images" / f"{item['image_sha256']}.jpg"
    assert exported.read_bytes() == blob.read_bytes()

    done = run(profile, "export", "--format", "csv", "--out", str(tmp_path / "csv"))
    assert done.returncode == 0
    assert (tmp_path / "csv" / "images" / blob.name).read_bytes() == blob.read_bytes()

    done = run(profile, "backup", str(tmp_path / "copy.sqlite3"))
    assert done.returncode == 0 and "Backed up 1 image of student work" in done.stdout
    backed = tmp_path / "copy-blobs" / blob.parent.name / blob.name
    assert backed.read_bytes() == blob.read_bytes()

    done = run(profile, "recover", str(tmp_path / "recovered"))
    assert done.returncode == 0 and "Copied 1 image of student work." in done.stdout
    assert run(tmp_path / "recovered", "check").returncode == 0


def test_check_fails_on_a_tampered_image(profile, tmp_path):
    photo = imagefiles.phone_jpeg(tmp_path / "a.jpg")
    assert run(profile, "attach", "--visit", "latest", str(photo)).returncode == 0
    [blob] = stored_blobs(profile / "blobs")
    blob.write_bytes(blob.read_bytes()[:-10])
    done = run(profile, "check")
    assert done.returncode == 4
    assert f"Problem: The image {blob.stem[:12]}… is damaged" in done.stdout
    assert blob == blob_path(profile / "blobs", blob.stem)
