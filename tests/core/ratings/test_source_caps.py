"""The source's own certainty and the design it pooled cap the ceiling, and say so."""

from mkdocs_evidence.core.bib.references import Reference
from mkdocs_evidence.core.ratings import compute_ceiling
from mkdocs_evidence.core.ratings.scales import get_scale


def test_review_that_rated_its_own_evidence_low_allows_at_most_low():
    scale = get_scale("grade")
    plain = Reference("r", design="meta-analysis")
    rated = Reference("r", design="meta-analysis", fields={"certainty": "low"})
    assert compute_ceiling(scale, [plain]).level == "high"
    ceiling = compute_ceiling(scale, [rated])
    assert ceiling.level == "low"
    assert "rated their own evidence as low" in ceiling.plain_reason


def test_meta_analysis_pooling_case_series_is_not_trial_evidence():
    scale = get_scale("grade")
    pooled = Reference("p", design="meta-analysis", fields={"pooled_design": "case-series"})
    ceiling = compute_ceiling(scale, [pooled])
    assert ceiling.level == "very-low"
    assert "pool case series" in ceiling.plain_reason and "(p)" in ceiling.reason


def test_badge_says_the_source_capped_the_rating():
    from mkdocs_evidence.core.ratings import Rating, rating_summary

    scale = get_scale("grade")
    rated = Reference("r", design="meta-analysis", fields={"certainty": "low"})
    summary = rating_summary(Rating("low", "exercise", "walking", citations=("r",)), scale, {"r": rated})
    assert summary.ceiling_name == "Low certainty"
    assert "rated their own evidence as low" in summary.ceiling_text
