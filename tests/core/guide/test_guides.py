"""Condition guide -> generated Markdown pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs_evidence.core.guide.content import load_guide, parse_guide, parse_treatment
from mkdocs_evidence.core.guide.guides import (
    COMPARISON_PLACEHOLDER,
    guide_nav,
    md_escape,
    md_url,
    mkdocs_nav,
    render_guide_pages,
)

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures" / "content"
EXPECTED = [
    "foot-drop/index.md",
    "foot-drop/what-is-it.md",
    "foot-drop/symptoms.md",
    "foot-drop/causes.md",
    "foot-drop/when-to-get-help.md",
    "foot-drop/diagnosis.md",
    "foot-drop/treatments/index.md",
    "foot-drop/treatments/ankle-foot-orthosis.md",
    "foot-drop/treatments/physiotherapy.md",
    "foot-drop/outlook.md",
    "foot-drop/living-with.md",
    "foot-drop/questions.md",
    "foot-drop/support.md",
    "foot-drop/glossary.md",
    "foot-drop/handout.md",
    "foot-drop/about-this-guide.md",
]


@pytest.fixture(scope="module")
def loaded():
    result = load_guide(FIXTURES / "foot-drop", FIXTURES)
    assert result.errors == []
    return result


@pytest.fixture(scope="module")
def pages(loaded):
    return {page.src_uri: page for page in render_guide_pages(loaded.guide, loaded.treatments, base_uri="")}


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition", "toc"])


def test_expected_pages_in_reading_order(loaded, pages):
    assert list(pages) == EXPECTED
    nested = render_guide_pages(loaded.guide, loaded.treatments, base_uri="/conditions/")
    assert nested[0].src_uri == "conditions/foot-drop/index.md"


def test_rating_marker_follows_the_statement(pages):
    page = pages["foot-drop/treatments/ankle-foot-orthosis.md"].markdown
    assert (
        "People walked a little faster with an AFO [@prenton2016].\n"
        "{rating: moderate | Ankle-foot orthoses (AFOs) and braces -> walking speed after stroke"
        " | @prenton2016; @daryabor2018}\n"
    ) in page
    assert "{rating: low up: large-effect | Ankle-foot orthoses (AFOs) and braces -> balance | @daryabor2018}" in page
    assert "**What we do not know yet:** We do not know if it lasts." in page
    assert "The effect was large." in page


def test_rating_marker_without_citations():
    treatment, errors = parse_treatment(
        (FIXTURES / "foot-drop" / "treatments" / "ankle-foot-orthosis.yml")
        .read_text(encoding="utf-8")
        .replace("citations: [prenton2016, daryabor2018]", "citations: []")
    )
    assert errors == []
    guide, _ = parse_guide((FIXTURES / "foot-drop" / "guide.yml").read_text(encoding="utf-8"))
    page = render_guide_pages(guide, [treatment], base_uri="")[7]
    assert "{rating: moderate | Ankle-foot orthoses (AFOs) and braces -> walking speed after stroke}" in page.markdown


def test_treatment_without_benefits_says_so(pages):
    assert "has not rated the evidence" in pages["foot-drop/treatments/physiotherapy.md"].markdown


def test_comparison_placeholder(pages):
    assert COMPARISON_PLACEHOLDER in pages["foot-drop/treatments/index.md"].markdown.split("\n")
    assert COMPARISON_PLACEHOLDER in pages["foot-drop/index.md"].markdown.split("\n")


def test_care_cards_are_admonitions_with_level_in_words(pages):
    page = pages["foot-drop/when-to-get-help.md"].markdown
    assert '!!! danger "Emergency: Call 999 or go to A&amp;E if"\n    - Your foot suddenly' in page
    assert '!!! warning "Urgent: Ask for an urgent GP appointment if"' in page
    assert '!!! info "Not urgent: See a GP if"' in page
    assert "    **Call 999 now.**" in page
    rendered = html(page)
    assert '<div class="admonition danger">' in rendered
    assert "<strong>Call 999 now.</strong>" in rendered
    assert rendered.index("admonition danger") < rendered.index("admonition warning") < rendered.index("admonition info")


def test_overview_content_and_links(pages):
    page = pages["foot-drop/index.md"].markdown
    assert page.startswith("# Foot drop\n")
    assert "Foot drop makes it hard to lift the front of the foot [@stewart2008]." in page
    assert "- Foot drop is a sign of a problem, not a disease in itself." in page
    assert '!!! danger "Emergency:' in page
    assert "[Symptoms of foot drop](symptoms.md)" in page
    assert "[Treatments for foot drop](treatments/index.md)" in page


def test_relative_links_from_treatment_pages(pages):
    assert "[Back to all treatments](index.md)" in pages["foot-drop/treatments/physiotherapy.md"].markdown
    index = pages["foot-drop/treatments/index.md"].markdown
    assert "- [Ankle-foot orthoses (AFOs) and braces](ankle-foot-orthosis.md): A brace that holds the foot up." in index


def test_plain_values_are_escaped_prose_is_not(pages):
    causes = pages["foot-drop/causes.md"].markdown
    assert "## Brain &amp; spinal cord" in causes
    support = pages["foot-drop/support.md"].markdown
    assert "Stroke &lt;Association&gt;" in support and "<Association>" not in support
    assert "(https://www.stroke.org.uk/)" in support
    # Prose keeps its Markdown (citations stay for the Markdown extension).
    assert "[@stewart2008]" in pages["foot-drop/what-is-it.md"].markdown


def test_meta_for_provenance(pages):
    meta = pages["foot-drop/symptoms.md"].meta
    assert meta["title"] == "Symptoms of foot drop"
    assert meta["condition"] == "foot-drop"
    assert meta["description"] == "Foot drop makes it hard to lift the front of the foot."
    assert meta["review"] == {
        "last_reviewed": date(2026, 11, 1),
        "next_review_due": date(2027, 11, 1),
        "authors": [{"name": "Alex Writer", "qualifications": "MSc"}],
        "clinical_reviewer": {"name": "Dr Sam Reviewer", "qualifications": "FRCP"},
        "last_updated": date(2026, 11, 1),  # the newest version's date
        "funding": "No external funding.",
        "conflicts": "None declared.",
    }
    assert meta["evidence"]["generated"] is True
    assert meta["evidence"]["source"] == "foot-drop/guide.yml"
    treatment = pages["foot-drop/treatments/ankle-foot-orthosis.md"]
    assert treatment.meta["evidence"]["treatment"] == "ankle-foot-orthosis"
    assert treatment.meta["evidence"]["source"] == "foot-drop/treatments/ankle-foot-orthosis.yml"
    assert treatment.title == "Ankle-foot orthoses (AFOs) and braces – Foot drop"
    assert pages["foot-drop/outlook.md"].title == "Outlook – Foot drop"


def test_source_has_front_matter(pages):
    source = pages["foot-drop/index.md"].source()
    front, body = source.split("---\n")[1], source.split("---\n", 2)[2]
    assert yaml.safe_load(front)["review"]["last_reviewed"] == date(2026, 11, 1)
    assert body.lstrip().startswith("# Foot drop")


def test_about_page(pages):
    page = pages["foot-drop/about-this-guide.md"].markdown
    assert "- Last reviewed: 1 November 2026" in page
    assert "- Alex Writer, MSc" in page
    assert "- Version 1\\.0 (1 November 2026): First version." in page
    assert "Version 1.0 (1 November 2026)" in html(page)


def test_questions_page_has_unknowns(pages):
    page = pages["foot-drop/questions.md"].markdown
    assert "- What is causing my foot drop?" in page
    assert "## What we do not know yet" in page


def test_optional_pages_are_skipped_when_empty(loaded):
    guide = loaded.guide.model_copy(update={"support": (), "glossary": ()})
    uris = [page.src_uri for page in render_guide_pages(guide, [], base_uri="")]
    assert "foot-drop/support.md" not in uris and "foot-drop/glossary.md" not in uris
    assert "[Support]" not in render_guide_pages(guide, [], base_uri="")[0].markdown


def test_multiline_list_items_stay_inside_the_item():
    text = (FIXTURES / "foot-drop" / "guide.yml").read_text(encoding="utf-8").replace(
        "    - Diabetes\n", "    - |\n      Diabetes.\n\n      Also a second paragraph.\n"
    )
    guide, errors = parse_guide(text)
    assert errors == []
    page = next(p for p in render_guide_pages(guide, [], base_uri="") if p.src_uri.endswith("causes.md"))
    assert "- Diabetes.\n\n    Also a second paragraph." in page.markdown
    assert "<li>\n<p>Diabetes.</p>\n<p>Also a second paragraph.</p>\n</li>" in html(page.markdown)


def test_nav(loaded):
    nav = guide_nav(loaded.guide, loaded.treatments, base_uri="")
    assert [uri for _, uri in nav] == EXPECTED
    assert nav[0] == ("Overview", "foot-drop/index.md")
    nested = mkdocs_nav(loaded.guide, loaded.treatments, base_uri="")
    treatments = nested["Foot drop"][6]["Treatments"]
    assert treatments[0] == {"All treatments": "foot-drop/treatments/index.md"}


def test_every_page_renders_as_markdown(pages):
    for page in pages.values():
        assert page.markdown.endswith("\n") and not page.markdown.endswith("\n\n")
        html(page.markdown)


@pytest.mark.parametrize(
    ("value", "rendered"),
    [
        ("1.0", "1.0"),
        ("# not a heading", "# not a heading"),
        ("a *b* _c_ [d](e)", "a *b* _c_ [d](e)"),
        ("<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
        ("A & B", "A &amp; B"),
    ],
)
def test_md_escape_renders_literally(value, rendered):
    assert html(md_escape(value)) == f"<p>{rendered}</p>"


def test_md_url():
    assert md_url("https://a.org/x (y)") == "https://a.org/x%20%28y%29"
    assert html(f"[x]({md_url('https://a.org/a(b)')})") == '<p><a href="https://a.org/a%28b%29">x</a></p>'


def test_rating_marker_is_read_back_by_the_ratings_module(pages):
    ratings = pytest.importorskip("mkdocs_evidence.core.ratings")
    page = pages["foot-drop/treatments/ankle-foot-orthosis.md"].markdown
    markers = ratings.find_rating_markers(page)
    assert [(m.level, m.treatment, m.outcome, m.citations) for m in markers] == [
        ("moderate", "Ankle-foot orthoses (AFOs) and braces", "walking speed after stroke", ("prenton2016", "daryabor2018")),
        ("low", "Ankle-foot orthoses (AFOs) and braces", "balance", ("daryabor2018",)),
    ]


def test_marker_separators_in_names_are_neutralised():
    from mkdocs_evidence.core.guide.guides import rating_marker

    treatment, _ = parse_treatment(
        (FIXTURES / "foot-drop" / "treatments" / "ankle-foot-orthosis.yml")
        .read_text(encoding="utf-8")
        .replace("name: Ankle-foot orthoses (AFOs) and braces", "name: 'Heel->toe | {brace}'")
    )
    marker = rating_marker(treatment, treatment.benefits[0])
    assert marker.startswith("{rating: moderate | Heel–toe / (brace) -> walking speed after stroke | @prenton2016")


def test_handout_page_uses_the_print_template_and_glossary_terms_are_explained(pages):
    handout = pages["foot-drop/handout.md"]
    assert handout.meta["template"] == "handout.html"
    assert "<!-- evidence:ranges -->" in handout.markdown
    symptoms = pages["foot-drop/symptoms.md"].markdown
    assert "\n*[" in symptoms  # abbreviation definitions for the glossary terms
    assert "\n*[" not in pages["foot-drop/glossary.md"].markdown
