"""Appeals to unnamed research in the wordings real pages use (issue 13), from our own examples,
and named sources reported as named. Each case fails if its form is lost."""

from __future__ import annotations

import pytest
from mkdocs_evidence.core.attribution import find_attributions


def _kinds(text: str, part: str) -> list[str]:
    start = text.index(part)
    end = start + len(part)
    return [a.kind for a in find_attributions(text) if a.start < end and start < a.end]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("New research finds that walking eases back pain.", "research finds"),
        ("A 2019 Canadian study, though, found no such link.", "A 2019 Canadian study, though, found"),
        ("A Danish trial confirms that the splint helps.", "A Danish trial confirms"),
        ("A large, randomised, placebo-controlled trial of 300 adults suggested a small benefit.",
         "A large, randomised, placebo-controlled trial of 300 adults suggested"),
        ("A recent study of 80 patients compared two kinds of brace.", "A recent study of 80 patients compared"),
        ("In a 2015 study, people who swam had less pain.", "In a 2015 study"),
        ("Laboratory studies show that the cream calms nerves.", "Laboratory studies show"),
        ("Trials have shown a small gain in walking speed.", "Trials have shown"),
        ("It is estimated that one in five adults snores.", "It is estimated that"),
        ("Yoga for back pain has been well researched.", "has been well researched"),
        ("Experts recommend a short walk every day.", "Experts recommend"),
        ("Doctors agree that early movement helps.", "Doctors agree"),
        ("A year-long study compared surgery with physiotherapy.", "A year-long study compared"),
        ("The tea is backed by scientific research.", "backed by scientific research"),
    ],
)
def test_unnamed_research_is_a_vague_appeal(text: str, part: str) -> None:
    assert _kinds(text, part) == ["vague-attribution"], find_attributions(text)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The Bureau of Labor Statistics reports that back pain costs many work days.",
         "The Bureau of Labor Statistics reports"),
        ("A 2009 study in the journal Circulation has shown a link.", "study in the journal Circulation"),
        ("Scientists from the University of Leeds concluded that it helps.", "University of Leeds"),
        ("According to WebMD, the pain fades within weeks.", "According to WebMD"),
        ("Pain is common after the operation (Hobson and Lee, 2012).", "(Hobson and Lee, 2012)"),
        ("The results appeared in Neurology last spring.", "appeared in Neurology"),
    ],
)
def test_named_sources_are_named_not_vague(text: str, part: str) -> None:
    assert _kinds(text, part) == ["named-but-uncited"], find_attributions(text)


@pytest.mark.parametrize(
    "text",
    [
        "More research is needed before we know.",
        "This study found nothing new.",
        "Your doctor may suggest a brace.",
        "There is little evidence either way.",
    ],
)
def test_not_appeals(text: str) -> None:
    assert find_attributions(text) == [], find_attributions(text)
