"""The coach's own look: light, dark or the system's colours, and the capture text size.

Both apply at once, to the running app, without a restart. The theme is a palette on the
application (every widget and chart follows it; charts read it when they redraw). The text size
is the coach's zoom for the two places they read while observing, the capture line and the
timeline, independent of the system's font size, which everything else keeps.

Whatever the theme, text reaches WCAG AA contrast (4.5:1): a palette role that falls short
(Fusion's light selection colour, its half-transparent placeholder text) is moved towards black
or white just enough, and every other role keeps following the desktop, so a system
high-contrast palette passes through untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from observe.contrast import GRAPHICS_MINIMUM, RGB, contrast_ratio, over, readable_on

_theme = "system"
_watching = False

_DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#333333",
    QPalette.ColorRole.ToolTipBase: "#3a3a3a",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#3a3a3a",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#505050",
    QPalette.ColorRole.Midlight: "#444444",
    QPalette.ColorRole.Mid: "#555555",
    QPalette.ColorRole.Dark: "#1a1a1a",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7fb0ff",
    QPalette.ColorRole.LinkVisited: "#c09cff",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#8a8a8a",
    QPalette.ColorRole.Text: "#8a8a8a",
    QPalette.ColorRole.ButtonText: "#8a8a8a",
    QPalette.ColorRole.Highlight: "#505050",
}


Role = QPalette.ColorRole
#: Text roles and what they are drawn on. The first of a pair is the one moved when it falls
#: short, except a selection, whose background is moved (white text cannot get whiter).
TEXT_PAIRS: tuple[tuple[Role, Role], ...] = (
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.PlaceholderText, Role.Base),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
    (Role.LinkVisited, Role.Base),
    (Role.HighlightedText, Role.Highlight),
)


def _rgb(colour: QColor, on: QColor | None = None) -> RGB:
    rgb = (colour.red(), colour.green(), colour.blue())
    if on is not None and colour.alphaF() < 1.0:
        return over(rgb, colour.alphaF(), (on.red(), on.green(), on.blue()))
    return rgb


def contrast(palette: QPalette, fg: Role, bg: Role) -> float:
    """The contrast the eye gets for ``fg`` text on ``bg`` (a translucent colour blended)."""
    back = palette.color(QPalette.ColorGroup.Active, bg)
    front = palette.color(QPalette.ColorGroup.Active, fg)
    return contrast_ratio(_rgb(front, back), _rgb(back))


def readable(palette: QPalette) -> QPalette:
    """``palette`` with every text role of :data:`TEXT_PAIRS` at 4.5:1 or better; roles that
    already pass are not touched (nor marked as set, so they keep following the desktop)."""
    fixed = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg, bg in TEXT_PAIRS:
            front, back = fixed.color(group, fg), fixed.color(group, bg)
            if contrast_ratio(_rgb(front, back), _rgb(back)) >= 4.5:
                continue
            if fg is Role.HighlightedText:
                moved = readable_on(_rgb(back), _rgb(front, back))
                fixed.setColor(group, bg, QColor(*moved))
            else:
                moved = readable_on(_rgb(front, back), _rgb(back))
                fixed.setColor(group, fg, QColor(*moved))
    return fixed


@dataclass(frozen=True)
class ChartColours:
    """What the app's small charts paint with, from the palette in use: the empty track, and
    the before and after bars, each at 3:1 or better against the track and the window
    (WCAG 1.4.11; the figures are also written beside the bars, so colour is never alone)."""

    track: QColor
    before: QColor
    after: QColor


_TEAL = (15, 118, 110)
_TEAL_LIGHT = (94, 174, 166)


def chart_colours(palette: QPalette) -> ChartColours:
    window = _rgb(palette.color(Role.Window))
    track = palette.color(Role.Base)
    dark = sum(window) / 3 < 128
    after = (94, 205, 192) if dark else _TEAL
    before = (58, 140, 132) if dark else _TEAL_LIGHT

    def distinct(colour: RGB) -> QColor:
        # Against the track it fills and the window around it (both light or both dark).
        for ground in (_rgb(track), window):
            colour = readable_on(colour, ground, GRAPHICS_MINIMUM)
        return QColor(*colour)

    return ChartColours(track=track, before=distinct(before), after=distinct(after))


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


def apply_theme(theme: str) -> None:
    """ "light", "dark" or "system" (the desktop's colours, followed when they change)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    global _theme
    _theme = theme
    schemes = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
        "system": Qt.ColorScheme.Unknown,
    }
    hints = QGuiApplication.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+: also tells native dialogs
        hints.setColorScheme(schemes.get(theme, Qt.ColorScheme.Unknown))
    if theme == "dark":
        app.setPalette(readable(dark_palette()))
    elif theme == "light":
        app.setPalette(readable(app.style().standardPalette()))
    else:
        # An empty palette hands every role back to the desktop; only the roles that fall
        # short of AA are then set, so the rest keep following it.
        app.setPalette(QPalette())
        app.setPalette(readable(app.palette()))
    global _watching
    if not _watching:
        _watching = True
        hints.colorSchemeChanged.connect(_desktop_changed)


def _desktop_changed(_scheme: object) -> None:
    """The desktop switched light/dark: re-check the corrected roles against its new colours."""
    if _theme == "system":
        apply_theme("system")


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def zoomed_font(percent: int) -> QFont:
    """The system's font at ``percent`` of its size."""
    font = QFont(QApplication.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * percent / 100)
    else:  # a pixel-sized system font
        font.setPixelSize(max(1, round(font.pixelSize() * percent / 100)))
    return font


def apply_text_size(widgets: list[QWidget], percent: int) -> None:
    for widget in widgets:
        widget.setFont(zoomed_font(percent))
