"""What quotes in other scripts cost a sheet: font fallback per run, HarfBuzz shaping, and the
fallback faces embedded as subsets (issue 19).

Lays out the same page of quotes twice, interleaved in one process: 24 quotes in eight scripts
(Chinese, Japanese, Korean, Arabic, Hebrew, Hindi, Vietnamese, Greek; three of each) and 24
English quotes of about the same length, with the sheet's own styles, footer and fonts. Also
times the first use of the fallback faces in the process (parsing the font files).

    .venv/bin/python benchmarks/bench_scripts.py [--runs 30]
"""

from __future__ import annotations

import argparse
import statistics
import time

from observe.reports.fonts import CJK, DEVANAGARI, register_fonts
from observe.reports.fonts import coverage as font_coverage
from observe.reports.layout import ReportMeta, render, styles
from observe.reports.text import para

QUOTES = [
    "我们一起来想一想这个问题，好吗？",
    "みんなで考えてみましょう、漢字もカタカナも。",
    "우리 같이 생각해 봅시다, 괜찮아요?",
    "دعونا نفكر معا في الجواب الصحيح",
    "בואו נחשוב ביחד על התשובה הנכונה",
    "हम सब मिलकर सोचें, क्षत्रिय विद्यार्थी।",
    "Chúng ta cùng suy nghĩ nhé, được không?",
    "Ας σκεφτούμε μαζί, παιδιά, εντάξει;",
]
ENGLISH = "Let's think about this question together, shall we?"


def page(texts: list[str]) -> bytes:
    st = styles()
    story = [para(f"«{t}»", st.quote, bullet=f"00:{i:02d}") for i, t in enumerate(texts)]
    return render(story, ReportMeta("Bench", "Observe", "bench", "Footer · bench"), "letter").data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    register_fonts()
    t = time.perf_counter()
    font_coverage(DEVANAGARI)
    font_coverage(CJK)
    cold = (time.perf_counter() - t) * 1000

    scripts = QUOTES * 3
    english = [ENGLISH] * len(scripts)
    page(scripts), page(english)  # warm caches the same way
    cpu: dict[str, list[float]] = {"scripts": [], "english": []}
    size = {"scripts": len(page(scripts)), "english": len(page(english))}
    for _ in range(args.runs):
        for name, texts in (("scripts", scripts), ("english", english)):
            c = time.process_time()
            page(texts)
            cpu[name].append((time.process_time() - c) * 1000)
    s, e = (statistics.median(cpu[k]) for k in ("scripts", "english"))
    print(f"First use of the fallback faces in a process (parsing the fonts): {cold:.0f} ms")
    print(f"24 quotes in eight scripts: CPU p50 {s:.1f} ms, {size['scripts'] / 1024:.0f} KB")
    print(f"24 English quotes:          CPU p50 {e:.1f} ms, {size['english'] / 1024:.0f} KB")
    print(f"ratio {s / e:.2f}×, {args.runs} runs each, interleaved")


if __name__ == "__main__":
    main()
