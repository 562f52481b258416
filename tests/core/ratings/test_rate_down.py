"""GRADE's reasons to rate down: data in scales.yml, validated in treatment YAML, shown as
"Why not higher", and an info finding when a rating below its ceiling gives no reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs_evidence.core.bib.references import Reference
from mkdocs_evidence.core.findings import RULES, Severity
from mkdocs_evidence.core.guide.content import load_treatment_file
from mkdocs_evidence.core.project import rating_for
from mkdocs_evidence.core.ratings import Rating, check_rating, rating_summary, render_badge
from mkdocs_evidence.core.ratings.scales import get_scale
from mkdocs_evidence.core.templating import template_environment

GRADE = get_scale("grade")
REFS = {"trial": Reference(key="trial", design="rct", year=2020)}
KIND = "rating-lowered-without-reason"

TREATMENT = """\
slug: brace
name: Brace
category: devices
summary: A brace.
what_it_is: A brace.
how_it_may_help: It may help.
what_it_involves: You wear it.
benefits:
  - outcome: walking speed
    rating: low
    statement: One trial found a small change [@trial].
    citations: [trial]
{extra}risks:
  - Rubbing.
daily_life: You wear it every day.
"""


def _treatment(tmp_path: Path, extra: str):
    file = tmp_path / "brace.yml"
    file.write_text(TREATMENT.format(extra=extra), encoding="utf-8")
    return load_treatment_file(file, tmp_path)


def test_the_five_reasons_are_data_beside_the_scale():
    assert [r.id for r in GRADE.downgrade_reasons] == [
        "risk-of-bias",
        "inconsistency",
        "indirectness",
        "imprecision",
        "publication-bias",
    ]
    assert GRADE.lowers == tuple(r.explanation for r in GRADE.downgrade_reasons)  # one definition
    assert KIND in RULES and RULES[KIND].severity is Severity.INFO and "rated_down" in RULES[KIND].fix


def test_rated_down_is_read_and_shown_as_why_not_higher(tmp_path):
    treatment, errors = _treatment(
        tmp_path, '    rated_down:\n      - reason: Imprecision\n        why: "Only 40 people took part."\n'
    )
    assert not errors
    rating = rating_for(next(treatment.iter_ratings()))
    assert rating.rated_down == (("Imprecision", "Only 40 people took part."),)
    assert not [f for f in check_rating(rating, GRADE, REFS, today=date(2026, 1, 1)) if f.kind == KIND]
    summary = rating_summary(rating, GRADE, REFS)
    assert summary.why_not_higher == ("Too few people or too wide a range of results. Only 40 people took part.",)
    html = render_badge(template_environment(), summary, hrefs={}, how_we_rate_href=None)
    assert "<dt>Why not higher</dt>" in html and "Only 40 people took part." in html


def test_an_unknown_reason_is_a_plain_content_error_with_a_suggestion(tmp_path):
    _, errors = _treatment(tmp_path, '    rated_down:\n      - reason: imprecise\n        why: "Small."\n')
    assert len(errors) == 1
    message = str(errors[0])
    assert "brace.yml:14" in message and "did you mean 'imprecision'" in message and "publication-bias" in message


def test_below_the_ceiling_with_no_reason_is_an_info_finding(tmp_path):
    treatment, _ = _treatment(tmp_path, "")
    findings = check_rating(rating_for(next(treatment.iter_ratings())), GRADE, REFS, today=date(2026, 1, 1))
    lowered = [f for f in findings if f.kind == KIND]
    assert len(lowered) == 1 and lowered[0].severity is Severity.INFO
    assert "'Low certainty'" in lowered[0].message and "'High certainty'" in lowered[0].message


def test_no_finding_at_the_ceiling_nor_for_inline_markers():
    at_ceiling = Rating(level="high", treatment="t", outcome="o", citations=("trial",), rated_down=())
    inline = Rating(level="low", treatment="t", outcome="o", citations=("trial",))  # rated_down None
    for rating in (at_ceiling, inline):
        assert not [f for f in check_rating(rating, GRADE, REFS, today=date(2026, 1, 1)) if f.kind == KIND]
    assert rating_summary(inline, GRADE, REFS).why_not_higher == ()
