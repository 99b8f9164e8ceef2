"""``observe score-sample``: score a photo of student work against its cycle's success
criteria (Meets / Approaching / Not yet, before or after the cycle), or list a cycle's samples.

The same core calls as the cycle window's "Score work samples…" dialog; a score is a synced
record, queued for sync like any change.
"""

from __future__ import annotations

import argparse
from typing import Any

from observe.errors import UsageError
from observe.i18n import _
from observe.store import open_profile


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "score-sample",
        parents=[common],
        help="score a work sample (a photo attached to a cycle's visit) against the cycle's "
        "success criteria, or list a cycle's samples",
        description="Scores one sample: observe score-sample SAMPLE --level meets|approaching|"
        "not-yet [--phase before|after] [--note TEXT]. Lists a cycle's samples with their ids "
        "and the share meeting the criteria: observe score-sample --cycle ID|active --list.",
    )
    p.add_argument(
        "sample",
        nargs="?",
        metavar="SAMPLE",
        help="the sample's id (or its first 6+ characters, as --list prints them), or latest",
    )
    p.add_argument("--level", help="meets, approaching or not-yet")
    p.add_argument(
        "--phase",
        choices=("before", "after"),
        help="default: the sample's earlier phase, else before for the cycle's first visit "
        "with samples and after for later ones",
    )
    p.add_argument("--note", help="a short note beside the score (up to 500 characters)")
    p.add_argument("--clear", action="store_true", help="take the sample's score away")
    p.add_argument("--cycle", metavar="ID|active", help="with --list: the cycle to list")
    p.add_argument("--list", action="store_true", help="list the cycle's samples and scores")
    p.set_defaults(handler=cmd_score_sample)


def cmd_score_sample(args: argparse.Namespace, data_dir: str | None) -> int:
    from observe.coaching import samples

    if args.list:
        if not args.cycle:
            raise UsageError(_("Say which cycle to list: --cycle ID or --cycle active."))
        return _list(args.cycle, data_dir)
    if not args.sample:
        raise UsageError(
            _(
                "Name the sample to score (its id from `observe score-sample --cycle active "
                "--list`, or latest) and its level: --level meets, approaching or not-yet."
            )
        )
    if args.clear == bool(args.level):
        raise UsageError(_("Give either --level (to score the sample) or --clear, not both."))
    store = open_profile(data_dir)
    try:
        sample_id = samples.resolve_sample(store, args.sample)
        if args.clear:
            if samples.clear_score(store, sample_id):
                print(_("The sample's score was taken away; it no longer counts."))
            else:
                print(_("That sample had no score; nothing changed."))
            return 0
        scored = samples.score_sample(
            store, sample_id, args.level, phase=args.phase, note=args.note
        )
        print(scored.sentence())
        measure = samples.cycle_samples_measure(store, scored.cycle_id)
        if measure is not None:
            print(samples.measure_sentence(measure))
    finally:
        store.close()
    return 0


def _list(cycle_ref_text: str, data_dir: str | None) -> int:
    from observe.clock import local_time
    from observe.coaching import cycle_ref, samples

    store = open_profile(data_dir)
    try:
        cycle_id, focus = cycle_ref.resolve(store, cycle_ref_text)
        found = samples.cycle_samples(store, cycle_id)
        measure = samples.cycle_samples_measure(store, cycle_id)
    finally:
        store.close()
    print(_("Work samples of the cycle “{focus}”:").format(focus=focus))
    if not found:
        print(
            _(
                "None yet: attach a photo of student work to one of the cycle's visits "
                "(observe attach --visit ID FILE)."
            )
        )
        return 0
    width = _unique_width([sample.id for sample in found])
    for sample in found:
        day = local_time(sample.visit_started_at).date().isoformat()
        line = f"{sample.id[:width]:<{width}}  {day}  {sample.caption}  · {sample.score_text}"
        if sample.note:
            line += f" · {sample.note}"
        print(line)
    if measure is not None:
        print(samples.measure_sentence(measure))
    return 0


def _unique_width(ids: list[str], least: int = 13) -> int:
    """How much of each id to print so that every printed prefix names one sample (and so
    works as ``observe score-sample PREFIX``). A UUIDv7's first 12 characters are its
    millisecond, which samples attached together share."""
    width = least
    while width < max((len(i) for i in ids), default=0) and len({i[:width] for i in ids}) < len(
        ids
    ):
        width += 1
    return width
