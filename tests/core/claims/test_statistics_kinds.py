"""Every kind of statistic that real pages use (issue 13), from our own examples.

Each case fails if its kind is lost: the expected text must overlap a found statistic. The
seed non-statistics must stay unflagged, and quantity words that are probably findings are
reported as uncertain, with a reason.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from mkdocs_evidence.core.statistics import KINDS, find_statistics


def _found(text: str, part: str):
    start = text.index(part)
    end = start + len(part)
    return [s for s in find_statistics(text) if s.start < end and start < s.end]


KINDS_FROM_THE_ISSUE = [
    # time rates and intervals
    ("Someone in this country has a fall every 90 seconds.", "every 90 seconds"),
    ("After fifty, the risk of a stroke doubles each decade.", "doubles"),
    ("One person every five minutes has a stroke.", "One person every five minutes"),
    # proportions in words
    ("More than a quarter of adults report back pain each year.", "More than a quarter of adults"),
    ("Nearly half of the patients had numb toes.", "Nearly half of the patients"),
    ("All but three patients finished the exercise course.", "All but three"),
    ("The new insoles cut falls by two fifths.", "by two fifths"),
    ("Most people with sciatica get better without surgery.", "Most people"),
    ("The great majority of patients found the brace comfortable.", "majority of"),
    # burden counts
    ("Back pain cost 120,000 hospital days in one winter.", "120,000 hospital days"),
    ("There are about 450,000 new cases of shingles a year.", "450,000 new cases"),
    ("Across the region 214,000 males reported a stroke.", "214,000 males"),
    # ranks
    ("Gout is the third most common cause of joint pain in men.", "the third most common cause"),
    ("Heart disease is the leading cause of death in women.", "the leading cause of death"),
    ("The region ranked 20th highest for hip fractures.", "20th highest"),
    # ratios
    ("Lupus shows a 3:1 ratio of women to men.", "3:1"),
    ("In the clinic, female : male = 1.4 : 1.", "1.4 : 1"),
    # folds and multiples
    ("Smokers had a 2.4-fold higher risk of ulcers.", "2.4-fold"),
    ("Runners were 3x more likely to report knee pain.", "3x more"),
    ("The number of referrals has more than doubled as people live longer.", "more than doubled"),
    # money as a finding
    ("Caring for one person costs $12,500 a year.", "$12,500 a year"),
    ("The drug cost EUR 9,000 per quality-adjusted life year.", "EUR 9,000 per quality-adjusted life year"),
    # result values without a unit, and sample descriptors
    ("Smokers had an odds ratio of 1.84 for a second fall.", "odds ratio of 1.84"),
    ("Of the children treated, 22 (41.5%) walked better.", "22"),
    ("Of the children treated, 22 (41.5%) walked better.", "41.5%"),
    ("Volunteers were aged 18 to 80 and all had neck pain.", "aged 18 to 80"),
    ("The mean age was 61.2 years in the brace group.", "mean age was 61.2 years"),
    ("Risk rises sharply after age 60.", "after age 60"),
    # ranges reported whole
    ("Each clinic sees 30 to 50 people with shin splints a week.", "30 to 50 people"),
]


@pytest.mark.parametrize(("text", "part"), KINDS_FROM_THE_ISSUE)
def test_each_kind_from_real_pages_is_found(text: str, part: str) -> None:
    found = _found(text, part)
    assert found, (text, part, find_statistics(text))
    assert all(s.kind in KINDS for s in found)


def test_a_range_is_reported_whole() -> None:
    [stat] = _found("Each clinic sees 30 to 50 people with shin splints a week.", "30 to 50 people")
    assert stat.text == "30 to 50 people"


@pytest.mark.parametrize(
    "text",
    [
        "Dextrose 5% was run through the drip.",
        "The disc between L4 and L5 pressed on the nerve.",
        "The needle went into GB34 below the knee.",
        "A 52-year-old woman had back pain for 3 days after she lifted a box.",
        "He was aged 58 when the weakness started and had a scan 10 days later.",
        "Acute means it has lasted less than six weeks.",
        "Take 2 tablets every 4 hours with water.",
        "Call 0300 123 4567 or ring 111 if you are worried.",
        "The clinic opens at 8:30 and the last slot is at 4:30.",
        "See page 12 of the leaflet for the exercises.",
        "Hold each stretch for 30 seconds and repeat 10 times.",
        "Dial 999 straight away if your face droops.",
        "The study was published in 2019 (PMID 31234567).",
        "Smith J, Jones K. Foot drop after surgery. J Foot Ankle. 2019;12(3):45-52.",
    ],
)
def test_non_statistics_are_not_flagged(text: str) -> None:
    assert find_statistics(text) == [], find_statistics(text)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Most people with a trapped nerve get better on their own.", "Most people"),
        ("Many people with MS have bladder problems.", "Many people"),
        ("Arthritis is most common in people aged 65 and over.", "aged 65 and over"),
    ],
)
def test_probable_statistics_are_uncertain_with_a_reason(text: str, part: str) -> None:
    [stat] = _found(text, part)
    assert stat.certainty == "uncertain"
    assert stat.reason


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("About 23% of adults have knee pain.", "23%"),
        ("Heart disease is the leading cause of death.", "the leading cause of death"),
        ("Across the region 214,000 males had a stroke.", "214,000 males"),
    ],
)
def test_sure_statistics_are_sure(text: str, part: str) -> None:
    [stat] = _found(text, part)
    assert stat.certainty == "sure" and stat.reason == ""


def test_many_statistics_on_one_long_line_are_each_found() -> None:
    line = "About 23% of 1,200 adults, 14 per 100,000 people and 3:1 women to men; " * 2000
    found = find_statistics(line)
    assert len(found) >= 4 * 2000
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_a_ranking_word_does_not_take_in_an_acupuncture_point() -> None:
    # "most often" may be a finding, but the point's code after it is never part of a statistic
    found = find_statistics("For foot drop, the points used most often were GB34 and ST36.")
    assert found and all("34" not in s.text and "36" not in s.text for s in found), found
