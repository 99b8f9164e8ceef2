"""Proposed sentences made from a look-for's title, grammatical whatever shape the title has.

Look-for titles come in three shapes, and each needs its own sentence:

* "Students <verb phrase>" ("Students ask each other questions") → "Students were able to ask
  each other questions." A modal is dropped first ("Students can say…" → "…able to say…").
* a clause with its own subject and verb ("Many different students contribute", "Mistakes are
  treated as useful thinking") → "I noticed that many different students contribute."
* a noun phrase ("Partner talk before whole-class sharing", "Think time before answers are
  taken") → "I noticed partner talk before whole-class sharing." — never "I noticed that…",
  which needs a clause.

Telling a clause from a noun phrase uses the words before the first preposition or subordinator
(so "answers are taken" after "before" doesn't count): the title is a clause when that head
holds a finite verb (a closed list of auxiliaries and common verbs), or a plural noun followed by
a bare verb ("students contribute"). Anything unsure is read as a noun phrase, which always makes
a grammatical sentence after "I noticed".
"""

from __future__ import annotations

import itertools
import re

#: Words that end a title's head: what follows them can't be its main verb.
BOUNDARIES = frozenset(
    [
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "among",
        "around",
        "as",
        "at",
        "because",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "by",
        "during",
        "for",
        "from",
        "if",
        "in",
        "including",
        "inside",
        "into",
        "like",
        "near",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "out",
        "over",
        "since",
        "so",
        "than",
        "that",
        "though",
        "through",
        "throughout",
        "till",
        "to",
        "toward",
        "towards",
        "under",
        "until",
        "unlike",
        "upon",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "with",
        "within",
        "without",
    ]
)

#: Finite verbs that make the head a clause on their own.
FINITE = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "am",
        "be",
        "been",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "get",
        "gets",
        "got",
    ]
)

MODALS = frozenset(["can", "could", "will", "would", "shall", "should", "may", "might", "must"])

#: Plural words that are rarely a subject on their own; the next word is not read as a verb.
_NOT_VERBS = frozenset(
    [
        "and",
        "or",
        "but",
        "not",
        "only",
        "also",
        "all",
        "both",
        "each",
        "every",
        "more",
        "most",
        "many",
        "much",
        "few",
        "other",
        "others",
        "own",
        "same",
        "such",
        "very",
        "too",
    ]
)

_STUDENTS = frozenset({"students", "student", "learners", "pupils"})
_TRAILING = ".!?;:… "


def _words(title: str) -> list[str]:
    return title.split()


def _bare(word: str) -> str:
    return re.sub(r"[^\w'’-]", "", word.lower())


def _head(words: list[str]) -> list[str]:
    head: list[str] = []
    for word in words:
        if _bare(word) in BOUNDARIES and head:
            break
        head.append(word)
    return head


def _looks_plural(word: str) -> bool:
    w = _bare(word)
    return (
        len(w) > 3
        and (w.endswith("s'") or w.endswith("s’") or w.endswith("s"))
        and (not w.endswith("ss"))
    )


def _bare_verb(word: str) -> bool:
    """A present-tense verb after a plural subject: not a participle, not an -s form."""
    w = _bare(word)
    return (
        bool(w)
        and w.isalpha()
        and w not in _NOT_VERBS
        and w not in BOUNDARIES
        and not w.endswith(("ed", "ing", "ly", "s"))
    )


def title_shape(title: str) -> str:
    """ "students", "clause" or "noun": which sentence a look-for title can make."""
    words = _words(clean_title(title))
    if len(words) >= 2 and _bare(words[0]) in _STUDENTS and _bare(words[1]) not in BOUNDARIES:
        return "students"
    head = _head(words)
    bare = [_bare(w) for w in head]
    if any(w in FINITE for w in bare[1:]):
        return "clause"
    for before, word in itertools.pairwise(head):
        if _looks_plural(before) and _bare_verb(word):
            return "clause"
    return "noun"


def clean_title(title: str) -> str:
    return " ".join(title.split()).strip(_TRAILING)


def _lower_first(text: str) -> str:
    """Lower-cases the first word unless it is an acronym or a name written with capitals."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:])):
        return text
    return text[:1].lower() + text[1:]


def _predicate(title: str) -> str:
    """What students did, from "Students <verb phrase>", without a leading modal."""
    rest = clean_title(title).split(" ", 1)[1]
    first, _, tail = rest.partition(" ")
    if _bare(first) in MODALS and tail:
        return tail
    return rest


def strength_from_title(title: str) -> str:
    """The proposed strength for items marked seen for this look-for."""
    text = clean_title(title)
    if not text:
        raise ValueError("a look-for needs a title to make a sentence")
    shape = title_shape(text)
    if shape == "students":
        predicate = _predicate(text)
        if _bare(predicate.split(" ", 1)[0]) in {"are", "is", "were", "was"}:
            rest = predicate.split(" ", 1)[1] if " " in predicate else ""
            return f"Students were {rest}." if rest else "Students were."
        return f"Students were able to {predicate}."
    if shape == "clause":
        return f"I noticed that {_lower_first(text)}."
    return f"I noticed {_lower_first(text)}."


def wondering_from_title(title: str) -> str:
    """The proposed wondering when the coach marked this look-for "not yet" on an item."""
    text = clean_title(title)
    if not text:
        raise ValueError("a look-for needs a title to make a sentence")
    shape = title_shape(text)
    if shape == "students":
        predicate = _predicate(text)
        first = _bare(predicate.split(" ", 1)[0])
        if first in {"are", "is", "were", "was"}:
            return f"I wonder what would help more students be {predicate.split(' ', 1)[1]}?"
        return f"I wonder what would help more students {predicate}?"
    if shape == "clause":
        return f"I wonder what would make it more likely that {_lower_first(text)}?"
    return f"I wonder how we might make more room for {_lower_first(text)}?"


#: What a finished proposed sentence may never be or contain: an ellipsis (a stem waiting for
#: words), a template slot, or a sentence ending straight after its opening words.
_STEM_ENDINGS = re.compile(
    r"\b(I noticed|I noticed that|Students were able to|Students said|When you|"
    r"It was clear that students|I wonder what would happen if|What might shift if|"
    r"Next step to try|I'm curious how|students|"
    # The Spanish stems (observe.feedback.sentences_es and the catalog's translations).
    r"Observé|Observé que|Los estudiantes lograron|Los estudiantes dijeron|Cuando usted|"
    r"Se notó que los estudiantes|Me pregunto qué pasaría si|Qué podría cambiar si|"
    r"Un próximo paso para probar|Tengo curiosidad por saber cómo|estudiantes)\s*[.?!:]?$",
    re.IGNORECASE,
)


def problems(sentence: str) -> list[str]:
    """Why a proposed sentence may not reach a sheet (empty when it may).

    The rule: it is one sentence that ends with ".", "?" or "!"; it has no ellipsis, no
    template braces or brackets; it doesn't stop right after a stem's opening words; and
    "I noticed that" is followed by a clause (a subject and a finite verb), never a noun phrase.
    """
    found: list[str] = []
    text = sentence.strip()
    if not text:
        return ["empty"]
    if "…" in text or "..." in text:
        found.append("contains an ellipsis")
    if re.search(r"[{}\[\]<>]", text):
        found.append("contains a template slot")
    if text[-1] not in ".?!":
        found.append("does not end a sentence")
    if _STEM_ENDINGS.search(text):
        found.append("ends with a sentence stem")
    if ".." in text.replace("...", "") or "?." in text or ".?" in text:
        found.append("doubled punctuation")
    marker = "I noticed that "
    if marker in text:
        clause = text.split(marker, 1)[1].rstrip(".?!")
        if title_shape(clause) == "noun":
            found.append("'I noticed that' before a noun phrase")
    return found
