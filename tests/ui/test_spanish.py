"""The desktop app in Spanish: the catalog is complete and compiles, and the window speaks it.

The catalog (observe/locale/es/observe_ui.ts) is checked against what ``pyside6-lupdate``
finds in observe/ui today, so a sentence wrapped in tr() without a Spanish translation fails
here, and so does a call whose context lupdate cannot read (tr() on another object).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

import observe
from observe import i18n, settings
from observe.store import Store
from observe.ui import i18n as ui_i18n
from observe.ui.main_window import MainWindow

UI = Path(observe.__file__).parent / "ui"
CATALOG = Path(observe.__file__).parent / "locale" / "es" / "observe_ui.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%[0-9]|%s")


def _tool(name: str) -> str:
    found = ui_i18n.lrelease() if name == "lrelease" else None
    if found is None:
        beside = Path(ui_i18n.lrelease() or "").with_name(f"pyside6-{name}")
        found = str(beside) if beside.is_file() else shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"PySide6's {name} is missing; it ships with the PySide6 wheel")
    return found


def lupdate() -> str:
    lrelease = Path(_tool("lrelease"))
    for candidate in (lrelease.with_name("pyside6-lupdate"), lrelease.with_name("lupdate")):
        if candidate.is_file():
            return str(candidate)
    return _tool("lupdate")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return forms or [translation.text or ""]


@pytest.fixture
def language(qapp, tmp_path: Path, monkeypatch) -> Iterator[Callable[[str], str]]:
    """Installs a language for one test (the catalog compiled into the test's folder), and
    English again afterwards."""
    monkeypatch.setattr(ui_i18n, "cache_dir", lambda: tmp_path / "cache")
    yield lambda code: ui_i18n.install(code, qapp)
    ui_i18n.install("en", qapp)


def test_catalog_compiles_with_every_message_finished(tmp_path: Path):
    qm = tmp_path / "observe_ui.qm"
    done = subprocess.run(
        [_tool("lrelease"), str(CATALOG), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 unfinished" in done.stdout, done.stdout
    assert qm.stat().st_size > 10_000
    unfinished = [
        source
        for (_c, source), message in messages(CATALOG).items()
        if message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
    ]
    assert not unfinished, unfinished[:10]


def test_every_wrapped_string_of_the_ui_is_in_the_catalog(tmp_path: Path):
    """lupdate over observe/ui now: every (context, source) it finds has a Spanish text."""
    fresh = tmp_path / "now.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [lupdate(), *sources, "-target-language", "es", "-locations", "none", "-ts", str(fresh)],
        capture_output=True,
        check=True,
    )
    now = messages(fresh)
    assert len(now) > 1000  # lupdate read the Python calls (it finds ~1,200 today)
    # A context lupdate could not read (tr() called on another widget, a variable) would
    # never match at run time.
    odd = sorted({c for c, _s in now if not re.fullmatch(r"[A-Z_]\w*|[a-z_]+(\.[a-z_]+)+", c)})
    assert not odd, f"tr() contexts lupdate can't tie to a class or module: {odd}"
    committed = messages(CATALOG)
    missing = [f"{c}: {s}" for c, s in now if (c, s) not in committed]
    assert not missing, (
        "Not in observe/locale/es/observe_ui.ts (run pyside6-lupdate over src/observe/ui "
        "into it and translate): " + "; ".join(missing[:10])
    )


def test_translations_keep_placeholders_and_accelerators():
    problems = []
    for (context, source), message in messages(CATALOG).items():
        for text in translations(message):
            if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{context}: {source!r} -> {text!r}")
            if re.search(r"&[^&\s]", source.replace("&&", "")) and not re.search(
                r"&[^&\s]", text.replace("&&", "")
            ):
                problems.append(f"{context}: {source!r} lost its accelerator in {text!r}")
            if text.strip() == "":
                problems.append(f"{context}: {source!r} is empty")
    assert not problems, problems[:10]


def test_spanish_window_menus_capture_pane_and_settings(
    language, store: Store, errors_seen, qtbot, idle
):
    assert language("es") == "es"
    window = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(window)
    window.show()
    idle()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:3] == ["&Archivo", "&Editar", "&Captura"], menus
    assert "Ay&uda" in menus
    file_menu = window.menuBar().actions()[0].menu()
    assert any(a.text() == "&Salir" for a in file_menu.actions())

    capture = window.workspace.capture
    texts = {w.text() for w in capture.findChildren(QLabel) if w.text()}
    assert "No hay ninguna visita abierta. Empiece una para capturar evidencias." in texts, texts
    assert capture.line.placeholderText().startswith("Escriba lo que ve u oye")
    # Qt's own dialogs and buttons speak Spanish too (qtbase_es.qm).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"

    from observe.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(store, window, report_error=errors_seen)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Configuración"
    captions = {w.text() for w in dialog.findChildren(QLabel)}
    assert {"Su &nombre en las hojas:", "&Idioma:", "&Apariencia:"} <= captions
    choices = [dialog.language_combo.itemText(i) for i in range(dialog.language_combo.count())]
    assert choices == ["Igual que este equipo", "English", "Español"]
    window.close()


def test_language_choice_is_saved_and_said_to_apply_at_next_start(
    window: MainWindow, store: Store, qtbot, monkeypatch
):
    from observe.ui.settings_dialog import show_settings

    monkeypatch.delenv(ui_i18n.ENV, raising=False)
    assert ui_i18n.chosen_language(store) == ""  # the system's, until the coach chooses
    dialog = show_settings(window)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    assert dialog.save()
    assert settings.get(store, settings.LANGUAGE_KEY) == "es"
    assert ui_i18n.chosen_language(store) == "es"
    assert "next time it starts" in window.statusBar().currentMessage()
    monkeypatch.setenv(ui_i18n.ENV, "en")  # the environment wins (tests, support calls)
    assert ui_i18n.chosen_language(store) == "en"


def test_without_lrelease_the_app_stays_in_english_and_says_why_in_the_log(
    language, monkeypatch, caplog
):
    monkeypatch.setattr(ui_i18n, "lrelease", lambda: None)
    with caplog.at_level("WARNING", logger="observe.ui.i18n"):
        assert language("es") == "es"  # the core still speaks Spanish: its .po needs no tool
    assert "stays in English" in caplog.text
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_catalog_is_recompiled_when_the_ts_is_newer(tmp_path: Path):
    first = ui_i18n.compiled_catalog("es", tmp_path)
    assert first is not None and first.is_file()
    stamp = first.stat().st_mtime
    again = ui_i18n.compiled_catalog("es", tmp_path)
    assert again == first and again.stat().st_mtime == stamp  # not compiled twice
    source = ui_i18n.catalog_source("es")
    assert source is not None
    old = source.stat().st_mtime - 60
    import os

    os.utime(first, (old, old))
    assert ui_i18n.compiled_catalog("es", tmp_path).stat().st_mtime > old  # type: ignore[union-attr]


def test_pseudo_locale_accents_every_wrapped_string(language, store: Store, errors_seen, qtbot):
    assert language("qps") == i18n.PSEUDO
    window = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(window)
    for action in window.menuBar().actions():
        assert action.text().startswith("[") and action.text().endswith("]"), action.text()
    assert QApplication.translate("SettingsDialog", "Settings") == i18n.pseudo_text("Settings")
    window.close()


def test_lang_of_the_system_drives_the_language_when_the_coach_chose_none(
    language, store: Store, monkeypatch
):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", ui_i18n.ENV):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert settings.get(store, settings.LANGUAGE_KEY) == ""
    assert ui_i18n.install_for(store) == "es"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
    settings.put(store, settings.LANGUAGE_KEY, "en")  # the coach's choice wins over LANG
    assert ui_i18n.install_for(store) == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def _model_texts(model) -> set[str]:
    """Every DisplayRole text of a Qt item model, children included."""
    from PySide6.QtCore import QModelIndex, Qt

    found: set[str] = set()

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                text = model.data(index, Qt.ItemDataRole.DisplayRole)
                if isinstance(text, str):
                    found.add(text)
                if column == 0 and model.rowCount(index):
                    walk(index)

    walk(QModelIndex())
    return found


def test_spanish_window_shows_the_records_vocabulary_in_spanish(
    language, store: Store, errors_seen, qtbot, idle
):
    """The words for evidence kinds, visit types and look-for marks come from the core's
    tables; a screen that read them without translating showed "Student talk · seen" in the
    Spanish window. With a visit open, the timeline, the visits list, the tallies and the
    kind chooser speak Spanish."""
    from observe.capture.visit_pages import load_visit_page
    from observe.demo.generator import load_demo

    load_demo(store, "small")
    assert language("es") == "es"
    window = MainWindow(store, report_error=errors_seen)
    qtbot.addWidget(window)
    window.show()
    idle()
    visit = next(v for v in load_visit_page(store).visits if v.walk_id is None)
    window.context.open_visit(visit.id)
    idle()
    capture = window.workspace.capture
    timeline = _model_texts(capture.timeline.model())
    visits = _model_texts(window.workspace.navigator.visits.visit_model)
    kinds = {capture.kind_combo.itemText(i) for i in range(capture.kind_combo.count())}
    shown = timeline | visits | kinds | {capture.type_label.text()}
    english = {"Student talk", "Student action", "Teacher move", "Note (private)"}
    english |= {"Observation", "Coaching observation", "Co-teaching", "Modeling", "Listening"}
    assert not {t for t in shown if t in english or t.endswith((" seen", " tagged"))}, shown
    assert {"Habla de estudiantes", "Acción de estudiantes"} <= kinds, kinds
    assert "Observación" in visits
    assert capture.type_label.text() == "Observación de acompañamiento"
    assert any("observado" in t for t in timeline), timeline
    window.close()
