"""Project rules that are cheap to check on every run."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "observe"


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(__import__("sys").executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it comes with the test extra)")
    result = subprocess.run(
        [ruff, "check", "--quiet", str(ROOT)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_qt_is_imported_only_under_ui():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "ui" not in path.relative_to(SRC).parts[:1] and pattern.search(path.read_text())
    ]
    assert offenders == []


def test_headless_commands_do_not_load_qt(tmp_path: Path):
    code = (
        "import sys; from observe.cli import main; "
        f"rc = main(['info', '--data-dir', {str(tmp_path)!r}]); "
        "assert 'PySide6' not in sys.modules, 'Qt was imported'; sys.exit(rc)"
    )
    result = subprocess.run(
        [__import__("sys").executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def _imports_of(package: str) -> dict[str, set[str]]:
    pattern = re.compile(r"^\s*(?:from|import)\s+(observe(?:\.\w+)*)", re.MULTILINE)
    return {
        str(path.relative_to(SRC)): set(pattern.findall(path.read_text()))
        for path in (SRC / package).rglob("*.py")
    }


def test_server_and_protocol_never_import_desktop_code():
    forbidden = ("observe.store", "observe.capture", "observe.ui", "observe.sync", "observe.cli")
    offenders = {
        name: sorted(m for m in modules if m.startswith(forbidden))
        for package in ("server", "protocol")
        for name, modules in _imports_of(package).items()
        if any(m.startswith(forbidden) for m in modules)
    }
    assert offenders == {}
    protocol = {m for modules in _imports_of("protocol").values() for m in modules}
    assert protocol <= {"observe.protocol", "observe.protocol.models"}


def test_server_process_does_not_load_desktop_modules():
    code = (
        "import sys; import observe.server.app, observe.server.cli; "
        "bad = [m for m in sys.modules if m.split('.')[:2] in "
        "(['observe', 'store'], ['observe', 'capture'], ['observe', 'ui'])] "
        "+ [m for m in sys.modules if m.startswith('PySide6')]; "
        "assert not bad, bad"
    )
    result = subprocess.run(
        [__import__("sys").executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_capture_never_imports_coaching():
    """One direction between the domain packages: coaching builds on capture, never the reverse."""
    offenders = {
        name: sorted(m for m in modules if m.startswith("observe.coaching"))
        for name, modules in _imports_of("capture").items()
        if any(m.startswith("observe.coaching") for m in modules)
    }
    assert offenders == {}


def test_http_stays_in_sync_and_the_server():
    pattern = re.compile(r"^\s*(from|import)\s+httpx\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(SRC))
        for package in ("capture", "coaching", "feedback", "reports", "store", "demo")
        for path in (SRC / package).rglob("*.py")
        if pattern.search(path.read_text())
    ]
    assert offenders == []


#: A definition and the one file it may appear in (the student-listening words: once in each of
#: the long and short vocabularies, both in that file).
SINGLE_HOMES = {
    r"^VISIT_TYPE_LABELS\b[^=\n]*=": "vocabulary.py",
    r"^\s*VisitType\.STUDENT_LISTENING:\s*N_\(\"": "vocabulary.py",
    r"^def local_time\(": "clock.py",
    r"^def local_day\(": "clock.py",
    r"^def local_midnight\(": "clock.py",
    r"^def set_for_visit\(": "coaching/frameworks.py",
    r"^def room_label\(": "vocabulary.py",
    r"^def class_label\(": "vocabulary.py",
    # The words are translatable (observe.i18n): the one home holds _("room {room}").
    r"_\(\"room \{": "vocabulary.py",
    r"_\(\"period \{": "vocabulary.py",
    r"^def safe_name\(": "reports/names.py",
    r"^def report_name\(": "reports/names.py",
    r"^def sheet_name\(": "reports/names.py",
}


@pytest.mark.parametrize("definition", sorted(SINGLE_HOMES))
def test_each_vocabulary_and_rule_has_one_home(definition: str):
    pattern = re.compile(definition, re.MULTILINE)
    homes = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        for _ in pattern.finditer(path.read_text())
    ]
    assert homes and set(homes) == {SINGLE_HOMES[definition]}
    if definition.startswith(("^def", "^VISIT", "_")):
        assert len(homes) == 1


# -- screens talk to the core only ------------------------------------------------------------

UI = SRC / "ui"
SQLALCHEMY_IMPORT = re.compile(r"^\s*(from|import)\s+sqlalchemy\b", re.MULTILINE)
#: A store session or connection opened by hand: ``store.read()``, ``write()``,
#: ``write_core(...)`` or the engine itself, on whatever holds the store (a plain
#: ``reader.read()`` of a file or an image is not a session).
STORE_SESSION = re.compile(
    r"store\.(?:read|write)\(\)|\.write_core\([^)]*\)|\.engine\.(?:connect|begin)\(",
    re.MULTILINE,
)

#: UI files that may query the store themselves: none. Screens ask the core (issue 15); the
#: allowlist mechanism stays for a future exception, which must then be argued for here.
UI_SQLALCHEMY_ALLOWED: set[str] = set()
UI_SESSION_ALLOWED: set[str] = set()

#: Longest a module may be: past it, a module has more than one job.
MAX_MODULE_LINES = 600
#: Data, not code: migrations and the demo's phrase lists.
LONG_BY_NATURE = ("store/migrations/", "server/migrations/", "demo/phrases.py")
#: Modules over the limit today, until they are split. Same rule: only ever shrinks.
LONG_MODULES_ALLOWED: set[str] = set()


def _ui_files_matching(pattern: re.Pattern[str]) -> set[str]:
    return {
        path.relative_to(UI).as_posix()
        for path in UI.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }


@pytest.mark.parametrize(
    ("what", "pattern", "allowed"),
    [
        ("imports sqlalchemy", SQLALCHEMY_IMPORT, UI_SQLALCHEMY_ALLOWED),
        ("opens a store session", STORE_SESSION, UI_SESSION_ALLOWED),
    ],
    ids=["sqlalchemy", "session"],
)
def test_screens_ask_the_core_instead_of_querying_the_store(
    what: str, pattern: re.Pattern[str], allowed: set[str]
) -> None:
    found = _ui_files_matching(pattern)
    new = sorted(found - allowed)
    stale = sorted(allowed - found)
    assert new == [], (
        f"these observe/ui files {what}; call a core function that takes the Store and "
        f"returns frozen dataclasses instead: {new}"
    )
    assert stale == [], f"these no longer {what}; remove them from the allowlist: {stale}"


def test_modules_stay_small() -> None:
    long = {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if not path.relative_to(SRC).as_posix().startswith(LONG_BY_NATURE)
        and len(path.read_text(encoding="utf-8").splitlines()) > MAX_MODULE_LINES
    }
    new = sorted(long - LONG_MODULES_ALLOWED)
    stale = sorted(LONG_MODULES_ALLOWED - long)
    assert new == [], f"over {MAX_MODULE_LINES} lines; split them by job: {new}"
    assert stale == [], f"now within {MAX_MODULE_LINES} lines; drop from the allowlist: {stale}"


#: Views refresh from the store's change news (``observe.store.changes``), never because a
#: writer said what it wrote: no ``announce(...)`` call or method, no hidden ``EvidenceNews``.
HAND_MADE_NEWS = re.compile(r"\bannounce\w*\(|_announce\w*\(|\bEvidenceNews\b")


def test_views_refresh_from_the_store_news_only() -> None:
    found = sorted(
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if HAND_MADE_NEWS.search(path.read_text(encoding="utf-8"))
    )
    assert found == [], (
        "these announce changes by hand; the store's change news already tells every view "
        f"(observe.ui.changes, VisitContext.records_changed/store_changed): {found}"
    )


def test_the_fence_patterns_catch_what_they_are_for() -> None:
    """The fence is only as good as its patterns: each must see the forms used in the code."""
    assert SQLALCHEMY_IMPORT.search("    from sqlalchemy import select\n")
    assert SQLALCHEMY_IMPORT.search("import sqlalchemy as sa\n")
    assert not SQLALCHEMY_IMPORT.search("# no sqlalchemy here\n")
    for opened in (
        "with store.read() as s:",
        "with self.store.write() as s:",
        "with store.write_core(remote=True) as conn:",
        "with store.engine.connect() as conn:",
    ):
        assert STORE_SESSION.search(opened), opened
    assert not STORE_SESSION.search("text = path.read_text()")
    assert not STORE_SESSION.search("image = reader.read()")  # a QImageReader, not the store
    for by_hand in (
        'context.announce("visit")',
        'commands.announce(self.context, "evidence")',
        "self.context.announce_all()",
        "self._announce(model.kind)",
        "class EvidenceNews(QObject):",
    ):
        assert HAND_MADE_NEWS.search(by_hand), by_hand
    assert not HAND_MADE_NEWS.search("a writer remembered to announce what it wrote")
