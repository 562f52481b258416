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
from .wording import STOPWORDS, Word, content_words, words

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
    "wrist": "limbs",
    "hand": "limbs",
    "knee": "limbs",
    "hip": "limbs",
    "eye": "limbs",
    "mg": "doses",
    "mcg": "doses",
    "ml": "doses",
    "tablet": "doses",
    "dose": "doses",
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
END_OF_TREATMENT = 0.5  # "right after treatment": a time of its own, before any "N months after"
_END_OF_TREATMENT = re.compile(
    r"\b(?:right|straight|immediately|just)\s+after\s+(?:the\s+|a\s+)?(?:course\s+of\s+)?(?:treatment|training|the\s+course|course|"
    r"programme|program|intervention)\b|\bat\s+the\s+end\s+of\s+(?:the\s+)?(?:treatment|training|programme|program)\b|"
    r"\bpost-?treatment\b",
    re.IGNORECASE,
)
_TIME_LABEL = re.compile(r"\b(?P<u>day|week|month)\s+(?P<n>\d+)\b", re.IGNORECASE)  # "at week 8", "by month 6"
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


# A bracket opened before the figure, with the statistic's name: "(23.1%", "(OR = 1.736", "(HR: 2.7"
_OPENED = re.compile(
    r"\(\s*(?:(?:a?OR|HR|RR|IRR|MD|SMD|RaR|n|N)\s*[:=]?\s*|(?P<code>[A-Za-z]{1,3}\d{0,2}\s*[,;:]\s*(?:[a-z]+\s*)?))?[-\u2212+]?$"
)  # "(23.1%", "(OR = 1.7", "(Q9, explaining 16.2%"


# A bracket of numbers right after a figure (its interval, its n): the clause reads on past it
_INTERVAL = re.compile(r"\s*\((?:[^()a-zA-Z]|CI|SD|IQR|n|N|p|P|range|to)*\)", re.IGNORECASE)
# A bracket of words right after a figure, saying what it counts: "63 (physical function)"
_LABEL_AFTER = re.compile(r"\s*\(([A-Za-z][A-Za-z ,'-]{1,40})\)")


_SHUT = re.compile(r"[),;]")


def _clause(text: str, span: tuple[int, int]) -> tuple[list[tuple[int, int]], bool]:
    """The ranges of ``text`` that describe the figure at ``span``, and whether it is bracketed."""
    start, end = span
    before = text[:start].rstrip()
    opened = _OPENED.search(before)
    if opened and not re.search(r"\d\s*\($", before[: opened.start() + 1]):
        shut = _SHUT.search(text, end)
        close = shut.start() if shut else len(text)
        if not opened.group("code") and any(end <= w.start and w.end <= close for w in content(text)):
            return [(opened.start() + 1, close)], False  # "(6 weeks per device)": it says what it counts
        head = before[: opened.start()]
        lo = max((m.end() for m in _BOUNDARY.finditer(head)), default=0)
        if any(lo <= w.start and w.end <= len(head) and w.key not in UNITS for w in content(text)):
            return [(lo, len(head)), (start, end)], True
        # "200 of 286 patients (70%) gave follow-up information": a count before the bracket,
        # so the words after it say what the share counts
        closed = text.find(")", end)
        right = next((m.start() for m in _BOUNDARY.finditer(text, closed + 1)), len(text)) if closed >= 0 else len(text)
        return [(lo, right)], False
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    after = _LABEL_AFTER.match(text, end)
    if after and not any(left <= w.start and w.end <= start for w in content(text)):
        # "70 (pain), 63 (physical function)": a bare figure's bracket names what it counts
        return [(after.start(1), after.end(1))], True
    skip = _INTERVAL.match(text, end)  # "20.9% (95% CI 16.7%-25.9%) of the exercise groups"
    right = next((m.start() for m in _BOUNDARY.finditer(text, skip.end() if skip else end)), len(text))
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
    head_only = bracketed and ranges[0][1] <= span[0]  # "prolonged posture (23.1%)": only the words before
    right = [] if head_only else [w for w in inside if w.start >= span[1]][:after]
    own = [w for w in inside if span[0] <= w.start and w.end <= span[1]]
    return tuple({w.key: w for w in (*left, *own, *right)}.values())


def number_end(text: str, span: tuple[int, int]) -> int:
    """End of the first number in ``span`` (so "69 patients were" is read from after 69)."""
    match = re.search(r"\d[\d,.]*%?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", text[span[0] : span[1]], re.IGNORECASE)
    return span[0] + match.end() if match else span[1]


_COPULA = frozenset({"were", "was", "are", "is"})


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
        if w.text.lower() in STOPWORDS and w.text.lower() not in _COPULA:
            break  # "aged 45 and over with knee pain": the knee is not what 45 counts; "600 were women" is
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
    """Every time named in ``text`` (in days), except inside ``skip`` (the figure itself).
    A list or range before the unit names each of its times ("at 6, 12 and 18 months", "28 vs
    56 days"); an age is not a time ("aged 45 years", "38 years old")."""
    found = {0.0} if _START.search(text) else set()
    if _END_OF_TREATMENT.search(text):
        found.add(END_OF_TREATMENT)
    for m in _TIME.finditer(text):
        if _AGE_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _AGE_AFTER.match(text, m.end()) or _LENGTH_OF.match(text, m.end()):
            continue
        if re.search(r"[\u00b1]\s*$|\+/-\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue  # "51.77 ± 10.16 years": a spread, not a time
        unit = _DAYS[m.group("u").lower()]
        listed = _LISTED.search(text, max(0, m.start() - 80), m.start())  # a bounded window: linear time
        if listed:
            numbers = re.finditer(r"\d+(?:\.\d+)?", listed.group(0))
            found.update(float(n.group(0)) * unit for n in numbers if not _inside(listed.start() + n.start(), skip))
        if not (skip and m.start() < skip[1] and skip[0] < m.end()):
            found.add(_time_value(m.group("n")) * unit)
    for m in _TIME_LABEL.finditer(text):
        if not (skip and m.start() < skip[1] and skip[0] < m.end()):
            found.add(float(m.group("n")) * _DAYS[m.group("u").lower()])
    return found


def _inside(at: int, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= at < span[1]


def _time_value(n: str) -> float:
    n = n.lower()
    if n in ("a", "an"):
        return 1.0
    if n.replace(".", "").isdigit():
        return float(n)
    return float(NUMBER_WORDS.get(n, 0))


# "6, 12 and " / "28 vs " / "6-" / "1 to ": the numbers of a list or range that share the unit after it
_LISTED = re.compile(r"(?:\d+(?:\.\d+)?\s*(?:,|and|or|to|vs\.?|versus|-|\u2013)\s*)+$", re.IGNORECASE)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|age|ages|age of|mean age of|average age of)\s+(?:about\s+|over\s+)?(?:\d+\s*(?:to|-|\u2013|and)\s*)?$",
    re.IGNORECASE,
)
# "a 2-year trial", "a 12-week programme": how long a study ran, not when the figure was read
_LENGTH_OF = re.compile(r"[-\s]*(?:long\s+)?(?:trial|study|programme|program|course|follow-up|period|intervention)\b", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s*(?:old|of age)\b", re.IGNORECASE)


_ABBREVIATION = re.compile(r"((?:[A-Za-z][\w'\u2019-]*[\s-]+){1,6})\(((?:[A-Z]|[a-z]{1,3}(?=[A-Z]{2}))[A-Za-z0-9-]{1,9})\)")  # "(CM)", "(pwMS)"


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
        keys = frozenset(w.key for w in content(" ".join(long_form)))
        short_keys = [w.key for w in words(short)]
        if keys and short_keys:
            found.append((short_keys[0], keys))
    return tuple(found)
