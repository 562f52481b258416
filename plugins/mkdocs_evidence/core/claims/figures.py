"""Normalise the numbers in a statistic and match them against the figures a source records.

A statistic matches a reference's ``figures`` when every fact it states agrees with one
figure text, with *honest rounding*: the prose may round the source's number to the
precision the prose states, and no further.

* "23%" matches 23.1%; "23.1%" matches 23.1%; "24%" does not match 23.1%; "23.1%" does not
  match a source that only says 23% (the prose claims precision the source lacks).
* Hedges widen the match only in their own direction and only to a coarse step:
  for percentages >= 10 the step is 5 ("about 20%" matches 21.7%, not 23.1%; "about 60%"
  never matches 23.1%); for other values it is the stated number's own precision, read
  from its trailing zeros ("about 800 participants" matches 815, "about 4.7 million"
  matches 4.66 million). "about/around/roughly" round to the nearest step; "more than/over/at
  least" need the source at or above the value and below value + step; "nearly/almost/up to/
  fewer than/under" need it at or below the value and above value - step; "up to X" also
  matches the top of a source range.
* Natural frequencies are proportions: "1 in 5" matches 20% when 100/p rounds to 5 (so 18.2%
  to 22.2%), "3 in 10" when p x 10 / 100 rounds to 3; "126 of 135" matches the same pair or a
  percentage that 93.33% rounds to. Verbal fractions ("half", "a third", "two-thirds")
  match percentages nearer to them than to the neighbouring simple fraction
  (halves, thirds, quarters, fifths): "half" is 45-55%, "a third" 29.2-36.7%.
* Verbal multiples ("twice", "three times", "doubled", "halved") match a ratio within 10%.
* Units must agree: percent with percent, ratio with ratio, p with p, counts and plain
  numbers with each other. A count never matches a percentage unless the percentage is
  derived from "x of y" / "x in y" on either side.
* A range matches a range bound by bound; CI levels ("95% CI") are not facts to match.
* p-values: "p < 0.05" matches a source "p = 0.003" or "p < 0.01"; "p = 0.03" needs 0.03.

Nothing here raises: unreadable input gives no quantities and no match.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text.numbers import DIGNUM as _DIGNUM
from ..text.numbers import HEDGES as _SHARED_HEDGES
from ..text.numbers import NUM as _NUM
from ..text.numbers import OPT_SPACES as _S0
from ..text.numbers import PCT as _PCT
from ..text.numbers import RANGE_SEP as _RANGE_SEP
from ..text.numbers import SNUM as _SNUM
from ..text.numbers import SPACES as _S
from ..text.numbers import WORDNUM as _WORDNUM
from ..text.numbers import number_value

__all__ = ["Quantity", "matches_figure", "matching_figure", "parse_quantities"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number stated in a text, normalised.

    ``unit`` is "percent", "count", "ratio", "p" or "number". ``decimals`` is the stated
    precision as a power of ten (1 for "23.1", 0 for "23", -5 for "4.7 million").
    ``low``/``high`` are set for ranges. ``comparator`` is "=", "~" (about), ">" / ">="
    (more than, at least) or "<" / "<=" (nearly, up to, p < ...). ``form`` says how it was
    written ("number", "frequency", "fraction", "multiple"); ``derived`` marks values
    computed from another form ("1 in 5" -> 20 percent); quantities sharing ``claim`` state
    one fact.
    """

    value: float
    unit: str
    approximate: bool = False
    decimals: int = 0
    low: float | None = None
    high: float | None = None
    comparator: str = "="
    form: str = "number"
    derived: bool = False
    claim: int = 0


_F = re.IGNORECASE
_HEDGES: dict[str, str] = _SHARED_HEDGES
_HEDGE_REV = re.compile(
    "[ \\t\\u00a0\\u2009\\u202f]*(?P<h>"
    + "|".join(
        "[ \\t\\u00a0\\u2009\\u202f]+".join(re.escape(w[::-1]) for w in reversed(h.split()))
        for h in sorted(_HEDGES, key=len, reverse=True)
    )
    + ")(?![\\w])",
    _F,
)

_RATIO_NAMES = (
    "(?:(?-i:a?OR|RR|HR|IRR|aHR|aRR)|odds" + _S + "ratios?|risk" + _S + "ratios?|relative"
    + _S + "risks?|hazard" + _S + "ratios?|rate" + _S + "ratios?)"
)
_NUMBER_NAMES = (
    "(?:(?-i:SMD|WMD|MD|NNT|NNH|SD|IQR)|standardi[sz]ed" + _S + "mean" + _S + "differences?|"
    "mean" + _S + "differences?|cohen['\\u2019]?s" + _S + "d|hedges['\\u2019]?s?" + _S + "g|"
    "effect" + _S + "sizes?|mean|median|average|standard" + _S + "deviation|number" + _S
    + "needed" + _S + "to" + _S + "(?:treat|harm)|\\b[dg](?=" + _S0 + "=))"
)
_RATIO_NAME_RE = re.compile(_RATIO_NAMES, _F)
_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
              "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10, "sixth": 6, "sixths": 6}
_SIMPLE_FRACTIONS = sorted({100.0 * a / b for b in (2, 3, 4, 5) for a in range(0, b + 1)})
_MULTIPLE_WORDS = {"twice": 2.0, "thrice": 3.0, "doubled": 2.0, "doubling": 2.0,
                   "double": 2.0, "doubles": 2.0, "halved": 0.5, "halving": 0.5,
                   "tripled": 3.0, "triple": 3.0, "tripling": 3.0, "trebled": 3.0,
                   "treble": 3.0, "quadrupled": 4.0}
_YEAR = re.compile("(?:1[89]|20)\\d\\d")
# A year-like number directly followed by what is counted is a count, not a year.
_COUNTED = re.compile(
    r"[ \t\u00a0]+(?:[A-Za-z-]+[ \t\u00a0]+)?(?:patients|people|persons|participants|subjects|adults|children|"
    r"men|women|individuals|cases|eyes|legs|limbs|nerves|operations|procedures|surgeries|trials|studies)\b",
    re.IGNORECASE,
)

_PARSER = re.compile(
    # confidence interval: the level is not a fact; the bounds are
    "(?P<ci>(?:\\d{2}(?:[.]\\d)?" + _S0 + "%" + _S0 + ")?(?:(?-i:CI|CrI)|confidence" + _S
    + "intervals?)\\b" + _S0 + "[:=,]?" + _S0 + "(?:(?:of|from|was)" + _S + ")?[(\\[]?" + _S0
    + "(?P<cilo>" + _SNUM + ")" + _S0 + "%?(?:" + _S0 + "[-\\u2010\\u2011\\u2013\\u2014,;]"
    + _S0 + "|" + _S + "(?:to|and)" + _S + ")(?P<cihi>" + _SNUM + ")" + _S0 + "%?)"
    "|(?P<p>\\bp(?:[- ]?values?)?" + _S0 + "(?:(?P<pc>[<>=\\u2264\\u2265]=?)|(?:of|was|is)" + _S
    + ")" + _S0 + "(?P<pc2>[<>=\\u2264\\u2265]=?)?" + _S0 + "(?P<pv>0?[.]\\d+|[01](?![\\d.]))"
    + ")"
    "|(?P<named>(?P<nname>" + _RATIO_NAMES + "|" + _NUMBER_NAMES + ")\\b[^\\d\\n;]{0,30}?"
    "(?P<nv>" + _SNUM + "))"
    "|(?P<prange>(?P<plo>" + _NUM + ")" + _S0 + "(?:" + _PCT + ")?" + _RANGE_SEP + "(?P<phi>"
    + _NUM + ")" + _S0 + _PCT + ")"
    "|(?P<pct>(?P<pv2>" + _NUM + ")" + _S0 + _PCT + ")"
    "|(?P<freq>(?P<fa>" + _NUM + ")(?:" + _S + "(?:in|out" + _S + "of|of)" + _S
    + "(?:(?:every|the|all)" + _S + ")?|/)(?P<fb>" + _DIGNUM + "(?:" + _S
    + "(?:thousand|million))?|" + _WORDNUM + "))"
    "|(?P<mult>(?P<mn>" + _NUM + ")(?:" + _S + "times\\b|(?:-|" + _S0 + ")fold\\b)"
    "|\\b(?P<mw>twice|thrice|doubled|doubling|doubles|double|halved|halving|tripled|triple|"
    "tripling|trebled|treble|quadrupled)\\b)"
    "|(?P<frac>\\b(?:(?P<fq>an?|one|two|three|four|five|six|seven|eight|nine)(?:-|" + _S
    + "))?(?P<fw>halves|half|thirds?|quarters?|fifths?|sixths?|tenths?)\\b)"
    "|(?P<scaled>(?P<sv>" + _NUM + ")" + _S0 + "(?P<sc>million|billion|thousand|bn|m)\\b(?!/))"  # not "0.24 m/s", a speed
    "|(?P<num>(?<![\\w.])" + _NUM + ")",
    _F,
)
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def _decimals(token: str) -> int:
    """Stated precision: digits after the point, 0 for integers and number words."""
    token = token.strip().replace("\u066b", ".")
    if "." not in token:
        return 0
    tail = token.rsplit(".", 1)[1]
    return len(tail) - len(tail.lstrip("0123456789\u0660\u0661\u0662\u0663\u0664"
                                       "\u0665\u0666\u0667\u0668\u0669"))


def _trailing_zero_step(value: float, decimals: int) -> int:
    """Decimals implied by trailing zeros of an integer ("800" -> -2), for hedged counts."""
    if decimals != 0 or value == 0 or value != int(value):
        return decimals
    n, zeros = int(abs(value)), 0
    while n % 10 == 0 and n:
        n //= 10
        zeros += 1
    return -zeros


def _hedge(text: str, start: int) -> str:
    window = text[max(0, start - 24) : start][::-1]
    m = _HEDGE_REV.match(window)
    if m is None:
        return "="
    return _HEDGES.get(" ".join(m.group("h")[::-1].lower().split()), "=")


def _signed(token: str) -> float | None:
    token = token.strip().replace("\u2212", "-").replace("\u2013", "-")
    negative = token.startswith("-")
    value = number_value(token.lstrip("-"))
    if value is None:
        return None
    return -value if negative else value


def parse_quantities(text: str) -> list[Quantity]:
    """Every quantity stated in ``text``, in order; see the module docstring for the forms."""
    if not isinstance(text, str) or not text:
        return []
    return list(_parse_once(text))


@lru_cache(maxsize=16384)
def _parse_once(text: str) -> tuple[Quantity, ...]:
    """A source's recorded figures are compared with every statistic that cites it: parsed
    once each (quantities are frozen, so sharing them is safe)."""
    try:
        return tuple(_parse(text))
    except (ValueError, OverflowError, ZeroDivisionError, AttributeError, IndexError):
        return ()


def _parse(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    claim = 0
    for m in _PARSER.finditer(text):
        comparator = _hedge(text, m.start())
        approx = comparator != "="
        kind = m.lastgroup
        if kind == "ci":
            lo, hi = _signed(m.group("cilo")), _signed(m.group("cihi"))
            if lo is None or hi is None:
                continue
            dec = max(_decimals(m.group("cilo")), _decimals(m.group("cihi")))
            out.append(Quantity(lo, "number", False, dec, lo, hi, claim=claim))
        elif kind == "p":
            value = number_value(m.group("pv"))
            if value is None:
                continue
            comp = (m.group("pc") or m.group("pc2") or "=").replace("\u2264", "<=")
            comp = comp.replace("\u2265", ">=").replace("==", "=")
            out.append(Quantity(value, "p", False, _decimals(m.group("pv")), comparator=comp,
                                claim=claim))
        elif kind == "named":
            value = _signed(m.group("nv"))
            if value is None:
                continue
            name = m.group("nname")
            unit = "ratio" if _RATIO_NAME_RE.fullmatch(name) else "number"
            out.append(Quantity(value, unit, approx, _decimals(m.group("nv")),
                                comparator=comparator, claim=claim))
        elif kind == "prange":
            lo, hi = number_value(m.group("plo")), number_value(m.group("phi"))
            if lo is None or hi is None:
                continue
            dec = max(_decimals(m.group("plo")), _decimals(m.group("phi")))
            out.append(Quantity(lo, "percent", approx, dec, lo, hi, comparator, claim=claim))
        elif kind == "pct":
            value = number_value(m.group("pv2"))
            if value is None:
                continue
            out.append(Quantity(value, "percent", approx, _decimals(m.group("pv2")),
                                comparator=comparator, claim=claim))
        elif kind == "freq":
            a, b = number_value(m.group("fa")), number_value(m.group("fb"))
            if a is None or b is None or b == 0 or a > b or (
                _YEAR.fullmatch(m.group("fb").strip()) and "/" not in m.group(0)
                and " in " in m.group(0)
            ):
                if a is not None:
                    out.append(Quantity(a, "count", approx, 0, comparator=comparator,
                                        claim=claim))
                continue
            out.append(Quantity(a, "count", approx, 0, comparator=comparator,
                                form="frequency", claim=claim))
            out.append(Quantity(b, "count", approx, 0, comparator=comparator,
                                form="frequency", claim=claim))
            out.append(Quantity(100.0 * a / b, "percent", approx, 6, comparator=comparator,
                                form="frequency", derived=True, claim=claim))
        elif kind == "mult":
            value = _MULTIPLE_WORDS[m.group("mw").lower()] if m.group("mw") else number_value(m.group("mn"))
            if value is None:
                continue
            out.append(Quantity(value, "ratio", approx, 0, comparator=comparator,
                                form="multiple", claim=claim))
        elif kind == "frac":
            denominator = _FRACTIONS[m.group("fw").lower()]
            quant = (m.group("fq") or "").lower()
            numerator = 1.0 if quant in ("", "a", "an") else number_value(quant) or 1.0
            if not quant and denominator != 2:
                continue  # "third" alone is an ordinal
            out.append(Quantity(100.0 * numerator / denominator, "percent", approx, 6,
                                comparator=comparator, form="fraction", claim=claim))
        elif kind == "scaled":
            base = number_value(m.group("sv"))
            scale = _SCALES.get(m.group("sc").lower())
            if base is None or scale is None:
                continue
            dec = _decimals(m.group("sv")) - round(math.log10(scale))
            out.append(Quantity(base * scale, "count", approx, dec, comparator=comparator,
                                claim=claim))
        else:
            token = m.group(0)
            value = number_value(token)
            if value is None:
                continue
            if _YEAR.fullmatch(token.strip()) and "," not in token and not _COUNTED.match(text, m.end()):
                continue  # a year is context, not a figure ("1968 patients" is a count)
            dec = _decimals(token)
            out.append(Quantity(value, "count" if dec == 0 else "number", approx, dec,
                                comparator=comparator, claim=claim))
        claim += 1
    return out


# ---------------------------------------------------------------------------------------
# Matching


def _round(value: float, decimals: int) -> float:
    step = 10.0 ** (-decimals)
    return math.floor(value / step + 0.5) * step


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    return {a, b} <= {"count", "number"}


def _fraction_ok(stated: float, source: float) -> bool:
    """A verbal fraction matches values nearer to it than to a neighbouring simple fraction."""
    below = [f for f in _SIMPLE_FRACTIONS if f < stated - 1e-9]
    above = [f for f in _SIMPLE_FRACTIONS if f > stated + 1e-9]
    low = (stated + below[-1]) / 2 if below else stated
    high = (stated + above[0]) / 2 if above else stated
    return low <= source <= high


def _value_ok(stat: Quantity, stated: float, source: Quantity, value: float) -> bool:
    """Whether ``stated`` (from the prose) honestly reports ``value`` (from the source)."""
    if stat.form == "multiple":
        return stated != 0 and abs(value / stated - 1.0) <= 0.10
    if stat.form == "fraction" and stat.unit == "percent":
        return _fraction_ok(stated, value)
    # Exact: the source rounded to the prose's precision equals the prose.
    if source.derived or source.decimals >= stat.decimals:
        if _close(_round(value, stat.decimals), stated) and stat.comparator in ("=", "~"):
            return True
    if stat.comparator == "=":
        return False
    if stat.unit == "percent" and stated >= 10 and _close(stated % 5, 0):
        step = 5.0
    else:
        step = 10.0 ** (-_trailing_zero_step(stated, stat.decimals))
    if stat.comparator == "~":
        return abs(value - stated) <= step / 2 + 1e-9
    if stat.comparator in (">", ">="):
        return stated - 1e-9 <= value < stated + step
    if stat.comparator in ("<", "<="):
        return stated - step < value <= stated + 1e-9
    return False


def _p_ok(stat: Quantity, source: Quantity) -> bool:
    if stat.comparator in ("=", "~"):
        return source.comparator == "=" and _close(
            _round(source.value, stat.decimals), stat.value
        )
    if stat.comparator in ("<", "<="):
        return source.value < stat.value + 1e-12 and source.comparator in ("=", "<", "<=")
    if stat.comparator in (">", ">="):
        return source.value > stat.value - 1e-12 and source.comparator in ("=", ">", ">=")
    return False


def _single_ok(stat: Quantity, source: Quantity) -> bool:
    """Whether one stated quantity agrees with one source quantity."""
    if not _compatible(stat.unit, source.unit):
        return False
    if stat.unit == "p":
        return _p_ok(stat, source)
    if stat.derived:
        return False  # derived values are matched through their claim (_claim_ok)
    if stat.low is not None and stat.high is not None:
        if source.low is None or source.high is None:
            return False
        return _value_ok(stat, stat.low, source, source.low) and _value_ok(
            stat, stat.high, source, source.high
        )
    if source.low is not None and source.high is not None:
        return bool(stat.comparator == "<=" and _value_ok(stat, stat.value, source, source.high))
    return _value_ok(stat, stat.value, source, source.value)


def _pair_of(claim: list[Quantity]) -> tuple[float, float] | None:
    counts = [q.value for q in claim if q.form == "frequency" and q.unit == "count"]
    return (counts[0], counts[1]) if len(counts) == 2 else None


def _claim_ok(claim: list[Quantity], figure: list[Quantity]) -> bool:
    """A stated claim agrees with a figure: its stated numbers all agree, or (for a
    frequency or a derived value) one equivalent form agrees."""
    pair = _pair_of(claim)
    if pair is not None:
        a, b = pair
        counts = [q for q in figure if q.unit == "count" and not q.derived]
        if any(_close(q.value, a) for q in counts) and any(_close(q.value, b) for q in counts):
            return True
        for source in figure:
            if source.unit != "percent" or source.low is not None or source.value <= 0:
                continue
            p = source.value
            if source.derived:
                if _close(p, 100.0 * a / b):
                    return True
                continue
            if a == 1:
                if round(100.0 / p) == b:
                    return True
            elif _close(_round(100.0 * a / b, source.decimals), p) or (round(p * b / 100.0) == a and b <= 20):
                return True
        return False
    stated = [q for q in claim if not q.derived]
    for q in stated:
        if not any(_single_ok(q, s) for s in figure):
            return False
    return bool(stated)


def _claims(quantities: list[Quantity]) -> list[list[Quantity]]:
    grouped: dict[int, list[Quantity]] = {}
    for q in quantities:
        grouped.setdefault(q.claim, []).append(q)
    return list(grouped.values())


def matching_figure(statistic_text: str, figure_texts: Sequence[str]) -> str | None:
    """The first figure text that the statistic agrees with, or None (for the report)."""
    try:
        claims = _claims(parse_quantities(statistic_text))
        if not claims or isinstance(figure_texts, str):
            return None
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        return None
    for figure in figure_texts:
        if not isinstance(figure, str):
            continue
        try:  # one figure that cannot be compared (above 1e308) does not stop the others
            quantities = parse_quantities(figure)
            if quantities and all(_claim_ok(claim, quantities) for claim in claims):
                return figure
        except (TypeError, ValueError, OverflowError, ZeroDivisionError):
            continue
    return None


def matches_figure(statistic_text: str, figure_texts: Sequence[str]) -> bool:
    """True when every fact in the statistic agrees with one figure text (honest rounding)."""
    return matching_figure(statistic_text, figure_texts) is not None
