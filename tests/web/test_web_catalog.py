"""The web pages' Spanish catalog (``observe/locale/es/web.po``, gettext domain "web") holds
every sentence the templates and the web code mark for translation, each translated, with
the same placeholders, and compiles."""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import observe
from observe.i18n import translation

WEB = Path(observe.__file__).parent / "server" / "web"
CATALOG = Path(observe.__file__).parent / "locale" / "es" / "web.po"
KEYWORDS = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")


def _marked() -> set[str | tuple[str, ...]]:
    found = extract_from_dir(
        str(WEB),
        [("**.py", "python"), ("templates/**.html", "jinja2")],
        {"templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"}},
        keywords=KEYWORDS,
    )
    return {message for _file, _line, message, _comments, _context in found}


def _catalog():
    with CATALOG.open("rb") as handle:
        return read_po(handle, locale="es", domain="web")


def test_every_marked_sentence_is_translated_with_its_placeholders():
    marked = _marked()
    assert len(marked) > 200  # templates and web code are both read
    assert "What did you notice? What will you try?" in marked
    assert "Signed in as %(name)s (%(email)s), %(school)s." in marked  # a {% trans %} block
    catalog = _catalog()
    missing, empty, mismatched = [], [], []
    for message in marked:
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key)
        if entry is None:
            missing.append(message)
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if not all(strings):
            empty.append(message)
        wanted = set(PLACEHOLDER.findall(key))
        if any(set(PLACEHOLDER.findall(s)) != wanted for s in strings):
            mismatched.append(message)
    assert not missing, f"web.po lacks: {missing}"
    assert not empty, f"web.po leaves these untranslated: {empty}"
    assert not mismatched, f"placeholders differ: {mismatched}"


def test_the_catalog_compiles_and_reads_in_spanish():
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(), use_fuzzy=False)
    assert compiled.getvalue()
    spanish = translation("es", "web")
    assert spanish.gettext("Shared with you") == "Compartido con usted"
    assert spanish.ngettext("{count} visit", "{count} visits", 2) == "{count} visitas"
    assert spanish.ngettext("{count} visit", "{count} visits", 1) == "{count} visita"
