"""Images of student work on the wire: uploaded before the records naming them, fetched lazily.

Upload (every sync, before the push): each image named by a change waiting in the outbox is
sent unless the server already holds it whole (it keeps one copy per hash, whoever sent it).
An upload goes in chunks of ``BLOB_CHUNK_BYTES`` from where the server's copy ends, so a sync
cut off mid-image resumes there next time instead of starting again. A change whose image
can't be sent (not on this computer, damaged, over the server's size limit) waits in the outbox
and the sync says why; it is never sent without its image, so the other devices never get an
item whose image can't follow.

Download (on the coach's other devices): pulling a record does not fetch its image. The image
comes when something needs it (the timeline shows it, a sheet prints it, an export copies it)
through :func:`fetch_missing`, which never fails loudly: offline, it leaves the images missing
and says so in one sentence, and the caller shows its placeholder.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import Connection, text

from observe.i18n import _, ngettext
from observe.protocol import BLOB_CHUNK_BYTES, MAX_BLOB_BYTES
from observe.store import Store
from observe.store.blobs import blob_path, is_sha256, put_blob, sha256_of
from observe.sync import state
from observe.sync.client import SyncClient
from observe.sync.credentials import Credentials
from observe.sync.errors import ServerUnreachable, SyncCancelled, SyncError, TimedOut

log = logging.getLogger(__name__)

TRANSFERS = 4
"""Images sent or fetched at once."""
FETCH_CONNECT_S = 5.0
OFFLINE_PAUSE_S = 30.0
"""After finding the server unreachable, how long downloads are not tried again."""
_offline_until: dict[str, float] = {}

#: Chunk size for uploads (a module global so a test can make an image take many chunks).
chunk_bytes = BLOB_CHUNK_BYTES

_NAMED = text(
    "SELECT DISTINCT record_kind, record_id, json_extract(snapshot, '$.image_sha256') "
    "FROM outbox WHERE op = 'upsert' AND json_valid(snapshot) "
    "AND json_type(snapshot) = 'object' "
    "AND json_type(snapshot, '$.image_sha256') = 'text'"
)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}"


class BlobHeld(Exception):
    """An image that can't be sent; the changes naming it wait. ``sentence`` says why."""

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence


@dataclass
class Uploads:
    uploaded: int = 0
    bytes_sent: int = 0
    #: Records whose waiting changes name an image that can't be sent, and why.
    held: dict[tuple[str, str], str] = field(default_factory=dict)

    def sentences(self) -> list[str]:
        return sorted(set(self.held.values()))


def images_in_outbox(conn: Connection) -> dict[str, list[tuple[str, str]]]:
    """Each image named by a waiting upsert, with the records naming it."""
    named: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, record_id, sha in conn.execute(_NAMED):
        named[str(sha)].append((kind, record_id))
    return dict(named)


def _local_bytes(root: Path, sha: str) -> bytes | None:
    """The image's bytes here, when they are whole and what the name says."""
    try:
        data = blob_path(root, sha).read_bytes()
    except (FileNotFoundError, ValueError):
        return None
    return data if sha256_of(data) == sha else None


def upload(
    client: SyncClient, root: Path, sha: str, should_cancel: Callable[[], bool] = lambda: False
) -> int:
    """Makes the server hold image ``sha``; returns the bytes sent (0 when it had it). Raises
    ``BlobHeld`` for an image that can't be sent, ``SyncError`` when the server or the
    network fails (the next sync resumes where the server's copy ends)."""
    short = sha[:12]
    if not is_sha256(sha):
        raise BlobHeld(
            _(
                "A change names an image “{name}” that is not a SHA-256, so it can't be sent; "
                "it waits on this computer."
            ).format(name=sha[:80])
        )
    status = client.blob_status(sha)
    if status.complete:
        return 0
    data = _local_bytes(root, sha)
    if data is None:
        where = blob_path(root, sha)
        raise BlobHeld(
            _(
                "The image {name}… is not on this computer ({path} is missing or damaged) and "
                "not on the server, so the change naming it waits here. Attach the image "
                "again, or restore the blobs folder from a backup."
            ).format(name=short, path=where)
        )
    if len(data) > MAX_BLOB_BYTES:
        raise BlobHeld(
            _(
                "The image {name}… is {size} MB; the sync server keeps images up to {limit} "
                "MB, so the change naming it waits on this computer. Delete the item and "
                "attach a smaller photo or scan."
            ).format(name=short, size=_mb(len(data)), limit=_mb(MAX_BLOB_BYTES))
        )
    offset = min(status.received, len(data))
    sent = 0
    retried = False
    while True:
        if should_cancel():
            raise SyncCancelled
        chunk = data[offset : offset + chunk_bytes]
        try:
            reply = client.put_blob_chunk(sha, offset, len(data), chunk)
        except SyncError as exc:
            code = getattr(exc, "status", None)
            if code == 413:
                raise BlobHeld(
                    _(
                        "The sync server refused the image {name}… as too large, so the change "
                        "naming it waits on this computer. {said}"
                    ).format(name=short, said=exc.sentence)
                ) from exc
            if code in (409, 422) and not retried:  # out of step, or spoiled: ask, then go on
                retried = True
                again = client.blob_status(sha)
                if again.complete:
                    return sent
                offset = min(again.received, len(data))
                continue
            raise
        sent += len(chunk)
        if reply.complete:
            return sent
        retried = False
        offset = reply.received


def upload_for_outbox(
    client: SyncClient, store: Store, should_cancel: Callable[[], bool] = lambda: False
) -> Uploads:
    """Sends every image the waiting changes name (see the module's docstring); the first
    time a profile syncs with this, also every image of its records already pushed without
    one (``backfill``)."""
    with store.engine.connect() as conn:
        named = images_in_outbox(conn)
        earlier = None if store.setting(BACKFILLED_KEY) else _stored_images(conn, store)
    done = Uploads()
    held = _send_all(client, store.paths.blobs, sorted(named), should_cancel, done)
    for sha, sentence in held.items():
        for key in named[sha]:
            done.held[key] = sentence
    if earlier is not None:
        rest = sorted(set(earlier) - set(named))
        left = _send_all(client, store.paths.blobs, rest, should_cancel, done)
        for sha, sentence in left.items():
            log.warning("image %s of a record pushed earlier not sent: %s", sha[:12], sentence)
        store.set_setting(BACKFILLED_KEY, "1")
    return done


BACKFILLED_KEY = "sync_images_backfilled"
"""Set once this profile has sent the images of records pushed before images synced (issue
17 part 1 stored them on the device only): afterwards only the outbox's images are sent."""


def _stored_images(conn: Connection, store: Store) -> list[str]:
    """Images on this computer that live evidence names (of any device: the server answers
    ``complete`` for those it has, at the cost of one small request each, once)."""
    rows = conn.execute(
        text("SELECT DISTINCT image_sha256 FROM evidence WHERE image_sha256 IS NOT NULL")
    )
    root = store.paths.blobs
    return [sha for (sha,) in rows if is_sha256(sha) and blob_path(root, sha).is_file()]


def _send_all(
    client: SyncClient,
    root: Path,
    order: list[str],
    should_cancel: Callable[[], bool],
    done: Uploads,
) -> dict[str, str]:
    """Uploads ``order`` a few at once (each image costs round trips and the server's fsyncs,
    which overlap); returns the images held back, with why. A network failure is raised
    after the images under way finish."""
    held: dict[str, str] = {}
    if not order:
        return held
    failure: BaseException | None = None
    with ThreadPoolExecutor(max_workers=TRANSFERS, thread_name_prefix="observe-up") as pool:
        futures = [pool.submit(upload, client, root, sha, should_cancel) for sha in order]
        for sha, future in zip(order, futures, strict=True):
            try:
                sent = future.result()
            except BlobHeld as exc:
                log.warning("image %s held back: %s", sha[:12], exc.sentence)
                held[sha] = exc.sentence
                continue
            except BaseException as exc:  # the first failure is the one reported
                failure = failure or exc
                continue
            if sent:
                done.uploaded += 1
                done.bytes_sent += sent
    if failure is not None:
        raise failure
    return held


# -- download -----------------------------------------------------------------------------


def download(client: SyncClient, root: Path, sha: str) -> Path:
    """Fetches image ``sha`` into ``root`` (verified by its hash, written durably)."""
    data = client.get_blob(sha)
    if sha256_of(data) != sha:
        raise SyncError(
            _(
                "The sync server sent an image whose bytes do not match its name, so it was "
                "not kept. Try again later."
            ),
            detail=f"blob {sha}: got {len(data)} bytes hashing to {sha256_of(data)}",
        )
    put_blob(root, data)
    return blob_path(root, sha)


@dataclass(frozen=True)
class Fetched:
    fetched: int
    #: Images still not here.
    missing: tuple[str, ...]
    #: Why they are missing, for the coach (None when nothing is missing).
    sentence: str | None

    @property
    def complete(self) -> bool:
        return not self.missing


def not_here_yet() -> str:
    """The placeholder where an image synced from another device is not downloaded yet."""
    return _(
        "Image not downloaded yet: it comes from the sync server when this computer is online."
    )


def fetch_missing(
    store: Store,
    shas: Iterable[str | None],
    *,
    credentials: Credentials | None = None,
    transport: httpx.BaseTransport | None = None,
    deadline: float = 30.0,
) -> Fetched:
    """Downloads those of ``shas`` not on this computer; never raises for the network."""
    root = store.paths.blobs
    wanted = sorted(
        {s for s in shas if is_sha256(s) and not blob_path(root, str(s)).is_file()}  # type: ignore[misc]
    )
    if not wanted:
        return Fetched(0, (), None)
    st = state.load(store)
    count = len(wanted)
    if time.monotonic() < _offline_until.get(str(store.paths.data_dir), 0.0):
        # Just found offline: a sheet previewed again and again must not wait each time.
        return Fetched(0, tuple(wanted), _missing_sentence(count, "offline"))
    if not st.has_account or not st.server_url or not st.email:
        return Fetched(0, tuple(wanted), _missing_sentence(count, "signed_out"))
    token = (credentials or Credentials(store.paths.data_dir)).load(st.server_url, st.email)
    if not token:
        return Fetched(0, tuple(wanted), _missing_sentence(count, "signed_out"))
    fetched, missing, reasons = 0, [], set()
    offline = False

    def one(client: SyncClient, sha: str) -> str | None:
        """Fetches one image; None, or why it is still missing."""
        if offline:
            return "offline"
        try:
            download(client, root, sha)
        except (ServerUnreachable, TimedOut) as exc:
            log.info("image %s not fetched: %s", sha[:12], exc.detail)
            return "offline"
        except SyncError as exc:
            log.info("image %s not fetched: %s (%s)", sha[:12], exc.sentence, exc.detail)
            return "not_sent" if exc.status == 404 else "error"
        except OSError as exc:
            log.warning("image %s could not be written: %s", sha[:12], exc)
            return "error"
        return None

    try:
        with (
            SyncClient(
                st.server_url,
                token,
                transport=transport,
                deadline=deadline,
                # A sheet or the timeline waits for this: an unreachable server is given up
                # on sooner than in a sync.
                timeout=httpx.Timeout(deadline, connect=FETCH_CONNECT_S),
            ) as client,
            ThreadPoolExecutor(max_workers=TRANSFERS, thread_name_prefix="observe-get") as pool,
        ):
            results = pool.map(lambda sha: one(client, sha), wanted)
            for sha, why in zip(wanted, results, strict=True):
                if why is None:
                    fetched += 1
                    continue
                missing.append(sha)
                reasons.add(why)
                if why == "offline":
                    offline = True
                    _offline_until[str(store.paths.data_dir)] = time.monotonic() + OFFLINE_PAUSE_S
    except Exception as exc:  # a bad stored address and the like: never a traceback here
        if isinstance(exc, KeyboardInterrupt):
            raise
        log.warning("fetching images failed: %r", exc)
        left = [s for s in wanted if not blob_path(root, s).is_file()]
        return Fetched(count - len(left), tuple(left), _missing_sentence(len(left), "error"))
    if not missing:
        return Fetched(fetched, (), None)
    reason = next((r for r in ("offline", "not_sent", "error") if r in reasons), "error")
    return Fetched(fetched, tuple(missing), _missing_sentence(len(missing), reason))


def _missing_sentence(n: int, reason: str) -> str:
    if reason == "signed_out":
        return ngettext(
            "{n} image of student work is not on this computer yet; sign in to the sync server "
            "to download it.",
            "{n} images of student work are not on this computer yet; sign in to the sync "
            "server to download them.",
            n,
        ).format(n=n)
    if reason == "offline":
        return ngettext(
            "{n} image of student work is not downloaded yet: the sync server can't be "
            "reached. It will download when this computer is online.",
            "{n} images of student work are not downloaded yet: the sync server can't be "
            "reached. They will download when this computer is online.",
            n,
        ).format(n=n)
    if reason == "not_sent":
        return ngettext(
            "{n} image of student work is not on the sync server yet (the device that "
            "attached it has not synced since); it will download after that device syncs.",
            "{n} images of student work are not on the sync server yet (the device that "
            "attached them has not synced since); they will download after that device syncs.",
            n,
        ).format(n=n)
    return ngettext(
        "{n} image of student work could not be downloaded; try again later.",
        "{n} images of student work could not be downloaded; try again later.",
        n,
    ).format(n=n)
