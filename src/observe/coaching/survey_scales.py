"""The answer scales a student survey uses, and which answers count as agreeing.

A question is kept only when every answer belongs to one scale we know, so the share agreeing
always means the same thing: the top two options of an agreement or frequency scale (or of a
1–N rating, higher meaning more), and "Yes" of a yes/no question.
"""

from __future__ import annotations

from dataclasses import dataclass

from observe.i18n import N_, _


@dataclass(frozen=True)
class Scale:
    key: str
    #: The options in the order they are shown, most agreeing first.
    options: tuple[str, ...]
    #: Indexes (in ``options``) of the answers that count as agreeing.
    agree: tuple[int, ...]
    #: What the coach is told about the scale.
    label: str


# Options and labels are stored and matched in English (N_ marks them for translation where
# they are shown: ``option_label`` / ``scale_label``).
AGREE5 = Scale(
    "agree5",
    (
        N_("Strongly agree"),
        N_("Agree"),
        N_("Neither agree nor disagree"),
        N_("Disagree"),
        N_("Strongly disagree"),
    ),
    (0, 1),
    N_("Strongly agree … Strongly disagree"),
)
AGREE4 = Scale(
    "agree4",
    (N_("Strongly agree"), N_("Agree"), N_("Disagree"), N_("Strongly disagree")),
    (0, 1),
    N_("Strongly agree … Strongly disagree"),
)
FREQUENCY = Scale(
    "frequency",
    (N_("Always"), N_("Often"), N_("Sometimes"), N_("Rarely"), N_("Never")),
    (0, 1),
    N_("Always … Never"),
)
YES_NO = Scale("yes_no", (N_("Yes"), N_("No")), (0,), N_("Yes / No"))


def option_label(option: str) -> str:
    """A scale's answer in the current language (as printed on a paper survey)."""
    return _(option)


def scale_label(scale: Scale) -> str:
    return _(scale.label)


SCALES: dict[str, Scale] = {s.key: s for s in (AGREE5, AGREE4, FREQUENCY, YES_NO)}

_AGREE_ALIASES = {
    "strongly agree": 0,
    "totally agree": 0,
    "completely agree": 0,
    "agree": 1,
    "somewhat agree": 1,
    "mostly agree": 1,
    "neither agree nor disagree": 2,
    "neither agree or disagree": 2,
    "neutral": 2,
    "not sure": 2,
    "unsure": 2,
    "undecided": 2,
    "disagree": 3,
    "somewhat disagree": 3,
    "mostly disagree": 3,
    "strongly disagree": 4,
    "totally disagree": 4,
    "completely disagree": 4,
}
_FREQUENCY_ALIASES = {
    "always": 0,
    "almost always": 0,
    "often": 1,
    "usually": 1,
    "most of the time": 1,
    "frequently": 1,
    "sometimes": 2,
    "occasionally": 2,
    "rarely": 3,
    "seldom": 3,
    "hardly ever": 3,
    "almost never": 3,
    "never": 4,
}
_YES_NO_ALIASES = {"yes": 0, "y": 0, "no": 1, "n": 1}


def _norm(answer: str) -> str:
    return " ".join(answer.casefold().replace("’", "'").strip(" .!").split())


def rating_scale(top: int) -> Scale:
    """A 1–``top`` rating: higher means more, the top two count as agreeing."""
    options = tuple(str(n) for n in range(top, 0, -1))
    return Scale(f"rating{top}", options, (0, 1), f"1–{top} (higher is more)")


def scale_by_key(key: str) -> Scale:
    if key.startswith("rating") and key[6:].isdigit() and 2 <= int(key[6:]) <= 10:
        return rating_scale(int(key[6:]))
    return SCALES[key]


def detect(answers: list[str]) -> tuple[Scale, list[int]] | None:
    """The scale every non-blank answer belongs to, and the count of each option; None when
    the answers fit no scale we know (free text, several choices, a typo)."""
    distinct: dict[str, int] = {}
    for answer in answers:
        if answer:
            key = _norm(answer)
            distinct[key] = distinct.get(key, 0) + 1
    if not distinct:
        return None
    for aliases, scale in (
        (_AGREE_ALIASES, None),
        (_FREQUENCY_ALIASES, FREQUENCY),
        (_YES_NO_ALIASES, YES_NO),
    ):
        if all(answer in aliases for answer in distinct):
            if scale is None:
                middle = any(aliases[a] == 2 for a in distinct)
                scale = AGREE5 if middle else AGREE4
                index = {a: (i if middle or i < 2 else i - 1) for a, i in aliases.items()}
            else:
                index = aliases
            counts = [0] * len(scale.options)
            for answer, n in distinct.items():
                counts[index[answer]] += n
            return scale, counts
    numbers: dict[int, int] = {}
    for answer, n in distinct.items():
        if not answer.isdigit():
            return None
        numbers[int(answer)] = numbers.get(int(answer), 0) + n
    if min(numbers) < 1 or max(numbers) > 10:
        return None
    top = max(5, max(numbers))
    scale = rating_scale(top)
    counts = [numbers.get(int(option), 0) for option in scale.options]
    return scale, counts
