"""``observe attach``: a photo or scan of student work, stored as an artifact on a visit.

The same path as the app's: metadata stripped, scaled down, redaction boxes blacked out, the
blob fsynced before the evidence item commits, and the item queued for sync.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from observe.i18n import _
from observe.store import open_profile


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "attach",
        parents=[common],
        help=_("attach a photo or scan of student work (JPEG, PNG, HEIC, PDF) to a visit"),
        description=_(
            "Stores the image as an Artifact evidence item on the visit, without its "
            "metadata (location, camera, time), scaled to at most 2,400 pixels on "
            "its long side. The original file is not kept or changed."
        ),
    )
    p.add_argument("--visit", required=True, metavar="ID|latest")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--caption", help=_("what the image shows (it is searchable); no student names"))
    p.add_argument(
        "--redact",
        action="append",
        default=[],
        metavar="X,Y,W,H",
        help=_(
            "black out this area (pixels of the upright image: left, top, width, "
            "height); repeat for more areas"
        ),
    )
    p.set_defaults(handler=cmd_attach)


def cmd_attach(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.capture.attach import attach_file
    from observe.capture.images import parse_box
    from observe.reports.select import resolve_visit

    boxes = [parse_box(b) for b in args.redact]
    store = open_profile(data_dir)
    try:
        visit_id = resolve_visit(store, args.visit)
        attached = attach_file(store, visit_id, args.file, caption=args.caption, boxes=boxes)
    finally:
        store.close()
    print(attached.sentence())
    return 0
