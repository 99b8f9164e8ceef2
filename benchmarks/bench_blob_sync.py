"""Images of student work between two devices, beside a bare HTTP upload of the same bytes.

    .venv/bin/python benchmarks/bench_blob_sync.py [--photos 200]

Makes N photo-like JPEGs with Pillow (grain over a page, 300–600 KB each, as Observe stores a
phone photo after stripping and downscaling), stores each as an artifact's image on laptop A
(blob written and fsynced, evidence item and outbox row committed), then through a real
``observe-server serve`` (SQLite file) on loopback:

- **upload**: A's ``SyncEngine.sync()``: per image a status request and the chunked upload
  (each chunk fsynced, the whole hashed, renamed, its folder fsynced), then the push of the
  records naming them;
- **download**: laptop B syncs (the records) and fetches every image
  (``observe.sync.blobs.fetch_missing``: GET, hash check, durable write).

In the same run, a bare server on the same machine (uvicorn, the same ASGI stack, a raw
endpoint that writes the body to a file and fsyncs it, or sends a file back) takes the same
bytes with one PUT each over one keep-alive connection, and gives them back with one GET
each: the raw limit the ratios are against.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from PIL import Image  # noqa: E402
from tests.serverfixtures import ServerProcess, free_port  # noqa: E402

from observe.capture.evidence import save_evidence  # noqa: E402
from observe.store import open_profile  # noqa: E402
from observe.store.blobs import blob_path, put_blob  # noqa: E402
from observe.store.models import (  # noqa: E402
    Classroom,
    EvidenceKind,
    School,
    Teacher,
    Visit,
    VisitType,
)
from observe.sync.account import login  # noqa: E402
from observe.sync.blobs import fetch_missing  # noqa: E402
from observe.sync.engine import SyncEngine  # noqa: E402

BARE_APP = """
import os, sys
from pathlib import Path
root = Path(sys.argv[1])

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    name = root / scope["path"].strip("/").replace("/", "_")
    if scope["method"] == "PUT":
        with open(name, "wb") as fh:
            more = True
            while more:
                message = await receive()
                fh.write(message.get("body", b""))
                more = message.get("more_body", False)
            fh.flush()
            os.fsync(fh.fileno())
        body = b"{}"
    elif name.is_file():
        body = name.read_bytes()
    else:
        body = b""
    await send({"type": "http.response.start", "status": 200 if body else 404,
                "headers": [(b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})

import uvicorn
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


def photo_bytes(seed: int) -> bytes:
    """One photo-like JPEG of 300–600 KB (size varies with the seed, as real photos do)."""
    import io

    width = 1100 + (seed * 37) % 500
    size = (width, width * 3 // 4)
    page = Image.new("RGB", size, (235, 232, 220))
    page.paste(Image.new("RGB", (size[0] - 40, size[1] // 10), (30, 30, 90)), (20, size[1] // 6))
    grain = Image.effect_noise(size, 30 + seed % 20).convert("RGB")
    photo = Image.blend(page, grain, 0.3)
    photo.putpixel((seed % size[0], 0), (seed % 256, 7, 7))
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=85)
    return out.getvalue()


def fill(store, photos: list[bytes]) -> list[str]:
    with store.write() as s:
        school = School(name="Lincoln Middle")
        teacher = Teacher(school=school, display_name="Zoë Okafor")
        room = Classroom(teacher=teacher, subject="Math 6")
        visit = Visit(classroom=room, visit_type=VisitType.COACHING_OBSERVATION)
        s.add_all([school, teacher, room, visit])
    shas = []
    for i, data in enumerate(photos):
        sha = put_blob(store.paths.blobs, data)
        save_evidence(
            store, visit.id, EvidenceKind.ARTIFACT, f"Work sample {i + 1}", image_sha256=sha
        )
        shas.append(sha)
    return shas


def bare(photos: list[bytes], root: Path) -> tuple[float, float]:
    """Seconds to PUT every photo to the bare server, and to GET them all back."""
    port = free_port()
    folder = root / "bare"
    folder.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", BARE_APP, str(folder), str(port)])
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(f"{base}/ping", timeout=1)
            except httpx.HTTPError:
                time.sleep(0.05)
                continue
            break
        with httpx.Client(base_url=base, timeout=60) as client:
            start = time.perf_counter()
            for i, data in enumerate(photos):
                client.put(f"/p{i}", content=data).raise_for_status()
            up = time.perf_counter() - start
            start = time.perf_counter()
            for i, data in enumerate(photos):
                assert client.get(f"/p{i}").content == data
            down = time.perf_counter() - start
        return up, down
    finally:
        proc.terminate()
        proc.wait(10)


def measure(n: int, root: Path) -> dict[str, float]:
    photos = [photo_bytes(i) for i in range(n)]
    total = sum(len(p) for p in photos)
    server = ServerProcess(f"sqlite:///{root / 'server.sqlite3'}", root / "server").start()
    try:
        coach = server.add_user(email="bench@example.org")
        a = open_profile(root / "laptop")
        b = open_profile(root / "tablet")
        shas = fill(a, photos)
        for store, name in ((a, "laptop"), (b, "tablet")):
            login(store, server.base_url, coach.email, coach.password, device_name=name)

        start = time.perf_counter()
        sent = SyncEngine(a).sync()
        up = time.perf_counter() - start
        assert sent.images_sent == n and sent.image_bytes_sent == total, sent

        start = time.perf_counter()
        SyncEngine(b).sync()
        records = time.perf_counter() - start
        start = time.perf_counter()
        got = fetch_missing(b, shas)
        down = time.perf_counter() - start
        assert got.complete and got.fetched == len(set(shas)), got
        for sha in shas[:: max(1, n // 10)]:
            assert (
                blob_path(b.paths.blobs, sha).read_bytes()
                == blob_path(a.paths.blobs, sha).read_bytes()
            )
        a.close()
        b.close()
    finally:
        server.close()
    bare_up, bare_down = bare(photos, root)
    return {
        "photos": n,
        "mb": total / 1e6,
        "up": up,
        "records": records,
        "down": down,
        "bare_up": bare_up,
        "bare_down": bare_down,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="observe-bench-blobs-") as tmp:
        r = measure(args.photos, Path(tmp))
    mb = r["mb"]
    print(f"{r['photos']} photos, {mb:.1f} MB ({mb / r['photos'] * 1000:.0f} KB each on average)")
    print("| | seconds | MB/s |")
    print("|---|---|---|")
    print(
        f"| upload: laptop A's sync (images, then records) | {r['up']:.2f} | {mb / r['up']:.1f} |"
    )
    print(f"| bare HTTP PUT of the same bytes | {r['bare_up']:.2f} | {mb / r['bare_up']:.1f} |")
    print(f"| download: laptop B fetches every image | {r['down']:.2f} | {mb / r['down']:.1f} |")
    print(f"| bare HTTP GET of the same bytes | {r['bare_down']:.2f} | {mb / r['bare_down']:.1f} |")
    print(f"(laptop B's sync of the {r['photos']} records before that: {r['records']:.2f} s)")
    print(
        f"ratio sync/bare: upload {r['up'] / r['bare_up']:.2f}×, "
        f"download {r['down'] / r['bare_down']:.2f}× the time"
    )


if __name__ == "__main__":
    main()
