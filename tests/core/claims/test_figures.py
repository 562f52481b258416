"""parse_quantities and matches_figure: normalisation and honest rounding."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_evidence.core.claims.figures import (
    Quantity,
    matches_figure,
    matching_figure,
    parse_quantities,
)


def values(text: str) -> list[tuple[float, str]]:
    return [(round(q.value, 1), q.unit) for q in parse_quantities(text)]


def test_parse_forms() -> None:
    assert (20.0, "percent") in values("one in five")
    assert values("one in five")[:2] == [(1.0, "count"), (5.0, "count")]
    assert values("126 of 135") == [(126.0, "count"), (135.0, "count"), (93.3, "percent")]
    assert values("4.7 million") == [(4_700_000.0, "count")]
    assert values("23 percent") == values("23%") == [(23.0, "percent")]
    assert values("twice as likely") == [(2.0, "ratio")]
    assert values("half of people") == [(50.0, "percent")]
    p_value = parse_quantities("p < 0.05")[0]
    assert (p_value.value, p_value.unit, p_value.comparator) == (0.05, "p", "<")
    rng = parse_quantities("16-40%")[0]
    assert (rng.low, rng.high, rng.unit) == (16.0, 40.0, "percent")
    assert parse_quantities("16 to 40 per cent")[0].high == 40.0
    assert parse_quantities("about 23%")[0].approximate is True
    assert parse_quantities("23.1%")[0].decimals == 1
    assert parse_quantities("4.7 million")[0].decimals == -5
    assert values("in 2019") == []


@pytest.mark.parametrize(
    ("statistic", "figures", "expected"),
    [
        ("23%", ["23.1% prolonged posture"], True),
        ("23.1%", ["23.1%"], True),
        ("24%", ["23.1%"], False),
        ("23.1%", ["23%"], False),
        ("about 60%", ["23.1%"], False),
        ("about 20%", ["21.7%"], True),
        ("about 20%", ["23.1%"], False),
        ("about 23%", ["23.4%"], True),
        ("over 40%", ["41.2%"], True),
        ("over 40%", ["38%"], False),
        ("nearly 7 million people", ["6.8 million"], True),
        ("nearly 7 million people", ["7.2 million"], False),
        ("one in five", ["20%"], True),
        ("one in five", ["1 in 5 adults"], True),
        ("1 in 5", ["23.1%"], False),
        ("16-40%", ["16-40%"], True),
        ("16-40%", ["16 to 40 per cent"], True),
        ("16-40%", ["16%"], False),
        ("up to 40%", ["16-40%"], True),
        ("126 of 135 patients", ["93.3% recovered"], True),
        ("126 of 135 patients", ["126/135"], True),
        ("93%", ["126 of 135 patients"], True),
        ("94%", ["126 of 135 patients"], False),
        ("23%", ["23 patients"], False),
        ("815 participants", ["7 RCTs", "815 participants"], True),
        ("7 randomised trials", ["7 RCTs", "815 participants"], True),
        ("4.7 million people", ["4,700,000"], True),
        ("more than half of", ["52%"], True),
        ("half of people", ["62%"], False),
        ("a third of", ["31%"], True),
        ("twice as likely", ["RR 2.1"], True),
        ("twice as likely", ["OR 1.6"], False),
        ("p < 0.05", ["p = 0.003"], True),
        ("p = 0.03", ["p = 0.04"], False),
        ("95% CI 1.2 to 3.4", ["OR 2.1 (95% CI 1.2 to 3.4)"], True),
        ("SMD 0.45", ["SMD 0.45 (95% CI 0.2 to 0.7)"], True),
        ("about 800 participants", ["815 participants"], True),
        ("OR 2.1", ["2.1 participants"], False),
        ("23%", [], False),
        ("no numbers here", ["23%"], False),
    ],
)
def test_matches_figure(statistic: str, figures: list[str], expected: bool) -> None:
    assert matches_figure(statistic, figures) is expected


def test_matching_figure_names_the_figure() -> None:
    assert matching_figure("23%", ["7 RCTs", "23.1% prolonged posture"]) == (
        "23.1% prolonged posture"
    )
    assert matching_figure("24%", ["23.1%"]) is None


ANY = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(
    ["23", "%", "1", "in", "of", "5", "about", "-", "to", "p", "<", "0.05", "million", "twice",
     "half", "OR", "CI", "95%", ".", ",", "\u0663", "\u066a", "per", "cent", "/", "0"]
), max_size=30).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(ANY, st.lists(ANY, max_size=4))
def test_never_raises_and_is_deterministic(statistic: str, figures: list[str]) -> None:
    quantities = parse_quantities(statistic)
    assert quantities == parse_quantities(statistic)
    assert all(isinstance(q, Quantity) for q in quantities)
    assert matches_figure(statistic, figures) == matches_figure(statistic, figures)
    assert isinstance(matches_figure(statistic, figures), bool)


def test_bad_inputs_do_not_raise() -> None:
    assert parse_quantities(None) == []  # type: ignore[arg-type]
    assert matches_figure("23%", "23%") is False  # a bare string is not a list of figures
    assert matches_figure("23%", [None, 5]) is False  # type: ignore[list-item]
    assert matches_figure("1 in 0", ["0%"]) is False
    assert matches_figure("1e308 in 1e308", ["100%"]) in (True, False)


def test_year_like_number_before_what_is_counted_is_a_count():
    # Regression: "Among the 1968 patients" was read as a year, so "1,968 people" never matched.
    assert matches_figure("1,968 people", ["Among the 1968 patients 74 patients (3.76%) had a side effect"])
    assert not matches_figure("1,968 people", ["In 1968 the study began"])
