"""Attaching a photo or scan of student work to a visit, as an Artifact evidence item.

The order is what makes it safe: the image is made safe (``observe.capture.images``) in memory,
the caption and the visit are checked, the blob is written and fsynced, and only then does the
evidence item naming it commit, with its outbox row, so it syncs like any other change. A refusal
at any step leaves no record behind; a blob written just before a failed commit is harmless
(nothing names it, and attaching again reuses it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from observe.capture.evidence import checked_text, save_evidence
from observe.capture.images import (
    Box,
    EncodedImage,
    encode,
    prepare,
    read_source,
    source_boxes,
)
from observe.errors import StorageError, UsageError, explain_write_error, read_only_sentence
from observe.i18n import _
from observe.store import Store
from observe.store.blobs import blob_path, is_sha256, put_blob
from observe.store.models import EvidenceKind, Visit

#: The caption when the coach gives none: says what the item is, names no student.
DEFAULT_CAPTION = "Student work sample (photo)"


@dataclass(frozen=True)
class Attached:
    evidence_id: str
    sha256: str
    size_bytes: int
    width: int
    height: int
    source_format: str
    removed: tuple[str, ...]
    caption: str
    redactions: int

    def sentence(self) -> str:
        """What was stored, as the CLI prints it and the capture pane shows it."""
        removed = (
            f"metadata removed: {', '.join(self.removed)}"
            if self.removed
            else "metadata removed (the file had none)"
        )
        boxes = (
            f"; {self.redactions} area{'s' if self.redactions != 1 else ''} blacked out"
            if self.redactions
            else ""
        )
        return _(
            "Stored “{caption}” as an artifact: a {width} × {height} JPEG of "
            "{value:,.0f} KB (from {source_format}), image {sha256}…; "
            "{removed}{boxes}."
        ).format(
            caption=self.caption,
            width=self.width,
            height=self.height,
            value=self.size_bytes / 1024,
            source_format=self.source_format,
            sha256=self.sha256[:12],
            removed=removed,
            boxes=boxes,
        )


def attach_file(
    store: Store,
    visit_id: str,
    path: Path,
    *,
    caption: str | None = None,
    boxes: Sequence[Box] = (),
) -> Attached:
    """The CLI's path: ``boxes`` are in the file's own (upright) pixels."""
    _check_target(store, visit_id, caption)
    prepared = prepare(read_source(path), path.name)
    return attach_encoded(
        store,
        visit_id,
        encode(prepared, source_boxes(prepared, boxes)),
        caption=caption,
        redactions=len(boxes),
    )


def attach_encoded(
    store: Store,
    visit_id: str,
    image: EncodedImage,
    *,
    caption: str | None = None,
    observed_at: datetime | None = None,
    redactions: int = 0,
) -> Attached:
    """Stores an image already made safe (the app's path, after its redaction dialog)."""
    text = _check_target(store, visit_id, caption)
    try:
        sha = put_blob(store.paths.blobs, image.data)
    except OSError as exc:
        known = explain_write_error(exc, store.paths.blobs)
        raise StorageError(
            _("The image could not be written to {blobs} ({value}). Nothing was stored.").format(
                blobs=store.paths.blobs, value=exc.strerror or exc
            )
            if known is None
            else f"{known.sentence} Nothing was stored.",
            detail=repr(exc),
        ) from exc
    saved = save_evidence(
        store, visit_id, EvidenceKind.ARTIFACT, text, observed_at=observed_at, image_sha256=sha
    )
    return Attached(
        saved.id,
        sha,
        len(image.data),
        image.width,
        image.height,
        image.source_format,
        image.removed,
        text,
        redactions,
    )


def _check_target(store: Store, visit_id: str, caption: str | None) -> str:
    if store.read_only:
        raise StorageError(read_only_sentence(store.paths.database) + " Nothing was stored.")
    text = checked_text(caption) if caption and caption.strip() else DEFAULT_CAPTION
    with store.read() as s:
        visit = s.get(Visit, visit_id)
        if visit is None or visit.deleted:
            raise UsageError(
                _(
                    'No visit has the id "{visit_id}" (it may have been deleted). Nothing '
                    "was stored."
                ).format(visit_id=visit_id)
            )
    return text


def image_file(store: Store, sha: str | None) -> Path | None:
    """The stored JPEG of an artifact, or None when it has none or its file is not here (an
    image synced from another device arrives later; ``observe check`` names a missing one)."""
    if not is_sha256(sha):
        return None
    assert sha is not None
    path = blob_path(store.paths.blobs, sha)
    return path if path.is_file() else None
