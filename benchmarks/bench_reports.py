"""Feedback sheets: one sheet against bare ReportLab with the same text, and a 200-sheet batch.

Goal (issue 5): one sheet in ≤ 100 ms and within 3× of bare ReportLab building a document with
the same text, measured in the same run. "Ours" is the whole path a coach waits for: reading the
visit from SQLite, the feedback (or proposing a draft), layout with the embedded font, the chart,
subsetting the font into the PDF. "Bare" is SimpleDocTemplate with one Paragraph per piece of the
same text, in the same embedded font (and, for reference, in Helvetica, which needs no embedding).

    .venv/bin/python benchmarks/bench_reports.py [--runs 30] [--batch 200]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate
from sqlalchemy import func, select

from observe.demo import load_demo
from observe.feedback import draft_for, visit_facts
from observe.reports.batch import export_sheets
from observe.reports.common import clock, long_date
from observe.reports.feedback_sheet import SheetOptions, feedback_sheet_pdf
from observe.reports.fonts import REGULAR, register_fonts
from observe.reports.text import markup
from observe.store import open_profile
from observe.store.models import Evidence, Visit


def printed_lines(data: bytes) -> list[str]:
    """The text the sheet actually prints (labels, headings, footers included), line by line."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [
        line
        for page in reader.pages
        for line in (page.extract_text() or "").splitlines()
        if line.strip()
    ]


def sheet_texts(store, visit_id: str) -> list[str]:
    """The visit's own text (header facts, evidence, strengths, wondering), in order."""
    facts = visit_facts(store, visit_id)
    draft = draft_for(store, visit_id, facts)
    start = facts.local_start
    texts = [
        "Feedback from a classroom visit",
        facts.teacher,
        facts.class_label,
        f"{long_date(start)}, {clock(start)}",
        f"{facts.minutes_in_room} minutes",
        ", ".join(t.title for t in facts.top_lookfors),
    ]
    texts += [f"{e.offset} {e.text}" for e in facts.evidence]
    texts += [g.text for g in draft.glows]
    texts += [draft.wondering, draft.reflection_prompt]
    if facts.participation is not None:
        texts.append(facts.participation.sentence())
    return texts


def bare(texts: list[str], font: str) -> bytes:
    buf = io.BytesIO()
    style = ParagraphStyle("b", fontName=font, fontSize=10, leading=14)
    doc = SimpleDocTemplate(buf)
    doc.build([Paragraph(markup(t), style) for t in texts])
    return buf.getvalue()


def timed(fn, runs: int) -> list[float]:
    """Wall-clock milliseconds per run; the last run's CPU milliseconds in ``timed.cpu``."""
    out = []
    for _ in range(runs):
        c = time.process_time()
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
        timed.cpu = (time.process_time() - c) * 1000  # type: ignore[attr-defined]
    return out


def run_both(fn, wall: list[float], cpu: list[float]) -> None:
    wall += timed(fn, 1)
    cpu.append(timed.cpu)  # type: ignore[attr-defined]


def summary(ms: list[float]) -> str:
    q = statistics.quantiles(ms, n=20)
    med, mean = statistics.median(ms), statistics.mean(ms)
    return f"p50 {med:7.1f} ms   p95 {q[18]:7.1f} ms   mean {mean:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="observe-bench-reports-"))
    store = open_profile(folder / "profile")
    load_demo(store, "small")
    with store.read() as s:
        visit_id, items = s.execute(
            select(Evidence.visit_id, func.count())
            .group_by(Evidence.visit_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        all_visits = list(s.scalars(select(Visit.id).order_by(Visit.started_at)))
    options = SheetOptions("letter", coach="Sam Rivera")

    t = time.perf_counter()
    first = feedback_sheet_pdf(store, visit_id, options)
    cold = (time.perf_counter() - t) * 1000
    texts = sheet_texts(store, visit_id)
    lines = printed_lines(first.data)
    register_fonts()
    bare(texts, REGULAR)  # warm ReportLab's caches the same way

    # Interleave so both see the same machine state.
    ours: list[float] = []
    bare_ttf: list[float] = []
    bare_helv: list[float] = []
    bare_all: list[float] = []
    cpu: dict[str, list[float]] = {k: [] for k in ("ours", "ttf", "helv", "all")}
    for _ in range(args.runs):
        run_both(lambda: feedback_sheet_pdf(store, visit_id, options), ours, cpu["ours"])
        run_both(lambda: bare(texts, REGULAR), bare_ttf, cpu["ttf"])
        run_both(lambda: bare(texts, "Helvetica"), bare_helv, cpu["helv"])
        run_both(lambda: bare(lines, REGULAR), bare_all, cpu["all"])

    print(
        f"One sheet: the busiest demo visit ({items} evidence items, {first.pages} pages, "
        f"{len(first.data) / 1024:.0f} KB), {args.runs} runs each"
    )
    print(f"  first sheet in the process (font loading): {cold:.1f} ms")
    print(f"  ours (SQLite + draft + layout + chart):  {summary(ours)}")
    print(f"  bare ReportLab, same text, same TTF:     {summary(bare_ttf)}")
    print(f"  bare ReportLab, same text, Helvetica:    {summary(bare_helv)}")
    print(f"  bare ReportLab, every printed line, TTF: {summary(bare_all)}")
    c = {k: statistics.median(v) for k, v in cpu.items()}
    print(
        f"  CPU time p50: ours {c['ours']:.1f} ms, bare every printed line {c['all']:.1f} ms "
        f"({c['ours'] / c['all']:.2f}×), bare visit text {c['ttf']:.1f} ms "
        f"({c['ours'] / c['ttf']:.2f}×), Helvetica {c['helv']:.1f} ms "
        f"({c['ours'] / c['helv']:.2f}×)"
    )
    med = statistics.median(ours)
    print(
        f"  wall-clock ratio (p50): {med / statistics.median(bare_all):.2f}× bare with every "
        "printed line "
        f"({len(lines)} lines); {med / statistics.median(bare_ttf):.2f}× bare with the visit's "
        f"text only ({len(texts)} pieces); {med / statistics.median(bare_helv):.2f}× that in "
        "Helvetica"
    )

    ids = [all_visits[i % len(all_visits)] for i in range(args.batch)]
    t = time.perf_counter()
    result = export_sheets(store, ids, folder / "batch", options)
    took = time.perf_counter() - t
    size = sum(p.stat().st_size for p in result.files) / 1024 / 1024
    print(
        f"Batch: {len(result.files)} sheets ({result.pages} pages, {size:.1f} MB) written in "
        f"{took:.2f} s, {took * 1000 / len(result.files):.1f} ms per sheet "
        f"(each file fsynced and renamed into place)"
    )
    store.close()


if __name__ == "__main__":
    main()
