"""The desktop app's language: Qt translators for Observe's widgets and for Qt's own dialogs.

The widgets' sentences are in a Qt Linguist catalog, ``observe/locale/<lang>/observe_ui.ts``
(kept in the package beside the gettext ``.po`` catalogs of :mod:`observe.i18n`). Qt reads
only the compiled ``.qm``, which is a build output and never committed: it is compiled with
PySide6's ``lrelease`` into the user's cache folder the first time a language is used, and
again whenever the ``.ts`` is newer. Without ``lrelease`` the app still opens, in English,
and says why in the log: a missing tool must never keep a coach from working.

The language comes from ``OBSERVE_LANGUAGE`` (tests, support), else the profile's setting
(:data:`observe.settings.LANGUAGE_KEY`, empty: follow the system's ``LANG``). The pseudo-locale
``"qps"`` accents and lengthens every wrapped sentence, to find clipping and unwrapped text.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from observe import APP_NAME, i18n
from observe.settings_look import LANGUAGE_KEY, parsed

if TYPE_CHECKING:
    from observe.store import Store

log = logging.getLogger(__name__)

#: Overrides the profile's language setting (tests, a coach's support call).
ENV = "OBSERVE_LANGUAGE"
#: The Qt Linguist catalog's name in each ``observe/locale/<lang>/`` folder.
CATALOG = "observe_ui"

# Installed translators, kept referenced (Qt does not own them) and removable on a change.
_installed: list[QTranslator] = []
# The locale Qt had before a language was installed: English puts it back.
_system_locale: list[QLocale] = []


class PseudoTranslator(QTranslator):
    """Every source sentence accented and about 40% longer (:func:`observe.i18n.pseudo_text`)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return i18n.pseudo_text(source)

    def isEmpty(self) -> bool:
        return False


def lrelease() -> str | None:
    """PySide6's ``lrelease``: the console script beside this Python, or the binary inside
    the PySide6 package (a PyInstaller bundle has neither and ships its ``.qm`` instead)."""
    beside = Path(sys.executable).with_name(
        "pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease"
    )
    if beside.is_file():
        return str(beside)
    try:
        import PySide6

        folder = Path(PySide6.__file__).parent
    except ImportError:  # pragma: no cover - the app needs PySide6 to get here
        return None
    for name in ("lrelease.exe", "lrelease"):
        if (folder / name).is_file():
            return str(folder / name)
    return shutil.which("pyside6-lrelease")


def catalog_source(language: str) -> Path | None:
    """The ``.ts`` for ``language`` in the package, or None when there is none."""
    source = i18n.catalog_dir(language) / f"{CATALOG}.ts"
    return Path(str(source)) if source.is_file() else None


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "translations"


def compiled_catalog(language: str, folder: Path | None = None) -> Path | None:
    """The ``.qm`` for ``language``, compiled now if it is missing or older than its ``.ts``;
    None (and a line in the log) when there is no catalog or it can't be compiled."""
    source = catalog_source(language)
    if source is None:
        return None
    # A bundle ships the .qm beside the .ts (packaging/observe.spec compiles it: a bundle has
    # no lrelease); elsewhere a .qm there is used when it is at least as new as the .ts.
    shipped = source.with_suffix(".qm")
    if shipped.is_file() and (
        getattr(sys, "frozen", False) or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    target = (folder or cache_dir()) / language / f"{CATALOG}.qm"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = lrelease()
    if tool is None:
        log.warning("No lrelease found to compile %s; the app stays in English", source)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".qm.partial")
    try:
        subprocess.run(
            [tool, "-silent", str(source), "-qm", str(partial)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        partial.replace(target)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning(
            "Could not compile %s with %s (%s); the app stays in English", source, tool, exc
        )
        partial.unlink(missing_ok=True)
        return None
    return target


def chosen_language(store: Store | None, stored: str | None = None) -> str:
    """The language code asked for ("" follows the system): the environment, else the profile
    (``stored``: its setting's text, read before the store was open)."""
    wanted = os.environ.get(ENV, "")
    if wanted:
        return wanted
    if store is not None:
        stored = store.setting(LANGUAGE_KEY.name)
    return parsed(LANGUAGE_KEY, stored)


def install(language: str, app: QCoreApplication | None = None) -> str:
    """Sets the language for the core (``observe.i18n``) and Qt, replacing any translators
    installed before, and returns the language now in effect. Widgets made after this speak
    it; widgets already open keep their text until reopened."""
    effective = i18n.set_language(language)
    app = app or QCoreApplication.instance()
    if app is None:
        return effective
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if not _system_locale:
        _system_locale.append(QLocale())
    if effective in (i18n.SOURCE, i18n.PSEUDO):
        QLocale.setDefault(_system_locale[0])
    if effective == i18n.PSEUDO:
        pseudo = PseudoTranslator(app)
        app.installTranslator(pseudo)
        _installed.append(pseudo)
        return effective
    if effective == i18n.SOURCE:
        return effective
    QLocale.setDefault(QLocale(i18n.babel_locale(effective)))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{effective}", qt_folder):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    else:
        log.info(
            "Qt has no %s translation in %s; its own dialogs stay in English", effective, qt_folder
        )
    compiled = compiled_catalog(effective)
    ours = QTranslator(app)
    if compiled is not None and ours.load(str(compiled)):
        app.installTranslator(ours)
        _installed.append(ours)
    elif compiled is not None:
        log.warning("Could not load %s; the app's own text stays in English", compiled)
    return effective


def install_for(
    store: Store | None, app: QCoreApplication | None = None, *, stored: str | None = None
) -> str:
    """At start, once the profile is open: the language the coach chose (or the system's);
    ``stored`` is the setting's text when the window's first screen was read without a store."""
    return install(chosen_language(store, stored), app)


def compile_all(folder: Path | None = None) -> list[Path]:
    """Compiles every language's catalog (setup scripts), returning the ``.qm`` files."""
    done = []
    for language in i18n.LANGUAGES:
        compiled = compiled_catalog(language, folder)
        if compiled is not None:
            done.append(compiled)
    return done
