"""``new-guide`` scaffolding: commented, schema-valid, never overwrites."""

from __future__ import annotations

import re
from datetime import date

import pytest
from mkdocs_evidence.core.guide.content import load_guide
from mkdocs_evidence.core.guide.guides import render_guide_pages
from mkdocs_evidence.scaffold import ScaffoldError, scaffold_guide, slugify


def test_scaffolded_guide_validates(tmp_path):
    paths = scaffold_guide("Foot drop", tmp_path / "content", today=date(2026, 11, 22))
    folder = tmp_path / "content" / "foot-drop"
    assert paths == [folder / "guide.yml", folder / "treatments" / "example-treatment.yml"]
    result = load_guide(folder, tmp_path)
    assert result.errors == []
    assert result.guide.title == "Foot drop"
    # No review has happened: no reviewer, no review dates; the version date is today's.
    assert result.guide.review.clinical_reviewer is None
    assert result.guide.review.last_reviewed is None and result.guide.review.next_review_due is None
    assert result.guide.review.history[0].date == date(2026, 11, 22)
    assert [t.slug for t in result.treatments] == ["example-treatment"]
    assert render_guide_pages(result.guide, result.treatments, base_uri="")


def test_scaffold_is_commented_and_has_no_figures_or_citations(tmp_path):
    scaffold_guide("Foot drop", tmp_path)
    folder = tmp_path / "foot-drop"
    text = (folder / "guide.yml").read_text(encoding="utf-8")
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) > 20
    result = load_guide(folder, tmp_path)
    for prose in result.iter_prose():
        assert not re.search(r"\d", prose.text), prose
        assert "[@" not in prose.text
        assert not re.search(r"\b(studies|research|evidence) (show|suggest)", prose.text, re.I)
    assert list(result.iter_citation_keys()) == []


def test_odd_names_are_quoted(tmp_path):
    scaffold_guide('Charcot–Marie–Tooth "disease": Ménière #1', tmp_path)
    folder = tmp_path / "charcot-marie-tooth-disease-meniere-1"
    result = load_guide(folder, tmp_path)
    assert result.errors == []
    assert result.guide.title == 'Charcot–Marie–Tooth "disease": Ménière #1'


def test_unreviewed_guide_says_no_clinician_checked_it_and_last_updated(tmp_path):
    from mkdocs_evidence.core.guide.guides import render_guide_pages

    scaffold_guide("Foot drop", tmp_path, today=date(2028, 2, 29))
    loaded = load_guide(tmp_path / "foot-drop", tmp_path)
    pages = render_guide_pages(loaded.guide, loaded.treatments, base_uri="")
    about = next(p for p in pages if p.src_uri.endswith("about-this-guide.md")).markdown
    assert "No clinician has checked this guide yet." in about
    assert "Last updated: 29 February 2028" in about
    assert "Last reviewed" not in about and "Replace this with the clinical reviewer" not in about
    assert all(p.meta["review"]["clinical_reviewer"] is None for p in pages if "review" in p.meta)


def test_refuses_to_overwrite(tmp_path):
    (tmp_path / "foot-drop").mkdir()
    (tmp_path / "foot-drop" / "guide.yml").write_text("keep me", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="already exists"):
        scaffold_guide("Foot drop", tmp_path)
    assert (tmp_path / "foot-drop" / "guide.yml").read_text(encoding="utf-8") == "keep me"


def test_refuses_a_name_without_letters(tmp_path):
    with pytest.raises(ScaffoldError, match="folder name"):
        scaffold_guide(" -- ", tmp_path)


def test_slugify():
    assert slugify("Foot drop") == "foot-drop"
    assert slugify("  Ménière's disease ") == "meniere-s-disease"
