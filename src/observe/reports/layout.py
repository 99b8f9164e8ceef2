"""The look every report shares: paper, margins, palette, paragraph styles, footer, metadata.

A sheet is something a coach hands a teacher, so it should read as warm and calm rather than as
a form: one font family, a teal for structure, a warm amber for strengths, generous spacing.
Reports are written to memory first and moved into place only when complete, so a failure never
leaves a half-written PDF where the coach expects a sheet.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from observe import __version__
from observe.errors import ObserveError, UsageError
from observe.i18n import N_, _
from observe.reports.bidi import draw_runs
from observe.reports.fonts import BOLD, REGULAR, printable, register_fonts

PAPERS: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}

#: Territories that use US Letter (everyone else uses A4).
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR", "SV"})

TEAL = colors.HexColor("#1F5F5B")
TEAL_LIGHT = colors.HexColor("#E8F2F0")
# Darker than a classic amber so the DRAFT mark (bold 11 pt on AMBER_LIGHT) reaches 4.5:1.
AMBER = colors.HexColor("#9A5520")
AMBER_LIGHT = colors.HexColor("#FBF1E6")
CREAM = colors.HexColor("#FAF7F2")
INK = colors.HexColor("#2B2B2B")
MUTED = colors.HexColor("#6B6B6B")
RULE = colors.HexColor("#C9D6D3")

MARGIN_X = 0.75 * inch
MARGIN_TOP = 0.7 * inch
MARGIN_BOTTOM = 0.85 * inch


def paper_for_locale(tag: str | None = None) -> str:
    """ "letter" or "a4" from a locale tag such as ``en_US.UTF-8`` (default: the environment's
    LC_PAPER, LC_ALL or LANG; Letter when nothing says otherwise)."""
    if tag is None:
        for var in ("LC_PAPER", "LC_ALL", "LANG"):
            tag = os.environ.get(var)
            if tag:
                break
    if not tag or tag in ("C", "POSIX") or tag.startswith("C."):
        return "letter"
    territory = tag.split(".")[0].replace("-", "_").split("_")
    if len(territory) < 2:
        return "letter"
    return "letter" if territory[1].upper() in LETTER_TERRITORIES else "a4"


def check_paper(paper: str | None) -> str:
    chosen = (paper or paper_for_locale()).lower()
    if chosen not in PAPERS:
        raise UsageError(
            _('Paper size "{paper}" is not known; choose letter or a4.').format(paper=paper)
        )
    return chosen


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {
        "fontName": REGULAR,
        "fontSize": 10,
        "leading": 14,
        "textColor": INK,
        "alignment": TA_LEFT,
        "bulletFontName": REGULAR,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    evidence: ParagraphStyle
    quote: ParagraphStyle
    glow: ParagraphStyle
    glow_ref: ParagraphStyle
    wondering: ParagraphStyle
    big_figure: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    return Styles(
        title=_style("title", fontName=BOLD, fontSize=19, leading=24, textColor=TEAL),
        subtitle=_style("subtitle", fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=6),
        h2=_style(
            "h2",
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=TEAL,
            spaceBefore=11,
            spaceAfter=5,
            keepWithNext=1,
        ),
        h3=_style(
            "h3",
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        body=_style("body", spaceAfter=4),
        small=_style("small", fontSize=8.5, leading=11),
        muted=_style("muted", fontSize=9, leading=12, textColor=MUTED),
        label=_style("label", fontName=BOLD, fontSize=8, leading=10, textColor=MUTED),
        value=_style("value", fontSize=10, leading=13),
        evidence=_style(
            "evidence",
            fontSize=9.5,
            leading=13,
            leftIndent=46,
            bulletIndent=0,
            bulletFontName=BOLD,
            bulletFontSize=8.5,
            spaceAfter=3,
        ),
        quote=_style(
            "quote",
            fontName=REGULAR,
            fontSize=9.5,
            leading=13.5,
            leftIndent=56,
            rightIndent=8,
            bulletIndent=0,
            bulletFontName=BOLD,
            bulletFontSize=8.5,
            textColor=TEAL,
            backColor=TEAL_LIGHT,
            borderPadding=(3, 6, 3, 6),
            spaceBefore=3,
            spaceAfter=6,
        ),
        glow=_style(
            "glow",
            fontName=BOLD,
            fontSize=10.5,
            leading=14.5,
            leftIndent=16,
            bulletIndent=0,
            bulletFontName=BOLD,
            bulletFontSize=10.5,
            textColor=INK,
            spaceBefore=4,
        ),
        glow_ref=_style(
            "glow_ref", fontSize=9, leading=12, leftIndent=16, textColor=MUTED, spaceAfter=4
        ),
        wondering=_style(
            "wondering",
            fontSize=10.5,
            leading=15,
            backColor=AMBER_LIGHT,
            borderPadding=(6, 8, 6, 8),
            spaceBefore=4,
            spaceAfter=6,
            leftIndent=8,
            rightIndent=8,
        ),
        big_figure=_style("big_figure", fontName=BOLD, fontSize=15, leading=19, textColor=TEAL),
    )


_styles: Styles | None = None


def styles() -> Styles:
    global _styles
    if _styles is None:
        _styles = make_styles()
    return _styles


@dataclass(frozen=True)
class ReportMeta:
    title: str
    author: str
    subject: str
    footer: str
    lang: str = "en"
    keywords: Sequence[str] = ()
    #: A mark printed at the top of every page (``DRAFT_MARK`` for an unreviewed sheet).
    mark: str | None = None


#: What every page of a sheet carries while the coach has not saved (reviewed) its feedback
#: (in the source language; ``draft_mark()`` gives it in the sheet's language).
DRAFT_MARK = N_("DRAFT — not yet reviewed")


def draft_mark() -> str:
    """The DRAFT mark in the current language ("BORRADOR — sin revisar" in Spanish)."""
    return _(DRAFT_MARK)


def _numbered_canvas(meta: ReportMeta) -> type[Canvas]:
    """A canvas that holds pages back until the end so each footer can say "Page 2 of 5"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []
            self._marks: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

        def bookmarkPage(self, key: str, *args: Any, **kw: Any) -> None:  # type: ignore[override]
            """Held with the page: a bookmark binds to the page being written when it is
            made, and the held pages are only written in save() (anchors and the outline
            would all point at page 1)."""
            self._marks.append((key, args, kw))

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._marks = []
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self._footer(total)
                for key, args, kw in self._marks:
                    super().bookmarkPage(key, *args, **kw)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _height = self._pagesize
            y = MARGIN_BOTTOM - 0.42 * inch
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN_X, y + 11, width - MARGIN_X, y + 11)
            self.setFont(REGULAR, 8)
            self.setFillColor(MUTED)
            page = _("Page {page} of {total}").format(page=self._pageNumber, total=total)
            self.drawRightString(width - MARGIN_X, y, page)
            # A long footer (a walk's title and its privacy promise) wraps below rather than
            # running into the page number; the promise must stay readable, not be cut off.
            room = width - 2 * MARGIN_X - self.stringWidth(page, REGULAR, 8) - 12
            for i, line in enumerate(simpleSplit(meta.footer, REGULAR, 8, room)[:2]):
                draw_runs(self, MARGIN_X, y - i * 9.5, printable(line), REGULAR, 8)
            self.restoreState()
            if meta.mark:
                self._mark(meta.mark)

        def _mark(self, text: str) -> None:
            """A bold amber label in the top margin, where it never covers the sheet's words
            yet cannot be missed (or cropped off by a printer's margins)."""
            width, height = self._pagesize
            self.saveState()
            self.setFont(BOLD, 11)
            text_w = self.stringWidth(text, BOLD, 11)
            box_w, box_h = text_w + 16, 19
            x = width - MARGIN_X - box_w
            y = height - MARGIN_TOP + (MARGIN_TOP - box_h) / 2
            self.setFillColor(AMBER_LIGHT)
            self.setStrokeColor(AMBER)
            self.setLineWidth(1.2)
            self.roundRect(x, y, box_w, box_h, 4, stroke=1, fill=1)
            self.setFillColor(AMBER)
            self.drawString(x + 8, y + 5.5, text)
            self.restoreState()

    return NumberedCanvas


@dataclass(frozen=True)
class Pdf:
    """A finished report: the file's bytes and how many pages it has."""

    data: bytes
    pages: int
    title: str
    #: True when the sheet carries the DRAFT mark (its feedback is not saved yet).
    draft: bool = False

    def save(self, out: Path) -> Path:
        return write_atomically(self.data, out)


def render(
    story: list[Flowable],
    meta: ReportMeta,
    paper: str,
    *,
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
) -> Pdf:
    """Lays ``story`` out on ``paper``."""
    register_fonts()
    buffer = io.BytesIO()
    size = PAPERS[paper]
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator=f"Observe {__version__}",
        keywords=list(meta.keywords),
        lang=meta.lang,
        displayDocTitle=1,
        invariant=0,
        initialFontName=REGULAR,
        initialFontSize=10,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        size[0] - 2 * MARGIN_X,
        size[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    template = PageTemplate(id="page", frames=[frame])
    if on_page is not None:
        template.onPage = on_page
    doc.addPageTemplates([template])
    doc.build(story, canvasmaker=_numbered_canvas(meta))
    draft = meta.mark is not None and meta.mark in (DRAFT_MARK, draft_mark())
    return Pdf(buffer.getvalue(), doc.page, meta.title, draft=draft)


def frame_width(paper: str) -> float:
    return PAPERS[paper][0] - 2 * MARGIN_X


def write_atomically(data: bytes, out: Path) -> Path:
    """Writes the finished PDF next to ``out`` and renames it into place."""
    out = out.expanduser()
    if out.is_dir():
        raise UsageError(_("{path} is a folder; give a file name ending in .pdf.").format(path=out))
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(
            _("The folder {folder} does not exist; create it or choose another.").format(
                folder=folder
            )
        )
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".observe-", suffix=".pdf.part", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise ObserveError(
            _(
                "Observe couldn't save the PDF to {path} ({reason}). Check that you can write "
                "there and that the disk has space, then try again."
            ).format(path=out, reason=exc.strerror or exc),
            detail=repr(exc),
        ) from exc
    return out
