"""find_statistics: exact spans and kinds, false-positive families, unicode; linear time is measured in benchmarks/."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_evidence.core.statistics import KINDS, Statistic, find_statistics, number_value


def spans(text: str) -> list[tuple[str, str]]:
    return [(s.text, s.kind) for s in find_statistics(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 23% of people", [("About 23%", "percentage")]),
        ("23 per cent of adults", [("23 per cent", "percentage")]),
        ("23 percent", [("23 percent", "percentage")]),
        ("23\u00a0% did", [("23\u00a0%", "percentage")]),
        ("23\u2009% did", [("23\u2009%", "percentage")]),
        ("23\u202f% did", [("23\u202f%", "percentage")]),
        ("23\uff05 did", [("23\uff05", "percentage")]),
        ("\u0662\u0663\u066a did", [("\u0662\u0663\u066a", "percentage")]),
        ("rates of 16-40% were seen", [("16-40%", "percent-range")]),
        ("16 to 40 per cent of them", [("16 to 40 per cent", "percent-range")]),
        ("1 in 5 people", [("1 in 5", "natural-frequency")]),
        ("one in four adults", [("one in four", "natural-frequency")]),
        ("126 of 135 patients kept it", [("126 of 135 patients", "natural-frequency")]),
        ("3 out of 10 runners", [("3 out of 10 runners", "natural-frequency")]),
        ("12 per 100,000 people", [("12 per 100,000 people", "rate")]),
        ("twice as likely to fall", [("twice as likely", "multiple")]),
        ("three times more likely", [("three times more likely", "multiple")]),
        ("the risk doubled", [("doubled", "multiple")]),
        ("falls halved", [("halved", "multiple")]),
        ("half of people improve", [("half of people", "multiple")]),
        ("a third of adults", [("a third of adults", "multiple")]),
        ("fewer falls (OR 0.5)", [("OR 0.5", "relative-measure")]),
        ("a risk ratio 1.5 overall", [("risk ratio 1.5", "relative-measure")]),
        ("it differed (p < 0.05)", [("p < 0.05", "p-value")]),
        ("(95% CI 1.2 to 3.4)", [("95% CI 1.2 to 3.4", "confidence-interval")]),
        ("7 randomised trials", [("7 randomised trials", "study-count")]),
        ("five trials", [("five trials", "study-count")]),
        ("a dozen studies", [("a dozen studies", "study-count")]),
        ("815 participants", [("815 participants", "participant-count")]),
        ("32 patients recovered", [("32 patients recovered", "outcome-count")]),
        ("4.7 million people", [("4.7 million people", "burden")]),
        ("1.2 billion worldwide", [("1.2 billion", "burden")]),
        ("(SMD 0.45)", [("SMD 0.45", "effect-size")]),
        ("The mean age was 54 years.", [("mean age was 54 years", "mean-median-sd")]),
        ("Recovery took a median of 6 months.", [("median of 6 months", "mean-median-sd")]),
        ("most recovered within 3 months", [("within 3 months", "duration-finding")]),
        ("It cost £2,000 per patient.", [("£2,000 per patient", "cost-finding")]),
        ("Walking speed improved by 0.15 m/s.", [("0.15 m/s", "effect-size")]),
        ("nearly 40% and up to 60%", [("nearly 40%", "percentage"), ("up to 60%", "percentage")]),
    ],
)
def test_finds_statistics_with_exact_spans(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Dextrose 5% was injected.",
        "5% dextrose was injected.",
        "Take 300 mg at night.",
        "A 0.9% saline drip.",
        "Pressure between L4 and L5 on the L5 nerve root.",
        "Weakness at C7 or S1.",
        "Needles at GB 34, GB34, ST36, ST 36, SP6 and LR3.",
        "It was published in 2019 and updated in March 2024.",
        "Records from 2010-2020.",
        "A 45-year-old man noticed it after 3 days.",
        "Sessions last 30 to 60 minutes, three times a week for 6 weeks.",
        "Hold for 30 seconds and repeat 10 times.",
        "1. Sit down. Step 2: stand up.",
        "See p. 3 and vol. 12.",
        "Call 999 or 111, or phone 0300 123 4567.",
        "The brace costs £35 at the chemist.",
        "We have 12 braces in stock.",
        "This is version 2.1.",
        "Strength 3/5 and grade 2.",
        "Come at 8.30am or 4 pm.",
        "The third visit is the last.",
        "## 3. Treatment",
        "Three people can help you lift the bed.",
        "Hundreds of patients have tried it.",
        "It doubled as a walking stick.",
        "The trial lasted 12 weeks.",
        "Her pain was 7 out of 10.",
        "People over 65 falls each year",
    ],
)
def test_does_not_report_non_statistics(text: str) -> None:
    assert find_statistics(text) == []


def test_hedges_are_part_of_the_span() -> None:
    for hedge in ("about", "around", "up to", "over", "more than", "nearly", "almost",
                  "roughly", "approximately", "at least", "fewer than"):
        text = f"In the study {hedge} 23% improved."
        assert spans(text) == [(f"{hedge} 23%", "percentage")], hedge


def test_masked_text_with_long_space_runs() -> None:
    text = "About 23%" + " " * 500 + "of people [masked]" + " " * 1000 + "1 in 5."
    found = find_statistics(text)
    assert [s.text for s in found] == ["About 23%", "1 in 5"]


def test_ci_and_ratio_in_one_bracket_are_two_statistics() -> None:
    text = "Fewer falls (OR 2.1, 95% CI 1.2 to 3.4)."
    assert spans(text) == [("OR 2.1", "relative-measure"),
                           ("95% CI 1.2 to 3.4", "confidence-interval")]


def test_number_value_reads_digits_and_words() -> None:
    assert number_value("twenty-five") == 25
    assert number_value("a dozen") == 12
    assert number_value("4.7 million") == 4_700_000
    assert number_value("1,046") == 1046
    assert number_value("\u0662\u0663") == 23
    assert number_value("banana") is None
    assert number_value("") is None


@pytest.mark.parametrize(
    "adversarial",
    ["1" * 1_000_000, "%" * 1_000_000, "[" * 1_000_000, "1 in " * 200_000, " " * 1_000_000,
     "1 of " * 200_000, "one " * 250_000, "p = " * 250_000, "9." * 500_000],
)
def test_adversarial_megabyte_inputs_give_ordered_spans(adversarial: str) -> None:
    """Megabyte inputs finish (speed and linearity are measured in benchmarks/, not here) and
    give ordered, non-overlapping spans that are the text they claim."""
    found = find_statistics(adversarial)
    assert all(a.end <= b.start for a, b in pairwise(found))
    assert all(adversarial[s.start : s.end] == s.text for s in found[:1000])


TOKENS = st.sampled_from([
    "23", "%", "1", "in", "5", "of", "per", "cent", "100,000", "OR", "CI", "95%", "p", "<",
    "=", "0.05", "twice", "as", "likely", "half", "a", "third", "studies", "patients",
    "million", "£", "2,000", "mean", "median", "about", "up to", "-", "to", "[", "]", "(",
    ")", ".", "\n", "\u00a0", "\u066a", "\u0663", "one", "dozen", "trials", "times", "fold",
])
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(TOKENS, max_size=60).map(" ".join),
    st.lists(TOKENS, max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_spans_are_exact_ordered_and_deterministic(text: str) -> None:
    found = find_statistics(text)
    assert found == find_statistics(text)
    previous_end = 0
    for stat in found:
        assert isinstance(stat, Statistic)
        assert 0 <= stat.start < stat.end <= len(text)
        assert text[stat.start : stat.end] == stat.text
        assert stat.start >= previous_end
        assert stat.kind in KINDS
        previous_end = stat.end


def test_non_string_input_gives_nothing() -> None:
    assert find_statistics("") == []
    assert find_statistics(None) == []  # type: ignore[arg-type]
