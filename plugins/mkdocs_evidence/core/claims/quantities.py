"""Quantities stated in a text: numbers, percentages, ranges, frequencies, fractions, p-values.

:func:`parse_quantities` reads every quantity in a statistic or a recorded figure, with its
unit, precision and hedge, for the honest-rounding match in :mod:`.figures` (see its notes).
Nothing here raises: unreadable input gives no quantities.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
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

__all__ = ["Quantity", "parse_quantities"]


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


# One reader per named group of ``_PARSER``. Each takes the match, the text, the hedge's
# comparator and the claim number, and returns the quantities read plus whether they make a
# claim of their own (the next one gets the next number); ``None`` skips the match.
_Read = tuple[list[Quantity], bool] | None


def _read_ci(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    lo, hi = _signed(m.group("cilo")), _signed(m.group("cihi"))
    if lo is None or hi is None:
        return None
    dec = max(_decimals(m.group("cilo")), _decimals(m.group("cihi")))
    return [Quantity(lo, "number", False, dec, lo, hi, claim=claim)], True


def _read_p(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    value = number_value(m.group("pv"))
    if value is None:
        return None
    comp = (m.group("pc") or m.group("pc2") or "=").replace("\u2264", "<=")
    comp = comp.replace("\u2265", ">=").replace("==", "=")
    return [Quantity(value, "p", False, _decimals(m.group("pv")), comparator=comp, claim=claim)], True


def _read_named(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    value = _signed(m.group("nv"))
    if value is None:
        return None
    unit = "ratio" if _RATIO_NAME_RE.fullmatch(m.group("nname")) else "number"
    return [Quantity(value, unit, comparator != "=", _decimals(m.group("nv")), comparator=comparator, claim=claim)], True


def _read_prange(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    lo, hi = number_value(m.group("plo")), number_value(m.group("phi"))
    if lo is None or hi is None:
        return None
    dec = max(_decimals(m.group("plo")), _decimals(m.group("phi")))
    return [Quantity(lo, "percent", comparator != "=", dec, lo, hi, comparator, claim=claim)], True


def _read_pct(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    value = number_value(m.group("pv2"))
    if value is None:
        return None
    approx = comparator != "="
    return [Quantity(value, "percent", approx, _decimals(m.group("pv2")), comparator=comparator, claim=claim)], True


def _read_freq(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    a, b = number_value(m.group("fa")), number_value(m.group("fb"))
    approx = comparator != "="
    if a is None or b is None or b == 0 or a > b or (
        _YEAR.fullmatch(m.group("fb").strip()) and "/" not in m.group(0) and " in " in m.group(0)
    ):
        # Not a frequency: the first number alone, without a claim of its own.
        return ([Quantity(a, "count", approx, 0, comparator=comparator, claim=claim)], False) if a is not None else None
    return [
        Quantity(a, "count", approx, 0, comparator=comparator, form="frequency", claim=claim),
        Quantity(b, "count", approx, 0, comparator=comparator, form="frequency", claim=claim),
        Quantity(100.0 * a / b, "percent", approx, 6, comparator=comparator, form="frequency", derived=True, claim=claim),
    ], True


def _read_mult(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    value = _MULTIPLE_WORDS[m.group("mw").lower()] if m.group("mw") else number_value(m.group("mn"))
    if value is None:
        return None
    return [Quantity(value, "ratio", comparator != "=", 0, comparator=comparator, form="multiple", claim=claim)], True


def _read_frac(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    denominator = _FRACTIONS[m.group("fw").lower()]
    quant = (m.group("fq") or "").lower()
    numerator = 1.0 if quant in ("", "a", "an") else number_value(quant) or 1.0
    if not quant and denominator != 2:
        return None  # "third" alone is an ordinal
    value = 100.0 * numerator / denominator
    return [Quantity(value, "percent", comparator != "=", 6, comparator=comparator, form="fraction", claim=claim)], True


def _read_scaled(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    base = number_value(m.group("sv"))
    scale = _SCALES.get(m.group("sc").lower())
    if base is None or scale is None:
        return None
    dec = _decimals(m.group("sv")) - round(math.log10(scale))
    return [Quantity(base * scale, "count", comparator != "=", dec, comparator=comparator, claim=claim)], True


def _read_number(m: re.Match[str], text: str, comparator: str, claim: int) -> _Read:
    token = m.group(0)
    value = number_value(token)
    if value is None:
        return None
    if _YEAR.fullmatch(token.strip()) and "," not in token and not _COUNTED.match(text, m.end()):
        return None  # a year is context, not a figure ("1968 patients" is a count)
    dec = _decimals(token)
    unit = "count" if dec == 0 else "number"
    return [Quantity(value, unit, comparator != "=", dec, comparator=comparator, claim=claim)], True


_READERS: dict[str, Callable[[re.Match[str], str, str, int], _Read]] = {
    "ci": _read_ci,
    "p": _read_p,
    "named": _read_named,
    "prange": _read_prange,
    "pct": _read_pct,
    "freq": _read_freq,
    "mult": _read_mult,
    "frac": _read_frac,
    "scaled": _read_scaled,
}


def _parse(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    claim = 0
    for m in _PARSER.finditer(text):
        read = _READERS.get(m.lastgroup or "", _read_number)(m, text, _hedge(text, m.start()), claim)
        if read is None:
            continue
        quantities, advance = read
        out.extend(quantities)
        if advance:
            claim += 1
    return out
