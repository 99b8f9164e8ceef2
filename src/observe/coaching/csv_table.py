"""Reading a CSV a coach exported from Google Forms, Microsoft Forms or a spreadsheet.

The files come from many places: UTF-8 with or without a BOM, UTF-16 from Excel's "Unicode
text", Windows-1252 from an older Excel, semicolons from a European Excel, tabs. This module
turns the bytes into a header and rows, or one sentence saying what is wrong with the file,
so the survey and score importers only deal with cells.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from observe.errors import UsageError
from observe.i18n import _

MAX_BYTES = 60_000_000
_DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Table:
    """The header (blank names filled in as "Column N") and the data rows, all padded to it."""

    name: str
    header: tuple[str, ...]
    rows: list[list[str]]

    def column(self, index: int) -> list[str]:
        return [row[index] for row in self.rows]


def read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UsageError(
                _(
                    "{name} is {value} MB, more than an export of a class or a school can "
                    "be; check that it is the right file."
                ).format(name=path.name, value=size // 1_000_000)
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(
            _("There is no file {path}; check the name and folder.").format(path=path)
        ) from None
    except IsADirectoryError:
        raise UsageError(
            _("{path} is a folder; give the CSV file inside it.").format(path=path)
        ) from None
    except PermissionError:
        raise UsageError(
            _("{name} can't be read (no permission); copy it somewhere you can open it.").format(
                name=path.name
            )
        ) from None
    except OSError as exc:
        raise UsageError(
            _("{name} can't be read ({value}).").format(name=path.name, value=exc.strerror or exc)
        ) from None


def decode(data: bytes, name: str) -> str:
    """The file's text: BOMs honoured, UTF-16 without a BOM spotted, else UTF-8 or Windows-1252."""
    if not data.strip():
        raise UsageError(
            _("{name} is empty; export the responses again as a CSV file.").format(name=name)
        )
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UsageError(
            _(
                "{name} is a spreadsheet workbook, not a CSV file; in the spreadsheet "
                "choose File › Save as (or Download) › CSV, then import that."
            ).format(name=name)
        )
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(data) >= 4 and data[1::2][:50].count(0) > 20 and data[0:1] != b"\x00":
        encoding = "utf-16-le"
    elif len(data) >= 4 and data[0::2][:50].count(0) > 20:
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise UsageError(
                _("{name} says it is UTF-16 text but is damaged; export it again as CSV.").format(
                    name=name
                )
            ) from None
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise UsageError(
            _(
                "{name} is not a text file (it holds binary data); export the responses as CSV."
            ).format(name=name)
        )
    return text


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    first = re.sub(r'"[^"]*"', "", first)  # a question's own commas don't count
    counts = {d: first.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse(data: bytes, name: str) -> Table:
    """The table in ``data``, or a :class:`UsageError` with one sentence about the file."""
    text = decode(data, name)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = [row for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise UsageError(
            _(
                "{name} is not a well-formed CSV file near line {line_num} ({exc}); "
                "export it again from the form or spreadsheet."
            ).format(name=name, line_num=reader.line_num, exc=exc)
        ) from None
    if not rows:
        raise UsageError(
            _("{name} has no rows; export the responses again as a CSV file.").format(name=name)
        )
    header = [cell.strip() for cell in rows[0]]
    width = len(header)
    body: list[list[str]] = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) > width:
            if any(cell.strip() for cell in row[width:]):
                raise UsageError(
                    _(
                        "Row {line} of {name} has more cells than the header has columns; check "
                        "the file's separators (commas or semicolons) and export it again."
                    ).format(line=line, name=name)
                )
            row = row[:width]
        body.append([cell.strip() for cell in row] + [""] * (width - len(row)))
    names: list[str] = []
    for n, title in enumerate(header, start=1):
        title = " ".join(title.split()) or f"Column {n}"
        while title in names:
            title = f"{title} ({n})"
        names.append(title)
    return Table(name, tuple(names), body)


_IDENTIFYING_WORDS = (
    "timestamp",
    "time",
    "date",
    "email",
    "e-mail",
    "mail",
    "name",
    "first name",
    "last name",
    "full name",
    "surname",
    "given name",
    "student",
    "student id",
    "student number",
    "student no",
    "id",
    "id number",
    "username",
    "user",
    "login",
    "responder",
    "respondent",
    "start time",
    "completion time",
    "last modified time",
    "submitted at",
    "submission time",
)
_IDENTIFYING_PARTS = ("email", "e-mail", "timestamp", " name", "name ", "student id", "username")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def looks_identifying(title: str, cells: list[str]) -> bool:
    """Whether a column could tell who a student is (or when they answered): its title names
    an email, a name, an id or a time, or its cells are email addresses."""
    words = re.sub(r"[^\w@ -]+", " ", title.casefold()).strip()
    words = " ".join(words.split())
    if words in _IDENTIFYING_WORDS or words.endswith((" name", " email", " id")):
        return True
    if len(words) <= 40 and any(part in f" {words} " for part in _IDENTIFYING_PARTS):
        return True
    sample = [c for c in cells[:200] if c]
    return bool(sample) and sum(bool(_EMAIL.match(c)) for c in sample) * 2 > len(sample)
