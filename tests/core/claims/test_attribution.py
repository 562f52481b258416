"""find_attributions: vague and named phrases, the false alarms it must avoid."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_evidence.core.attribution import Attribution, find_attributions


def found(text: str) -> list[tuple[str, str]]:
    return [(a.text, a.kind) for a in find_attributions(text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Studies show that walking helps.", "Studies show"),
        ("Research indicates a benefit.", "Research indicates"),
        ("Research suggests a benefit.", "Research suggests"),
        ("A clinical trial reported fewer falls.", "A clinical trial reported"),
        ("Numerous studies have shown a benefit.", "Numerous studies have shown"),
        ("One study indicated harm.", "One study indicated"),
        ("According to recent studies, it works.", "According to recent studies"),
        ("Scientists have found a gene.", "Scientists have found"),
        ("Evidence suggests it helps.", "Evidence suggests"),
        ("Experts say it is safe.", "Experts say"),
        ("It has been shown that it helps.", "It has been shown"),
        ("A study found no change.", "A study found"),
        ("A 2019 study found no change.", "A 2019 study found"),
        ("Recent research is promising.", "Recent research"),
        ("Some research is encouraging.", "Some research"),
        ("Studies\n  show that it helps.", "Studies\n  show"),
        ("Studies      show it.", "Studies      show"),
    ],
)
def test_vague_attributions(text: str, phrase: str) -> None:
    assert found(text) == [(phrase, "vague-attribution")]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The World Health Organization reports a rise.", "The World Health Organization reports"),
        ("According to the NHS, it is common.", "According to the NHS"),
        ("The American Academy of Neurology recommends tests.",
         "The American Academy of Neurology recommends"),
        ("NICE guidance says braces help.", "NICE guidance says"),
        ("A Cochrane review found little evidence.", "A Cochrane review found"),
        ("Smith et al. reported fewer falls.", "Smith et al. reported"),
    ],
)
def test_named_but_uncited(text: str, phrase: str) -> None:
    assert found(text) == [(phrase, "named-but-uncited")]


@pytest.mark.parametrize(
    "text",
    [
        "Further studies are needed.",
        "More research is needed on this.",
        "In this study we describe our method.",
        "We researched each option.",
        "Research your options first.",
        "The study was small.",
        "These trials were funded by industry.",
        "There are few studies in children.",
        "No trials have compared them.",
        "Doctors usually recommend a brace.",
        "Your doctor may suggest a nerve conduction study.",
        "The evidence on this is limited.",
        "Experts in foot care can help you.",
        "The World Health Organization has a page on stroke.",
        "who says so?",
    ],
)
def test_not_attributions(text: str) -> None:
    assert find_attributions(text) == []


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from([
        "studies", "show", "a", "study", "found", "research", "according", "to", "the", "NHS",
        "World", "Health", "Organization", "reports", "et", "al.", "Smith", "2019", "further",
        "are", "needed", ",", "\n", "  ", "It", "has", "been", "shown", "experts", "say",
    ]), max_size=40).map(" ".join),
))
def test_spans_exact_ordered_deterministic(text: str) -> None:
    result = find_attributions(text)
    assert result == find_attributions(text)
    end = 0
    for item in result:
        assert isinstance(item, Attribution)
        assert text[item.start : item.end] == item.text
        assert item.start >= end and item.start < item.end
        assert item.kind in ("vague-attribution", "named-but-uncited")
        end = item.end


def test_adversarial_inputs_give_ordered_spans() -> None:
    """Megabyte inputs finish (speed and linearity are measured in benchmarks/, not here) and
    give ordered spans that are the text they claim."""
    for text in ("studies " * 100_000, "a " * 300_000, "The " * 200_000, "[" * 500_000):
        found = find_attributions(text)
        assert all(a.end <= b.start for a, b in pairwise(found))
        assert all(text[a.start : a.end] == a.text for a in found[:1000])
