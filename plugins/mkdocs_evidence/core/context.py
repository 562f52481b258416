"""Compare what a claim counts, and about whom, with the source sentence that has its figure.

Five rules, tried in this order; the first that fires names the mismatch:

* ``unit``: the noun counted after the number differs in kind (people / studies / limbs ...):
  "815 trials" against "815 stroke participants";
* ``time-point``: both sentences name a time ("after 20 weeks", "at 6 months") and none agree;
* ``subgroup-total``: the source sentence states a total (who or what was included) and the
  claim attaches that total to a result ("improved", "faster"); or the source's figure is
  about a subgroup ("treatment responders") that the claim does not name;
* ``population``: the claim names a population (stroke, multiple sclerosis, children, hip
  replacement ...) that neither this sentence nor the rest of the source names, or the
  figure's label names a population the claim leaves out;
* ``outcome``: fewer than half of the words the source attaches to the figure (its *label*:
  the clause around the number, or the words before a bracketed figure "prolonged posture
  (23.1%)") are in the claim.

Words are compared as :mod:`.wording` reads them (synonyms, stems, no function words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .source_text import SourceSentence
from .statistics import NUMBER_WORDS
from .wording import Word, content_words, words

__all__ = ["Comparison", "compare"]

_UNITS = {
    "=participant": "people", "=man": "people", "=woman": "people", "=child": "people",
    "=trial": "studies", "review": "studies", "meta-analys": "studies",
    "leg": "limbs", "limb": "limbs", "foot": "limbs", "feet": "limbs", "ankl": "limbs", "nerv": "nerves",
    "centr": "centres", "center": "centres", "hospit": "centres", "session": "sessions",
    "=total hip arthroplasty": "operations", "oper": "operations", "=surgery": "operations", "procedur": "operations",
}
_POPULATIONS = frozenset({
    "=stroke", "=multiple sclerosis", "=cerebral palsy", "=child", "=man", "=woman",
    "=total hip arthroplasty", "=total knee arthroplasty", "diabet", "older", "elder", "young",
    "athlet", "pregnant", "infant", "cancer", "=lumbar", "spinal cord", "inpati", "outpati",
})
_SUBGROUPS = frozenset({"respond", "subgroup", "complet", "complier", "adher", "younger", "older", "=man", "=woman"})
_TOTAL_STEMS = frozenset({"includ", "enrol", "involv", "recruit", "eligibl", "random", "took", "compris", "pool", "synthes"})
_RESULT_STEMS = frozenset({
    "improv", "increas", "reduc", "faster", "better", "help", "recov", "benefit", "work", "effect",
    "lower", "higher", "gain", "decreas", "worse", "=recovery", "=walking speed", "success", "cure",
})
_NUMBER_KEYS = frozenset(NUMBER_WORDS) | {"hundr", "thousand", "million"}
_TIME = re.compile(
    r"(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|twenty|thirty)[\s-]*(?P<u>day|week|month|year|wk|mo|yr)s?\b",
    re.IGNORECASE,
)
_DAYS = {"day": 1, "week": 7, "wk": 7, "month": 30, "mo": 30, "year": 365, "yr": 365}
_MARKERS = re.compile(r"\[[^\]]*@[^\]]*\]|\{rating:[^}]*\}")
_BOUNDARY = re.compile(r"[;:,()\[\]]|\s(?:or|and|but|whereas|while)\s|\.\s")


@dataclass(frozen=True, slots=True)
class Comparison:
    """The claim against one source sentence. ``missing`` are source words the claim lacks,
    ``extra`` claim words the source sentence lacks; ``reason`` says why, in one sentence."""

    claim: str
    statistic: str
    source: SourceSentence
    span: tuple[int, int] | None
    kind: str = ""  # "" when the contexts agree
    reason: str = ""
    missing: tuple[Word, ...] = ()
    extra: tuple[Word, ...] = ()
    overlap: float = 0.0
    label: tuple[Word, ...] = field(default=())

    @property
    def agrees(self) -> bool:
        return not self.kind


def compare(claim: str, statistic: str, source: SourceSentence, span: tuple[int, int] | None, rest: Sequence[str] = ()) -> Comparison:
    """Compare ``claim`` (the sentence holding ``statistic``) with one source sentence."""
    blanked = _MARKERS.sub(lambda m: " " * len(m.group(0)), claim)  # same offsets as the claim
    where = blanked.find(statistic)
    stat_span = (where, where + len(statistic)) if where >= 0 else (0, 0)
    claim_words = _content(blanked)
    claim_keys = {w.key for w in claim_words}
    source_words = _content(source.text)
    source_keys = {w.key for w in source_words}
    label = _label(source.text, span)
    extra = tuple(w for w in claim_words if w.key not in source_keys)
    overlap = len(claim_keys & source_keys) / max(len(claim_keys), 1)
    base = {"claim": claim, "statistic": statistic, "source": source, "span": span, "extra": extra, "overlap": overlap, "label": label}

    def verdict(kind: str, reason: str, missing: Sequence[Word] = ()) -> Comparison:
        return Comparison(kind=kind, reason=reason, missing=tuple(missing), **base)

    unit = _unit_clash(blanked, stat_span, source.text, span)
    if unit:
        return verdict("unit", unit[0], unit[1])
    time = _time_clash(blanked, stat_span, source.text, span)
    if time:
        return verdict("time-point", time)
    missing = [w for w in label if w.key not in claim_keys]
    subgroup = [w for w in missing if w.key in _SUBGROUPS]
    if subgroup:
        return verdict("subgroup-total", f"the source's figure is about a subgroup ({_words(subgroup)}) the claim does not name", subgroup)
    if _is_total(source, label) and claim_keys & _RESULT_STEMS and not source_keys & _RESULT_STEMS:
        return verdict("subgroup-total", "the source gives this figure as a total (who or what was included), not for the result the claim states")
    rest_keys = {w.key for text in rest for w in _content(text)} | source_keys
    population = [w for w in claim_words if w.key in _POPULATIONS and w.key not in rest_keys]
    label_population = [w for w in missing if w.key in _POPULATIONS]
    if population or label_population:
        named = _words(population) if population else _words(label_population)
        side = "the claim names" if population else "the source's figure is about"
        return verdict("population", f"{side} a population the other leaves out ({named})", label_population)
    if len(label) >= 2 and len(missing) * 2 > len(label):
        return verdict("outcome", f"the source attaches this figure to {_words(label)}, which the claim does not say", missing)
    return Comparison(**base)


def _content(text: str) -> list[Word]:
    return [w for w in content_words(text) if not _is_number_word(w)]


def _is_number_word(word: Word) -> bool:
    parts = word.text.lower().replace("\u2013", "-").split("-")
    return all(p in NUMBER_WORDS or p in _NUMBER_KEYS for p in parts)


def _inside(word: Word, span: tuple[int, int]) -> bool:
    return span[0] <= word.start and word.end <= span[1]


def _words(found: Sequence[Word]) -> str:
    return ", ".join(dict.fromkeys(f'"{w.text}"' for w in found))


def _label(text: str, span: tuple[int, int] | None) -> tuple[Word, ...]:
    """The words the source attaches to its figure: the clause around it, or the words before
    a bracketed figure. Unit nouns are left to the unit rule."""
    if span is None:
        return ()
    start, end = span
    before = text[:start].rstrip()
    if before.endswith("(") and not re.search(r"\d\s*\($", before):
        head = before[:-1]
        ranges = [(max((m.end() for m in _BOUNDARY.finditer(head)), default=0), len(head)), (start, end)]
    else:
        left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
        right = next((m.start() for m in _BOUNDARY.finditer(text, end)), len(text))
        ranges = [(left, right)]
    found = [
        w for w in _content(text)
        if any(a <= w.start and w.end <= b for a, b in ranges) and w.key not in _UNITS and w.key not in _TOTAL_STEMS
    ]
    return tuple({w.key: w for w in found}.values())


def _is_total(source: SourceSentence, label: Sequence[Word]) -> bool:
    keys = {w.key for w in words(source.text)}
    return bool(keys & _TOTAL_STEMS) and not [w for w in label if w.key in _RESULT_STEMS]


def _unit_of(text: str, end: int) -> tuple[str, Word] | None:
    """The kind of thing counted by the number ending at ``end``: the first unit noun among
    the next four words before any punctuation (the statistic's own text included)."""
    stop = re.search(r"[,;:()\[\].%]|\d", text[end:])
    window = text[end : end + stop.start()] if stop else text[end:]
    for w in words(window)[:4]:
        if w.key in _UNITS:
            return _UNITS[w.key], Word(w.key, w.text, w.start + end, w.end + end)
    return None


def _unit_clash(claim: str, stat_span: tuple[int, int], source: str, span: tuple[int, int] | None) -> tuple[str, list[Word]] | None:
    if span is None or stat_span == (0, 0):
        return None
    mine = _unit_of(claim, _number_end(claim, stat_span))
    theirs = _unit_of(source, _number_end(source, span))
    if mine and theirs and mine[0] != theirs[0]:
        return f"the claim counts {mine[0]} (\"{mine[1].text}\") where the source counts {theirs[0]} (\"{theirs[1].text}\")", [theirs[1]]
    return None


def _number_end(text: str, span: tuple[int, int]) -> int:
    """End of the first number in ``span`` (so "69 patients were" is read from after 69)."""
    match = re.search(r"\d[\d,.]*%?|\b(?:" + "|".join(NUMBER_WORDS) + r")\b", text[span[0] : span[1]], re.IGNORECASE)
    return span[0] + match.end() if match else span[1]


def _times(text: str, skip: tuple[int, int] | None) -> set[float]:
    found = set()
    for m in _TIME.finditer(text):
        if skip and m.start() < skip[1] and skip[0] < m.end():
            continue
        n = m.group("n").lower()
        value = 1.0 if n in ("a", "an") else float(NUMBER_WORDS.get(n, 0) or n) if not n.replace(".", "").isdigit() else float(n)
        found.add(value * _DAYS[m.group("u").lower()])
    return found


def _time_clash(claim: str, stat_span: tuple[int, int], source: str, span: tuple[int, int] | None) -> str:
    mine = _times(claim, stat_span)
    theirs = _times(source, span)
    if mine and theirs and not mine & theirs:
        return "the claim and the source give the figure at different times"
    return ""
