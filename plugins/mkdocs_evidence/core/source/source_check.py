"""Check each statistic against what its source says: the same figure, about the same thing.

For a statistic and the references cited in its sentence:

1. find the source sentences (abstract, excerpt, ``figures`` items: :mod:`.source_text`) that
   state the same figure, with the honest rounding of :func:`.figures.matches_figure`;
2. none: the figure is not in the source (``absent``);
3. for each such sentence compare what is counted and about whom (:mod:`.context`): the unit
   or noun after the number, the words the source attaches to the figure (its *label*), the
   population, the time point, a total against a subgroup result. One sentence that agrees is
   enough; otherwise the closest one is reported as a mismatch, with the words that differ.

Everything here is deterministic; every verdict names the words it rests on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..bib.references import Reference
from ..text.numbers import NUMBER_WORDS
from .context import Comparison, compare
from .source_text import SourceSentence, has_source_text, source_sentences

__all__ = ["Candidate", "Verdict", "candidates", "other_unit", "verify"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A source sentence holding the statistic's figure; ``span`` is the figure in it, when found."""

    sentence: SourceSentence
    span: tuple[int, int] | None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the sources say about one statistic.

    ``state`` is ``no-source`` (no source text and no ``figures``), ``absent`` (no sentence has
    the figure), ``match`` or ``mismatch``; ``comparison`` is the agreeing sentence's or the
    closest disagreeing sentence's comparison; ``text_checked`` says the references carry their
    source's own words (not only the editor's ``figures``).
    """

    state: str
    comparison: Comparison | None = None
    text_checked: bool = False
    candidates: int = 0


def candidates(statistic: str, references: Sequence[Reference]) -> list[Candidate]:
    """Every source sentence of ``references`` that states ``statistic``'s figure."""
    from ..claims.figures import matches_figure

    found: list[Candidate] = []
    for reference in references:
        own_text = has_source_text(reference)  # then `figures` items are checked against it, not used
        for sentence in source_sentences(reference):
            if own_text and sentence.origin == "figures":
                continue
            spans = [
                (f.start, f.end)
                for f in sentence.figures
                if matches_figure(statistic, [f.text, _SOURCE_HEDGE.sub("", f.text)])
                and _same_time_unit(statistic, f.text)
                and _same_time_unit(statistic, sentence.text, strict=True)
            ]
            if _TIME_UNIT.search(statistic):  # a duration: every place the sentence states it with its unit
                more = _durations(statistic, sentence.reading or sentence.text)
                spans += [d for d in more if not any(a < d[1] and d[0] < b for a, b in spans)]
            if spans:
                found.extend(Candidate(sentence, span) for span in spans)
            elif _TIME_UNIT.search(statistic):
                found.extend(Candidate(sentence, span) for span in _durations(statistic, sentence.reading or sentence.text))
            elif matches_figure(statistic, [_singular(sentence.reading or sentence.text)]):
                found.append(Candidate(sentence, _number_span(statistic, sentence.reading or sentence.text)))
            elif _RATIO_STAT.search(statistic) and _RATIO_NAME.search(sentence.text):
                found.extend(Candidate(sentence, span) for span in _ratios(statistic, sentence.reading or sentence.text))
    return found


def verify(statistic: str, claim: str, references: Sequence[Reference], *, before: str = "") -> Verdict:
    """Compare one statistic (its text and its claim sentence) with the cited references;
    ``before`` is the claim's previous sentence (see :func:`.context.compare`)."""
    text_checked = any(has_source_text(r) for r in references)
    if not text_checked and not any(r.figures for r in references):
        return Verdict("no-source")
    found = candidates(statistic, references) or _part_of_total(statistic, references)
    if not found:
        other = other_unit(statistic, claim, references)
        return Verdict("mismatch", other, text_checked, 1) if other else Verdict("absent", text_checked=text_checked)
    comparisons = [compare(claim, statistic, c.sentence, c.span, _others(c, references), before) for c in found]
    # a sentence where the number was not located ("seven days" for a claim's 7) says little:
    # it is weighed only when no sentence locates the figure
    comparisons = [c for c in comparisons if c.span is not None] or comparisons
    agreeing = [c for c in comparisons if c.agrees]
    if agreeing:
        return Verdict("match", max(agreeing, key=lambda c: c.overlap), text_checked, len(found))
    return Verdict("mismatch", max(comparisons, key=lambda c: c.overlap), text_checked, len(found))


_NUMBER = re.compile(r"\d[\d,.]*(?:\s*%)?|\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _number_span(statistic: str, text: str) -> tuple[int, int] | None:
    """Where a number the finder did not read as a statistic stands ("sitting cross-legged
    (6 patients)"), so its own words can still be read; None when no single number agrees."""
    from ..claims.figures import matches_figure

    spans = [(m.start(), m.end()) for m in _NUMBER.finditer(text) if matches_figure(statistic, [m.group(0)])]
    if len(spans) > 1:  # "10 female ... ± 10.16 years": the number as the claim writes it
        stated = {m.group(0).replace(",", "") for m in re.finditer(r"\d[\d,.]*", statistic)}
        spans = [(a, b) for a, b in spans if text[a:b].replace(",", "").rstrip("%").strip() in stated] or spans
    return spans[0] if len(spans) == 1 else None


# "on average 20.9%": the source's own number, not a hedge the claim's "about 21%" must match
_SOURCE_HEDGE = re.compile(r"^(?:on\s+)?(?:an?\s+)?(?:average|mean|median)\s+(?:of\s+)?", re.IGNORECASE)


_RATIO_STAT = re.compile(r"\b(?:hazard|odds|risk|rate)\s+ratio|\b(?:a?HR|a?OR|RR|IRR)\b|\brelative\s+risk", re.IGNORECASE)
_RATIO_NAME = re.compile(r"\bhazards?\b|\b(?:odds|risk|rate)\s+ratios?\b|\b(?:a?HRs?|a?ORs?|RRs?|IRRs?)\b|\brelative\s+risks?\b", re.IGNORECASE)
_RATIO_VALUE = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")


def _ratios(statistic: str, text: str) -> list[tuple[int, int]]:
    """Where a sentence that names a ratio ("fully adjusted hazard ratios of 0.72 [...] in
    CLUE I, 0.69 [...] in CLUE II") states the statistic's ratio value, away from its name."""
    from ..claims.figures import matches_figure

    value = _RATIO_VALUE.search(statistic)
    if value is None:
        return []
    return [
        (m.start(), m.end())
        for m in _RATIO_VALUE.finditer(text)
        if matches_figure(value.group(0), [m.group(0)])
        and not _in_interval(text, m.start())
    ]


def _in_interval(text: str, at: int) -> bool:
    """Whether the number at ``at`` is a bound of an interval: "CI 0.5 to 1.1", "[0.68, 0.77]"."""
    if re.search(r"(?:\bCI|\bto|[-\u2013])\s*$", text[max(0, at - 12) : at]) or re.match(r"\s*(?:to|-|\u2013)\s*\d", text[at:]):
        return True
    lo = max(0, at - 200)  # a bounded window: linear time on long sentences
    opened = max(text.rfind("(", lo, at), text.rfind("[", lo, at))
    closed = max(text.rfind(")", lo, at), text.rfind("]", lo, at))
    inside = text[opened + 1 : at] if opened > closed else None
    return inside is not None and bool(re.match(r"\s*(?:[\d.\s,;-]|95%|CI)*$", inside))


_PART_OF = re.compile(r"^\s*(?:(?:only|just|about|around|nearly|almost|some)\s+)?(?P<x>\w+)\s+(?:out\s+)?of\s+(?:the\s+|these\s+|all\s+)?(?P<y>[\w,]+)\b", re.IGNORECASE)


def _part_of_total(statistic: str, references: Sequence[Reference]) -> list[Candidate]:
    """ "Three of the 23 people" where the source gives the 23 as its total in one sentence and
    the three in another ("Three implants failed after falls"): the sentences with the part."""
    from ..claims.figures import matches_figure
    from ..text.numbers import number_value

    m = _PART_OF.match(statistic)
    if m is None or number_value(m.group("x")) is None or number_value(m.group("y").replace(",", "")) is None:
        return []
    found: list[Candidate] = []
    for reference in references:
        own_text = has_source_text(reference)
        sentences = [s for s in source_sentences(reference) if not (own_text and s.origin == "figures")]
        if not any(matches_figure(m.group("y"), [s.reading or s.text]) for s in sentences):
            continue
        for sentence in sentences:
            span = _number_span(m.group("x"), sentence.reading or sentence.text)
            if span is not None:
                found.append(Candidate(sentence, span))
    return found


def _singular(text: str) -> str:
    """ "HRs of 2.4, 2.3 and 2.3" read as hazard ratios, like "HR 2.4" (same length)."""
    return _RATIO_PLURAL.sub(lambda m: m.group(1) + " ", text)


_RATIO_PLURAL = re.compile(r"\b(HR|OR|RR|IRR|aOR|aHR)s\b")


def _durations(statistic: str, text: str) -> list[tuple[int, int]]:
    """Where ``text`` states the duration ``statistic`` with its own unit right after the
    number ("6 weeks" is not the 6 of "6 months" in a sentence that names weeks elsewhere)."""
    from ..claims.figures import matches_figure

    mine = _WITH_UNIT.search(" ".join(statistic.split()))
    if mine is None:
        return []
    number = statistic[: mine.start("u")].strip(" -")
    return [
        (m.start(), m.end())
        for m in _WITH_UNIT.finditer(text)
        if _unit_key(m)[0] == _unit_key(mine)[0] and matches_figure(number, [m.group("n")])
    ]


_TIME_UNIT = re.compile(r"\b(day|week|month|year|hour|minute)s?\b", re.IGNORECASE)


def _same_time_unit(statistic: str, figure: str, *, strict: bool = False) -> bool:
    """ "three months" is not "three years": durations agree only in the same unit. ``strict``
    (a whole sentence): a duration needs its unit somewhere in the sentence."""
    mine = _TIME_UNIT.search(statistic)
    if mine is None:
        return True
    units = {m.group(1).lower() for m in _TIME_UNIT.finditer(figure)}
    return mine.group(1).lower() in units if (units or strict) else True


def _others(candidate: Candidate, references: Sequence[Reference]) -> tuple[str, ...]:
    """The rest of the candidate's source (and its title): where a population may be named."""
    for reference in references:
        if reference.key == candidate.sentence.key:
            return (reference.title, *(s.text for s in source_sentences(reference)))
    return ()


_UNIT_WORDS = {
    "second": "second", "sec": "second", "s": "second", "minute": "minute", "min": "minute",
    "hour": "hour", "hr": "hour", "h": "hour", "day": "day", "week": "week", "wk": "week",
    "month": "month", "mo": "month", "year": "year", "yr": "year",
}  # fmt: skip
_PERIOD = r"(?:\s*(?:/|a|per|each|every)\s*(?P<per>day|week|month|year))?"
_N = r"(?:\d[\d,.]*|\b(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b)"
_WITH_UNIT = re.compile(
    rf"(?P<n>{_N}(?:\s*(?:-|\u2013|to|and|or|vs\.?)\s*{_N})?)(?:\s*|-)(?P<u>seconds?|secs?|minutes?|mins?|hours?|"
    r"hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?|patients|participants|people|subjects|persons|cases|trials|"
    r"studies|RCTs|wrists|limbs|legs|knees|hips|nerves|sessions|visits)\b(?![\s-]*(?:walk(?:ing)?[\s-]+)?test)" + _PERIOD,
    re.IGNORECASE,
)


def _unit_key(match: re.Match[str]) -> tuple[str, str]:
    unit = match.group("u").lower()
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] in _UNIT_WORDS else unit
    return _UNIT_WORDS.get(unit, unit), (match.group("per") or "").lower()


def other_unit(statistic: str, claim: str, references: Sequence[Reference]) -> Comparison | None:
    """A duration whose number the source states with another unit or period: "at least 6
    weeks" where the source says "at least 6 months", "70 minutes a day" for "70 min/week"."""
    from ..claims.figures import matches_figure

    mine = _WITH_UNIT.search(" ".join(statistic.split()) + claim[claim.find(statistic) + len(statistic) :][:20])
    if mine is None or _unit_key(mine)[0] not in _UNIT_WORDS.values() or claim.find(statistic) < 0:
        return None
    number = statistic[: mine.start("u")].strip(" -")
    for reference in references:
        own_text = has_source_text(reference)
        for sentence in source_sentences(reference):
            if own_text and sentence.origin == "figures":
                continue
            for theirs in _WITH_UNIT.finditer(sentence.reading or sentence.text):
                if _unit_key(theirs) == _unit_key(mine) or not matches_figure(number, [theirs.group("n")]):
                    continue
                span = (theirs.start(), theirs.end())
                reason = f'the claim says "{mine.group(0)}" where the source says "{theirs.group(0)}"'
                return Comparison(claim, statistic, sentence, span, kind="unit", reason=reason)
    return None
