"""Paragraphs dense with one-decimal percentages get an info finding offering natural frequencies."""

from __future__ import annotations

from mkdocs_evidence.core.bib.bibliography import Bibliography
from mkdocs_evidence.core.check import Located, check_text
from mkdocs_evidence.core.claims.natural_frequencies import find_dense_decimals, natural_frequency
from mkdocs_evidence.core.findings import RULES, Severity

DENSE = "Of the people in the study, 44.7% had a slipped disc, 21.9% a nerve injury, 16.7% a stroke and 10.5% something else."


def test_natural_frequencies():
    assert natural_frequency(44.7) == "about 4 in 10"
    assert natural_frequency(16.7) == "about 2 in 10"
    assert natural_frequency(4.2) == "about 4 in 100"
    assert natural_frequency(0.3) == "about 3 in 1,000"


def test_a_dense_paragraph_is_one_info_finding_with_suggestions():
    text = f"# Causes\n\n{DENSE}\n\nAbout 1 in 3 people get better.\n"
    found = [
        f for f in check_text(text, Located("docs/causes.md"), Bibliography()).findings if f.kind == "dense-decimals"
    ]
    assert len(found) == 1 and found[0].severity is Severity.INFO and RULES["dense-decimals"].severity is Severity.INFO
    assert found[0].line == 3 and found[0].text == "44.7%"
    assert "44.7% is about 4 in 10" in found[0].message and "10.5% is about 1 in 10" in found[0].message


def test_few_decimals_whole_numbers_and_tables_are_left_alone():
    assert not find_dense_decimals("About 45% had a slipped disc and 22% a nerve injury, 17% a stroke.")
    assert not find_dense_decimals("44.7% had one thing and 21.9% another.")
    assert not find_dense_decimals(
        "| cause | share |\n| --- | --- |\n| disc | 44.7% |\n| nerve | 21.9% |\n| stroke | 16.7% |"
    )
    assert len(find_dense_decimals(DENSE + "\n\n" + DENSE)) == 2
