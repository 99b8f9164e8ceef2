"""Keeping the gettext catalogs of the "observe" domain in step with the code.

``python -m observe.i18n_catalog`` (or ``scripts/update-translations.sh``) extracts every
string marked with ``_``, ``ngettext``, ``pgettext`` or ``N_`` in ``src/observe`` (leaving out
``ui/``, which Qt's ``pyside6-lupdate`` reads into ``observe_ui.ts``, and ``server/web/``, whose
sentences are in the "web" domain) into ``locale/observe.pot``, then merges that template into
every ``locale/<lang>/observe.po``: new sentences arrive untranslated, sentences gone from the
code are dropped, translations already made are kept. ``--check`` changes nothing and exits 1
when a catalog lacks a sentence or has an empty or fuzzy translation (what the tests check too).

Extraction runs in memory from the source tree (no .mo or other build output is written).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract
from babel.messages.pofile import read_po, write_po

PACKAGE = Path(__file__).resolve().parent
DOMAIN = "observe"
#: Folders (relative to the package) whose strings belong to other catalogs.
EXCLUDED = ("ui", "server/web")
KEYWORDS = {"_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}
COMMENT_TAGS = ("Translators:",)
#: Python brace fields ("{count}", "{0}"): a translation must keep exactly the same ones.
FIELDS = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


def source_files(package: Path = PACKAGE) -> Iterator[Path]:
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        if any(relative == d or relative.startswith(d + "/") for d in EXCLUDED):
            continue
        yield path


def extract_catalog(package: Path = PACKAGE) -> Catalog:
    """The template: every marked string in the package's core, reports and CLI."""
    catalog = Catalog(
        project="Observe",
        domain=DOMAIN,
        msgid_bugs_address="",
        copyright_holder="Observe developers",
        charset="utf-8",
        fuzzy=False,
    )
    for path in source_files(package):
        relative = path.relative_to(package.parent).as_posix()
        with path.open("rb") as handle:
            found = extract(
                "python",
                handle,
                keywords=KEYWORDS,  # type: ignore[arg-type]
                comment_tags=COMMENT_TAGS,
                options={"encoding": "utf-8"},
                strip_comment_tags=True,
            )
            for lineno, message, comments, context in found:
                catalog.add(
                    message,
                    None,
                    [(relative, lineno)],
                    auto_comments=comments,
                    context=context,
                )
    return catalog


def po_path(language: str, package: Path = PACKAGE) -> Path:
    return package / "locale" / language / f"{DOMAIN}.po"


def languages(package: Path = PACKAGE) -> list[str]:
    root = package / "locale"
    return sorted(p.parent.name for p in root.glob(f"*/{DOMAIN}.po"))


def read_catalog(path: Path, language: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def _write(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    # No line numbers: a moved line should not change every catalog.
    write_po(buffer, catalog, width=100, include_lineno=False, omit_header=False)
    path.write_bytes(buffer.getvalue())


def fields(text: str) -> set[str]:
    return set(FIELDS.findall(text))


def problems(template: Catalog, catalog: Catalog) -> list[str]:
    """What keeps ``catalog`` from being complete: a missing or empty, fuzzy or
    placeholder-changing translation of a sentence in ``template``, one line each."""
    out: list[str] = []
    for message in template:
        if not message.id:
            continue
        found: Message | None = catalog.get(message.id, message.context)
        label = message.id if isinstance(message.id, str) else message.id[0]
        if found is None:
            out.append(f"missing: {label!r}")
            continue
        strings = found.string if isinstance(found.string, tuple) else (found.string,)
        if not all(strings):
            out.append(f"untranslated: {label!r}")
        elif found.fuzzy:
            out.append(f"fuzzy: {label!r}")
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set().union(*(fields(i) for i in ids))
        for string in strings:
            if string and fields(string) != wanted:
                out.append(f"placeholders differ: {label!r} → {string!r}")
    return out


def update(package: Path = PACKAGE) -> list[Path]:
    """Writes the template and merges it into every language's catalog; returns what changed."""
    template = extract_catalog(package)
    pot = package / "locale" / f"{DOMAIN}.pot"
    pot.parent.mkdir(parents=True, exist_ok=True)
    _write(template, pot)
    written = [pot]
    for language in languages(package):
        path = po_path(language, package)
        catalog = read_catalog(path, language)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
        _write(catalog, path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m observe.i18n_catalog",
        description="Extract observe.pot and merge it into every locale/<lang>/observe.po.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if a catalog lacks or leaves untranslated a sentence",
    )
    args = parser.parse_args(argv)
    if args.check:
        template = extract_catalog()
        failed = False
        for language in languages():
            found = problems(template, read_catalog(po_path(language), language))
            for line in found:
                print(f"{language}: {line}")
            failed = failed or bool(found)
        return 1 if failed else 0
    for path in update():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
