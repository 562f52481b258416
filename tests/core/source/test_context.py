"""Each rule of the context check on one small invented source (core/source/context.py)."""

from __future__ import annotations

import pytest
from mkdocs_evidence.core.bib.references import Reference
from mkdocs_evidence.core.source.source_check import verify
from mkdocs_evidence.core.source.wording import content_words

ABSTRACT = (
    "This invented trial of treatment for chronic knee pain (CKP) took in 120 patients with CKP. "
    "After 6 weeks, pain eased in 40% of the exercise group and in 25% of the rest group. "
    "At 12 months, 90 patients were still in the study. "
    "Falls were rare (3%), and swelling (12%) was the most common side effect. "
    "Women (n = 70) did better than men (n = 50). "
    "In the exercise group, 48 patients (80%) kept to the programme."
)
SOURCE = Reference("trial2024", title="An invented trial in chronic knee pain", fields={"abstract": ABSTRACT})


def _verdict(claim: str, statistic: str):
    return verify(statistic, claim, [SOURCE])


@pytest.mark.parametrize(
    ("claim", "statistic"),
    [
        ("After 6 weeks, pain eased in 40% of people who exercised.", "40%"),
        ("The trial took in 120 patients with chronic knee pain.", "120 patients"),
        ("At 12 months, 90 patients were still in the study.", "90 patients"),
        ("Swelling happened in 12% of people.", "12%"),
        ("In the exercise group, 80% of the 60 patients kept to the programme.", "80%"),
    ],
)
def test_claims_that_say_what_the_figure_counts_agree(claim, statistic):
    assert _verdict(claim, statistic).state == "match"


@pytest.mark.parametrize(
    ("claim", "statistic", "kind"),
    [
        ("The trial took in 120 studies.", "120 studies", "unit"),
        ("After 6 months, pain eased in 40% of people who exercised.", "40%", "time-point"),
        ("At 12 months, 90 patients were enrolled in the study.", "90 patients", "subgroup-total"),
        ("In 120 patients, exercise eased knee pain.", "120 patients", "subgroup-total"),
        ("After 6 weeks, pain eased in 40% of children who exercised.", "40%", "population"),
        ("After 6 weeks, pain eased in 40% of the rest group.", "40%", "outcome"),
        ("Falls happened in 12% of people.", "12%", "outcome"),
        ("In the trial, 80% of the 120 patients kept to the programme.", "80%", "subgroup-total"),
    ],
)
def test_mismatches_name_their_kind(claim, statistic, kind):
    verdict = _verdict(claim, statistic)
    assert verdict.state == "mismatch"
    assert verdict.comparison.kind == kind
    assert verdict.comparison.reason  # every verdict says why


def test_figure_not_in_the_source_is_absent():
    assert _verdict("Pain eased in 60% of people.", "60%").state == "absent"


def test_abbreviation_defined_by_the_source_names_the_same_thing():
    # "chronic knee pain (CKP)": the claim's long form agrees with the source's "CKP"
    verdict = _verdict("The trial took in 120 people with chronic knee pain.", "120 people")
    assert verdict.state == "match"


def test_synonyms_and_stems_compare_equal():
    keys = {w.key for w in content_words("An ankle brace helped people with drop foot; they improved.")}
    assert {w.key for w in content_words("Orthoses helped foot drop; improvement")} <= keys | {"help"}
