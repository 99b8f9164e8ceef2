"""The gettext catalogs of the "observe" domain are complete: every string marked in the code
(extracted again here, in memory, the way scripts/update-translations.sh does) has a non-fuzzy
translation that keeps the same {placeholders}, and every catalog compiles."""

from __future__ import annotations

import io

import pytest
from babel.messages.mofile import write_mo

from observe import i18n, i18n_catalog

LANGUAGES = i18n_catalog.languages()


@pytest.fixture(scope="module")
def template():
    return i18n_catalog.extract_catalog()


def test_there_is_a_spanish_catalog_and_the_code_has_sentences_to_translate(template):
    assert "es" in LANGUAGES
    assert len([m for m in template if m.id]) > 250
    # The extraction reads the core, reports and CLI, never the Qt widgets or the web pages.
    files = {loc[0] for m in template for loc in m.locations}
    assert any(f.startswith("observe/reports/") for f in files)
    assert any(f.startswith("observe/cli/") for f in files)
    assert not any(f.startswith(("observe/ui/", "observe/server/web/")) for f in files)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_has_a_translation_with_the_same_placeholders(template, language):
    catalog = i18n_catalog.read_catalog(i18n_catalog.po_path(language), language)
    assert i18n_catalog.problems(template, catalog) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalog_compiles_and_translates(language):
    catalog = i18n_catalog.read_catalog(i18n_catalog.po_path(language), language)
    errors = [(m.id, e) for m, e in catalog.check()]
    assert errors == []
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    assert compiled.getvalue()
    with i18n.using_language(language):
        assert i18n._("Strengths noticed") != "Strengths noticed"
        assert i18n.ngettext("{count} minute", "{count} minutes", 2).format(count=2) != "2 minutes"


def test_the_placeholder_check_catches_a_changed_or_dropped_field(template):
    catalog = i18n_catalog.read_catalog(i18n_catalog.po_path("es"), "es")
    message = catalog.get("Page {page} of {total}")
    message.string = "Página {pagina} de {total}"
    assert any("placeholders differ" in p for p in i18n_catalog.problems(template, catalog))
    message.string = ""
    assert any("untranslated" in p for p in i18n_catalog.problems(template, catalog))


def test_the_check_command_passes(capsys):
    assert i18n_catalog.main(["--check"]) == 0
    assert capsys.readouterr().out == ""
