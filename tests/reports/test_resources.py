"""Fonts are found from the source tree, or wherever OBSERVE_RESOURCES points (packaging)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from observe.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def test_fonts_and_their_license_ship_in_resources():
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        path = resource_path("fonts", name)
        assert path.is_file(), path
        assert path.is_relative_to(ROOT / "resources")
    assert "Bitstream" in resource_path("fonts", "LICENSE-DejaVu.txt").read_text()


def test_override_for_installed_and_bundled_copies(tmp_path: Path):
    bundle = tmp_path / "bundle"
    (bundle / "fonts").mkdir(parents=True)
    code = "from observe.resources import resource_path; print(resource_path('fonts', 'x.ttf'))"
    env = {**os.environ, "OBSERVE_RESOURCES": str(bundle)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == str(bundle / "fonts" / "x.ttf")
