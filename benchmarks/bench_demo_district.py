"""Wall time of ``observe demo --size district`` into a new profile, as a coach would run it.

.venv/bin/python benchmarks/bench_demo_district.py [--dir DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the profile for other benchmarks")
    args = parser.parse_args()
    profile = Path(tempfile.mkdtemp(prefix="observe-district-", dir=args.dir)) / "profile"
    command = [
        sys.executable,
        "-m",
        "observe",
        "demo",
        "--size",
        "district",
        "--data-dir",
        str(profile),
    ]
    t0 = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        raise SystemExit(result.returncode)
    db = profile / "observe.sqlite3"
    size = sum(p.stat().st_size for p in profile.glob("observe.sqlite3*"))
    print(result.stdout.strip())
    print(f"wall time: {wall:.1f} s (process start to exit)")
    print(f"database: {size / 1e6:.0f} MB in {db.parent}")
    if not args.keep:
        shutil.rmtree(profile.parent)


if __name__ == "__main__":
    main()
