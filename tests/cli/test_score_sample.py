"""`observe score-sample`, end to end through the real command: list a cycle's samples, score
them, and see the share meeting the criteria; refusals are one sentence and exit code 2."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from observe.store import open_profile
from observe.store.models import SampleScore
from tests.coaching.test_samples import cycle_with_samples


def observe(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "observe", *argv, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_list_and_score_samples(profile_dir: Path, tmp_path: Path) -> None:
    store = open_profile(profile_dir)
    cycle_with_samples(store, tmp_path, (2, 1))
    store.close()

    listed = observe(profile_dir, "score-sample", "--cycle", "active", "--list")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == "Work samples of the cycle “Widen participation in discussion”:"
    assert len(lines) == 4 and all("· Not scored" in line for line in lines[1:])
    ids = [line.split()[0] for line in lines[1:]]

    first = observe(profile_dir, "score-sample", ids[0], "--level", "not-yet", "--note", "No units")
    assert first.returncode == 0, first.stderr
    assert "Scored the sample “Exit ticket 0.0”: Not yet, before the cycle." in first.stdout
    for sample in ids[1:]:
        done = observe(profile_dir, "score-sample", sample, "--level", "meets")
        assert done.returncode == 0, done.stderr
    assert (
        "Work samples meeting the criteria: 50% → 100% (+50 points) "
        "(before 1 of 2 samples; after 1 of 1 sample)." in done.stdout
    )
    listed = observe(profile_dir, "score-sample", "--cycle", "active", "--list")
    assert "· Not yet (before) · No units" in listed.stdout
    # observe report impact carries the measure in cycle_evidence.csv.
    out = tmp_path / "impact"
    impact = observe(
        profile_dir,
        "report",
        "impact",
        "--out",
        str(out),
        "--from",
        "2026-09-01",
        "--to",
        "2026-12-31",
    )
    assert impact.returncode == 0, impact.stderr
    with (out / "cycle_evidence.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    work = [r for r in rows if "Work samples" in " ".join(r.values())]
    assert len(work) == 1, rows
    values = list(work[0].values())
    assert values[4:9] == ["50", "2", "100", "1", "50"]
    assert "· Meets (after)" in listed.stdout

    refused = observe(profile_dir, "score-sample", ids[0], "--level", "brilliant")
    assert refused.returncode == 2
    assert "“brilliant” is not a level of the success criteria" in refused.stderr
    assert "Traceback" not in refused.stderr
    missing = observe(profile_dir, "score-sample", "0000000000", "--level", "meets")
    assert missing.returncode == 2 and "No work sample has the id" in missing.stderr

    cleared = observe(profile_dir, "score-sample", ids[0], "--clear")
    assert cleared.returncode == 0 and "no longer counts" in cleared.stdout
    store = open_profile(profile_dir)
    try:
        with store.read() as s:
            levels = s.scalars(
                select(SampleScore.level).where(SampleScore.deleted.is_(False))
            ).all()
    finally:
        store.close()
    assert sorted(levels) == ["meets", "meets"]
