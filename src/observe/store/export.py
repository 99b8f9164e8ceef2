"""Exporting every record in formats other tools read.

JSON is one document (streamed, so a district-size profile doesn't have to fit in memory as
one string); CSV is one file per kind, UTF-8 with a byte-order mark so spreadsheet programs
show accents and non-Latin scripts correctly. Files are written beside their final name and
renamed into place, so a full disk or a cancelled export never leaves a half-written file that
looks complete.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from observe import __version__
from observe.clock import utcnow
from observe.safetext import csv_cell
from observe.store.blobs import copy_blobs
from observe.store.db import Store
from observe.store.models import SYNC_MODELS, Evidence, SyncRecord
from observe.store.snapshot import column_names, snapshot, to_json_value

EXPORT_FORMAT = "observe-export"
EXPORT_VERSION = 1
BATCH = 2000


def iter_records(
    session: Session, model: type[SyncRecord], include_deleted: bool = False
) -> Iterator[dict[str, Any]]:
    stmt = select(model).order_by(model.created_at, model.id).execution_options(yield_per=BATCH)
    if not include_deleted:
        stmt = stmt.where(model.deleted.is_(False))
    if model is Evidence:
        stmt = stmt.options(selectinload(Evidence.lookfors))
    for record in session.scalars(stmt):
        yield snapshot(record)


def csv_columns(model: type[SyncRecord]) -> list[str]:
    cols = column_names(model)
    return [*cols, "lookfor_ids"] if model is Evidence else cols


def _csv_cell(value: Any) -> Any:
    """One cell; text a spreadsheet would run as a formula is neutralized (see safetext)."""
    if isinstance(value, (list, dict)):
        if value and all(isinstance(v, str) for v in value) and isinstance(value, list):
            return csv_cell(";".join(value))
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    return csv_cell(to_json_value(value))


@contextlib.contextmanager
def _atomic_text(path: Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with tmp.open("w", encoding=encoding, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_json(store: Store, out: IO[str], include_deleted: bool = False) -> dict[str, int]:
    counts: dict[str, int] = {}
    header = {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "app_version": __version__,
        "schema_revision": store.schema_revision(),
        "exported_at": to_json_value(utcnow()),
    }
    out.write("{\n")
    for key, value in header.items():
        out.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
    out.write('  "records": {')
    with store.read() as s:
        for i, model in enumerate(SYNC_MODELS):
            out.write(("," if i else "") + f"\n    {json.dumps(model.kind)}: [")
            n = 0
            for rec in iter_records(s, model, include_deleted):
                out.write(("," if n else "") + "\n      " + json.dumps(rec, ensure_ascii=False))
                n += 1
            out.write("\n    ]" if n else "]")
            counts[model.kind] = n
    out.write("\n  }\n}\n")
    return counts


def export_json(store: Store, path: Path, include_deleted: bool = False) -> dict[str, int]:
    with _atomic_text(path) as fh:
        return write_json(store, fh, include_deleted)


def export_csv(store: Store, folder: Path, include_deleted: bool = False) -> dict[str, int]:
    """One ``<kind>.csv`` per record kind in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with store.read() as s:
        for model in SYNC_MODELS:
            columns = csv_columns(model)
            with _atomic_text(folder / f"{model.kind}.csv", encoding="utf-8-sig") as fh:
                writer = csv.writer(fh)
                writer.writerow(columns)
                n = 0
                for rec in iter_records(s, model, include_deleted):
                    writer.writerow([_csv_cell(rec.get(c)) for c in columns])
                    n += 1
            counts[model.kind] = n
    return counts


def images_folder(out: Path, fmt: str) -> Path:
    """Where an export puts its images: ``images/`` in a CSV folder, ``<name>-images/`` beside
    a JSON file; each is ``<image_sha256>.jpg``, the name the evidence records carry."""
    return out / "images" if fmt == "csv" else out.with_name(f"{out.stem}-images")


def export_images(
    store: Store, folder: Path, include_deleted: bool = False
) -> tuple[int, list[str]]:
    """Copies the image of every exported artifact; (copied, names missing or damaged)."""
    stmt = select(Evidence.image_sha256).where(Evidence.image_sha256.is_not(None)).distinct()
    if not include_deleted:
        stmt = stmt.where(Evidence.deleted.is_(False))
    with store.read() as s:
        names = [n for n in s.scalars(stmt) if n]
    if not names:
        return 0, []
    return copy_blobs(store.paths.blobs, names, folder, flat=True)


def image_names(store: Store, include_deleted: bool = False) -> int:
    """How many distinct images the export would carry."""
    return len(image_shas(store, include_deleted))


def image_shas(store: Store, include_deleted: bool = False) -> list[str]:
    """The distinct images the export would carry (to download those not here first)."""
    stmt = select(Evidence.image_sha256).where(Evidence.image_sha256.is_not(None)).distinct()
    if not include_deleted:
        stmt = stmt.where(Evidence.deleted.is_(False))
    with store.read() as s:
        return [n for n in s.scalars(stmt) if n]
