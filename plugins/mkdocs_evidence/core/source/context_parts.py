"""Reading a source sentence around one of its figures: the figure's label, the thing it
counts, the people it is about, the times it names. Used by :mod:`.context`.

* the *label* is the words the source attaches to the figure: up to four content words before
  a bracketed figure ("prolonged posture (23.1%)"), else the nearest content words (four
  before, four after) inside the figure's clause (between commas, semicolons, brackets, "and",
  "or");
* the *unit* is the kind of thing a count counts, from the first unit noun after the number
  ("815 stroke participants" -> people); percentages have none;
* the *population phrase* is what follows the figure after "of", "with", "in" or "among"
  ("8.1% of all inpatients with lumbar degenerative disease") up to a verb or a boundary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..statistics import NUMBER_WORDS
from .wording import Word, content_words, words

__all__ = [
    "TOTAL_STEMS",
    "UNITS",
    "abbreviations",
    "bracketed",
    "claim_clause",
    "content",
    "label",
    "number_end",
    "population_phrase",
    "same_kind",
    "times",
    "unit_of",
    "words_text",
]

UNITS = {
    "=participant": "people",
    "=man": "men",
    "=woman": "women",
    "=child": "children",
    "day": "time",
    "week": "time",
    "month": "time",
    "year": "time",
    "hour": "time",
    "minut": "time",
    "=trial": "studies",
    "review": "studies",
    "meta-analys": "studies",
    "leg": "limbs",
    "limb": "limbs",
    "foot": "limbs",
    "feet": "limbs",
    "ankl": "limbs",
    "nerv": "nerves",
    "centr": "centres",
    "center": "centres",
    "session": "sessions",
    "implant": "devices",
    "=implant": "devices",
    "oper": "operations",
    "procedur": "operations",
}
TOTAL_STEMS = frozenset({"includ", "enrol", "involv", "recruit", "eligibl", "random", "randomis", "took", "compris"})
# Left out of a figure's label with the inclusion verbs: how a review counted, not what.
_LABEL_SKIP = TOTAL_STEMS | {
    "pool",
    "synthes",
    "synthesis",
    "give",
    "combin",
    "group",
    "inclus",
    "criteria",
    "met",
    "review",
}
_NUMBER_KEYS = frozenset(NUMBER_WORDS) | {"hundr", "thousand", "million"}
_BOUNDARY = re.compile(r"[;:,()\[\]]|\s(?:or|and|but|whereas|while)\s|\.\s")
_TIME = re.compile(
    r"(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|twenty|thirty)[\s-]*(?P<u>day|week|month|year|wk|mo|yr)s?\b",
    re.IGNORECASE,
)
_START = re.compile(
    r"\b(?:on admission|at admission|at baseline|at the start|before treatment|at entry)\b", re.IGNORECASE
)
_DAYS = {"day": 1, "week": 7, "wk": 7, "month": 30, "mo": 30, "year": 365, "yr": 365}
_PHRASE_START = re.compile(r"\s*(?:of|with|in|among|from)\s", re.IGNORECASE)
_PHRASE_STOP = re.compile(
    r"[;:,()\[\].]|\b(?:had|have|has|was|were|is|are|who|that|which|did|developed|recovered|improved|got|"
    r"reached|showed|needed|walked|used|kept|increased|and|or|but)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=32768)
def content(text: str) -> tuple[Word, ...]:
    """Content words, number words left out (the figure itself is compared elsewhere)."""
    return tuple(w for w in content_words(text) if not _is_number_word(w))


def _is_number_word(word: Word) -> bool:
    parts = word.text.lower().replace("\u2013", "-").split("-")
    return all(p in NUMBER_WORDS or p in _NUMBER_KEYS for p in parts)


def words_text(found: Sequence[Word]) -> str:
    """Words for a message: ``"prolonged", "posture"``."""
    return ", ".join(dict.fromkeys(f'"{w.text}"' for w in found))


def _clause(text: str, span: tuple[int, int]) -> tuple[list[tuple[int, int]], bool]:
    """The ranges of ``text`` that describe the figure at ``span``, and whether it is bracketed."""
    start, end = span
    before = text[:start].rstrip()
    if before.endswith("(") and not re.search(r"\d\s*\($", before):
        head = before[:-1]
        return [(max((m.end() for m in _BOUNDARY.finditer(head)), default=0), len(head)), (start, end)], True
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _BOUNDARY.finditer(text, end)), len(text))
    return [(left, right)], False


def claim_clause(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The ranges of ``text`` that describe the figure at ``span`` (see :func:`label`)."""
    return _clause(text, span)[0]


def bracketed(text: str, span: tuple[int, int] | None) -> bool:
    """Whether the figure is given in brackets after what it counts: "prolonged posture (23.1%)"."""
    return span is not None and _clause(text, span)[1]


def same_kind(mine: str, theirs: str) -> bool:
    """Whether two counted kinds agree: people covers men, women and children."""
    return mine == theirs or ("people" in (mine, theirs) and {mine, theirs} <= {"people", "men", "women", "children"})


def label(text: str, span: tuple[int, int] | None, *, before: int = 4, after: int = 4) -> tuple[Word, ...]:
    """The words the source attaches to its figure (unit nouns and inclusion verbs left out)."""
    if span is None:
        return ()
    ranges, bracketed = _clause(text, span)
    inside = [
        w
        for w in content(text)
        if any(a <= w.start and w.end <= b for a, b in ranges) and w.key not in UNITS and w.key not in _LABEL_SKIP
    ]
    left = [w for w in inside if w.end <= span[0]][-before:]
    right = [] if bracketed else [w for w in inside if w.start >= span[1]][:after]
    own = [w for w in inside if span[0] <= w.start and w.end <= span[1]]
    return tuple({w.key: w for w in (*left, *own, *right)}.values())


def number_end(text: str, span: tuple[int, int]) -> int:
    """End of the first number in ``span`` (so "69 patients were" is read from after 69)."""
    match = re.search(r"\d[\d,.]*%?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", text[span[0] : span[1]], re.IGNORECASE)
    return span[0] + match.end() if match else span[1]


def unit_of(text: str, end: int) -> tuple[str, Word] | None:
    """The kind of thing counted by the number ending at ``end``: the first unit noun among
    the next four words before any punctuation; None after a percentage."""
    if text[:end].rstrip().endswith("%") or re.match(r"\s*(?:%|per\s*cent|percent)", text[end:], re.IGNORECASE):
        return None
    stop = re.search(r"[,;:()\[\].%]|\d", text[end:])
    window = text[end : end + stop.start()] if stop else text[end:]
    for w in words(window)[:4]:
        if w.key in UNITS:
            return UNITS[w.key], Word(w.key, w.text, w.start + end, w.end + end)
    return None


def population_phrase(text: str, end: int) -> tuple[Word, ...]:
    """Content words after the figure introduced by "of", "with", "in", "among", "from" (after
    an optional unit noun), up to a verb or a boundary: who the figure is about."""
    rest = text[end:]
    head = re.match(r"\s*(?:[A-Za-z-]+\s+){0,2}?(?=(?:of|with|in|among|from)\s)", rest, re.IGNORECASE)
    offset = head.end() if head else 0
    if head and any(
        w.key not in UNITS and w.key not in ("all", "the") and w.text.lower() not in ("all", "the", "of")
        for w in words(rest[:offset])
    ):
        return ()
    if not _PHRASE_START.match(rest, offset):
        return ()
    stop = _PHRASE_STOP.search(rest, offset + 4)
    phrase_end = end + (stop.start() if stop else len(rest))
    return tuple(w for w in content(text) if end + offset <= w.start and w.end <= phrase_end and w.key not in UNITS)[:5]


def times(text: str, skip: tuple[int, int] | None) -> set[float]:
    """Every time named in ``text`` (in days), except inside ``skip`` (the figure itself)."""
    found = {0.0} if _START.search(text) else set()
    for m in _TIME.finditer(text):
        if skip and m.start() < skip[1] and skip[0] < m.end():
            continue
        n = m.group("n").lower()
        if n in ("a", "an"):
            value = 1.0
        elif n.replace(".", "").isdigit():
            value = float(n)
        else:
            value = float(NUMBER_WORDS.get(n, 0))
        found.add(value * _DAYS[m.group("u").lower()])
    return found


_ABBREVIATION = re.compile(r"((?:[A-Za-z][\w'\u2019-]*[\s-]+){1,6})\(([A-Z][A-Za-z0-9-]{1,9})\)")


@lru_cache(maxsize=4096)
def abbreviations(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Abbreviations a source defines, "chronic migraine (CM)" -> (key of "CM", keys of
    "chronic migraine"): the long form's words are the initials' words, read from the right."""
    found = []
    for m in _ABBREVIATION.finditer(text):
        short = m.group(2)
        letters = [c.lower() for c in short if c.isupper()]
        tokens = re.findall(r"[A-Za-z][\w'\u2019]*", m.group(1))
        if not letters or len(letters) > len(tokens):
            continue
        long_form = tokens[-len(letters) :]
        if [t[0].lower() for t in long_form] != letters and not short.lower().startswith(long_form[0][0].lower()):
            continue
        keys = frozenset(k for w in content(" ".join(long_form)) for k in w.keys)
        short_keys = [w.key for w in words(short)]
        if keys and short_keys:
            found.append((short_keys[0], keys))
    return tuple(found)
