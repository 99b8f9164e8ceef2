"""WCAG 2.1 colour contrast, for the app's palettes and the printed sheets alike.

Text must reach 4.5:1 against what it sits on (success criterion 1.4.3) and the parts of a
chart a reader needs must reach 3:1 against their neighbours (1.4.11). One home for the
arithmetic, so the tests, the app's palette correction and the sheet's colours agree.
"""

from __future__ import annotations

RGB = tuple[int, int, int]

TEXT_MINIMUM = 4.5
GRAPHICS_MINIMUM = 3.0


def parse_hex(colour: str) -> RGB:
    """``"#1f5f5b"`` or ``"1F5F5B"`` as an (r, g, b) triple of 0..255."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def relative_luminance(rgb: RGB) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: RGB, b: RGB) -> float:
    """From 1 (the same) to 21 (black on white), whichever of the two is lighter."""
    la, lb = relative_luminance(a), relative_luminance(b)
    if la < lb:
        la, lb = lb, la
    return (la + 0.05) / (lb + 0.05)


def over(fg: RGB, alpha: float, bg: RGB) -> RGB:
    """A translucent ``fg`` as the eye sees it on ``bg`` (what contrast must be measured on)."""
    return tuple(round(f * alpha + b * (1 - alpha)) for f, b in zip(fg, bg, strict=True))  # type: ignore[return-value]


def readable_on(fg: RGB, bg: RGB, minimum: float = TEXT_MINIMUM) -> RGB:
    """``fg`` itself when it already reaches ``minimum`` against ``bg``, else the nearest colour
    of the same hue moved towards black or white (whichever can reach it), so a palette keeps
    its character and only the too-faint colours change."""
    if contrast_ratio(fg, bg) >= minimum:
        return fg
    towards_black = relative_luminance(bg) > 0.18
    best = fg
    for step in range(1, 101):
        t = step / 100
        target = 0 if towards_black else 255
        candidate = tuple(round(c + (target - c) * t) for c in fg)
        best = candidate  # type: ignore[assignment]
        if contrast_ratio(best, bg) >= minimum:
            return best
    return best
