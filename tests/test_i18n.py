"""The language rules every part shares (observe.i18n): what a system or coach names maps to a
catalog, a sheet printed in another language does not change the app's, and the pseudo-locale
keeps placeholders working."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from observe import i18n


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("es_ES.UTF-8", "es"),
        ("es-MX", "es"),
        ("ES", "es"),
        ("C", "en"),
        ("", "en"),
        (None, "en"),
        ("fr_FR.UTF-8", "en"),
        ("qps", "qps"),
    ],
)
def test_codes_from_systems_and_coaches_map_to_a_catalog(given, expected):
    assert i18n.normalize(given) == expected


def test_the_system_language_follows_posix_precedence(monkeypatch):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "es_MX.UTF-8")
    assert i18n.system_language() == "es"
    monkeypatch.setenv("LANGUAGE", "fr:es")
    assert i18n.system_language() == "es"


def test_printing_in_another_language_leaves_the_app_and_other_threads_alone():
    previous = i18n.set_language("en")
    seen: list[str] = []
    try:
        with i18n.using_language("es"):
            worker = threading.Thread(target=lambda: seen.append(i18n.current_language()))
            worker.start()
            worker.join()
            assert i18n.current_language() == "es"
            assert i18n.format_date(date(2026, 12, 7)) == "7 dic 2026"
        assert i18n.current_language() == "en"
        assert seen == ["en"]
    finally:
        i18n.set_language(previous)


def test_the_pseudo_locale_is_longer_and_keeps_placeholders_and_markup():
    source = "Saved {count} items to %s in <b>Room 5</b> &Open"
    shown = i18n.pseudo_text(source)
    for kept in ("{count}", "%s", "<b>", "</b>", "&"):
        assert kept in shown
    assert "Saved" not in shown and len(shown) >= len(source) * 1.3
    assert shown.startswith("[") and shown.endswith("]")
    assert shown.format(count=3).count("3") == 1
