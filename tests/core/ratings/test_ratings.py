"""Rating scales, ceilings, rating findings, the inline marker and the rating summary."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_evidence.core.bib.references import Reference
from mkdocs_evidence.core.findings import RULES, Severity
from mkdocs_evidence.core.ratings import (
    MalformedRatingMarker,
    Rating,
    RatingMarker,
    check_rating,
    compute_ceiling,
    find_rating_markers,
    malformed_marker_finding,
    participant_count,
    rating_from_marker,
    rating_summary,
    reference_label,
)
from mkdocs_evidence.core.ratings.scales import (
    INHERIT,
    UNGRADED,
    get_scale,
    load_catalogue,
    parse_scales,
    scale_names,
)

TODAY = date(2026, 11, 22)
GRADE = get_scale("grade")
OCEBM = get_scale("oxford")
SORT = get_scale("sort")


def ref(key: str, design: str | None, year: int | None = 2020, **kwargs) -> Reference:
    return Reference(key=key, design=design, year=year, **kwargs)


def by_key(*refs: Reference) -> dict[str, Reference]:
    return {r.key: r for r in refs}


def check(level: str, *refs: Reference, scale=GRADE, citations=None, max_age_years=10, **kwargs):
    rating = Rating(
        level=level,
        treatment="ankle-foot orthosis",
        outcome="walking speed",
        citations=tuple(citations if citations is not None else (r.key for r in refs)),
        path="docs/afo.md",
        line=7,
        column=3,
        **kwargs,
    )
    return check_rating(rating, scale, by_key(*refs), today=TODAY, max_age_years=max_age_years)


def kinds(findings) -> list[str]:
    return [f.kind for f in findings]


# --- scale data -----------------------------------------------------------------------------


def test_shipped_scales_load_and_cover_every_design():
    catalogue = load_catalogue()
    assert set(scale_names()) == {"grade", "ocebm", "sort"}
    for scale in catalogue.scales.values():
        assert {d for d, _ in scale.design_levels} == set(catalogue.designs)
        ranks = [level.rank for level in scale.levels]
        assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == len(ranks)
        for level in scale.levels:
            assert level.label and level.explanation and level.icon and level.css_class


def test_scale_aliases_and_unknown_scale():
    assert get_scale("Oxford").id == "ocebm"
    assert get_scale("CEBM").id == "ocebm"
    assert get_scale("SORT").id == "sort"
    with pytest.raises(ValueError, match="grade"):
        get_scale("nhmrc")


def test_level_lookup_folds_case_spaces_and_aliases():
    assert GRADE.level("Very low").id == "very-low"
    assert GRADE.level("very_low").id == "very-low"
    assert OCEBM.level("level-2").id == "2"
    assert SORT.level("a").id == "A"
    assert GRADE.level("excellent") is None


def test_design_alias_animal_is_mechanistic():
    assert load_catalogue().design("animal").id == "mechanistic"
    assert load_catalogue().design("RCT").id == "rct"
    assert load_catalogue().design("randomised") is None


def test_parse_scales_rejects_incomplete_data():
    from importlib import resources

    import yaml

    data = yaml.safe_load(
        resources.files("mkdocs_evidence.core.ratings").joinpath("scales.yml").read_text(encoding="utf-8")
    )
    del data["scales"][0]["design_levels"]["cohort"]
    with pytest.raises(ValueError, match="cohort"):
        parse_scales(data)


def test_icons_are_shape_patterns_that_differ_per_level():
    for scale in (GRADE, OCEBM, SORT):
        icons = [level.icon for level in scale.levels]
        assert len(set(icons)) == len(icons)
        assert all(set(icon) <= {"●", "○"} for icon in icons)


# --- ceilings ------------------------------------------------------------------------------

CEILINGS = {
    # design: (GRADE, OCEBM, SORT)
    "systematic-review": ("high", "1", "A"),
    "meta-analysis": ("high", "1", "A"),
    "rct": ("high", "2", "A"),
    "non-randomised-trial": ("low", "3", "B"),
    "cohort": ("low", "3", "B"),
    "case-control": ("low", "4", "B"),
    "case-series": ("very-low", "4", "C"),
    "case-report": ("very-low", "4", "C"),
    "guideline": ("high", "1", "A"),  # inherits its own grade: does not cap
    "narrative-review": ("very-low", "5", "C"),
    "expert-opinion": ("very-low", "5", "C"),
    "mechanistic": ("very-low", "5", "C"),
    "animal": ("very-low", "5", "C"),
}


@pytest.mark.parametrize("design", sorted(CEILINGS))
@pytest.mark.parametrize("column,scale", [(0, GRADE), (1, OCEBM), (2, SORT)])
def test_ceiling_from_single_design(design, column, scale):
    ceiling = compute_ceiling(scale, [ref("k", design)])
    assert ceiling.level == CEILINGS[design][column]


@pytest.mark.parametrize("scale,expected", [(GRADE, "very-low"), (OCEBM, "5"), (SORT, "C")])
def test_no_citations_is_expert_opinion(scale, expected):
    ceiling = compute_ceiling(scale, [])
    assert ceiling.level == expected
    assert "expert opinion" in ceiling.reason


def test_ceiling_is_best_design_among_citations():
    refs = [ref("a", "case-series"), ref("b", "cohort"), ref("c", "rct")]
    assert compute_ceiling(GRADE, refs).level == "high"
    assert compute_ceiling(OCEBM, refs).level == "2"  # the lowest level number
    assert compute_ceiling(SORT, refs).level == "A"
    assert compute_ceiling(OCEBM, refs).keys == ("c",)


def test_sort_a_needs_a_level_one_study():
    assert compute_ceiling(SORT, [ref("a", "cohort"), ref("b", "case-control")]).level == "B"
    assert kinds(check("A", ref("a", "cohort"), scale=SORT)) == ["rating-above-evidence"]
    assert check("A", ref("a", "rct"), ref("b", "rct"), scale=SORT) == []


def test_sort_surrogate_outcome_caps_at_c():
    surrogate = ref("s", "rct", fields={"outcome_type": "disease"})
    assert compute_ceiling(SORT, [surrogate]).level == "C"
    assert "test results" in compute_ceiling(SORT, [surrogate]).reason
    assert compute_ceiling(GRADE, [surrogate]).level == "high"  # GRADE: an editor's judgement


def test_sources_without_design_do_not_count():
    ceiling = compute_ceiling(GRADE, [ref("a", None), ref("b", "made-up")])
    assert ceiling.level == "very-low"
    assert "no known study design" in ceiling.reason
    mixed = compute_ceiling(GRADE, [ref("a", None), ref("b", "cohort")])
    assert mixed.level == "low" and "a has no known study design" in mixed.reason
    assert "a has" not in mixed.plain_reason and "(" not in mixed.plain_reason


def test_design_levels_use_only_known_values():
    for scale in (GRADE, OCEBM, SORT):
        for _, value in scale.design_levels:
            assert value in (INHERIT, UNGRADED) or scale.level(value) is not None


# --- check_rating ----------------------------------------------------------------------------


def test_over_rated_outcome_is_flagged_with_plain_reason():
    findings = check("high", ref("aprile2005", "case-series"))
    above = [f for f in findings if f.kind == "rating-above-evidence"]
    assert len(above) == 1
    finding = above[0]
    assert finding.severity is Severity.ERROR
    assert "cites only a case series (aprile2005)" in finding.message
    assert "'High certainty'" in finding.message and "'Very low certainty'" in finding.message
    assert finding.citations == ("aprile2005",)
    assert (finding.path, finding.line, finding.column) == ("docs/afo.md", 7, 3)
    assert finding.data["ceiling"] == "very-low"


def test_plural_designs_in_reason():
    findings = check("moderate", ref("a", "cohort"), ref("b", "cohort"))
    assert "cites only cohort studies (a, b)" in findings[0].message


def test_correct_and_lower_ratings_pass():
    evidence = (ref("prenton2016", "meta-analysis", figures=("815 participants",)),)
    assert check("moderate", *evidence) == []
    assert check("high", *evidence) == []  # a single review is a body of evidence
    assert check("very-low", *evidence) == []
    assert check("low", ref("c", "cohort"), ref("d", "case-series")) == []


def test_unrated_expert_opinion_only_allows_bottom_level():
    assert check("very-low") == []
    findings = check("low")
    assert kinds(findings) == ["rating-above-evidence"]
    assert "cites no sources, so it rests on expert opinion" in findings[0].message


def test_unknown_citation_keys_are_skipped_and_not_evidence():
    findings = check("high", citations=("nobody2020",))
    assert kinds(findings) == ["rating-above-evidence"]
    assert not any(f.kind == "missing-design" for f in findings)


def test_missing_and_unknown_design_reported():
    findings = check("very-low", ref("a", None), ref("b", "RCT-ish"))
    missing = [f for f in findings if f.kind == "missing-design"]
    assert [f.citations for f in missing] == [("a",), ("b",)]
    assert "no study design" in missing[0].message
    assert "'RCT-ish'" in missing[1].message
    assert RULES["missing-design"].severity is missing[0].severity


def test_unknown_level_is_invalid():
    findings = check("excellent", ref("a", "rct"))
    assert kinds(findings) == ["invalid-rating"]
    assert "high, moderate, low, very-low" in findings[0].message


@pytest.mark.parametrize(
    "reasons,level,expected",
    [
        (("large-effect",), "moderate", []),
        (("large-effect", "dose-response"), "high", []),
        (("large-effect",), "high", ["rating-above-evidence"]),
        (("Large effect",), "moderate", []),  # ids are normalised
    ],
)
def test_grade_upgrade_on_observational_body(reasons, level, expected):
    findings = check(level, ref("c", "cohort"), ref("d", "case-control"), upgrade_reasons=reasons)
    assert kinds(findings) == expected


def test_upgrade_message_names_the_upgrade():
    findings = check("high", ref("c", "cohort"), ref("d", "cohort"), upgrade_reasons=("dose-response",))
    assert "even with the upgrade (more treatment, more effect)" in findings[0].message
    assert "'Moderate certainty'" in findings[0].message


def test_upgrade_needs_a_reason():
    findings = check("moderate", ref("c", "cohort"), upgrade_declared=True)
    assert kinds(findings) == ["invalid-rating", "rating-above-evidence"]
    assert "needs a reason" in findings[0].message
    note_only = check("moderate", ref("c", "cohort"), upgrade_note="big effect")
    assert "needs a reason" in note_only[0].message


def test_upgrade_unknown_and_duplicate_reasons():
    unknown = check("moderate", ref("c", "cohort"), upgrade_reasons=("gut-feeling",))
    assert kinds(unknown) == ["invalid-rating", "rating-above-evidence"]
    assert "'gut-feeling' is not an upgrade reason" in unknown[0].message
    twice = check("high", ref("c", "cohort"), ref("e", "cohort"), upgrade_reasons=("large-effect", "large-effect"))
    assert "listed twice" in twice[0].message
    assert "rating-above-evidence" in kinds(twice)  # counted once: low + 1 = moderate


def test_upgrade_at_most_two_steps():
    reasons = ("large-effect", "dose-response", "plausible-confounding")
    findings = check("high", ref("c", "case-series"), ref("d", "case-series"), upgrade_reasons=reasons)
    invalid = [f for f in findings if f.kind == "invalid-rating"]
    assert len(invalid) == 1 and "at most 2 steps" in invalid[0].message
    above = [f for f in findings if f.kind == "rating-above-evidence"]
    assert above and "'Moderate certainty'" in above[0].message  # very low + 2 capped


def test_upgrade_only_for_observational_bodies():
    findings = check("high", ref("r", "rct"), ref("s", "rct"), upgrade_reasons=("large-effect",))
    assert kinds(findings) == ["invalid-rating"]
    assert "observational" in findings[0].message and "randomised trial" in findings[0].message
    mixed = check("moderate", ref("c", "cohort"), ref("m", "mechanistic"), upgrade_reasons=("large-effect",))
    assert "invalid-rating" in kinds(mixed)
    nothing = check("low", upgrade_reasons=("large-effect",))
    assert "cites no studies" in nothing[0].message


@pytest.mark.parametrize("scale,level", [(OCEBM, "3"), (SORT, "B")])
def test_upgrade_not_allowed_on_other_scales(scale, level):
    findings = check(level, ref("c", "cohort"), scale=scale, upgrade_reasons=("large-effect",))
    assert kinds(findings) == ["invalid-rating"]
    assert "does not allow upgrades" in findings[0].message


def test_single_study_top_rating_warns():
    findings = check("high", ref("trial", "rct"))
    assert kinds(findings) == ["rating-single-study"]
    assert findings[0].severity is Severity.WARNING
    assert "one study (trial)" in findings[0].message
    assert check("high", ref("t1", "rct"), ref("t2", "rct")) == []
    assert check("moderate", ref("trial", "rct")) == []
    # a single top-level study plus weaker support is still one study at the top... but a body
    assert check("A", ref("trial", "rct"), scale=SORT)[0].kind == "rating-single-study"


def test_single_review_is_not_a_single_study():
    assert check("1", ref("sr", "systematic-review"), scale=OCEBM) == []
    assert check("high", ref("g", "guideline")) == []


def test_old_evidence_warns_when_every_source_is_old():
    old = (ref("a", "rct", year=2001), ref("b", "rct", year=2009))
    findings = check("moderate", *old)
    assert kinds(findings) == ["rating-old-evidence"]
    assert "from 2009, 17 years ago" in findings[0].message
    assert findings[0].data["newest_year"] == 2009
    assert check("moderate", ref("a", "rct", year=2001), ref("b", "rct", year=2020)) == []
    assert check("moderate", ref("a", "rct", year=2016), ref("b", "rct", year=2001)) == []  # exactly 10
    assert check("moderate", *old, max_age_years=None) == []
    assert check("moderate", *old, max_age_years=30) == []


def test_old_evidence_uses_passed_today():
    rating = Rating("moderate", "t", "o", ("a", "b"))
    refs = by_key(ref("a", "rct", year=2015), ref("b", "rct", year=2015))
    assert check_rating(rating, GRADE, refs, today=date(2020, 1, 1), max_age_years=10) == []
    later = check_rating(rating, GRADE, refs, today=date(2030, 1, 1), max_age_years=10)
    assert kinds(later) == ["rating-old-evidence"]


def test_every_finding_kind_is_registered():
    findings = check("high", ref("a", None, year=1990), ref("b", "case-series", year=1990), upgrade_declared=True)
    assert findings and all(f.kind in RULES for f in findings)


def test_finding_span_defaults_and_explicit_end():
    rating = Rating("excellent", "t", "o", path="p.md", line=2, column=5, end_line=2, end_column=40, text="{rating: x}")
    finding = check_rating(rating, GRADE, {}, today=TODAY, max_age_years=10)[0]
    assert (finding.end_line, finding.end_column, finding.text) == (2, 40, "{rating: x}")
    implicit = check_rating(Rating("excellent", "t", "o", line=4, column=1), GRADE, {}, today=TODAY)[0]
    assert implicit.end_line == 4 and implicit.end_column > 1


def test_tool_never_raises_a_rating():
    summary = rating_summary(Rating("low", "t", "o", ("a", "b")), GRADE, by_key(ref("a", "rct"), ref("b", "rct")))
    assert summary.level == "low" and summary.ceiling.level == "high"


# --- inline marker -------------------------------------------------------------------------


def test_marker_well_formed():
    text = (
        "Wearing an AFO helps people walk faster.\n"
        "{rating: moderate | ankle-foot orthosis -> walking speed after stroke | @prenton2016; @other}"
    )
    [marker] = find_rating_markers(text)
    assert isinstance(marker, RatingMarker)
    assert text[marker.start : marker.end] == marker.raw
    assert marker.level == "moderate"
    assert marker.treatment == "ankle-foot orthosis"
    assert marker.outcome == "walking speed after stroke"
    assert marker.citations == ("prenton2016", "other")
    assert marker.upgrade_reasons == () and not marker.upgrade_declared


@pytest.mark.parametrize(
    "marker,level,reasons",
    [
        ("{rating: low up: large-effect | a -> b | @k}", "low", ("large-effect",)),
        ("{rating: low [up: large-effect, dose-response] | a -> b | @k}", "low", ("large-effect", "dose-response")),
        ("{Rating: very low (up: dose_response) | a → b | [@k]}", "very low", ("dose-response",)),
    ],
)
def test_marker_upgrades_and_variants(marker, level, reasons):
    [parsed] = find_rating_markers(marker)
    assert isinstance(parsed, RatingMarker), parsed
    assert (parsed.level, parsed.upgrade_reasons, parsed.upgrade_declared) == (level, reasons, True)
    assert (parsed.treatment, parsed.outcome, parsed.citations) == ("a", "b", ("k",))


def test_marker_empty_upgrade_is_declared_without_reasons():
    [parsed] = find_rating_markers("{rating: moderate up: | a -> b | @k}")
    assert parsed.upgrade_declared and parsed.upgrade_reasons == ()
    rating = rating_from_marker(parsed, path="x.md", line=1, column=1, end_line=1, end_column=10)
    assert "needs a reason" in check_rating(rating, GRADE, {"k": ref("k", "cohort")}, today=TODAY)[0].message


def test_marker_without_citations_and_keys_with_punctuation():
    [bare] = find_rating_markers("{rating: very-low | rest -> pain}")
    assert isinstance(bare, RatingMarker) and bare.citations == ()
    [keys] = find_rating_markers("{rating: low | a -> b | @smith:2020; @doe.j-2019, @smith:2020}")
    assert keys.citations == ("smith:2020", "doe.j-2019")


@pytest.mark.parametrize(
    "text,problem",
    [
        ("{rating: high | a -> b | @k", "no closing brace"),
        ("{rating high | a -> b | @k}", "colon"),
        ("{rating: | a -> b | @k}", "no level"),
        ("{rating: high | walking | @k}", "TREATMENT -> OUTCOME"),
        ("{rating: high | -> b | @k}", "TREATMENT -> OUTCOME"),
        ("{rating: high}", "separated by '|'"),
        ("{rating: high | a -> b | @k | extra}", "separated by '|'"),
        ("{rating: high | a -> b | prenton2016}", "'prenton2016' is not a citation"),
        ("{rating: high | a -> b | @}", "'@' is not a citation"),
        ("{rating: high | a -> b {nested} | @k}", "no closing brace"),
    ],
)
def test_marker_malformed(text, problem):
    markers = find_rating_markers(text)
    assert isinstance(markers[0], MalformedRatingMarker), markers
    assert problem in markers[0].problem
    assert markers[0].start == 0 and text[markers[0].start : markers[0].end] == markers[0].raw


def test_unclosed_marker_stops_at_blank_line_and_next_marker_still_found():
    text = "{rating: high | a -> b\n\nNext paragraph. {rating: low | c -> d | @k}"
    first, second = find_rating_markers(text)
    assert isinstance(first, MalformedRatingMarker) and first.raw == "{rating: high | a -> b"
    assert isinstance(second, RatingMarker) and second.level == "low"


def test_marker_may_wrap_one_line():
    [marker] = find_rating_markers("{rating: moderate | ankle-foot\n  orthosis -> walking | @k}")
    assert isinstance(marker, RatingMarker) and marker.treatment == "ankle-foot orthosis"


def test_other_braces_are_not_markers():
    assert find_rating_markers("{: .class } {ratings: x} {#id} rating: high") == []


def test_malformed_marker_finding():
    [bad] = find_rating_markers("See {rating: high | a b}")
    finding = malformed_marker_finding(bad, path="p.md", line=3, column=5, end_line=3, end_column=21)
    assert finding.kind == "invalid-rating" and finding.severity is Severity.ERROR
    assert finding.text == "{rating: high | a b}" and finding.message.startswith("The claim")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}|:@;,->→ \n[]()ratingupRAT0k-é")), max_size=200))
def test_marker_parser_never_raises(text):
    markers = find_rating_markers(text)
    previous_end = 0
    for marker in markers:
        assert previous_end <= marker.start < marker.end <= len(text)
        assert text[marker.start : marker.end] == marker.raw
        previous_end = marker.end


@pytest.mark.parametrize(
    "text",
    [
        "{rating: " * 20_000,
        "{rating: high | " + "a" * 200_000,
        "{rating: high | a ->" + " \n" * 50_000,
        "{rating: x up:" + " " * 100_000 + "}",
    ],
)
def test_marker_parser_survives_adversarial_input(text):
    # No time is asserted (a loaded CI machine makes a timed test flaky): the input sizes keep a
    # quadratic parser from finishing within CI's limit; benchmarks/adversarial.py measures growth.
    markers = find_rating_markers(text)
    assert all(m.end - m.start <= len(text) for m in markers)


# --- summary ---------------------------------------------------------------------------------


def test_rating_summary_counts_designs_in_plain_words():
    refs = by_key(
        ref("t1", "rct", year=2012, figures=("120 participants",)),
        ref("t2", "rct", year=2018, figures=("80 people", "12 weeks")),
        ref("cs", "case-series", year=2005, figures=("14 patients",)),
        ref("nodesign", None, year=2000),
    )
    summary = rating_summary(Rating("moderate", "AFO", "walking speed", ("t1", "t2", "cs", "nodesign", "gone")), GRADE, refs)
    assert summary.designs_text == "2 randomised trials, 1 case series and 1 source of unknown type"
    assert summary.source_count == 4
    assert summary.participants == 214
    assert (summary.newest_year, summary.oldest_year) == (2018, 2000)
    assert (summary.name, summary.icon, summary.css_class) == ("Moderate certainty", "●●●○", "evidence--moderate")
    assert summary.ceiling.level == "high" and summary.ceiling_name == "High certainty"
    assert "(" not in summary.ceiling_text  # no citation keys shown to readers
    assert [s.key for s in summary.sources] == ["t1", "t2", "cs", "nodesign"]


def test_rating_summary_participants_do_not_double_count_reviews():
    refs = by_key(
        ref("ma", "meta-analysis", figures=("7 RCTs", "815 participants")),
        ref("t1", "rct", figures=("120 participants",)),
    )
    summary = rating_summary(Rating("moderate", "a", "b", ("ma", "t1")), GRADE, refs)
    assert summary.participants == 815


def test_rating_summary_unknown_level_and_labels():
    summary = rating_summary(Rating("superb", "a", "b"), GRADE, {})
    assert not summary.known_level and summary.badge_text == "Rating not recognised"
    assert summary.designs_text == "" and summary.participants is None
    oxford = rating_summary(Rating("2", "a", "b"), OCEBM, {})
    assert oxford.badge_text == "Level 2: At least one fair test"


def test_rating_summary_upgrade_labels():
    summary = rating_summary(
        Rating("moderate", "a", "b", ("c",), upgrade_reasons=("large-effect",), upgrade_note="RR 0.3"),
        GRADE,
        by_key(ref("c", "cohort")),
    )
    assert summary.upgrades == ("The effect was large",) and summary.upgrade_note == "RR 0.3"


@pytest.mark.parametrize(
    "figures,expected",
    [
        (("815 participants",), 815),
        (("1,204 adult patients",), 1204),
        (("7 RCTs", "5 trials"), None),
        (("23.1% of people",), None),
        (("40 men", "60 women"), 60),
    ],
)
def test_participant_count(figures, expected):
    assert participant_count(Reference("k", figures=figures)) == expected


def test_reference_label():
    assert reference_label(Reference("k", authors=("Prenton, Sarah", "Hollands, K."), year=2016)) == "Prenton et al. 2016"
    assert reference_label(Reference("k", authors=("Sarah Prenton",), year=2016)) == "Prenton 2016"
    assert reference_label(Reference("k", year=2016)) == "k (2016)"
