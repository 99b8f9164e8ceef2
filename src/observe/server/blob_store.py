"""The server's blob folder: images of student work, content-addressed, uploaded in chunks.

Layout under the root (``observe-server serve --blob-dir``, default beside the database):
``ab/<sha256>`` for each whole blob, ``incoming/<sha256>.<user id>.part`` for uploads under
way. A partial upload is the caller's own, so another account can't spoil it; its size on disk
is how much arrived, so an upload cut by a crash resumes where the last fsynced chunk ended.
When the last byte arrives the whole file is hashed: only bytes whose SHA-256 is their name
are renamed into place (after an fsync, with the folder fsynced too), so a stored blob is
always whole and always what its name says, and the same image uploaded twice is kept once.

Blobs are immutable, so concurrent uploads of one image by two accounts both end with the
same file: whichever rename lands second replaces identical bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from observe.durable import fsync_dir, write_atomically
from observe.i18n import _
from observe.protocol import MAX_BLOB_BYTES
from observe.server.blob_refs import is_sha256
from observe.server.errors import ApiError

ENV_BLOB_DIR = "OBSERVE_SERVER_BLOB_DIR"
INCOMING = "incoming"

try:  # several worker processes may serve one folder: lock a partial while appending to it
    import fcntl
except ImportError:  # pragma: no cover - Windows: one process per folder is assumed
    fcntl = None  # type: ignore[assignment]


def megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def too_large(size: int) -> ApiError:
    return ApiError(
        413,
        "too_large",
        _(
            "This image is {size} MB; the server keeps images up to {limit} MB, so it was not "
            "stored. Attach a smaller photo or scan."
        ).format(size=megabytes(size), limit=megabytes(MAX_BLOB_BYTES)),
    )


@dataclass(frozen=True)
class Status:
    sha256: str
    complete: bool
    received: int
    size: int | None

    def as_reply(self) -> dict[str, object]:
        return {
            "sha256": self.sha256,
            "complete": self.complete,
            "received": self.received,
            "size": self.size,
            "max_bytes": MAX_BLOB_BYTES,
        }


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class BlobStore:
    """One blob folder on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()  # where there is no flock: one append at a time

    # -- names ----------------------------------------------------------------------------

    def path(self, sha: str) -> Path:
        if not is_sha256(sha):
            raise ValueError(f"{sha!r} is not a SHA-256 name")
        return self.root / sha[:2] / sha

    def partial(self, sha: str, user_id: str) -> Path:
        if not is_sha256(sha) or not user_id.replace("-", "").isalnum():
            raise ValueError("bad partial name")
        return self.root / INCOMING / f"{sha}.{user_id}.part"

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def size(self, sha: str) -> int:
        return self.path(sha).stat().st_size

    def all_blobs(self) -> Iterator[tuple[str, Path]]:
        """Every whole blob as (sha, path)."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.glob("??")):
            for path in sorted(folder.iterdir()):
                if is_sha256(path.name) and path.name[:2] == folder.name:
                    yield path.name, path

    def partials(self) -> Iterator[Path]:
        folder = self.root / INCOMING
        if folder.is_dir():
            yield from sorted(folder.glob("*.part"))

    # -- uploads --------------------------------------------------------------------------

    def status(self, sha: str, user_id: str, *, holds: bool = True) -> Status:
        """``holds``: the caller has sent these bytes before; a caller who has not is shown
        their own partial upload even when the blob is stored (they must send the bytes once
        to prove they have them)."""
        if holds and self.has(sha):
            size = self.size(sha)
            return Status(sha, True, size, size)
        try:
            received = self.partial(sha, user_id).stat().st_size
        except FileNotFoundError:
            received = 0
        return Status(sha, False, received, None)

    def append(
        self, sha: str, user_id: str, offset: int, size: int, body: bytes, *, holds: bool = True
    ) -> Status:
        """Writes ``body`` at ``offset`` of the caller's partial upload of a ``size``-byte blob;
        the last chunk verifies the hash and stores the blob (or, when it is stored already,
        just proves the caller has it). Refusals change nothing."""
        if size > MAX_BLOB_BYTES:
            raise too_large(size)
        if size <= 0:
            raise ApiError(422, "invalid", _("An image can't be empty; nothing was stored."))
        if holds and self.has(sha):  # this caller stored it already
            with contextlib.suppress(FileNotFoundError):
                self.partial(sha, user_id).unlink()
            return self.status(sha, user_id)
        if offset + len(body) > size:
            raise ApiError(
                422,
                "invalid",
                _(
                    "This chunk goes past the image's size ({size} bytes); nothing was stored."
                ).format(size=size),
            )
        part = self.partial(sha, user_id)
        part.parent.mkdir(parents=True, exist_ok=True)
        # flock excludes other processes and other threads alike (each open is its own
        # description); without it (Windows) one process-wide lock stands in.
        with contextlib.nullcontext() if fcntl is not None else self._lock:
            fd = os.open(part, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                received = os.fstat(fd).st_size
                if offset != received:
                    raise ApiError(
                        409,
                        "offset_mismatch",
                        _(
                            "The server holds {received} bytes of this image, not {offset}; "
                            "ask for its status and send the rest from there."
                        ).format(received=received, offset=offset),
                    )
                os.lseek(fd, offset, os.SEEK_SET)
                view = memoryview(body)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
                received += len(body)
                if received < size:
                    return Status(sha, False, received, size)
                return self._finish(sha, part, size)
            finally:
                os.close(fd)

    def _finish(self, sha: str, part: Path, size: int) -> Status:
        actual = hash_file(part)
        if actual != sha:
            part.unlink(missing_ok=True)
            raise ApiError(
                422,
                "hash_mismatch",
                _(
                    "The bytes received do not match the image's SHA-256, so they were "
                    "discarded; send the image again from the start."
                ),
            )
        target = self.path(sha)
        if target.is_file():  # deduplicated: stored once, whoever sent it
            part.unlink(missing_ok=True)
            return Status(sha, True, size, size)
        created = not target.parent.exists()
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, target)
        fsync_dir(target.parent)
        if created:
            fsync_dir(self.root)
        return Status(sha, True, size, size)

    def put(self, data: bytes) -> str:
        """Stores whole bytes at once (tests, an S3-less import); returns the SHA-256."""
        sha = hashlib.sha256(data).hexdigest()
        if self.has(sha):
            return sha
        target = self.path(sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
        return sha

    def remove(self, sha: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(sha).unlink()


def default_blob_dir(database_url: str) -> Path:
    """Beside a SQLite database file (``<folder>/blobs``); for PostgreSQL, the site data
    folder's ``blobs`` (give ``--blob-dir`` to put them on the volume meant for them)."""
    import platformdirs
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser().resolve().parent / "blobs"
    return Path(platformdirs.site_data_dir("Observe", appauthor=False)) / "blobs"
