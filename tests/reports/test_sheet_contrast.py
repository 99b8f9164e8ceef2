"""The printed sheet's colours: every text style reaches 4.5:1 on what it is printed on (the
white page, or its own band), the DRAFT mark included, and filled chart bars reach 3:1 on
their pale track (WCAG 1.4.3 and 1.4.11; a teacher may photocopy it in grey)."""

from __future__ import annotations

from reportlab.lib import colors

from observe.contrast import GRAPHICS_MINIMUM, TEXT_MINIMUM, contrast_ratio
from observe.reports import layout

WHITE = colors.white


def rgb(colour: colors.Color) -> tuple[int, int, int]:
    return tuple(round(c * 255) for c in colour.rgb())  # type: ignore[return-value]


def test_every_text_style_is_readable_on_its_background():
    short = {}
    for name, style in layout.styles().__dict__.items():
        if not hasattr(style, "textColor"):
            continue
        ground = style.backColor or WHITE
        ratio = contrast_ratio(rgb(style.textColor), rgb(ground))
        if ratio < TEXT_MINIMUM:
            short[name] = round(ratio, 2)
    assert not short, f"styles below 4.5:1: {short}"


def test_the_draft_mark_and_footer_are_readable():
    assert contrast_ratio(rgb(layout.AMBER), rgb(layout.AMBER_LIGHT)) >= TEXT_MINIMUM
    assert contrast_ratio(rgb(layout.MUTED), rgb(WHITE)) >= TEXT_MINIMUM
    # Table header bands and notes boxes carry body text.
    for band in (layout.TEAL_LIGHT, layout.CREAM, layout.AMBER_LIGHT):
        assert contrast_ratio(rgb(layout.INK), rgb(band)) >= TEXT_MINIMUM
        assert contrast_ratio(rgb(layout.MUTED), rgb(band)) >= TEXT_MINIMUM


def test_filled_bars_stand_out_from_their_track():
    assert contrast_ratio(rgb(layout.TEAL), rgb(layout.TEAL_LIGHT)) >= GRAPHICS_MINIMUM
    assert contrast_ratio(rgb(layout.TEAL), rgb(WHITE)) >= GRAPHICS_MINIMUM
