"""The gettext catalogs of the "observe" domain are complete: every string marked in the code
(extracted again here, in memory, the way scripts/update-translations.sh does) has a non-fuzzy
translation that keeps the same {placeholders}, and every catalog compiles. The Spanish
catalogs (core, web and Qt) all address the reader as "usted"."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

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


# Spanish speaks to coaches, teachers and principals as "usted" everywhere: a dialog shows
# its buttons from the Qt catalog and its error sentence from the core's, so a "tú" in one
# of them reads as two voices in one window. These words only ever address someone as "tú"
# (pronouns, second-person verb forms, tú imperatives with a pronoun attached).
_LETTER = r"[\wÁÉÍÓÚÜÑáéíóúüñ]"
_TU_WORDS = (
    "tú|tu|tus|te|ti|contigo|tuyo|tuya|tuyos|tuyas|"
    "puedes|quieres|tienes|has|estás|eres|debes|necesitas|sabes|podrás|"
    "tendrás|verás|quieras|puedas|tengas|hayas|eliges|decidas|compartes|compartas|"
    "haces|hagas|llevas|informas|cambias|guardaste|asegúrate|escríbelo|edítalo|guárdalo|"
    "guárdala|añádelo|ábrelo|ábrela|déjalo|valórala|revísala|revísalas|ponle|dale|"
    "dile|haz|pon"
)
_TU_WORD = re.compile(rf"(?<!{_LETTER})({_TU_WORDS})(?!{_LETTER})", re.IGNORECASE)
# Forms that are also the third person ("Observe abre…", "la lista vuelve a intentarlo"):
# a tú imperative only where a sentence or clause starts. Only the Qt and web catalogs are
# read this way: the core's CLI help describes commands in the third person ("Escribe las
# tablas…", "comprueba que esta instalación…").
_TU_IMPERATIVES = (
    "pulsa|escribe|elige|comprueba|vuelve|abre|usa|añade|revisa|"
    "empieza|arrastra|dibuja|conecta|adjunta|anota|tapa|sujeta|importa|"
    "crea|invita|lee|valora|prueba con|inicia sesión|marca las|carga datos|registra tiempo|"
    "cambia una"
)
_TU_IMPERATIVE = re.compile(
    rf"(?:^|[.?!]\s+|[;:(,]\s*|\s[yo]\s+|primero\s+)[¿¡]?({_TU_IMPERATIVES})(?!{_LETTER})",
    re.IGNORECASE,
)
# Sentences a student reads or hears: students are addressed as "tú".
_TO_STUDENTS = {
    "What are you learning right now, and why?",
    "What do you do when you get stuck in this class?",
    "When do you get to share your thinking here?",
    "Don't write your name. Fill in one circle for each sentence: there are no right or wrong "
    "answers.",
}


def tu_forms(text: str, *, imperatives: bool) -> list[str]:
    """The words of ``text`` that address the reader as "tú" ("&" accelerators removed, so
    "te&xto" is "texto")."""
    plain = re.sub(r"&(?=\w)", "", text)
    found = [m.group(1) for m in _TU_WORD.finditer(plain)]
    if imperatives:
        found += [m.group(1) for m in _TU_IMPERATIVE.finditer(plain)]
    return found


def spanish_texts(folder: Path) -> Iterator[tuple[str, str, str]]:
    """(catalog, English source, Spanish text) for every translation, plural forms apart."""
    for name in ("observe.po", "web.po"):
        with (folder / name).open("rb") as handle:
            for message in read_po(handle, locale="es"):
                if not message.id:
                    continue
                source = message.id if isinstance(message.id, str) else message.id[0]
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                for text in strings:
                    yield name, source, text or ""
    for context in ET.parse(folder / "observe_ui.ts").getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")]
            for text in forms or [translation.text or ""]:
                yield "observe_ui.ts", message.findtext("source") or "", text


def tu_problems(folder: Path) -> list[str]:
    return [
        f"{catalog}: {source!r} -> {text!r} {found}"
        for catalog, source, text in spanish_texts(folder)
        if source not in _TO_STUDENTS
        and (found := tu_forms(text, imperatives=catalog != "observe.po"))
    ]


def test_spanish_addresses_the_user_as_usted_in_every_catalog():
    folder = i18n_catalog.po_path("es").parent
    assert {p.name for p in folder.iterdir()} >= {"observe.po", "web.po", "observe_ui.ts"}
    assert len(list(spanish_texts(folder))) > 2000  # all three catalogs were read
    problems = tu_problems(folder)
    assert not problems, f"{len(problems)} Spanish texts use tú, not usted: {problems[:10]}"


@pytest.mark.parametrize(
    "text",
    [
        "Escribe lo que ves u oyes y pulsa Intro.",
        "Comprueba que la carpeta existe y vuelve a intentarlo. Tus datos no se modificaron.",
        "Ningún atajo coincide; prueba con menos letras.",
        "Un borrador; edítalo y luego guárdalo.",
        "Ya tienes un conjunto llamado «{name}».",
        "Tu &nombre en las hojas:",
        "Haz clic o pulsa Espacio.",
        "Ahora es privado, solo para ti.",
        "Primero elige una clase.",
    ],
)
def test_the_usted_check_catches_tu_forms_that_occurred(text):
    assert tu_forms(text, imperatives=True)


@pytest.mark.parametrize(
    "text",
    [
        "Escriba lo que ve u oye y pulse Intro.",
        "Prueba de conexión",  # a noun, not "try"
        "Guardar te&xto combinado",  # "te" only because of the accelerator
        "Texto, teclas, tema y estudiantes",  # "te" inside words
        "Observe abre ahora el perfil recuperado.",  # third person mid-sentence
        "Intro o doble clic abre la visita.",
        "La lista vuelve a intentarlo cuando cambian las visitas.",
        "Elija Sincronización → Iniciar sesión… para sincronizar.",
        "Las etiquetas las elige usted; su equipo puede leerlas.",
        "Tutoría del martes",  # "Tu" inside a word
        "Primero elija una clase.",
        "El docente lee el enfoque y puede responder.",
    ],
)
def test_the_usted_check_leaves_usted_and_third_person_alone(text):
    assert tu_forms(text, imperatives=True) == []
