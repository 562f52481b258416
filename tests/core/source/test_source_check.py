"""The context check: each figure against the sentence of its source that states it."""

from __future__ import annotations

from pathlib import Path

from mkdocs_evidence.core.bib.bibliography import BibliographyCache
from mkdocs_evidence.core.bib.references import Reference
from mkdocs_evidence.core.check import CheckOptions, Located, check_text
from mkdocs_evidence.core.project import with_excerpts
from mkdocs_evidence.core.source.source_check import verify
from mkdocs_evidence.core.source.source_findings import figure_item_findings
from mkdocs_evidence.core.source.source_text import source_sentences

FIXTURE = Path(__file__).parents[2] / "fixtures" / "source-check"


def _bibliography():
    return with_excerpts(BibliographyCache().load([FIXTURE / "refs.bib"], FIXTURE), FIXTURE)


def _findings(text: str):
    return check_text(text, Located("docs/index.md"), _bibliography(), CheckOptions()).findings


def test_aprile_foot_drop_claim_is_a_context_mismatch_quoting_the_source_sentence():
    found = _findings("A study found that 23% of people with foot drop had a peroneal nerve injury [@aprile2005].")
    kinds = [f.kind for f in found]
    assert kinds == ["figure-context-mismatch"]
    finding = found[0]
    assert finding.text == "23%"
    assert "followed prolonged posture (23.1%)" in finding.message
    assert finding.message.endswith('(1.4%)."')  # the whole source sentence is quoted
    context = finding.data["context"]
    assert ["23.1%", "figure"] in context["source_parts"]
    assert ["posture", "differs"] in context["source_parts"]
    assert ["23%", "figure"] in context["claim_parts"]
    assert context["source_where"] == "aprile2005 abstract"


def test_same_figure_about_the_same_thing_passes():
    assert _findings("In 23% of people with peroneal nerve damage it followed a prolonged posture [@aprile2005].") == ()
    assert _findings("The study recruited 69 patients [@aprile2005].") == ()


def test_figure_absent_from_the_source_text_is_not_in_source():
    found = _findings("The study found that 30% had surgery [@aprile2005].")
    assert [f.kind for f in found] == ["figure-not-in-source"]
    assert "source text or figures" in found[0].message


def test_unit_and_total_mismatches():
    assert [f.kind for f in _findings("The study recruited 69 trials [@aprile2005].")] == ["figure-context-mismatch"]
    found = _findings("69 patients improved after surgery [@aprile2005].")
    assert found[0].data["context"]["kind"] == "subgroup-total"


def test_excerpt_file_with_page_is_source_text():
    bibliography = _bibliography()
    sentences = [s for s in source_sentences(bibliography.references["review2020"]) if s.origin == "excerpt"]
    assert sentences and sentences[0].page == "p. 4" and sentences[0].where == "review2020 excerpt, p. 4"
    assert _findings("Balance improved in 40% of people who exercised [@review2020].") == ()


def test_figures_item_missing_from_the_source_text_is_a_finding():
    found = figure_item_findings(_bibliography().references.values())
    assert [f.text for f in found] == ["75% with a cyst"]
    assert found[0].kind == "figure-item-not-in-source"


def test_figures_field_is_the_fallback_without_source_text():
    ref = Reference("x2020", figures=("23.1% prolonged posture as the cause, of 69 with peroneal neuropathy",))
    assert verify("23%", "23% of people with foot drop had a nerve injury", [ref]).state == "mismatch"
    assert (
        verify("23%", "For 23% of people with peroneal neuropathy the cause was a prolonged posture", [ref]).state
        == "match"
    )
    assert verify("24%", "24% had it", [ref]).state == "absent"
    assert verify("24%", "24% had it", [Reference("y")]).state == "no-source"


def test_all_trials_where_the_source_says_most_is_overstated():
    found = _findings("All 12 trials reported better walking [@review2020].")
    over = [f for f in found if f.kind == "overstated-claim"]
    assert len(over) == 1 and over[0].text == "All"
    assert "'most'" in over[0].message and "in most indicators" in over[0].message
    # the review's total attached to a result is also a context mismatch
    assert [f.data["context"]["kind"] for f in found if f.kind == "figure-context-mismatch"] == ["subgroup-total"]


def test_rated_statement_must_use_grade_wording():
    from mkdocs_evidence.core.source.overstatement import overstated, rating_wording

    assert rating_wording("Exercise improves walking.", "moderate") is not None
    assert rating_wording("Exercise probably improves walking.", "moderate") is None
    assert rating_wording("Exercise probably improves walking.", "low") is not None
    assert rating_wording("Exercise may improve walking.", "low") is None
    assert rating_wording("We are very uncertain whether exercise improves walking.", "very-low") is None
    assert rating_wording("Exercise improves walking.", "high") is None
    found = overstated("Exercise always helps.", [], "low")
    assert found is not None and found.word == "always"
    assert overstated("Exercise always helps.", [], "high") is None


def test_inline_rating_below_high_with_an_absolute_word_is_overstated():
    found = _findings("Exercise always helps walking.\n{rating: low | exercise -> walking | @review2020}\n")
    over = [f for f in found if f.kind == "overstated-claim"]
    assert len(over) == 1 and over[0].text == "always" and "rated low" in over[0].message


def test_inline_rating_worded_above_its_level_is_overstated():
    found = _findings("Exercise improves walking.\n{rating: low | exercise -> walking | @review2020}\n")
    assert [f.message for f in found if f.kind == "overstated-claim"] == [
        "overstated: rated low but worded as '...does' (no hedge); GRADE's wording for low is 'may'"
    ]
    assert not [
        f
        for f in _findings("Exercise may improve walking.\n{rating: low | exercise -> walking | @review2020}\n")
        if f.kind == "overstated-claim"
    ]


def test_structured_rating_statement_wording_finding():
    from mkdocs_evidence.core.source.source_findings import rating_wording_finding

    found = rating_wording_finding(
        "Braces help people walk faster.", "moderate", path="t.yml", line=4, column=13, citations=("x",)
    )
    assert found is not None and found.kind == "overstated-claim" and found.line == 4
    assert (
        rating_wording_finding(
            "Braces probably help people walk faster.", "moderate", path="t.yml", line=4, column=13, citations=()
        )
        is None
    )


def test_a_number_the_finder_leaves_out_is_still_compared_in_a_cited_sentence():
    found = _findings("People in the review exercised for 12 weeks [@review2020].")
    assert [f.kind for f in found] == ["figure-context-mismatch"]
    assert found[0].text == "12 weeks"
    assert 'The source says: "Twelve trials' in found[0].message  # quotes the source sentence
    assert found[0].data["context"]["kind"] == "unit"
    # such a number absent from the source, or in a sentence citing nothing, gives no finding
    assert _findings("People in the review exercised for 7 weeks [@review2020].") == ()
    assert _findings("People exercised for 12 weeks.") == ()
