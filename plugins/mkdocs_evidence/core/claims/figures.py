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
from collections.abc import Sequence

from .quantities import Quantity, parse_quantities

__all__ = ["Quantity", "matches_figure", "matching_figure", "parse_quantities"]

_SIMPLE_FRACTIONS = sorted({100.0 * a / b for b in (2, 3, 4, 5) for a in range(0, b + 1)})


def _trailing_zero_step(value: float, decimals: int) -> int:
    """Decimals implied by trailing zeros of an integer ("800" -> -2), for hedged counts."""
    if decimals != 0 or value == 0 or value != int(value):
        return decimals
    n, zeros = int(abs(value)), 0
    while n % 10 == 0 and n:
        n //= 10
        zeros += 1
    return -zeros


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
