"""Waiver-file mistakes in plain words (not pydantic's), the date format, and long waivers."""

from __future__ import annotations

from datetime import date

from factories import finding
from mkdocs_evidence.core.findings import RULES
from mkdocs_evidence.core.report.waivers import apply_waivers, parse_waivers

GOOD = """\
- kind: uncited-statistic
  text: "30%"
  reviewer: Dr A. Editor
  reason: In the full text.
  expires: 2027-06-30
  created: 2026-11-20
"""


def _messages(text: str) -> list[str]:
    return [f.message for f in parse_waivers(text, "content/waivers.yml").errors]


def test_an_unknown_field_is_named_with_a_suggestion_not_pydantic_wording():
    messages = _messages(GOOD.replace("  reviewer:", "  reviwer:"))
    assert not any("Extra inputs" in m or "Field required" in m for m in messages)
    assert any("'reviwer' is not a waiver field" in m and "did you mean 'reviewer'?" in m for m in messages)


def test_a_missing_field_and_a_bad_date_say_what_to_write():
    messages = _messages(GOOD.replace("  reason: In the full text.\n", "").replace("2027-06-30", '"next summer"'))
    assert any(
        "'reason' is missing; every waiver needs kind, text, reviewer, reason and expires" in m for m in messages
    )
    assert any("'expires': 'next summer' is not a date; write it as YYYY-MM-DD" in m for m in messages)
    assert not any("Input should be" in m or "Value error" in m for m in messages)


def test_an_unknown_kind_suggests_the_nearest():
    [message] = _messages(GOOD.replace("uncited-statistic", "uncited-statistics"))
    assert "did you mean 'uncited-statistic'?" in message and "Value error" not in message


def test_a_waiver_longer_than_twelve_months_is_a_warning():
    assert "waiver-too-long" in RULES
    load = parse_waivers(GOOD.replace("2027-06-30", "2028-01-01"), "content/waivers.yml")
    hit = finding("uncited-statistic", text="30%")
    extra = apply_waivers([hit], load.waivers, today=date(2026, 12, 1)).extra
    [long] = [f for f in extra if f.kind == "waiver-too-long"]
    assert long.line == 1 and "2027-11-20 or earlier" in long.message
    ok = parse_waivers(GOOD.replace("2027-06-30", "2027-11-20"), "content/waivers.yml")
    assert not [
        f for f in apply_waivers([hit], ok.waivers, today=date(2026, 12, 1)).extra if f.kind == "waiver-too-long"
    ]
