"""Scaling in bands on several threads must give the pixels one single pass gives: the same
filter, the same sample positions, on a noisy photo-like image where any seam or shifted row
would show."""

from __future__ import annotations

import pytest
from PIL import Image, ImageChops

from observe.capture.resample import resize_upright

METHODS = [None, *Image.Transpose]


def noisy_photo(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """Noise over gradients in three directions, so every row and column differs."""
    bands = [
        Image.blend(
            Image.linear_gradient("L").resize(size).rotate(angle),
            Image.effect_noise(size, 64).convert("L"),
            0.5,
        )
        for angle in (0, 90, 180)
    ]
    im = Image.merge("RGB", bands)
    if mode == "RGBA":
        im.putalpha(Image.linear_gradient("L").resize(size).rotate(45))
    return im


def worst_difference(a: Image.Image, b: Image.Image) -> int:
    assert a.mode == b.mode and a.size == b.size
    return max(high for _low, high in ImageChops.difference(a, b).getextrema())


@pytest.fixture(scope="module")
def photo() -> Image.Image:
    return noisy_photo((1500, 1000))


@pytest.mark.parametrize("bands", [2, 3, 5])
def test_bands_give_the_single_pass_pixels(photo, bands):
    single = photo.resize((900, 600), Image.Resampling.BICUBIC)
    banded = resize_upright(photo, (900, 600), bands=bands)
    assert banded.size == (900, 600)
    assert worst_difference(banded, single) <= 1


def test_bands_cut_without_the_rows_around_them_would_show_a_seam(photo):
    # The check above can fail: scaling two halves cut apart loses the filter's support at the
    # cut, and the rows beside it differ from the single pass by far more than 1.
    single = photo.resize((900, 600), Image.Resampling.BICUBIC)
    naive = Image.new("RGB", (900, 600))
    naive.paste(photo.crop((0, 0, 1500, 500)).resize((900, 300), Image.Resampling.BICUBIC))
    bottom = photo.crop((0, 500, 1500, 1000)).resize((900, 300), Image.Resampling.BICUBIC)
    naive.paste(bottom, (0, 300))
    assert worst_difference(naive, single) > 8


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.name if m else "none")
def test_each_band_lands_where_the_turned_single_pass_has_it(photo, method):
    single = photo.resize((900, 600), Image.Resampling.BICUBIC)
    expected = single.transpose(method) if method is not None else single
    banded = resize_upright(photo, (900, 600), method, bands=3)
    assert banded.size == expected.size
    assert worst_difference(banded, expected) <= 1


def test_a_fractional_box_and_uneven_bands_match_too(photo):
    # What a JPEG decoded at 1/2 scale gives: a box a fraction of a pixel inside the image.
    box = (0.0, 0.0, 1499.5, 999.5)
    single = photo.resize((899, 601), Image.Resampling.BICUBIC, box)
    banded = resize_upright(photo, (899, 601), Image.Transpose.ROTATE_270, box=box, bands=4)
    assert worst_difference(banded, single.transpose(Image.Transpose.ROTATE_270)) <= 1


def test_transparency_is_scaled_premultiplied_as_pillow_does():
    im = noisy_photo((800, 600), "RGBA")
    single = im.resize((480, 360), Image.Resampling.BICUBIC)
    banded = resize_upright(im, (480, 360), bands=2)
    assert banded.mode == "RGBA"
    assert worst_difference(banded, single) <= 1


def test_one_core_and_tiny_images_take_the_single_pass(photo):
    one = resize_upright(photo, (900, 600), bands=1)
    assert one.tobytes() == photo.resize((900, 600), Image.Resampling.BICUBIC).tobytes()
    crop = photo.crop((0, 0, 600, 400))
    small = resize_upright(crop, (300, 120), bands=8)  # too few rows to cut
    assert small.tobytes() == crop.resize((300, 120), Image.Resampling.BICUBIC).tobytes()


def test_a_tenfold_reduction_keeps_pillows_reducing_gap_shortcut(photo):
    reduced = resize_upright(photo, (150, 100), bands=2)
    expected = photo.resize((150, 100), Image.Resampling.BICUBIC, reducing_gap=3.0)
    assert reduced.tobytes() == expected.tobytes()
