"""The JSON file format of a look-for framework, and reading it with sentences, not tracebacks.

The format is documented for people in ``resources/frameworks/README.md`` and for tools in
``resources/frameworks/framework.schema.json``; this module is the check Observe itself runs.
It reads the whole file and lists every problem it finds (up to a handful), so a coach fixing
a file by hand sees them all at once rather than one per attempt. Nothing here touches the
store: a file is parsed completely before anything is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from observe.errors import UsageError
from observe.i18n import _, ngettext
from observe.safetext import clean_text

FORMAT = "observe.lookfor-framework"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_ITEMS = 99
NAME_MAX = 200
CODE_MAX = 20
TITLE_MAX = 200
CATEGORY_MAX = 120
TEXT_MAX = 2000
SHOWN_PROBLEMS = 6

TOP_KEYS = frozenset({"$schema", "format", "format_version", "name", "description", "lookfors"})
ITEM_KEYS = frozenset({"code", "title", "category", "description", "hotkey"})


class FrameworkError(UsageError):
    """A framework file or an edited set that can't be used; ``problems`` lists each one."""

    def __init__(self, sentence: str, problems: list[str] | None = None) -> None:
        super().__init__(sentence, detail="; ".join(problems or []) or None)
        self.problems = problems or []


@dataclass(frozen=True)
class FrameworkItem:
    code: str
    title: str
    category: str | None = None
    description: str | None = None
    hotkey: int | None = None
    #: The look-for's id when it came from the store (editing); None in files.
    id: str | None = None


@dataclass(frozen=True)
class Framework:
    name: str
    description: str | None
    lookfors: tuple[FrameworkItem, ...]

    def to_json(self) -> dict[str, Any]:
        """The file form: the same keys a file is read with, in a stable order."""
        items = []
        for item in self.lookfors:
            row: dict[str, Any] = {"code": item.code, "title": item.title}
            if item.category:
                row["category"] = item.category
            if item.description:
                row["description"] = item.description
            if item.hotkey is not None:
                row["hotkey"] = item.hotkey
            items.append(row)
        out: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "name": self.name,
        }
        if self.description:
            out["description"] = self.description
        out["lookfors"] = items
        return out


def _text(
    value: Any, where: str, limit: int, problems: list[str], *, required: bool = False
) -> str | None:
    if value is None:
        if required:
            problems.append(f"{where} is missing")
        return None
    if not isinstance(value, str):
        problems.append(
            _("{where} must be text in quotes, not {kind}").format(where=where, kind=_kind(value))
        )
        return None
    value = clean_text(value)  # an escaped lone surrogate (backslash-ud800) can't be stored
    text = " ".join(value.split()) if limit <= TITLE_MAX else value.strip()
    if required and not text:
        problems.append(f"{where} is empty")
        return None
    if len(text) > limit:
        problems.append(
            _("{where} is longer than {limit} characters").format(where=where, limit=limit)
        )
        return None
    return text or None


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else type(value).__name__


def _unknown(keys: set[str], allowed: frozenset[str], where: str, problems: list[str]) -> None:
    extra = sorted(k for k in keys - allowed if not k.startswith("x-"))
    if extra:
        names = ", ".join(f'"{k}"' for k in extra)
        problems.append(
            _("{where} has {names}, which Observe doesn't know (a misspelling?)").format(
                where=where, names=names
            )
        )


def validate_items(items: list[FrameworkItem], problems: list[str]) -> None:
    """Rules that hold for files and for the editor alike: unique codes and hotkeys."""
    if not items:
        problems.append("the framework has no look-fors; add at least one")
    if len(items) > MAX_ITEMS:
        problems.append(f"the framework has {len(items)} look-fors; at most {MAX_ITEMS} fit")
    codes: dict[str, int] = {}
    keys: dict[int, int] = {}
    for n, item in enumerate(items, start=1):
        code = item.code.casefold()
        if code in codes:
            first = codes[code]
            problems.append(f"look-for {n} uses the code {item.code}, as look-for {first} does")
        else:
            codes[code] = n
        if item.hotkey is None:
            continue
        if item.hotkey in keys:
            problems.append(
                f"look-for {n} ({item.code}) uses hotkey {item.hotkey}, "
                f"as look-for {keys[item.hotkey]} does; each key can belong to one look-for"
            )
        else:
            keys[item.hotkey] = n


def parse_framework(data: Any, source: str) -> Framework:
    """A :class:`Framework` from parsed JSON, or a :class:`FrameworkError` listing problems."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FrameworkError(
            _(
                "{source} isn't an Observe look-for framework: it should be a JSON "
                'object with "format": "{FORMAT}". Nothing was imported.'
            ).format(source=source, FORMAT=FORMAT)
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FrameworkError(
            _(
                '{source} has no usable "format_version" (it should be '
                "{FORMAT_VERSION}). Nothing was imported."
            ).format(source=source, FORMAT_VERSION=FORMAT_VERSION)
        )
    if version > FORMAT_VERSION:
        raise FrameworkError(
            _(
                "{source} was written for a newer Observe (framework format {version}); "
                "update Observe to import it. Nothing was imported."
            ).format(source=source, version=version)
        )
    problems: list[str] = []
    _unknown(set(data), TOP_KEYS, "the file", problems)
    name = _text(data.get("name"), '"name"', NAME_MAX, problems, required=True)
    description = _text(data.get("description"), '"description"', TEXT_MAX, problems)
    raw = data.get("lookfors")
    items: list[FrameworkItem] = []
    if not isinstance(raw, list):
        problems.append(_('"lookfors" must be a list of look-fors'))
        raw = []
    for n, entry in enumerate(raw, start=1):
        where = f"look-for {n}"
        if not isinstance(entry, dict):
            problems.append(
                _("{where} must be an object with a code and a title").format(where=where)
            )
            continue
        _unknown(set(entry), ITEM_KEYS, where, problems)
        code = _text(entry.get("code"), f'{where}: "code"', CODE_MAX, problems, required=True)
        if code:
            where = f"look-for {n} ({code})"
        title = _text(entry.get("title"), f'{where}: "title"', TITLE_MAX, problems, required=True)
        category = _text(entry.get("category"), f'{where}: "category"', CATEGORY_MAX, problems)
        desc = _text(entry.get("description"), f'{where}: "description"', TEXT_MAX, problems)
        hotkey = entry.get("hotkey")
        if hotkey is not None and (
            not isinstance(hotkey, int) or isinstance(hotkey, bool) or not 1 <= hotkey <= 9
        ):
            problems.append(
                _('{where}: "hotkey" must be a whole number from 1 to 9').format(where=where)
            )
            hotkey = None
        if code and title:
            items.append(FrameworkItem(code, title, category, desc, hotkey))
    if isinstance(data.get("lookfors"), list) and len(items) == len(raw):
        validate_items(items, problems)
    if problems:
        raise problems_error(source, problems)
    assert name is not None
    return Framework(name, description, tuple(items))


def problems_error(source: str, problems: list[str]) -> FrameworkError:
    shown = problems[:SHOWN_PROBLEMS]
    more = len(problems) - len(shown)
    text = "; ".join(shown) + ("; " + _("and {count} more").format(count=more) if more else "")
    return FrameworkError(
        ngettext(
            "{source} has a problem, so nothing was imported: {text}.",
            "{source} has problems, so nothing was imported: {text}.",
            len(problems),
        ).format(source=source, text=text),
        problems,
    )


def read_framework_file(path: Path) -> Framework:
    """Reads and checks a framework file; raises a :class:`FrameworkError` with a sentence."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FrameworkError(
                _(
                    "{name} is {value:,} KB; a look-for framework is a small file (under 1 "
                    "MB). Check that you chose the right file. Nothing was imported."
                ).format(name=name, value=size // 1000)
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FrameworkError(
            _("{path} doesn't exist. Nothing was imported.").format(path=path)
        ) from None
    except IsADirectoryError:
        raise FrameworkError(
            _("{path} is a folder; choose a .json file.").format(path=path)
        ) from None
    except OSError as exc:
        raise FrameworkError(
            _("Observe couldn't read {path} ({value}). Nothing was imported.").format(
                path=path, value=exc.strerror or exc
            )
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FrameworkError(
            _(
                "{name} isn't a text file in UTF-8, so it can't be a framework. Nothing "
                "was imported."
            ).format(name=name)
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FrameworkError(
            _(
                "{name} isn't valid JSON (line {lineno}, column {colno}: {msg}). Nothing "
                "was imported."
            ).format(name=name, lineno=exc.lineno, colno=exc.colno, msg=exc.msg)
        ) from None
    except RecursionError:
        raise FrameworkError(
            _(
                "{name} is nested far too deeply to be a look-for framework. Nothing was imported."
            ).format(name=name)
        ) from None
    except ValueError:  # an integer with thousands of digits, beyond Python's limit
        raise FrameworkError(
            _(
                "{name} holds a number far too long to be part of a look-for framework. "
                "Nothing was imported."
            ).format(name=name)
        ) from None
    return parse_framework(data, name)


def framework_json_text(framework: Framework) -> str:
    return json.dumps(framework.to_json(), ensure_ascii=False, indent=2) + "\n"
