"""Compare what a claim counts, and about whom, with the source sentence that has its figure.

Rules, tried in this order; the first that fires names the mismatch (every rule names the
words it rests on):

* ``unit``: a count counts another kind of thing: "815 trials" against "815 stroke
  participants" (people / studies / limbs / centres ...);
* ``time-point``: both sentences name a time ("after 20 weeks", "at 6 months") and none agree;
* ``subgroup-total``: the figure's label names a subgroup the claim does not ("treatment
  responders"); or the source gives the figure as a total (who or what was included, a count
  of people or studies) and the claim attaches it to a result ("improved", "faster") that the
  source sentence does not state;
* ``population``: the claim names a population (stroke, multiple sclerosis, children, hip
  replacement ...) that the source nowhere names; or the figure's label names one the claim
  leaves out; or the people after the figure ("% of ...", "patients with ...") share no word;
* ``outcome``: a claim word that the source attaches to *another* figure of the sentence
  ("pain (19.7%)" for a claim about 87.9%); "fully"/"complete" where the source has neither;
  or none of the figure's label words ("prolonged posture (23.1%)") in the claim.

Words are compared as :mod:`.wording` reads them (synonyms, stems, no function words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .context_parts import (
    TOTAL_STEMS,
    abbreviations,
    bracketed,
    claim_clause,
    content,
    label,
    number_end,
    population_phrase,
    same_kind,
    times,
    unit_of,
    words_text,
)
from .source_text import SourceSentence
from .wording import Word, words

__all__ = ["Comparison", "compare"]

_POPULATIONS = frozenset(
    {
        "=stroke",
        "=multiple sclerosis",
        "=cerebral palsy",
        "=child",
        "=man",
        "=woman",
        "=total hip arthroplasty",
        "=total knee arthroplasty",
        "diabet",
        "older",
        "elder",
        "young",
        "athlet",
        "pregnant",
        "infant",
        "cancer",
        "spinal cord",
    }
)
# Words for who was still there at the end, against who was enrolled at the start.
_ATTRITION = frozenset({"complet", "finish", "=follow-up", "remain", "still", "withdrew", "withdraw", "lost", "drop"})
_SUBGROUPS = frozenset({"=treatment responder", "subgroup", "complier", "adher", "younger", "older"})
_RESULT_STEMS = frozenset(
    {
        "cut",
        "eas",
        "reliev",
        "prevent",
        "improv",
        "increas",
        "reduc",
        "faster",
        "better",
        "help",
        "recov",
        "benefit",
        "work",
        "effect",
        "lower",
        "higher",
        "gain",
        "decreas",
        "worse",
        "=recovery",
        "success",
        "cure",
        "easier",
        "favour",
        "favor",
    }
)
_NEGATED = re.compile(r"\b(?:not|no|never|neither|nor|did ?n[o']t|does ?n[o']t|without)\b", re.IGNORECASE)
_COMPLETE = re.compile(r"\b(?:fully|full|complete|completely|entirely|total recovery)\b", re.IGNORECASE)
_TOPIC = re.compile(
    r"\b(?:looked at|studied|measured|examined|assessed|evaluated|investigated|whether|"
    r"what (?:predicted|affected|changed))\b",
    re.IGNORECASE,
)
_MARKERS = re.compile(r"\[[^\]]*@[^\]]*\]|\{rating:[^}]*\}")


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


def compare(
    claim: str,
    statistic: str,
    source: SourceSentence,
    span: tuple[int, int] | None,
    rest: Sequence[str] = (),
    before: str = "",
) -> Comparison:
    """Compare ``claim`` (the sentence holding ``statistic``) with one source sentence.

    ``rest`` is the rest of the source (where a population may be named); ``before`` the
    claim's previous sentence, which may name what "the average gain" is about: its words
    count only as words the claim does not leave out."""
    blanked = _MARKERS.sub(lambda m: " " * len(m.group(0)), claim)  # same offsets as the claim
    where = blanked.find(statistic)
    stat_span = (where, where + len(statistic)) if where >= 0 else None
    claim_words = content(blanked)
    claim_keys = _with_abbreviations({k for w in claim_words for k in w.keys}, " ".join((*rest, source.text)))
    source_keys = {k for w in content(source.text) for k in w.keys}
    figure_label = label(source.text, span)
    extra = tuple(w for w in claim_words if w.key not in source_keys)
    overlap = len(claim_keys & source_keys) / max(len(claim_keys), 1)
    base = {
        "claim": claim,
        "statistic": statistic,
        "source": source,
        "span": span,
        "extra": extra,
        "overlap": overlap,
        "label": figure_label,
    }
    for rule in (_unit, _time, _subgroup, _population, _outcome):
        sides = _Sides(
            blanked,
            stat_span,
            claim_words,
            claim_keys,
            source,
            span,
            source_keys,
            figure_label,
            rest,
            {k for w in content(before) for k in w.keys} | claim_keys,
        )
        found = rule(sides)
        if found:
            kind, reason, missing = found
            return Comparison(kind=kind, reason=reason, missing=tuple(missing), **base)
    return Comparison(**base)


def _with_abbreviations(keys: set[str], source: str) -> set[str]:
    """``keys`` and the abbreviations the source defines for words among them: "chronic
    migraine" in a claim names the source's "CM" ("... chronic migraine (CM) ...")."""
    out = set(keys)
    for short, long_form in abbreviations(source):
        if len(long_form & keys) * 2 >= len(long_form):
            out.add(short)
    return out


@dataclass(frozen=True, slots=True)
class _Sides:
    """Both sentences as the rules read them."""

    claim: str
    stat_span: tuple[int, int] | None
    claim_words: list[Word]
    claim_keys: set[str]
    source: SourceSentence
    span: tuple[int, int] | None
    source_keys: set[str]
    label: tuple[Word, ...]
    rest: Sequence[str]
    near_keys: set[str]  # the claim's words and its previous sentence's

    @property
    def shares_claimed(self) -> bool:
        """Whether the claim states its result as a share (a percentage or fraction)."""
        rest = self.claim[: self.stat_span[0]] + self.claim[self.stat_span[1] :] if self.stat_span else self.claim
        return bool(re.search(r"\d\s*%|\bper\s*cent\b|\bpercent\b|\b(?:half|thirds?|quarters?)\b", rest, re.IGNORECASE))

    @property
    def missing(self) -> list[Word]:
        return [w for w in self.label if w.key not in self.near_keys]


_Found = tuple[str, str, Sequence[Word]] | None


def _unit(x: _Sides) -> _Found:
    if x.span is None or x.stat_span is None:
        return None
    mine = unit_of(x.claim, number_end(x.claim, x.stat_span))
    theirs = unit_of(x.source.text, number_end(x.source.text, x.span))
    if mine and theirs and not same_kind(mine[0], theirs[0]):
        return (
            "unit",
            f'the claim counts {mine[0]} ("{mine[1].text}") where the source counts {theirs[0]} ("{theirs[1].text}")',
            [theirs[1]],
        )
    return None


def _time(x: _Sides) -> _Found:
    mine, theirs = times(x.claim, x.stat_span), times(x.source.text, x.span)
    if mine and theirs and not mine & theirs:
        return "time-point", "the claim and the source give the figure at different times", []
    return None


_SHARE_OF = re.compile(r"(\d+(?:\.\d+)?)\s*%\s+of\s+(?:the\s+|all\s+|these\s+)?(\d[\d,]*)\b")
_COUNT_SHARE = re.compile(r"(\d[\d,]*)\s+(?:[A-Za-z-]+\s+){0,2}\(\s*(\d+(?:\.\d+)?)\s*%")


def _share_of_total(x: _Sides) -> _Found:
    """ "70% of the 46 people" where the source's 70% is "16 participants (70%)": 16 of 46 is
    not 70%, so the share is of a subgroup, not of the claim's total."""
    if x.span is None or x.stat_span is None:
        return None
    claimed = next(
        (m for m in _SHARE_OF.finditer(x.claim) if m.start() <= x.stat_span[1] and x.stat_span[0] <= m.end()), None
    )
    given = next(
        (m for m in _COUNT_SHARE.finditer(x.source.text) if m.start(2) < x.span[1] and x.span[0] < m.end(2)), None
    )
    if claimed is None or given is None:
        return None
    share, total = float(claimed.group(1)), float(claimed.group(2).replace(",", ""))
    count = float(given.group(1).replace(",", ""))
    if total > 0 and abs(100.0 * count / total - share) > max(1.5, share * 0.05):
        count_text, total_text = given.group(1), claimed.group(2)
        reason = f"the source's {given.group(2)}% is {count_text} people, and {count_text} of {total_text} is not that"
        return "subgroup-total", reason, []
    return None


def _subgroup(x: _Sides) -> _Found:
    share = _share_of_total(x)
    if share:
        return share
    named = [w for w in x.missing if w.key in _SUBGROUPS]
    if named:
        return (
            "subgroup-total",
            f"the source's figure is about a subgroup ({words_text(named)}) the claim does not name",
            named,
        )
    stems = {w.key for w in words(x.source.text)}
    claimed = {w.key for w in words(x.claim)}
    if claimed & TOTAL_STEMS and stems & _ATTRITION and not stems & TOTAL_STEMS:
        return (
            "subgroup-total",
            "the source's figure counts those who stayed to the end, the claim everyone enrolled",
            [],
        )
    if claimed & _ATTRITION and stems & TOTAL_STEMS and not stems & _ATTRITION:
        return (
            "subgroup-total",
            "the source's figure counts everyone enrolled, the claim those who stayed to the end",
            [],
        )
    if not (x.claim_keys & _RESULT_STEMS) or x.source_keys & _RESULT_STEMS:
        return None
    if x.shares_claimed:
        return None  # "in a study of 20 people, 65% recovered": the result is a share of the total
    if _TOPIC.search(x.claim):
        return None  # "researchers looked at what predicted recovery": a topic, not a result
    total = {w.key for w in words(x.source.text)} & TOTAL_STEMS
    counted = unit_of(x.source.text, number_end(x.source.text, x.span)) if x.span else None
    if x.span is None and x.stat_span is not None:
        counted = unit_of(x.claim, number_end(x.claim, x.stat_span))
    if _NEGATED.search(x.claim) or _FOUND.search(x.claim):
        # "in a trial of 110 people, FES did not help": a null result is about everyone;
        # "a review of 5 trials with 815 people found that ...": the study's own finding
        return None
    if total or (counted and counted[0] in ("people", "men", "women", "children", "studies")):
        what = "a total (who or what was included)" if total or not counted else f"a count of {counted[0]}"
        return "subgroup-total", f"the source gives this figure as {what}, not for the result the claim states", []
    return None


_PHRASE_RULE = False  # the people after the figure: measured more wrong than right on the real guide


def _population(x: _Sides) -> _Found:
    known = {k for text in x.rest for w in content(text) for k in w.keys} | x.source_keys
    unnamed = [w for w in x.claim_words if w.key in _POPULATIONS and w.key not in known]
    if unnamed:
        return "population", f"the claim names a population the source does not ({words_text(unnamed)})", []
    left_out = [w for w in x.missing if w.key in _POPULATIONS]
    if left_out:
        return (
            "population",
            f"the source's figure is about a population the claim leaves out ({words_text(left_out)})",
            left_out,
        )
    if x.span is None or x.stat_span is None:
        return None
    if not _PHRASE_RULE:
        return None
    mine = population_phrase(x.claim, number_end(x.claim, x.stat_span))
    theirs = population_phrase(x.source.text, number_end(x.source.text, x.span))
    mine_keys = _with_abbreviations({k for w in mine for k in w.keys}, " ".join((*x.rest, x.source.text)))
    if mine and theirs and not mine_keys & {k for w in theirs for k in w.keys}:
        return (
            "population",
            f"the claim's figure is about {words_text(mine)}, the source's about {words_text(theirs)}",
            theirs,
        )
    return None


_FOUND = re.compile(r"\b(?:review|study|trial|analysis|studies|trials)\b[^.;]{0,80}?\bfound\b", re.IGNORECASE)
_PEOPLE = ("people", "men", "women", "children")
# "125 (89%) of the 141 patients": one fact, three numbers (an "and" or "or" starts another)
_SAME_FACT = re.compile(r"(?:(?!\b(?:and|or|but|while|whereas)\b)[^,;:]){0,30}")


def _crossed(x: _Sides) -> list[Word]:
    """Claim words that the source sentence attaches to another figure, and to nothing else."""
    if x.span is None:
        return []
    own = {w.key for w in x.label}
    others: dict[str, Word] = {}
    attached: set[int] = set()  # where the words attached to other figures stand
    for figure in x.source.figures:
        if figure.start < x.span[1] and x.span[0] < figure.end:
            continue
        lo, hi = sorted((x.span[1], figure.start)) if figure.start >= x.span[1] else (figure.end, x.span[0])
        if _SAME_FACT.fullmatch(x.source.text[lo:hi]):
            continue  # part of the same fact, not another figure
        near = label(x.source.text, (figure.start, figure.end), before=1, after=2)
        others.update({w.key: w for w in near if w.key not in own})
        attached.update(w.start for w in near)
    # a word counts only if the sentence uses it nowhere else ("arm 1 ..., n = 38" is not "1 of 3 arms")
    elsewhere = {w.key for w in content(x.source.text) if w.start not in attached}
    words_here = x.claim_words
    if x.stat_span and re.search(r"\d", x.claim[: x.stat_span[0]] + x.claim[x.stat_span[1] :]):
        # the claim states other figures: only the words of this figure's own clause
        (lo, hi), *_ = claim_clause(x.claim, x.stat_span)
        words_here = [w for w in words_here if lo <= w.start and w.end <= hi]
    main = {w.key for w in words_here}  # a phrase's parts are too loose to cross ("nerve injury")
    return [others[k] for k in main if k in others and k not in elsewhere]


def _outcome(x: _Sides) -> _Found:
    crossed = _crossed(x)
    if crossed:
        return "outcome", f"the source attaches {words_text(crossed)} to another figure in the sentence", crossed
    results = [w for w in x.label if w.key in _RESULT_STEMS]
    covered = len(x.label) - len(x.missing)
    if results and not x.claim_keys & _RESULT_STEMS and covered * 2 < len(x.label) and not _TOPIC.search(x.source.text):
        return (
            "outcome",
            f"the source's figure counts a result ({words_text(results)}) the claim does not state",
            results,
        )
    if _COMPLETE.search(x.claim) and not _COMPLETE.search(x.source.text):
        return "outcome", "the claim says the result was full or complete; the source does not", []
    counted = unit_of(x.source.text, number_end(x.source.text, x.span)) if x.span else None
    if counted and counted[0] in _PEOPLE and not bracketed(x.source.text, x.span):
        return None  # who a count of people is about is the population rule's to judge
    enough = len(x.label) >= 2 or (x.label and bracketed(x.source.text, x.span))  # "cross-legged (6 patients)"
    if enough and not covered:
        return (
            "outcome",
            f"the source attaches this figure to {words_text(x.label)}, which the claim does not say",
            x.missing,
        )
    return None
