"""More kinds of statistic that real pages use (issue 13, second round), from our own examples.

Each case fails if its kind is lost: the expected text must overlap a found statistic. The
near misses beside them must stay unflagged.
"""

from __future__ import annotations

import pytest
from mkdocs_evidence.core.statistics import KINDS, find_statistics


def _found(text: str, part: str):
    start = text.index(part)
    end = start + len(part)
    return [s for s in find_statistics(text) if s.start < end and start < s.end]


KINDS_FOUND = [
    # a bare number left by every pattern, in a sentence that states a finding
    ("Final counts fell for six diseases, but for 48 they rose.", "48"),
    ("The odds ratio was 1.52 in adults and 1.97 in teenagers.", "1.97"),
    ("More than 700 of them can now be treated.", "More than 700"),
    ("Of them, 412 never walked a mile in a week.", "412"),
    ("1.45", "1.45"),  # a result alone in a table cell
    # comparisons that name both groups, or report a study's group
    ("Gout is more likely in men than in women.", "more likely"),
    ("Patients who kept a diary were less likely to miss a dose.", "less likely"),
    ("Far more women than men get lupus.", "Far more women"),
    ("Each year more men die of stroke than women die of it.", "more men die"),
    ("Incidence was higher among older drivers.", "higher among"),
    ("Final counts were lower than early counts.", "lower than"),
    # ranks against all others
    ("Age matters more than any other single factor.", "than any other"),
    ("More hip fractures are treated than all the other fractures put together.", "put together"),
    ("The gap is now its smallest since 1970.", "its smallest since 1970"),
    ("Heel pain is one of the most common foot problems (Jones et al., 2015).", "one of the most common"),
    ("Heel pain is most often caused by a tight tendon.", "most often"),
    ("Shoe inserts are the most popular kind of treatment.", "the most popular kind"),
    # proportions and counts in words
    ("Cases were reported across the county, mostly in older men.", "mostly"),
    ("Nearly all people with gout say it stops them sleeping.", "Nearly all"),
    ("In the two trials not a single serious side effect was seen.", "not a single"),
    ("A handful of small trials have tested turmeric for knee pain.", "A handful of"),
    ("The injections had side effects, but none were serious.", "none were serious"),
    # multiples
    ("Smoking triples your risk of a leg ulcer.", "triples"),
    ("Five-year survival has doubled over the last 20 years.", "doubled"),
    ("Obesity raised the risk of gout at least five times over.", "five times over"),
    # ages in any form
    ("The study will follow people 75 years of age and older.", "75 years of age and older"),
    ("Most people with it are aged between 30-60 years.", "between 30-60 years"),
    ("In the very old (>80 years), falls were common.", "80 years"),
    ("Bone mass rises until our mid-20s and falls from our 50s.", "from our 50s"),
    ("With people over 70 increasing by 15,000 a year, demand will grow.", "over 70"),
    ("Symptoms usually start after age 50, and the risk rises with age.", "after age 50"),
    ("By the age of eighty, half of people have some hearing loss.", "By the age of eighty"),
    # a page's own findings are claims too
    ("Our new survey finds thousands waiting for a hip operation.", "thousands"),
    ("Gout is one of the major causes of joint pain in older men.", "one of the major causes"),
    ("Custom insoles eased heel pain for up to 8 weeks.", "for up to 8 weeks"),
    ("Muscle mass grows until our mid-30s.", "until our mid-30s"),
    ("Women's life expectancy has stayed above the EU average for ten years.", "above the EU average"),
    ("Those who finished the course took 7 weeks on average.", "7 weeks on average"),
    # a group's course
    ("Attacks can last 2 to 36 hours.", "2 to 36 hours"),
    ("About seven in 10 people live beyond ten years after the operation.", "beyond ten years"),
    ("Relief usually comes eight weeks later.", "eight weeks later"),
    # measures and changes
    ("Men who took the tablet had fewer falls (odds ratio, 0.7).", "odds ratio, 0.7"),
    ("The trials found a pooled drop of -1.95 on the pain scale.", "pooled drop of -1.95"),
    ("Cartilage grew 0.03 mm with the supplement and shrank 0.12 mm with placebo.", "shrank 0.12 mm"),
    ("The early group cost $410 USD more per person.", "$410 USD more"),
]


@pytest.mark.parametrize(("text", "part"), KINDS_FOUND)
def test_each_kind_is_found(text: str, part: str) -> None:
    found = _found(text, part)
    assert found, (text, part, find_statistics(text))
    assert all(s.kind in KINDS for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "Published on 29 October 2025 by the clinic.",
        "## 6 Living with heel pain",
        "6.1.2 The panel meets four times a year.",
        "Sleep and the heart 14",
        "Score (out of 5): 3",
        "The kit comes with 12 electrode pads and 30 spare straps.",
        "Each capsule holds 120 milligrams of ginger.",
        "Call 0800 123 456 or 020 7946 0958.",
        "Vitamin D is turned into 25(OH)D in the liver.",
        "Maria, 58, noticed her toes catching on the stairs.",
        "Ben was 31 when he first felt the pain.",
        "It is usually taken 30-60 minutes before bed.",
        "See a GP if the pain lasts more than 6 weeks.",
        "The strategy aims for 90% of people diagnosed to start treatment.",
        "Patients were called adherent if they took 80% of their tablets.",
        "Figure 2: Falls among people aged 65 and over, by sex, 2019",
        "Results for women under 40",
        "Falls make bones more likely to break.",
        "Why do far more women than men get it?",
        "Gait speed was higher with the new brace.",
        "Treatment is free in most European countries.",
        "Foot drop has two main types.",
        "Sessions last 45 minutes and run for 6 weeks.",
    ],
)
def test_near_misses_are_not_flagged(text: str) -> None:
    assert find_statistics(text) == [], find_statistics(text)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Final counts fell for six diseases, but for 48 they rose.", "48"),
        ("Gout is more likely in men than in women.", "more likely"),
        ("Cases were reported across the county, mostly in older men.", "mostly"),
    ],
)
def test_new_kinds_are_uncertain_with_a_reason(text: str, part: str) -> None:
    [stat] = _found(text, part)
    assert stat.certainty == "uncertain"
    assert stat.reason


def test_an_age_group_after_a_count_joins_it() -> None:
    [stat] = _found("Around one in every four people over 70 has a fall each year.", "over 70")
    assert "one in every four" in stat.text and stat.text.endswith("over 70")
