"""The web pages' templates and stylesheet ship in the wheel (package data)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_templates_and_css_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["observe"]
    package = ROOT / "src" / "observe"
    declared = {p for pattern in patterns for p in package.glob(pattern)}
    web = package / "server" / "web"
    files = {p for p in web.rglob("*") if p.is_file() and p.suffix in (".html", ".css")}
    assert len(files) >= 7 and files <= declared
