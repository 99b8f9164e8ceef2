"""Text and charts are readable in every theme: WCAG AA computed from the palette the app
actually applies (not from a table of intended colours), and a desktop's high-contrast
palette passes through untouched."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from observe.contrast import GRAPHICS_MINIMUM, TEXT_MINIMUM, contrast_ratio
from observe.ui import appearance
from observe.ui.appearance import TEXT_PAIRS, chart_colours, contrast, readable

Role = QPalette.ColorRole


@pytest.fixture
def app_palette(qapp: QApplication):
    yield lambda: qapp.palette()
    appearance.apply_theme("system")


@pytest.mark.parametrize("theme", ["system", "light", "dark"])
def test_every_text_colour_reaches_aa_in_every_theme(app_palette, theme):
    appearance.apply_theme(theme)
    palette = app_palette()
    short = {
        (fg.name, bg.name): round(contrast(palette, fg, bg), 2)
        for fg, bg in TEXT_PAIRS
        if contrast(palette, fg, bg) < TEXT_MINIMUM
    }
    assert not short, f"{theme}: text below 4.5:1: {short}"


@pytest.mark.parametrize("theme", ["system", "light", "dark"])
def test_chart_bars_stand_out_from_their_track_and_the_window(app_palette, theme):
    appearance.apply_theme(theme)
    palette = app_palette()
    colours = chart_colours(palette)

    def rgb(c: QColor) -> tuple[int, int, int]:
        return (c.red(), c.green(), c.blue())

    window = rgb(palette.color(Role.Window))
    for name, bar in (("before", colours.before), ("after", colours.after)):
        for ground_name, ground in (("track", rgb(colours.track)), ("window", window)):
            ratio = contrast_ratio(rgb(bar), ground)
            assert ratio >= GRAPHICS_MINIMUM, f"{theme}: {name} bar on {ground_name} {ratio:.2f}"
    # The participation bars: the selection colour and the muted text tone on the window.
    talk = rgb(palette.color(Role.Highlight))
    assert contrast_ratio(talk, window) >= GRAPHICS_MINIMUM


def test_the_fusion_light_palette_is_corrected_only_where_it_falls_short(qapp):
    standard = qapp.style().standardPalette()
    assert contrast(standard, Role.HighlightedText, Role.Highlight) < TEXT_MINIMUM
    fixed = readable(standard)
    assert contrast(fixed, Role.HighlightedText, Role.Highlight) >= TEXT_MINIMUM
    assert fixed.color(Role.Text) == standard.color(Role.Text)
    assert fixed.color(Role.Window) == standard.color(Role.Window)
    # Still recognisably the same blue selection, only darker.
    before, after = standard.color(Role.Highlight), fixed.color(Role.Highlight)
    assert after.hue() == pytest.approx(before.hue(), abs=6)
    assert after.lightness() < before.lightness()


def test_a_high_contrast_desktop_palette_is_left_exactly_as_it_is(qapp):
    high = QPalette()
    for role, colour in {
        Role.Window: "#000000",
        Role.WindowText: "#ffffff",
        Role.Base: "#000000",
        Role.AlternateBase: "#1a1a1a",
        Role.Text: "#ffffff",
        Role.Button: "#000000",
        Role.ButtonText: "#ffff00",
        Role.Highlight: "#1aebff",
        Role.HighlightedText: "#000000",
        Role.PlaceholderText: "#c0c0c0",
        Role.ToolTipBase: "#000000",
        Role.ToolTipText: "#ffffff",
        Role.Link: "#ffff00",
        Role.LinkVisited: "#c0a0ff",
    }.items():
        high.setColor(role, QColor(colour))
    fixed = readable(high)
    for fg, bg in TEXT_PAIRS:
        assert fixed.color(fg) == high.color(fg)
        assert fixed.color(bg) == high.color(bg)
