"""Compare what a claim counts, and about whom, with the source sentence that has its figure.

Rules, tried in this order; the first that fires names the mismatch (every rule names the
words it rests on):

* ``unit``: a count counts another kind of thing: "815 trials" against "815 stroke
  participants" (people / studies / limbs / doses ...); a dose ("200 mg") is never a count;
* ``time-point``: the figure's clause and the source sentence name times ("after 20 weeks",
  "at 6 months", "at 6, 12 and 18 months") and none agree (ages and study lengths are not
  times; a figure that is itself a duration is compared by its unit instead);
* ``subgroup-total``: the figure's label names a subgroup the claim does not ("treatment
  responders"); a share of another total; a total put with another count of studies ("7
  trials with 815 people" for "5 trials with 815"); those who finished against those
  enrolled; or a total attached to a result: as the count behind it ("69 patients
  recovered"), or as its frame ("in 23 people, walking got faster") when the source states
  that result only for part of the total, only negated, or not at all
  (:mod:`.context_totals`); a grade of a contrast the claim leaves out, a figure for all the
  patients given to one group (:mod:`.context_subgroups`);
* ``population``: the claim names a population (stroke, multiple sclerosis, children, hip
  replacement ...) that the source names nowhere, or only to exclude it; or the figure's
  label names one where the claim names another;
* ``outcome``: see :mod:`.context_outcome`.

Words are compared as :mod:`.wording` reads them (synonyms, stems, no function words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .context_outcome import outcome
from .context_parts import (
    TOTAL_STEMS,
    abbreviations,
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
from .context_sides import POPULATIONS as _POPULATIONS
from .context_sides import TOPIC, Found, Sides, is_duration, own_clause, shifted
from .context_subgroups import everyone, paired_count, qualified, share_of_total
from .context_totals import RESULT_STEMS as _RESULT_STEMS
from .context_totals import frame_verdict, is_frame, no_difference
from .source_text import SourceSentence
from .wording import Word, words

__all__ = ["Comparison", "compare"]

# Words for who was still there at the end, against who was enrolled at the start.
_ATTRITION = frozenset({"complet", "finish", "=follow-up", "remain", "still", "withdrew", "withdraw", "lost", "drop"})
_SUBGROUPS = frozenset({"=treatment responder", "subgroup", "complier", "adher"})
_NEGATED = re.compile(r"\b(?:not|no|never|neither|nor|did ?n[o']t|does ?n[o']t|without)\b", re.IGNORECASE)
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
    def compared(kind: str = "", reason: str = "", missing: tuple[Word, ...] = ()) -> Comparison:
        return Comparison(
            claim=claim, statistic=statistic, source=source, span=span, extra=extra,
            overlap=overlap, label=figure_label, kind=kind, reason=reason, missing=missing,
        )

    for rule in (_unit, _time, _subgroup, _population, outcome):
        sides = Sides(
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
            return compared(kind, reason, tuple(missing))
    return compared()


def _with_abbreviations(keys: set[str], source: str) -> set[str]:
    """``keys`` and the abbreviations the source defines for words among them: "chronic
    migraine" in a claim names the source's "CM" ("... chronic migraine (CM) ...")."""
    out = set(keys)
    parts = keys | {k for key in keys if "-" in key for w in content(key.replace("-", " ")) for k in w.keys}
    for short, long_form in abbreviations(source):
        if len(long_form & parts) * 2 >= len(long_form):  # "Guillain-Barre syndrome (GBS)"
            out.add(short)
    return out


_PART = re.compile(r"\w+\s+(?:out\s+)?of\s+(?:the\s+|these\s+|all\s+)?[\d,]+", re.IGNORECASE)


def _abbreviated(x: Sides) -> Found:
    """ "863 aortic valve replacements" where the source's 863 are "863 MVR" and it defines
    "aortic valve replacement (AVR)": the claim names another of the source's abbreviations."""
    if x.span is None or x.stat_span is None:
        return None
    text = " ".join((*x.rest, x.source.text))
    defined = {short for short, _ in abbreviations(text)}
    after = words(x.source.text[number_end(x.source.text, x.span) :])[:1]
    theirs = after[0].key if after and after[0].key in defined else None
    if theirs is None:
        return None
    phrase = x.claim[number_end(x.claim, x.stat_span) :][:60]
    said = {w.key for w in content(phrase)}
    mine = {short for short, long in abbreviations(text) if long <= said}  # every word of the long form
    if mine and theirs not in mine:
        return "unit", f'the claim\'s figure counts {", ".join(sorted(mine)).upper()}; the source\'s counts {after[0].text}', [after[0]]
    return None


def _unit(x: Sides) -> Found:
    if x.span is None or x.stat_span is None:
        return None
    named = _abbreviated(x)
    if named:
        return named
    mine = unit_of(x.claim, number_end(x.claim, x.stat_span))
    part = _PART.match(x.claim, x.stat_span[0])
    if mine is None and part:  # "Three of the 23 people": what the total counts
        mine = unit_of(x.claim, part.end())
    theirs = unit_of(x.source.text, number_end(x.source.text, x.span))
    if theirs and theirs[0] == "doses" and (mine is None or mine[0] != "doses"):
        # "200 of them" where the source's 200 is "200 mg": a dose, whatever the claim counts
        return "unit", f'the source\'s figure is a dose ("{theirs[1].text}"), the claim\'s is not', [theirs[1]]
    if mine and theirs and not same_kind(mine[0], theirs[0]):
        return (
            "unit",
            f'the claim counts {mine[0]} ("{mine[1].text}") where the source counts {theirs[0]} ("{theirs[1].text}")',
            [theirs[1]],
        )
    return None


_ANY_TIME = re.compile(r"\b\d+(?:\.\d+)?[\s-]*(?:day|week|month|year)s?\b|\b(?:day|week|month)\s+\d+\b", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$", re.IGNORECASE)


def _source_clause_times(x: Sides) -> set[float]:
    """The times in the source figure's own clause ("..., 45% at week 8 and ..."): with several
    figures at several times, the sentence's other times are the other figures'."""
    if x.span is None or len(x.source.figures) < 2:
        return set()
    (lo, hi), *_ = claim_clause(x.source.text, x.span)
    own = times(x.source.text[lo:hi], (x.span[0] - lo, x.span[1] - lo))
    if own or len(times(x.source.text, x.span)) < 2:
        return own
    # "in the first 10 years (0.72 in CLUE I, 0.69 in CLUE II), and over 20 years (...)": the
    # nearest time before the figure is its time
    text = x.source.text
    for m in reversed(list(_ANY_TIME.finditer(text, 0, x.span[0]))):
        found = times(text[max(0, m.start() - 24) : m.end() + 8], None)  # with its context: "aged 7 to 17 years" is no time
        if found:
            return found
    return set()


def _time(x: Sides) -> Found:
    if is_duration(x):
        return None  # the figure is itself a time: its unit and number were compared already
    mine = times(own_clause(x), shifted(x)) or times(x.claim, x.stat_span)
    if x.stat_span and _FROM.search(x.claim, 0, x.stat_span[0]):
        mine = mine | {0.0}  # "fell from about 18 to about 9 by week 33": the 18 is at the start
    theirs = _source_clause_times(x) or times(x.source.text, x.span)
    if mine and theirs and not mine & theirs:
        return "time-point", "the claim and the source give the figure at different times", []
    return None


def _counts_people(x: Sides) -> bool:
    """Whether either side gives the figure as a count of people (or a bare count)."""
    mine = unit_of(x.claim, number_end(x.claim, x.stat_span)) if x.stat_span else None
    theirs = unit_of(x.source.text, number_end(x.source.text, x.span)) if x.span else None
    figure = x.claim[x.stat_span[0] : x.stat_span[1]] if x.stat_span else ""
    bare = not re.search(r"[%/.]|\d\s*[a-z]", figure, re.IGNORECASE) and mine is None
    return bare or any(u and u[0] in (*_PEOPLE_KINDS, "studies") for u in (mine, theirs))


_PEOPLE_KINDS = ("people", "men", "women", "children")


def _subgroup(x: Sides) -> Found:
    share = share_of_total(x) or paired_count(x) or qualified(x) or everyone(x)
    if share:
        return share
    # "adults older than 18 years" is who could take part, not a subgroup
    named = [w for w in x.missing if w.key in _SUBGROUPS and not re.match(r"\s+than\b", x.source.text[w.end :])]
    if named:
        return (
            "subgroup-total",
            f"the source's figure is about a subgroup ({words_text(named)}) the claim does not name",
            named,
        )
    if TOPIC.search(x.claim) or not _counts_people(x):
        return _total_result(x)  # "looked at who dropped out": a topic; "took 1.49 N/kg": not a head count
    stems = {w.key for w in words(_source_clause(x))}  # "69 were enrolled, and 49 of them were followed"
    if not stems & (TOTAL_STEMS | _ATTRITION):
        stems = {w.key for w in words(x.source.text)}  # "24 people with ..., all able to walk, took part"
    claimed = {w.key for w in words(own_clause(x))}
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
    return _total_result(x)


def _source_clause(x: Sides) -> str:
    """The source figure's own clause (the whole sentence when the figure is not located)."""
    if x.span is None:
        return x.source.text
    (lo, hi), *_ = claim_clause(x.source.text, x.span)
    return x.source.text[lo:hi]


def _total_result(x: Sides) -> Found:
    """A total (who or what was included) given as the count behind a result."""
    if is_duration(x):
        return None  # "randomised to 30 weeks of either ...": how long, not who was included
    if not (x.claim_keys & _RESULT_STEMS) or x.source_keys & _RESULT_STEMS:
        return None
    if TOPIC.search(x.claim):
        return None  # "researchers looked at what predicted recovery": a topic, not a result
    if _NEGATED.search(x.claim):
        return None  # "in a trial of 110 people, FES did not help": a null result is about everyone
    total = {w.key for w in words(x.source.text)} & TOTAL_STEMS
    counted = unit_of(x.source.text, number_end(x.source.text, x.span)) if x.span else None
    if x.span is None and x.stat_span is not None:
        counted = unit_of(x.claim, number_end(x.claim, x.stat_span))
    if not (total or (counted and counted[0] in ("people", "men", "women", "children", "studies"))):
        return None
    if x.stat_span is not None and (_FOUND.search(x.claim) or is_frame(x.claim, x.stat_span[0])):
        # "in 23 people, walking got faster", "a review of 5 trials found that ...": a frame
        # agrees when the source states that result for everyone it counted (title left out)
        sentences = [s for s in x.rest[1:] if s != x.source.text]
        reason = no_difference(x.claim, sentences, x.claim_keys)
        reason = f'the claim compares where the source found no difference: "{reason}"' if reason else ""
        reason = reason or frame_verdict(x.claim, x.claim_keys, sentences, shares=x.shares_claimed)
        return ("subgroup-total", reason, []) if reason else None
    if x.shares_claimed:
        return None  # "20 people took part and 65% recovered": the result is a share of the total
    what = "a total (who or what was included)" if total or not counted else f"a count of {counted[0]}"
    return "subgroup-total", f"the source gives this figure as {what}, not for the result the claim states", []




_EXCLUDED = re.compile(r"\b(?:excluded|left out|were not included|not eligible|exclusion)\b", re.IGNORECASE)


def _mixed_total(x: Sides, known: set[str]) -> Found:
    """A total of people given to one population where the source's groups were of several and
    the total's own sentence names none: "7 trials with 464 people with stroke" for "7 had
    participants with stroke and 1 with cerebral palsy ... 7 trials (n = 464)"."""
    counted = unit_of(x.claim, number_end(x.claim, x.stat_span)) if x.stat_span else None
    if counted is None or counted[0] not in _PEOPLE_KINDS:
        return None
    mine = {w.key for w in x.claim_words if w.key in _POPULATIONS and w.key.startswith("=")}
    groups = {k for k in known if k in _POPULATIONS and k.startswith("=")} - {"=man", "=woman"}
    if len(mine) != 1 or len(groups) < 2 or x.source_keys & groups:
        return None
    others = sorted(g[1:] for g in groups - mine)
    return "population", f"the source's total is not only {next(iter(mine))[1:]}: it also names {', '.join(others)}", []


def _population(x: Sides) -> Found:
    # a population the source names only to leave it out ("trials of people with stroke were
    # excluded") is not one the source is about
    kept = [text for text in x.rest if not _EXCLUDED.search(text)]
    known = {k for text in kept for w in content(text) for k in w.keys} | x.source_keys
    if "=age" in known:
        known |= {"older", "younger", "elder"}  # "depended on age": older against younger people
    unnamed = [w for w in x.claim_words if w.key in _POPULATIONS and w.key not in known]
    if unnamed:
        return "population", f"the claim names a population the source does not ({words_text(unnamed)})", []
    mixed = _mixed_total(x, known)
    if mixed:
        return mixed
    left_out = [w for w in x.missing if w.key in _POPULATIONS]
    if left_out and any(w.key in _POPULATIONS for w in x.claim_words):
        # "815 people" for "815 stroke participants" only leaves the population unsaid;
        # "815 women" for "815 stroke participants" names another one
        return (
            "population",
            f"the source's figure is about a population the claim leaves out ({words_text(left_out)})",
            left_out,
        )
    if x.span is None or x.stat_span is None:
        return None
    mine = population_phrase(x.claim, number_end(x.claim, x.stat_span))
    theirs = population_phrase(x.source.text, number_end(x.source.text, x.span))
    mine_keys = _with_abbreviations({k for w in mine for k in w.keys}, " ".join((*x.rest, x.source.text)))
    others = {k for text in x.rest[1:] if text != x.source.text for w in content(text) for k in w.keys}
    # only a group the study names elsewhere, and never in this sentence: "9 of 16 people with
    # spinal stenosis" where the sentence's 9 of 16 have HNP (and the stenosis group is another)
    named_elsewhere = mine_keys & others and not mine_keys & x.source_keys
    if mine and theirs and named_elsewhere and not mine_keys & {k for w in theirs for k in w.keys}:
        return (
            "population",
            f"the claim's figure is about {words_text(mine)}, the source's about {words_text(theirs)}",
            theirs,
        )
    return None


_FOUND = re.compile(r"\b(?:review|study|trial|analysis|studies|trials)\b[^.;]{0,80}?\bfound\b", re.IGNORECASE)
