"""Waiver-file mistakes in plain words, and waivers that last too long.

pydantic says "Extra inputs are not permitted" or "Input should be a valid date"; an editor
needs the field's name, what is allowed and the date format. This module turns one pydantic
error into that sentence, and says when a waiver runs for more than twelve months.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from .fixes import did_you_mean

__all__ = ["DATE_FORMAT", "FIELDS", "MAX_MONTHS", "REQUIRED", "plain_waiver_error", "too_long"]

FIELDS = ("id", "path", "kind", "text", "sentence", "reviewer", "reason", "expires", "created")
REQUIRED = ("kind", "text", "reviewer", "reason", "expires")
DATE_FORMAT = "YYYY-MM-DD, for example 2027-06-30"
MAX_MONTHS = 12


def plain_waiver_error(error: Mapping[str, Any]) -> str:
    """One pydantic error of a waiver entry, as a sentence naming the field."""
    loc = tuple(error.get("loc") or ())
    name = str(loc[0]) if loc else ""
    kind = str(error.get("type", ""))
    value = error.get("input")
    if kind == "extra_forbidden":
        hint = did_you_mean(name, FIELDS)
        return f"'{name}' is not a waiver field; {hint + ' A' if hint else 'a'} waiver has: {', '.join(FIELDS)}"
    if kind == "missing":
        return f"'{name}' is missing; every waiver needs {', '.join(REQUIRED[:-1])} and {REQUIRED[-1]}"
    if name in ("expires", "created"):
        return f"'{name}': {value!r} is not a date; write it as {DATE_FORMAT}"
    if kind == "string_too_short":
        return f"'{name}' is empty; write it out"
    if kind == "string_type":
        return f"'{name}' must be text, not {type(value).__name__}; put it in quotes"
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    return f"'{name}': {message}" if name else message


def _add_months(start: date, months: int) -> date:
    year, month = divmod(start.month - 1 + months, 12)
    day = start.day
    while True:
        try:
            return date(start.year + year, month + 1, day)
        except ValueError:  # 29 February and short months
            day -= 1


def too_long(expires: date, created: date | None, today: date) -> str | None:
    """The warning for a waiver valid more than twelve months from its creation (or today)."""
    start = created or today
    if expires <= _add_months(start, MAX_MONTHS):
        return None
    since = f"created {start.isoformat()}" if created else f"from today ({start.isoformat()})"
    return (
        f"runs until {expires.isoformat()}, more than {MAX_MONTHS} months {since}; a waived claim should be "
        f"looked at again within a year: set 'expires' to {_add_months(start, MAX_MONTHS).isoformat()} or earlier"
    )
