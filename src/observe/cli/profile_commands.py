"""Sub-commands that work on one profile: demo, info, export, check, backup."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from observe.errors import UsageError, explain_write_error
from observe.i18n import _, ngettext
from observe.paths import ProfilePaths
from observe.store import open_profile
from observe.store.blobs import copy_blobs
from observe.store.check import check_database
from observe.store.db import database_size
from observe.store.sqlite_file import Damaged, NotSQLite, backup_to, inspect_file


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help=_("fill an empty profile with demo data"))
    p.add_argument("--size", choices=["small", "district"], default="small")
    p.add_argument(
        "--years",
        type=int,
        default=1,
        help=_("school years of data, ending with this one (the size is per year; default 1)"),
    )
    p.add_argument("--seed", type=int, default=2026, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("info", parents=[common], help=_("profile paths, schema and record counts"))
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("export", parents=[common], help=_("export every record as JSON or CSV"))
    p.add_argument("--format", choices=["json", "csv"], default="json")
    p.add_argument(
        "--out", required=True, help=_("file (JSON), folder (CSV), or - for JSON on stdout")
    )
    p.add_argument("--include-deleted", action="store_true", help=_("also export deleted records"))
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("check", parents=[common], help=_("check the database for damage"))
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser(
        "recover",
        parents=[common],
        help=_("save every readable record of a damaged profile into a new profile folder"),
    )
    p.add_argument("out", metavar="OUT", help=_("a new, empty folder for the recovered profile"))
    p.set_defaults(handler=cmd_recover)

    p = sub.add_parser(
        "backup", parents=[common], help=_("copy the database safely, even while open")
    )
    p.add_argument("path", help=_("backup file, or an existing folder to put it in"))
    p.add_argument("--force", action="store_true", help=_("replace an existing backup file"))
    p.set_defaults(handler=cmd_backup)


def _human_size(n: int) -> str:
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{n} bytes"


def cmd_demo(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.demo.generator import load_demo

    store = open_profile(data_dir)
    try:
        show = sys.stderr.isatty()
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if show and (now - last[0] > 0.2 or done == total):
                last[0] = now
                print(
                    "\r"
                    + _("Loading demo data… {percent}%").format(
                        percent=100 * done // max(total, 1)
                    ),
                    end="",
                    file=sys.stderr,
                )

        summary = load_demo(store, args.size, seed=args.seed, progress=progress, years=args.years)
        if show:
            print(file=sys.stderr)
        counts = summary.counts
        print(
            _(
                "Loaded {size} demo data into {data_dir} in {seconds:.1f} s: {value} "
                "teachers, {value2} visits, {value3:,} evidence items."
            ).format(
                size=args.size,
                data_dir=store.paths.data_dir,
                seconds=summary.seconds,
                value=counts.get("teacher", 0),
                value2=counts.get("visit", 0),
                value3=counts.get("evidence", 0),
            )
        )
        if args.years > 1:
            print(_("The data covers {years} school years.").format(years=args.years))
    finally:
        store.close()
    return 0


def cmd_info(args: argparse.Namespace, data_dir: str | None) -> int:
    store = open_profile(data_dir, read_only_ok=True)
    try:
        paths = store.paths
        counts = store.counts()
        print(_("Profile folder:  {data_dir}").format(data_dir=paths.data_dir))
        print(
            _("Database:        {database} ({human_size})").format(
                database=paths.database, human_size=_human_size(database_size(paths))
            )
        )
        print(f"Backups:         {paths.backups}")
        print(f"Logs:            {paths.logs}")
        print(_("Schema version:  {value}").format(value=store.schema_revision()))
        print(_("This device:     {device_id}").format(device_id=store.identity.device_id))
        print("Records:")
        width = max(len(k) for k in counts)
        for kind, n in counts.items():
            if kind != "outbox":
                print(f"  {kind.ljust(width)}  {n:>9,}")
        print(_("Changes waiting to sync: {counts:,}").format(counts=counts["outbox"]))
        if store.read_only:
            print(_("Read-only:       yes (the file or its disk can't be written)"))
    finally:
        store.close()
    return 0


def cmd_export(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.store.export import (
        export_csv,
        export_images,
        export_json,
        image_names,
        image_shas,
        images_folder,
        write_json,
    )
    from observe.sync.blobs import fetch_missing

    store = open_profile(data_dir, read_only_ok=True)
    try:
        if args.out == "-":
            if args.format != "json":
                raise UsageError(_("--out - writes JSON only; give a folder for CSV export."))
            write_json(store, sys.stdout, args.include_deleted)
            if image_names(store, args.include_deleted):
                print(
                    _(
                        "The images of student work are not written with --out -; give a file "
                        "name to export them as files beside the JSON."
                    ),
                    file=sys.stderr,
                )
            return 0
        out = Path(args.out).expanduser()
        if args.format == "json":
            if out.is_dir():
                raise UsageError(
                    _("{out} is a folder; give a file name for the JSON export.").format(out=out)
                )
            export: Any = export_json
        else:
            if out.exists() and not out.is_dir():
                raise UsageError(
                    _("{out} is a file; CSV export needs a folder (one file per kind).").format(
                        out=out
                    )
                )
            export = export_csv
        folder = images_folder(out, args.format)
        fetched = fetch_missing(store, image_shas(store, args.include_deleted))
        if fetched.sentence:
            print(fetched.sentence, file=sys.stderr)
        try:
            counts = export(store, out, args.include_deleted)
            copied, missing = export_images(store, folder, args.include_deleted)
        except OSError as exc:  # writing the export failed: name the export, not the database
            raise explain_write_error(exc, out) or exc from exc
        total = sum(counts.values())
        print(
            _("Exported {total:,} records to {out}.").format(total=total, out=out), file=sys.stderr
        )
        if copied:
            print(
                ngettext(
                    "Wrote {copied:,} image of student work to {folder}, each named by the "
                    "image_sha256 of its evidence item.",
                    "Wrote {copied:,} images of student work to {folder}, each named by the "
                    "image_sha256 of its evidence item.",
                    copied,
                ).format(copied=copied, folder=folder),
                file=sys.stderr,
            )
        if missing:
            print(
                ngettext(
                    "{count:,} image is missing or damaged in this profile and not in the "
                    "export; run observe check.",
                    "{count:,} images are missing or damaged in this profile and not in the "
                    "export; run observe check.",
                    len(missing),
                ).format(count=len(missing)),
                file=sys.stderr,
            )
    finally:
        store.close()
    return 0


def cmd_check(args: argparse.Namespace, data_dir: str | None) -> int:
    paths = ProfilePaths.at(data_dir)
    report = check_database(paths.database)
    for line in report.findings:
        print(line)
    for line in report.problems:
        print(f"Problem: {line}")
    if report.ok:
        print(_("{database} is in good health.").format(database=paths.database))
        return 0
    print(
        _(
            "Found {count} problem(s). Make a copy of {data_dir} before trying "
            "repairs; earlier copies are in {backups}. To save every readable record "
            "into a new profile, run: observe recover NEW-FOLDER"
        ).format(count=len(report.problems), data_dir=paths.data_dir, backups=paths.backups),
        file=sys.stderr,
    )
    return 4


def cmd_recover(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.store.recover import recover_profile

    paths = ProfilePaths.at(data_dir)
    try:
        state = inspect_file(paths.database)
    except NotSQLite as exc:
        raise UsageError(
            _("{database} is not a SQLite database, so there are no records to recover.").format(
                database=paths.database
            )
        ) from exc
    except Damaged:
        state = None  # damaged beyond the first pages: recovery still tries table by table
    if state is not None and (not state.exists or state.is_empty):
        raise UsageError(
            _("There is no Observe database in {data_dir} to recover from.").format(
                data_dir=paths.data_dir
            )
        )
    out = Path(args.out).expanduser()
    recovery = recover_profile(paths.database, out)
    for line in recovery.sentences():
        print(line)
    print(_("Open it with: observe --data-dir {out}").format(out=recovery.out))
    return 0 if recovery.complete else 4


def cmd_backup(args: argparse.Namespace, data_dir: str | None) -> int:
    paths = ProfilePaths.at(data_dir)
    try:
        state = inspect_file(paths.database)
    except (NotSQLite, Damaged) as exc:
        raise UsageError(
            _(
                "{database} can't be backed up because it is not a readable database ({exc})."
            ).format(database=paths.database, exc=exc)
        ) from exc
    if not state.exists or state.is_empty:
        raise UsageError(
            _("There is no Observe database in {data_dir} to back up.").format(
                data_dir=paths.data_dir
            )
        )
    dest = Path(args.path).expanduser()
    if dest.is_dir():
        dest = dest / f"observe-backup-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    if dest.exists() and not args.force:
        raise UsageError(
            _("{dest} already exists; choose another name or add --force to replace it.").format(
                dest=dest
            )
        )
    if dest.resolve() == paths.database.resolve():
        raise UsageError(_("The backup can't be written over the database it copies."))
    images = dest.with_name(f"{dest.stem}-blobs")
    try:
        backup_to(paths.database, dest)
        copied, missing = copy_blobs(paths.blobs, None, images)
    except (OSError, sqlite3.Error) as exc:
        # The copy is what failed to be written: name it, not the database.
        raise explain_write_error(exc, dest) or exc from exc
    print(
        _("Backed up {database} to {dest} ({human_size}).").format(
            database=paths.database, dest=dest, human_size=_human_size(dest.stat().st_size)
        )
    )
    if copied:
        print(
            ngettext(
                "Backed up {copied:,} image of student work to {images} (to restore, put that "
                "folder beside the database as “blobs”).",
                "Backed up {copied:,} images of student work to {images} (to restore, put that "
                "folder beside the database as “blobs”).",
                copied,
            ).format(copied=copied, images=images)
        )
    if missing:
        print(
            ngettext(
                "{count:,} image in {blobs} no longer matches its name and was not backed up; "
                "run observe check.",
                "{count:,} images in {blobs} no longer match their names and were not backed "
                "up; run observe check.",
                len(missing),
            ).format(count=len(missing), blobs=paths.blobs),
            file=sys.stderr,
        )
    return 0
