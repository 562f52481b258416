"""The ``outcome`` rule of the context check (:mod:`.context`): the claim's words against what
the source attaches to its figure.

* a claim word that the source attaches to *another* figure of the sentence, and to nothing
  else ("pain (19.7%)" for a claim about 87.9%);
* a result the source's figure counts that the claim does not state;
* "fully"/"complete" in the figure's clause where the source has neither;
* a duration the claim calls the follow-up where the source's is not;
* none of the figure's label words ("prolonged posture (23.1%)") in the claim.
"""

from __future__ import annotations

import re

from .cited_numbers import unread_numbers
from .context_parts import abbreviations, bracketed, claim_clause, content, label, number_end, unit_of, words_text
from .context_sides import DURATION, POPULATIONS, TOPIC, Found, Sides, is_duration, own_clause
from .context_totals import RESULT_STEMS
from .source_text import SourceFigure
from .wording import Word

__all__ = ["outcome"]

_COMPLETE = re.compile(r"\b(?:fully|full|complete|completely|entirely|total recovery)\b", re.IGNORECASE)

_PEOPLE = ("people", "men", "women", "children")
# "125 (89%) of the 141 patients": one fact, three numbers (an "and" or "or" starts another)
_SAME_FACT = re.compile(
    r"(?:(?!\b(?:and|or|but|while|whereas)\b)[^,;:]|\bor\s+(?:less|more|fewer|greater|over|under|above|below)\b){0,30}"
)  # "walking at 0.8 m/s or less (n = 11": "or less" is the comparator, not another fact


def _crossed(x: Sides) -> list[Word]:
    """Claim words that the source sentence attaches to another figure, and to nothing else."""
    if x.span is None:
        return []
    own = {w.key for w in x.label}
    others: dict[str, Word] = {}
    attached: set[int] = set()  # where the words attached to other figures stand
    if TOPIC.search(x.claim):
        return []  # "a review of 20 studies looked at spine surgery": the claim names a topic
    if _FOUND_THAT.search(x.claim) and (unit_of(x.claim, number_end(x.claim, x.stat_span)) if x.stat_span else None):
        return []  # "a review of 89 studies found that Pilates eased pain": the finding is not what 89 counts
    if _OF_THEM.match(x.source.text, x.span[1]):
        return []  # "32 had an incomplete palsy, and 24 (75%) of them recovered": the 32's words are the 75%'s
    for figure in _all_figures(x):
        if figure.start < x.span[1] and x.span[0] < figure.end:
            continue
        studies = (unit_of(x.source.text, number_end(x.source.text, (figure.start, figure.end))) or ("",))[0] == "studies"
        if studies and (_in_brackets(x.source.text, figure.start) or _REPORTS.match(x.source.text, figure.end)):
            continue  # "topiramate (9 RCTs)", "44 trials showed that ...": how much evidence, not another outcome
        if re.search(r"\d%?\s*[(\[]\s*$", x.source.text[max(0, figure.start - 12) : figure.start]):
            continue  # "15.9% (11.8%-21.1%)": the interval of another figure
        if _SAME_FACT_FIGURE.match(figure.text) or DURATION.search(figure.text):
            continue  # a confidence interval, a time: part of a figure, not another one
        if _stated_in(figure.text, x.claim, x.stat_span):
            continue  # "786 people aged 45 and over": the claim attaches "aged" to the 45 too
        lo, hi = sorted((x.span[1], figure.start)) if figure.start >= x.span[1] else (figure.end, x.span[0])
        if _SAME_FACT.fullmatch(x.source.text[lo:hi]):
            continue  # part of the same fact, not another figure
        near = _other_label(x.source.text, (figure.start, figure.end), x.span)
        if _IN_LIST.search(x.source.text[max(0, figure.start - 8) : figure.start]) or _IN_LIST_AFTER.match(x.source.text, figure.end):
            near = tuple(w for w in near if w.start >= figure.end)  # "compressed in 43, 83 and 9": the verb is every item's
        others.update({w.key: w for w in near if w.key not in own})
        attached.update(w.start for w in near)
    # a word counts only if the sentence uses it nowhere else ("arm 1 ..., n = 38" is not "1 of 3 arms")
    elsewhere = {w.key for w in content(x.source.text) if w.start not in attached}
    words_here = x.claim_words
    if x.stat_span and re.search(r"\d", x.claim[: x.stat_span[0]] + x.claim[x.stat_span[1] :]):
        # the claim states other figures: only the words of this figure's own clause
        (lo, hi), *_ = claim_clause(x.claim, x.stat_span)
        words_here = [w for w in words_here if lo <= w.start and w.end <= hi]
    # a phrase's parts are too loose to cross ("nerve injury"); who the study is about is not an outcome
    main = {w.key for w in words_here} - POPULATIONS
    return [others[k] for k in main if k in others and k not in elsewhere]


_FOUND_THAT = re.compile(r"\b(?:found|showed|reported|concluded)\b", re.IGNORECASE)
_IN_LIST = re.compile(r"\d\s*(?:,|and)\s*$")
_IN_LIST_AFTER = re.compile(r"\s*(?:,|and)\s*\d")
_OF_THEM = re.compile(r"\s*\)?\s*of\s+(?:them|these|those|whom)\b", re.IGNORECASE)
_REPORTS = re.compile(r"\s+(?:\w+\s+){0,2}?(?:showed|found|reported|suggested|gave|indicated)\b", re.IGNORECASE)


def _in_brackets(text: str, at: int) -> bool:
    lo = max(0, at - 200)
    opened = max(text.rfind("(", lo, at), text.rfind("[", lo, at))
    return opened > max(text.rfind(")", lo, at), text.rfind("]", lo, at))


def _other_label(text: str, span: tuple[int, int], ours: tuple[int, int]) -> tuple[Word, ...]:
    """The words another figure owns: the word before it and two after, except the words
    before the first item of a list that ours belongs to ("pain fell by 30% at week 4, 35% at
    week 8": "fell" is every item's, not the 30%'s)."""
    near = label(text, span, before=1, after=2)
    if span[1] <= ours[0] and _LIST_BETWEEN.fullmatch(text[span[1] : ours[0]]):
        return tuple(w for w in near if w.start >= span[1])
    if ours[1] <= span[0] and _LIST_BETWEEN.fullmatch(text[ours[1] : span[0]]):
        # "20.9% of the exercise groups and 15.9% of the control groups dropped out": the
        # verb after the last item is every item's; the 15.9%'s own word is "control"
        return label(text, span, before=0, after=1)
    return near


_LIST_BETWEEN = re.compile(r"(?:\s*\([^()]*\))?[^;.()\[\]]{0,25}?(?:,|\band\b|\bor\b)\s*")


def _all_figures(x: Sides) -> list[SourceFigure]:
    """The source sentence's figures and its other numbers ("systolic ... (-2.63 mm Hg);
    diastolic ... (-1.68 mm Hg)"), as the claim's numbers are read."""
    read = [(f.start, f.end) for f in x.source.figures]
    text = x.source.reading or x.source.text
    measured = [n for n in unread_numbers(text, read) if _MEASURED.search(n.text)]  # not bare counts in a list
    return [*x.source.figures, *(SourceFigure(n.start, n.end, n.text) for n in measured)]


_MEASURED = re.compile(r"%|\d\s*(?!(?:times?|sessions?|steps?)\b)[a-z]", re.IGNORECASE)


_SAME_FACT_FIGURE = re.compile(
    r"\s*(?:\d+(?:\.\d+)?\s*%\s*)?(?:CI|confidence)\b|\s*(?:within|after|at|by|over|for)\s+\S+\s+(?:days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def _stated_in(figure: str, claim: str, skip: tuple[int, int] | None) -> bool:
    """Whether the claim states the number of ``figure`` elsewhere than at ``skip``."""
    numbers = {m.group(0).replace(",", "") for m in _DIGITS.finditer(figure)}
    return any(
        m.group(0).replace(",", "") in numbers
        for m in _DIGITS.finditer(claim)
        if not (skip and skip[0] <= m.start() < skip[1])
    )


_RATE = re.compile(r"\brates?\s+of\b", re.IGNORECASE)
_PEOPLE_WHO = re.compile(
    r"\bnumber\s+of\s+(?:\w+\s+){0,2}(?:people|patients|participants|adults|women|men|children)\s+who\b|"
    r"\b(?:people|patients|participants|adults)\s+who\s+(?:had|have|has|fell|fall)\b",
    re.IGNORECASE,
)


def _rate_or_people(x: Sides) -> Found:
    """A rate of events against a count of people with one: "the rate of falls is 23% lower"
    is not "23% fewer people had a fall" (one person may fall many times)."""
    if x.span is None:
        return None
    (lo, hi), *_ = claim_clause(x.source.text, x.span)
    source, claim = x.source.text[lo:hi], own_clause(x)
    if _RATE.search(source) and _PEOPLE_WHO.search(claim) and not _PEOPLE_WHO.search(source):
        return "outcome", "the source's figure is a rate of events; the claim counts the people who had one", []
    if _PEOPLE_WHO.search(source) and _RATE.search(claim) and not _RATE.search(source):
        return "outcome", "the source's figure counts the people who had an event; the claim gives a rate of events", []
    return None


def outcome(x: Sides) -> Found:
    rated = _rate_or_people(x)
    if rated:
        return rated
    crossed = [] if is_duration(x) else _crossed(x)  # "after 8 weeks, pain was no lower with X": the words are the result's
    if crossed:
        return "outcome", f"the source attaches {words_text(crossed)} to another figure in the sentence", crossed
    if _COMPLETE.search(own_clause(x)) and not _COMPLETE.search(x.source.text):
        return "outcome", "the claim says the result was full or complete; the source does not", []
    if is_duration(x):
        return _follow_up(x)  # "for 18 weeks", "by the 6-month check": when; the words around it are the result's
    near = {w.key for w in label(x.source.text, x.span, before=2, after=2)}
    results = [w for w in x.label if w.key in RESULT_STEMS and w.key in near]  # "helps", five words away, is the verb
    covered = len(x.label) - len(x.missing)
    if results and not x.claim_keys & RESULT_STEMS and covered * 2 < len(x.label) and not TOPIC.search(x.source.text):
        return (
            "outcome",
            f"the source's figure counts a result ({words_text(results)}) the claim does not state",
            results,
        )
    counted = unit_of(x.source.text, number_end(x.source.text, x.span)) if x.span else None
    if counted and counted[0] in (*_PEOPLE, "studies") and not bracketed(x.source.text, x.span):
        return None  # who a count of people (or of studies) is about is the population rule's to judge
    # who the figure is about ("Nine pwMS aged 35 to 64") is not what it counts
    told = _who(x)
    what = [w for w in x.label if w.key not in told]
    enough = len(what) >= 2 or (what and bracketed(x.source.text, x.span))  # "cross-legged (6 patients)"
    if enough and not [w for w in what if w.key in x.near_keys]:
        return (
            "outcome",
            f"the source attaches this figure to {words_text(what)}, which the claim does not say",
            [w for w in x.missing if w.key not in told],
        )
    return None


def _who(x: Sides) -> set[str]:
    """Ages, and abbreviations the source defines for a population ("people with multiple
    sclerosis (pwMS)"): who a figure is about, never what it counts."""
    text = " ".join((*x.rest, x.source.text))
    return {"=age"} | {short for short, long in abbreviations(text) if short.startswith("pw") and long & POPULATIONS}


def _follow_up(x: Sides) -> Found:
    """A duration the claim calls the follow-up, where the source's same figure is not one."""
    clause = {w.key for w in content(own_clause(x))}
    if "=follow-up" not in clause or "=follow-up" in x.source_keys:
        return None
    return "outcome", "the claim calls this time the follow-up; in the source it is not", []
