"""``observe --self-test``: does this installation have everything it needs to run?

A coach's first minute should not be the moment we learn that a build forgot the fonts or Qt's
platform plugin. The self-test runs headless, the same way in a source checkout, an installed
wheel and the PyInstaller build, and ends with a sentence for each problem.

What it checks is data, not code: ``resources/manifest.toml`` lists the shipped files and how
to check each one, so a resource added later is checked once it has an entry there. The store's
migrations are checked by building a throwaway database with them. Qt is checked in a child
process, because a Qt that can't load its platform plugin aborts the process it runs in, and
the child's death is something this process can still put into words.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from observe import APP_NAME, __version__
from observe.errors import ObserveError

MANIFEST = "manifest.toml"
REINSTALL = "Reinstall Observe, then run `observe --self-test` again."
#: The flag that runs the Qt half in a child process (see observe.ui.selftest_qt).
QT_CHILD_FLAG = "--self-test-qt"
QT_TIMEOUT_S = 60
#: The platform plugin each desktop OS uses; it must be in the build even if it can't start here.
NATIVE_PLATFORM = {"linux": "xcb", "win32": "windows", "darwin": "cocoa"}


@dataclass
class Outcome:
    """One line of the report: what was checked, and the sentences for what is wrong."""

    name: str
    summary: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


# -- resources --------------------------------------------------------------------------------


def _check_truetype(path: Path) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    TTFont(f"selftest-{path.stem}", str(path))


def _check_json(path: Path) -> None:
    json.loads(path.read_text(encoding="utf-8"))


def _check_framework(path: Path) -> None:
    """A look-for framework file, read by the same code that offers it as a starter set."""
    from observe.coaching.framework_schema import FrameworkError, read_framework_file

    try:
        read_framework_file(path)
    except FrameworkError as exc:
        raise ValueError(exc.sentence) from exc


def _check_xml(path: Path) -> None:
    ET.parse(path)


def _check_svg(path: Path) -> None:
    root = ET.parse(path).getroot()
    if not root.tag.endswith("svg"):
        raise ValueError(f"the top element is {root.tag}, not svg")


def _check_png(path: Path) -> None:
    with path.open("rb") as fh:
        if fh.read(8) != b"\x89PNG\r\n\x1a\n":
            raise ValueError("not a PNG image")


def _check_text(path: Path) -> None:
    if not path.read_text(encoding="utf-8").strip():
        raise ValueError("the file is empty")


CHECKERS: dict[str, Callable[[Path], None]] = {
    "truetype": _check_truetype,
    "json": _check_json,
    "framework": _check_framework,
    "xml": _check_xml,
    "svg": _check_svg,
    "png": _check_png,
    "text": _check_text,
}


@dataclass(frozen=True)
class Need:
    """One entry of the manifest."""

    path: str
    kind: str
    why: str
    at_least: int = 1

    @property
    def is_glob(self) -> bool:
        return any(c in self.path for c in "*?[")


def read_manifest(root: Path) -> list[Need]:
    """The entries of ``root/manifest.toml``; a sentence if it is missing or malformed."""
    path = root / MANIFEST
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        needs = [
            Need(str(e["path"]), str(e["kind"]), str(e["why"]), int(e.get("at_least", 1)))
            for e in data["need"]
        ]
    except FileNotFoundError as exc:
        raise ObserveError(
            f"The list of Observe's resource files ({path}) is missing. {REINSTALL}"
        ) from exc
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise ObserveError(
            f"The list of Observe's resource files ({path}) can't be read ({exc}). {REINSTALL}"
        ) from exc
    unknown = sorted({n.kind for n in needs} - CHECKERS.keys())
    if unknown:
        raise ObserveError(
            f"The list of Observe's resource files ({path}) names a kind of check this version "
            f"doesn't know ({', '.join(unknown)}). {REINSTALL}"
        )
    return needs


def check_needs(root: Path, needs: list[Need]) -> tuple[int, list[str]]:
    """Checks each needed file; returns how many files were checked and the problems."""
    problems: list[str] = []
    checked: set[Path] = set()
    for need in needs:
        matches = sorted(root.glob(need.path)) if need.is_glob else [root / need.path]
        present = [m for m in matches if m.is_file()]
        if len(present) < need.at_least:
            if need.is_glob:
                problems.append(
                    f"Observe is missing {need.why}: it needs at least {need.at_least} files "
                    f"matching {need.path} in {root} and found {len(present)}. {REINSTALL}"
                )
            else:
                problems.append(
                    f"Observe is missing {need.why} ({need.path} in {root}). {REINSTALL}"
                )
            continue
        for path in present:
            if path in checked:
                continue
            checked.add(path)
            try:
                CHECKERS[need.kind](path)
            except Exception as exc:  # any failure to read it is the same problem for a coach
                rel = path.relative_to(root).as_posix()
                problems.append(
                    f"Observe can't use {rel} in {root}, {need.why} ({_reason(exc)}). {REINSTALL}"
                )
    return len(checked), problems


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200].rstrip(".") if text else type(exc).__name__


def check_resources() -> Outcome:
    from observe.resources import ENV_VAR, resources_root

    outcome = Outcome("resources")
    try:
        root = resources_root()
        override = os.environ.get(ENV_VAR)
        if override and Path(override).resolve() != root.resolve():
            raise ObserveError(
                f"{ENV_VAR} points at {override}, which is not a folder of Observe's resources "
                f"(no {MANIFEST}, README.md or fonts folder there). Point it at the resources "
                "folder or unset it."
            )
        needs = read_manifest(root)
    except ObserveError as exc:
        outcome.problems.append(exc.sentence)
        return outcome
    count, outcome.problems = check_needs(root, needs)
    outcome.summary = f"{count} files checked in {root}"
    return outcome


# -- migrations -------------------------------------------------------------------------------


def check_migrations() -> Outcome:
    """Builds a new profile in a temporary folder: every migration runs, FTS5 included."""
    from observe.store import migrate, open_profile
    from observe.store.schema import KNOWN_REVISIONS

    outcome = Outcome("migrations")
    try:
        found = migrate.script_revisions()
    except Exception as exc:
        outcome.problems.append(
            f"Observe's database migrations in {migrate.MIGRATIONS_DIR} can't be loaded "
            f"({_reason(exc)}). {REINSTALL}"
        )
        return outcome
    if tuple(found) != KNOWN_REVISIONS:
        outcome.problems.append(
            f"Observe's database migrations in {migrate.MIGRATIONS_DIR} are incomplete: found "
            f"{', '.join(found) or 'none'}, expected {', '.join(KNOWN_REVISIONS)}. {REINSTALL}"
        )
        return outcome
    with tempfile.TemporaryDirectory(prefix="observe-selftest-") as folder:
        try:
            store = open_profile(Path(folder) / "profile")
            try:
                revision = store.schema_revision()
                empty = store.is_empty()
            finally:
                store.close()
        except ObserveError as exc:
            outcome.problems.append(exc.sentence)
            return outcome
        except Exception as exc:
            outcome.problems.append(
                f"Observe could not build a new database with its migrations ({_reason(exc)}). "
                f"{REINSTALL}"
            )
            return outcome
    if revision != KNOWN_REVISIONS[-1] or not empty:
        outcome.problems.append(
            f"A new database ended at schema {revision}, not {KNOWN_REVISIONS[-1]}. {REINSTALL}"
        )
    else:
        outcome.summary = f"{len(found)} migrations build a new database (schema {revision})"
    return outcome


# -- Qt ---------------------------------------------------------------------------------------


def qt_child_command() -> list[str]:
    """How to start this same Observe in Qt-check mode, frozen or not."""
    if getattr(sys, "frozen", False):
        return [sys.executable, QT_CHILD_FLAG]
    return [sys.executable, "-m", "observe", QT_CHILD_FLAG]


def _native_display_available() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_qt_child(platform: str | None) -> tuple[dict[str, object] | None, str]:
    """Runs the Qt checks in a child; returns its report (None if it died) and its stderr."""
    env = dict(os.environ)
    if platform is not None:
        env["QT_QPA_PLATFORM"] = platform
    try:
        result = subprocess.run(
            qt_child_command(),
            env=env,
            capture_output=True,
            text=True,
            timeout=QT_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, f"it did not finish within {QT_TIMEOUT_S} s"
    except OSError as exc:
        return None, str(exc)
    report: dict[str, object] | None = None
    for line in reversed(result.stdout.splitlines()):
        if line.startswith("{"):
            try:
                report = json.loads(line)
            except ValueError:
                report = None
            break
    return report, result.stderr


def _qt_failure(platform: str, stderr: str) -> str:
    lines = [ln.strip() for ln in stderr.splitlines() if ln.strip()]
    # Qt's own explanation names the missing library or plugin; keep its most useful lines.
    useful = [
        ln
        for ln in lines
        if "plugin" in ln.lower() or "library" in ln.lower() or "needed" in ln.lower()
    ]
    reason = " ".join((useful or lines)[-3:])[:600].rstrip(".") or "it stopped without saying why"
    hint = (
        " On Debian or Ubuntu, `bash scripts/system-deps.sh gui` installs the libraries Qt needs."
        if platform == "xcb"
        else ""
    )
    return f'Qt could not start with its "{platform}" platform plugin: {reason}.{hint}'


def check_qt() -> Outcome:
    outcome = Outcome("qt")
    report, stderr = _run_qt_child("offscreen")
    if report is None:
        outcome.problems.append(_qt_failure("offscreen", stderr) + f" {REINSTALL}")
        return outcome
    outcome.problems.extend(str(p) for p in report.get("problems", []))  # type: ignore[union-attr]
    plugins = [str(p) for p in report.get("platform_plugins", [])]  # type: ignore[union-attr]
    native = NATIVE_PLATFORM.get(sys.platform)
    if native and native not in plugins:
        outcome.problems.append(
            f'Qt\'s "{native}" platform plugin, which shows windows on this system, is missing '
            f"from this installation (found: {', '.join(plugins) or 'none'}). {REINSTALL}"
        )
    # The platform the app will really use: whatever QT_QPA_PLATFORM says, else the native one
    # when there is a screen to connect to (a headless server has none, and that's fine).
    chosen = os.environ.get("QT_QPA_PLATFORM") or (native if _native_display_available() else None)
    tried = ["offscreen"]
    if chosen and chosen.split(":")[0] != "offscreen":
        real, stderr = _run_qt_child(None)
        tried.append(chosen)
        if real is None:
            outcome.problems.append(_qt_failure(chosen.split(":")[0], stderr))
        else:
            outcome.problems.extend(str(p) for p in real.get("problems", []))  # type: ignore[union-attr]
    outcome.summary = f"Qt {report.get('qt_version')}, started with: {', '.join(tried)}"
    return outcome


# -- the command ------------------------------------------------------------------------------


def run_self_test(out: TextIO, err: TextIO, *, qt: bool = True) -> int:
    """Runs every check, prints one line per check and a sentence per problem; 0 if all pass."""
    started = time.monotonic()
    frozen = " (frozen build)" if getattr(sys, "frozen", False) else ""
    print(f"{APP_NAME} {__version__} self-test{frozen}", file=out)
    checks: list[Callable[[], Outcome]] = [check_resources, check_migrations]
    if qt:
        checks.append(check_qt)
    problems: list[str] = []
    for check in checks:
        outcome = check()
        mark = "ok  " if outcome.ok else "FAIL"
        print(f"  {mark} {outcome.name}: {outcome.summary or 'see below'}", file=out, flush=True)
        problems.extend(outcome.problems)
    took = time.monotonic() - started
    if problems:
        for sentence in problems:
            print(sentence, file=err)
        print(f"Self-test failed: {len(problems)} problem(s), {took:.1f} s.", file=out)
        return 1
    print(f"Self-test passed in {took:.1f} s.", file=out)
    return 0
