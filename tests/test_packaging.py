"""Desktop integration files and wheel contents: what a Linux desktop and pip will see.

The .desktop and metainfo files are checked by the freedesktop/AppStream validators themselves
(Debian: desktop-file-utils, appstream; scripts/system-deps.sh test installs them).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
APP_ID = "org.observeapp.Observe"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"needs {name} (scripts/system-deps.sh test installs it)")
    return path


def _desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_the_desktop_file_passes_desktop_file_validate():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # no hints or warnings either


def test_the_metainfo_passes_appstreamcli_validate():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_desktop_file_metainfo_and_icon_agree_on_the_app_id():
    entry = _desktop_entry()
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "observe"

    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == "observe"
    assert component.findtext("project_license") == "MIT"

    from observe import __version__
    from observe.ui.icons import APP_ID as window_icon_id

    assert window_icon_id == APP_ID
    releases = [r.get("version") for r in component.iter("release")]
    assert __version__ in releases, "add a <release> for the current version to the metainfo"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_icon_size_is_there_and_really_that_size():
    from observe.ui.icons import SIZES

    for size in SIZES:
        path = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert path.is_file(), path
        assert _png_size(path) == (size, size), path
    svg = ET.parse(RESOURCES / "icons" / f"{APP_ID}.svg").getroot()
    assert svg.get("viewBox") == "0 0 512 512"


def test_every_resource_file_is_declared_for_wheel_installs():
    """A file added to resources/ without a data-files line would be missing after `pip install`."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data_files: dict[str, list[str]] = config["tool"]["setuptools"]["data-files"]
    installed: set[str] = set()
    for target, patterns in data_files.items():
        if not target.startswith("share/observe/resources"):
            continue
        for pattern in patterns:
            for path in ROOT.glob(pattern):
                if path.is_file():
                    rel = path.relative_to(RESOURCES).as_posix()
                    assert target == "/".join(["share/observe/resources", rel]).rsplit("/", 1)[0]
                    installed.add(rel)
    shipped = {p.relative_to(RESOURCES).as_posix() for p in RESOURCES.rglob("*") if p.is_file()}
    assert shipped - installed == set(), "add these to [tool.setuptools.data-files]"


def test_migrations_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["observe"]
    package = ROOT / "src" / "observe"
    declared = {p for pattern in patterns for p in package.glob(pattern)}
    migrations = set((package / "store" / "migrations").rglob("*.py"))
    assert migrations and migrations <= declared


WINDOWS = ROOT / "packaging" / "windows"
WORKFLOW = ROOT / ".github" / "workflows" / "desktop-builds.yml"


def test_the_windows_and_macos_recipes_point_at_files_that_exist():
    """The recipes run only on Windows and Mac runners, so a rename here would first break
    on release day: every repository path they name must exist."""
    import re

    texts = {
        path: path.read_text(encoding="utf-8")
        for path in (
            WINDOWS / "observe.iss",
            WINDOWS / "build.ps1",
            ROOT / "packaging" / "macos" / "make-dmg.sh",
            WORKFLOW,
        )
    }
    named = set()
    for text in texts.values():
        named |= set(re.findall(r"(?:packaging|resources|tests)[\\/][\w./\\-]+\.\w+", text))
    assert len(named) >= 6, named
    missing = sorted(n for n in named if not (ROOT / n.replace("\\", "/")).exists())
    assert not missing, f"the recipes name files that are not in the repository: {missing}"


def test_the_installer_keeps_its_identity_and_the_coachs_data():
    iss = (WINDOWS / "observe.iss").read_text(encoding="utf-8")
    # A changed AppId would install beside the old version instead of upgrading it.
    assert "AppId={{6C0B1E0A-3D8F-4B8E-9A57-0B5E2C7D41F3}" in iss
    assert "PrivilegesRequired=lowest" in iss
    deleted = [line for line in iss.splitlines() if line.startswith("Type: filesandordirs")]
    assert deleted and all("{app}" in line for line in deleted)
    assert "LOCALAPPDATA" not in "".join(deleted) and "{userappdata}" not in "".join(deleted)
