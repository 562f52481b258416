"""The anchored patterns of the statistics finder, each a named :class:`Pattern` record, and
the tables that choose which patterns to try at an anchor (by the token after a number, or by
the keyword at the anchor).

A pattern's ``accept`` rule (:mod:`.rules`) decides from context whether a match is a
statistic; ``kind`` is the public kind it reports (a rule may refine it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ...text.numbers import DIGNUM, NUM, OPT_SPACES, PCT, RANGE_SEP, SCALE_BIG, SNUM, SPACES
from . import rules
from .grammar import (
    COST_NOUN,
    EVENT_NOUN,
    OUTCOME_VERB,
    PARTICIPANT_ADJ,
    PARTICIPANT_NOUN,
    STUDY_ADJ,
    STUDY_NOUN,
)
from .lexicon import LEXICON

__all__ = ["BY_FOLLOW", "BY_WORD", "CURRENCY", "FRACTION", "PATTERNS", "Pattern"]

_S, _S0 = SPACES, OPT_SPACES


@dataclass(frozen=True, slots=True)
class Pattern:
    """One anchored pattern: ``regex`` is tried with ``.match`` at an anchor."""

    name: str
    regex: re.Pattern[str]
    kind: str
    accept: Callable[[rules.Hit, str], str | None]


_SCALED = f"{NUM}(?:{_S}(?:hundred|thousand|{SCALE_BIG})\\b)?"
_CI_NAME = "(?:(?-i:CI|CrI)|confidence" + _S + "intervals?|credible" + _S + "intervals?)"
_CI_UNIT = "(?:" + _S0 + "(?:%|m/s|cm|mm|kg|points?|m)(?![a-z]))?"
_CI_TAIL = (
    "\\b" + _S0 + "[:=,]?" + _S0 + "(?:(?:of|from|was|were|is|ranged" + _S + "from)" + _S + ")?"
    "[(\\[]?" + _S0 + SNUM + _CI_UNIT + "(?:" + _S0 + "[-\\u2010\\u2011\\u2013\\u2014,;]" + _S0
    + "|" + _S + "(?:to|and)" + _S + ")" + SNUM + _CI_UNIT
)
_UNIT_TAIL = (
    "(?:" + _S0 + "(?:%|m/s|metres?|meters?|cm|mm|kg|seconds|secs?|points?|degrees|\\u00b0|"
    "years|months|weeks|days|hours|minutes|steps|mmHg|m)(?![a-z]))?"
)
_RM_LONG = (
    "(?:(?:adjusted|pooled|summary)" + _S + ")?(?:odds" + _S + "ratios?|risk" + _S + "ratios?|"
    "relative" + _S + "risks?(?:" + _S + "reduction)?|hazard" + _S + "ratios?|"
    "(?:incidence" + _S + ")?rate" + _S + "ratios?|absolute" + _S + "risk" + _S + "reduction|"
    "risk" + _S + "reduction)"
)
_RM_ABBR = "(?-i:a?OR|RR|HR|IRR|aHR|aRR|RRR|ARR)"
_ES_LONG = (
    "(?:standardi[sz]ed" + _S + "mean" + _S + "differences?|weighted" + _S + "mean" + _S +
    "differences?|mean" + _S + "differences?|cohen['\\u2019]?s" + _S + "d|hedges['\\u2019]?s?"
    + _S + "g|effect" + _S + "sizes?|number" + _S + "needed" + _S + "to" + _S + "(?:treat|harm)|"
    "(?:pooled|mean|average)" + _S + "(?:drop|fall|reduction|increase|rise|gain|change|improvement|"
    "decrease))"
)
_ES_ABBR = "(?-i:SMD|WMD|MD|NNT|NNH)"
_GAP = "[^\\d\\n.;!?,()]{0,40}?"
_TIGHT = (
    "(?:" + _S0 + "\\(" + _S0 + "|" + _S0 + "[:=,]?" + _S0 + "|" + _S + "(?:of|was|is|were|"
    "of" + _S + "about|was" + _S + "about)" + _S + ")"
)
_MEAN_NAME = (
    "(?:mean|median|average|(?-i:SD|IQR)|standard" + _S + "deviation|interquartile" + _S +
    "range)"
)
_PVAL = "(?:0?[.\\u066b]\\d++(?:" + _S0 + "[x\\u00d7]" + _S0 + "10[-\\u2212^]{1,2}\\d++)?|[01](?![\\d.,]))"
_BARE_OUTCOME = "|".join(w.replace(" ", _S) for w in LEXICON.outcome_words)
_MEASURE_UNIT = (
    "(?:m/s|km/h|metres?|meters?|cm|mm|kg|points?|seconds|degrees|\\u00b0|steps|mmHg|"
    "beats|bpm)(?![\\w/])"
)
_PEOPLE_OR_STUDIES = "(?:" + PARTICIPANT_NOUN + "|" + STUDY_NOUN + ")\\b"
_PADJS = "(?:" + PARTICIPANT_ADJ + _S + "){0,3}"
_RATE_PER = (
    _SCALED + "(?:" + RANGE_SEP + _SCALED + ")?" + _S + "(?:(?:new" + _S + ")?(?:" + EVENT_NOUN
    + "|" + PARTICIPANT_NOUN + ")" + _S + ")?per" + _S + DIGNUM + "(?:" + _S
    + "(?:thousand|million))?(?:" + _S + "(?:" + PARTICIPANT_NOUN + "|" + EVENT_NOUN
    + "|population|person[- ]years|patient[- ]years|live" + _S + "births|births|inhabitants|"
    "residents|operations|procedures|pregnancies|deliveries)\\b)?(?:" + _S + "(?:per|a|each|every)"
    + _S + "year\\b|" + _S + "annually\\b)?"
)
_SAME_AS = (
    "the" + _S + "(?:risk|odds|rate|number|chance|likelihood|amount|average|national|usual|normal"
)

# name -> (public kind, accept rule, regex source); compiled case-insensitively below.
_SOURCES: dict[str, tuple[str, Callable[[rules.Hit, str], str | None], str]] = {
    # After a number.
    "ci": ("confidence-interval", rules.always,
           "\\d{2}(?:[.]\\d)?" + _S0 + "%" + _S0 + _CI_NAME + _CI_TAIL),
    "prange": ("percent-range", rules.percentage,
               NUM + _S0 + "(?:" + PCT + ")?" + RANGE_SEP + NUM + _S0 + PCT),
    "pct": ("percentage", rules.percentage, NUM + _S0 + PCT),
    "freq-in": ("natural-frequency", rules.frequency_in,
                NUM + _S + "in" + _S + "(?:every" + _S + ")?" + _SCALED + "\\b"),
    "freq-of": ("natural-frequency", rules.frequency_of,
                NUM + _S + "(?:out" + _S + ")?of" + _S + "(?:(?:the|these|those|all)" + _S + ")?"
                + NUM + "(?:" + _S + _PADJS + _PEOPLE_OR_STUDIES + ")?"),
    "rate": ("rate", rules.rate, _RATE_PER),
    "rate-year": ("rate", rules.rate_per_year,
                  _SCALED + _S + "(?:new" + _S + ")?" + EVENT_NOUN + "(?:" + _S + "of" + _S + "\\w+)?"
                  + _S + "(?:(?:per|a|each|every)" + _S + "year|annually|yearly)\\b"),
    "times": ("multiple", rules.always,
              NUM + _S + "times" + _S + "(?:more|less|higher|lower|greater|fewer|larger|smaller|over|as"
              + _S + "\\w+|" + _SAME_AS + "))\\b(?:" + _S
              + "(?:likely|common|often|frequent|frequently))?"),
    "fold": ("multiple", rules.always,
             NUM + "(?:-|" + _S0 + ")fold\\b(?:" + _S + "(?:increase[ds]?|higher|greater|rise|"
             "reduction|decrease|lower|risk|difference|more|less))?"),
    "change": ("effect-size", rules.change, NUM + _S0 + _MEASURE_UNIT),
    "pm": ("mean-median-sd", rules.always,
           SNUM + _S0 + "(?:\\u00b1|\\+/-|\\+-)" + _S0 + SNUM + _UNIT_TAIL),
    "studies": ("study-count", rules.count,
                _SCALED + "(?:" + RANGE_SEP + _SCALED + ")?" + _S + "(?:" + STUDY_ADJ + _S + "){0,3}"
                + STUDY_NOUN + "\\b"),
    "people": ("participant-count", rules.count,
               _SCALED + "(?:" + RANGE_SEP + _SCALED + ")?" + _S + _PADJS + PARTICIPANT_NOUN + "\\b(?:"
               + _S + OUTCOME_VERB + "\\b)?"),
    "burden": ("burden", rules.count, NUM + _S + SCALE_BIG + "\\b"),
    "bare-outcome": ("outcome-count", rules.bare_outcome,
                     DIGNUM + _S + "(?:" + _BARE_OUTCOME + ")\\b"),
    "events": ("outcome-count", rules.event_count,
               _SCALED + _S + "(?:(?:new|more|fewer|additional|serious|minor|major|recorded|"
               "reported)" + _S + "){0,2}" + EVENT_NOUN + "\\b"),
    "duration": ("duration-finding", rules.duration,
                 NUM + "(?:" + RANGE_SEP + NUM + ")?" + _S + "(?:minutes?|hours?|days?|weeks?|months?|"
                 "years?|decades?)\\b"),
    # At a word: multiples and fractions.
    "twice": ("multiple", rules.always,
              "(?:twice|thrice|half)" + _S + "(?:as" + _S + "(?:likely|many|much|common|often|"
              "high|low|great|frequent|frequently|fast|quickly|slowly|effective|big|large|long|"
              "severe|probable|prone)|" + _SAME_AS + "|cost)|more" + _S + "likely)\\b"),
    "mult-verb": ("multiple", rules.always,
                  "(?:doubled|halved|tripled|trebled|quadrupled|doubling|halving|tripling)"
                  "\\b(?!" + _S + "(?:up|back|as|up" + _S + "as)\\b|" + _S + "over\\b(?!" + _S
                  + "(?:the|a|an|\\d)))"),
    "double-the": ("multiple", rules.always,
                   "(?:double|triple|treble)" + _S + "the" + _S + "(?:risk|odds|rate|number|"
                   "chance|likelihood|amount)\\b"),
    "fraction": ("multiple", rules.fraction,
                 "(?:(?:an?|one|two|three|four|five|six|seven|eight|nine)(?:-|" + _S + "))?"
                 "(?:half|thirds?|quarters?|fifths?|sixths?|tenths?)(?:" + _S0
                 + "\\([^()\\n]{1,24}\\))?" + _S + "(?:of\\b(?:" + _S
                 + "(?:the|all|these|those|them)\\b)?(?:" + _S + _PADJS + _PEOPLE_OR_STUDIES
                 + ")?|the" + _S + _PADJS + _PEOPLE_OR_STUDIES + ")"),
    # At a measure's name.
    "kw-ci": ("confidence-interval", rules.always, _CI_NAME + _CI_TAIL),
    "rm-long": ("relative-measure", rules.always,
                _RM_LONG + "\\b(?:" + _S0 + "\\(" + _S0 + _RM_ABBR + _S0 + "\\))?(?:" + _S0 + ",)?" + _GAP + SNUM
                + "(?:" + _S0 + "%)?"),
    "rm-abbr": ("relative-measure", rules.always,
                _RM_ABBR + "\\b" + _TIGHT + SNUM + "(?!" + _S0 + "(?:bpm|beats))"),
    "es-long": ("effect-size", rules.always,
                _ES_LONG + "\\b(?:" + _S0 + "\\(" + _S0 + _ES_ABBR + _S0 + "\\))?" + _GAP + SNUM
                + _UNIT_TAIL),
    "es-abbr": ("effect-size", rules.always, _ES_ABBR + "\\b" + _TIGHT + SNUM + _UNIT_TAIL),
    "d-g": ("effect-size", rules.always, "[dg]" + _S0 + "=" + _S0 + SNUM),
    "p": ("p-value", rules.always,
          "p(?:[- ]?values?)?" + _S0 + "(?:[<>=\\u2264\\u2265]=?|(?:of|was|is)" + _S + "|:)" + _S0
          + "(?:[<>=\\u2264\\u2265]=?" + _S0 + ")?" + _PVAL),
    "n": ("participant-count", rules.always, "n" + _S0 + "=" + _S0 + DIGNUM),
    "on-average": ("mean-median-sd", rules.on_average,
                   "average," + _S + "[^\\d\\n.;!?()]{0,40}?" + SNUM + _UNIT_TAIL),
    "diff": ("effect-size", rules.always,
             "differences?\\b" + _GAP + SNUM + "(?:" + _S0 + "%|" + _S0 + _MEASURE_UNIT + ")"),
    "mean": ("mean-median-sd", rules.always,
             _MEAN_NAME + "\\b" + _GAP + SNUM + "(?:" + RANGE_SEP + SNUM + ")?" + _UNIT_TAIL
             + "(?:" + _S0 + "\\(" + _S0 + "(?-i:SD|IQR|range|SE)" + "[^()\\n]{0,30}\\))?"),
    # At a currency sign or code.
    "cost": ("cost-finding", rules.cost,
             "(?:[\\u00a3$\\u20ac]|(?-i:GBP|USD|EUR))" + _S0 + DIGNUM + "(?:" + _S0 + "(?:"
             + SCALE_BIG + "|bn|m|k)\\b)?(?:" + _S + "(?-i:USD|GBP|EUR|AUD|CAD))?(?:" + _S
             + "(?:more|less|extra|higher|lower|cheaper|dearer)\\b)?(?:" + _S + "(?:per|a|each|every|for" + _S + "each)" + _S
             + "(?:" + COST_NOUN + "\\b|[\\w-]+(?:" + _S + "(?:life" + _S + ")?years?\\b)?))?"),
}
PATTERNS: dict[str, Pattern] = {
    name: Pattern(name, re.compile(source, re.IGNORECASE), kind, accept)
    for name, (kind, accept, source) in _SOURCES.items()
}


def _pick(*names: str) -> tuple[Pattern, ...]:
    return tuple(PATTERNS[name] for name in names)


# Patterns worth trying after a number, by the token that follows it. Order matters only
# for ties: the longest match wins, and the first of equally long ones.
_PERCENT = _pick("ci", "prange", "pct")
_UNIT = _pick("change")
BY_FOLLOW: dict[str, tuple[Pattern, ...]] = {
    "%": _PERCENT, "\uff05": _PERCENT, "\u066a": _PERCENT, "percent": _PERCENT,
    "percentage": _PERCENT, "pc": _PERCENT,
    "per": _pick("prange", "pct", "rate"),
    "to": _pick("prange", "duration", "rate", "people", "studies"),
    "and": _pick("prange", "people", "studies"),
    "in": _pick("freq-in"),
    "of": _pick("freq-of"),
    "out": _pick("freq-of"),
    "times": _pick("times"),
    "fold": _pick("fold"),
    "\u00b1": _pick("pm"), "+/-": _pick("pm"), "+-": _pick("pm"),
    "scale": _pick("prange", "pct", "rate", "rate-year", "studies", "people", "burden", "events"),
    "count": _pick("rate", "rate-year", "studies", "people", "events", "duration"),
    "dash": _pick("prange", "fold", "duration", "rate", "people", "studies"),
    "unit": _UNIT,
}
for _word in LEXICON.outcome_words:
    BY_FOLLOW[_word.split()[0]] = _pick("bare-outcome")
for _word in ("m", "km", "metre", "metres", "meter", "meters", "cm", "mm", "kg", "point",
              "points", "seconds", "degrees", "steps", "mmhg", "beats", "bpm"):
    BY_FOLLOW[_word] = _UNIT

CURRENCY = _pick("cost")
FRACTION = _pick("fraction", "twice")
# Patterns worth trying at a keyword anchor (lower-case keyword).
BY_WORD: dict[str, tuple[Pattern, ...]] = {}
for _word in LEXICON.fraction_words:
    BY_WORD[_word] = FRACTION
BY_WORD.update({"twice": _pick("twice"), "thrice": _pick("twice")})
for _word in LEXICON.multiple_words[2:]:
    BY_WORD[_word] = _pick("mult-verb", "double-the")
_KEYWORD_TABLE = {
    ("mean", "median", "standard", "interquartile", "sd", "iqr"): ("es-long", "mean"),
    ("average",): ("mean", "on-average"),
    ("odds", "risk", "relative", "hazard", "rate", "incidence", "adjusted", "pooled", "summary",
     "absolute"): ("rm-long", "es-long"),
    ("or", "aor", "rr", "hr", "irr", "ahr", "arr", "rrr"): ("rm-abbr",),
    ("ci", "cri", "confidence", "credible"): ("kw-ci",),
    ("standardised", "standardized", "weighted", "cohen", "cohen's", "cohen\u2019s", "hedges",
     "effect", "number"): ("es-long",),
    ("smd", "wmd", "md", "nnt", "nnh"): ("es-abbr",),
    ("d", "g"): ("d-g",),
    ("p",): ("p",),
    ("difference", "differences"): ("diff",),
    ("n",): ("n",),
}
for _words, _names in _KEYWORD_TABLE.items():
    for _word in _words:
        BY_WORD[_word] = _pick(*_names)
for _word in ("gbp", "usd", "eur"):
    BY_WORD[_word] = CURRENCY
del _word, _words, _names
