"""`observe --self-test`: passes on this tree, and names what is missing or broken otherwise.

Each run is the real command in a fresh process; a broken installation is made by copying the
resources folder, damaging the copy and pointing ``OBSERVE_RESOURCES`` at it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.xserver import virtual_screen

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"


def self_test(env_changes: dict[str, str | None] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("OBSERVE_RESOURCES", None)
    for key, value in (env_changes or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "observe", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def resources_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "resources"
    shutil.copytree(RESOURCES, copy)
    return copy


def test_the_self_test_passes_on_this_tree():
    result = self_test()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok   resources" in result.stdout
    assert "ok   migrations" in result.stdout
    assert "ok   qt" in result.stdout
    assert "Self-test passed" in result.stdout
    assert result.stderr == ""


def test_a_missing_font_is_named_in_a_sentence(resources_copy: Path):
    (resources_copy / "fonts" / "DejaVuSans-Bold.ttf").unlink()

    result = self_test({"OBSERVE_RESOURCES": str(resources_copy)})

    assert result.returncode == 1
    assert "FAIL resources" in result.stdout
    assert "ok   migrations" in result.stdout  # the other checks still ran
    assert (
        f"Observe is missing the bold font embedded in feedback sheets "
        f"(fonts/DejaVuSans-Bold.ttf in {resources_copy})."
    ) in result.stderr
    assert "Reinstall Observe" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_damaged_font_and_a_broken_framework_file_are_each_named(resources_copy: Path):
    font = resources_copy / "fonts" / "DejaVuSans.ttf"
    font.write_bytes(font.read_bytes()[:2000])
    (resources_copy / "frameworks").mkdir(exist_ok=True)
    (resources_copy / "frameworks" / "zz-broken.json").write_text('{"name": "half a file', "utf-8")
    # Valid JSON, but not a look-for framework: the coaching code's own reader refuses it.
    (resources_copy / "frameworks" / "equity-of-voice.json").write_text('{"name": 3}', "utf-8")

    result = self_test({"OBSERVE_RESOURCES": str(resources_copy)})

    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("Observe can't use fonts/DejaVuSans.ttf") for line in lines), (
        result.stderr
    )
    assert any(
        line.startswith("Observe can't use frameworks/zz-broken.json") and "look-for frameworks"
        for line in lines
    ), result.stderr
    assert any(
        line.startswith("Observe can't use frameworks/equity-of-voice.json")
        and "the starter look-for framework Equity of Voice" in line
        for line in lines
    ), result.stderr
    assert "Traceback" not in result.stderr


def test_missing_icon_sizes_fail_the_resource_and_the_qt_check(resources_copy: Path):
    shutil.rmtree(resources_copy / "icons" / "hicolor")

    result = self_test({"OBSERVE_RESOURCES": str(resources_copy)})

    assert result.returncode == 1
    assert "the application icon in pixel sizes" in result.stderr
    assert "at least 8 files" in result.stderr
    assert "Observe's application icon could not be loaded." in result.stderr
    assert "FAIL qt" in result.stdout


def test_a_missing_manifest_is_a_sentence(resources_copy: Path):
    (resources_copy / "manifest.toml").unlink()
    result = self_test({"OBSERVE_RESOURCES": str(resources_copy)})
    assert result.returncode == 1
    assert "The list of Observe's resource files" in result.stderr
    assert "is missing" in result.stderr


def test_a_resources_override_that_points_nowhere_is_reported(tmp_path: Path):
    nowhere = tmp_path / "not-resources"
    nowhere.mkdir()
    result = self_test({"OBSERVE_RESOURCES": str(nowhere)})
    assert result.returncode == 1
    assert f"OBSERVE_RESOURCES points at {nowhere}" in result.stderr


def test_a_qt_platform_that_cannot_start_is_explained_not_a_crash():
    result = self_test({"QT_QPA_PLATFORM": "no-such-platform"})
    assert result.returncode == 1
    assert "ok   resources" in result.stdout
    assert "FAIL qt" in result.stdout
    assert 'Qt could not start with its "no-such-platform" platform plugin' in result.stderr
    assert "Available platform plugins are" in result.stderr


def test_on_a_real_x_screen_the_xcb_plugin_starts():
    with virtual_screen() as display:
        result = self_test({"QT_QPA_PLATFORM": None, "DISPLAY": display})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "started with: offscreen, xcb" in result.stdout
