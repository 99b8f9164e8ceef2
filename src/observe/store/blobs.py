"""Content-addressed blobs: the images of student work, beside the database.

A blob is named by the SHA-256 of its bytes (``blobs/ab/abcdef….jpg``), so the same image
attached twice is stored once, a name can never point at other bytes, and ``observe check``
can tell a damaged file from a sound one. A blob is written to a temporary file, fsynced,
renamed into place and its folder fsynced *before* the evidence item naming it commits: an
item on disk always has its image on disk.

Names arriving by sync are checked before they become paths: only 64 lowercase hex digits.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from observe.durable import fsync_dir, write_atomically
from observe.i18n import _

SUFFIX = ".jpg"
_SHA = re.compile(r"[0-9a-f]{64}")


def is_sha256(name: object) -> bool:
    return isinstance(name, str) and _SHA.fullmatch(name) is not None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def blob_path(root: Path, sha: str) -> Path:
    """Where the blob ``sha`` lives under ``root``; refuses anything but a SHA-256."""
    if not is_sha256(sha):
        raise ValueError(_("{sha!r} is not a SHA-256 name").format(sha=sha))
    return root / sha[:2] / f"{sha}{SUFFIX}"


def put_blob(root: Path, data: bytes) -> str:
    """Stores ``data`` durably and returns its SHA-256; a sound copy already there is kept."""
    sha = sha256_of(data)
    path = blob_path(root, sha)
    if path.is_file() and path.stat().st_size == len(data) and _hash_file(path) == sha:
        return sha
    created = not path.parent.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data, suffix=SUFFIX)
    if created:
        fsync_dir(root)
        fsync_dir(root.parent)
    return sha


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class BlobProblem:
    sha: str
    #: "missing", "damaged" or "bad name"
    state: str

    def sentence(self, where: Path) -> str:
        if self.state == "bad name":
            return _(
                "An evidence item names its image “{sha}”, which is not a SHA-256, so "
                "the image can't be found."
            ).format(sha=self.sha[:80])
        path = blob_path(where, self.sha)
        if self.state == "missing":
            return _("The image {sha}… is missing ({path} does not exist).").format(
                sha=self.sha[:12], path=path
            )
        return _(
            "The image {sha}… is damaged: {path} no longer matches its SHA-256. "
            "Restore it from a backup."
        ).format(sha=self.sha[:12], path=path)


def verify_blobs(root: Path, shas: Iterable[str]) -> Iterator[BlobProblem]:
    """Each named blob that is missing, damaged or named badly (one problem per name)."""
    for sha in sorted(set(shas)):
        if not is_sha256(sha):
            yield BlobProblem(sha, "bad name")
            continue
        path = blob_path(root, sha)
        try:
            actual = _hash_file(path)
        except FileNotFoundError:
            yield BlobProblem(sha, "missing")
            continue
        except OSError:
            yield BlobProblem(sha, "damaged")
            continue
        if actual != sha:
            yield BlobProblem(sha, "damaged")


def stored_blobs(root: Path) -> list[Path]:
    """Every blob file under ``root`` (for backups, exports and tests)."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.glob(f"??/*{SUFFIX}") if is_sha256(p.stem))


def copy_blobs(
    root: Path, shas: Iterable[str] | None, dest: Path, *, flat: bool = False
) -> tuple[int, list[str]]:
    """Copies blobs (all of them when ``shas`` is None) to ``dest``, each written durably;
    ``flat`` puts ``<sha>.jpg`` straight in ``dest`` (an export), else the same two-level tree
    (a backup: rename the folder to ``blobs`` to restore). Returns (copied, the names missing
    or damaged, which are not copied)."""
    names = [p.stem for p in stored_blobs(root)] if shas is None else sorted(set(shas))
    copied, missing = 0, []
    for sha in names:
        try:
            data = blob_path(root, sha).read_bytes()
        except (FileNotFoundError, ValueError):
            missing.append(sha)
            continue
        if sha256_of(data) != sha:  # damaged: a copy must not pass it off as the real image
            missing.append(sha)
            continue
        if flat:
            _write_file(dest / f"{sha}{SUFFIX}", data)
        else:
            put_blob(dest, data)
        copied += 1
    return copied, missing


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
