"""Issue 17's wrong answers, each with a test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hardening_helpers import SENTINEL, has_message, mkdocs, run, write_base_site
from mkdocs_evidence.core.bib.bibliography import BibliographyCache, parse_bib_text
from mkdocs_evidence.core.claims.figures import matches_figure
from mkdocs_evidence.core.statistics import find_statistics

CROSSREF = """@inproceedings{child2020,
  title    = {A trial of braces},
  author   = {Roe, Richard},
  crossref = {parent2020},
  figures  = {12% walked further}
}

@proceedings{parent2020,
  title     = {Proceedings of the Gait Meeting},
  year      = {2020},
  publisher = {Gait Society},
  design    = {rct},
  doi       = {10.1234/gait.2020}
}
"""


def test_crossref_fields_are_inherited():
    parsed = parse_bib_text(CROSSREF, "refs.bib")
    child = parsed.references["child2020"]
    assert (child.year, child.design, child.doi, child.journal) == (2020, "rct", "10.1234/gait.2020", "Proceedings of the Gait Meeting")
    assert child.title == "A trial of braces" and child.authors
    assert parsed.problems == ()


def test_crossref_entries_still_format_with_the_inherited_fields(tmp_path: Path):
    (tmp_path / "refs.bib").write_text(CROSSREF, encoding="utf-8")
    bibliography = BibliographyCache(tmp_path / "cache").load([tmp_path / "refs.bib"], tmp_path)
    assert "2020" in str(bibliography.entries["child2020"].fields.get("year", ""))


HUGE = "1" + "0" * 400


@pytest.mark.parametrize("position", [0, 1, 2])
def test_a_figure_above_1e308_does_not_break_matching_of_the_rest(position: int):
    figures = ["12% walked further", "7 RCTs", "815 participants"]
    figures.insert(position, f"{HUGE} people")
    assert all(matches_figure(statistic, figures) for statistic in ("12%", "7 RCTs", "815 participants"))
    assert not matches_figure("13%", figures)


def test_an_empty_bib_does_not_fail_the_build(tmp_path: Path):
    root = write_base_site(tmp_path)
    (root / "citations" / "new.bib").write_text("", encoding="utf-8")
    result = run(mkdocs("build", "-d", str(root / "site")), root)
    assert result.returncode == 0 and "new.bib" not in result.output
    assert has_message(result, *SENTINEL)
    assert parse_bib_text("  \n", "new.bib").problems == ()


def test_a_file_with_no_bibtex_entries_is_a_finding():
    ris = "TY  - JOUR\nTI  - A trial of braces\nPY  - 2020\nER  - \n"
    (problem,) = parse_bib_text(ris, "refs.bib").problems
    assert problem.kind == "bibliography-error" and "no BibTeX entries" in problem.message


def test_a_file_in_the_bibliography_folder_that_is_not_read_is_reported(tmp_path: Path):
    root = write_base_site(tmp_path)
    (root / "citations" / "export.ris").write_text("TY  - JOUR\nER  - \n", encoding="utf-8")
    (root / "citations" / "notes.md").write_text("# Notes on the sources\n", encoding="utf-8")
    result = run(mkdocs("build", "-d", str(root / "site")), root)
    assert has_message(result, "citations/export.ris:1:1", "export.ris is not a .bib file")
    assert "notes.md" not in result.output  # editors' notes beside the references are fine


def test_cr_only_pages_and_yaml_are_located_by_line(tmp_path: Path):
    """(The CLI side is in test_hardening_inputs.py.) The build reads CR-only files by line too."""
    root = write_base_site(tmp_path)
    (root / "docs" / "cr.md").write_bytes(b"# T\r\rText.\r\rAbout 44% of people.\r")
    result = run(mkdocs("build", "-d", str(root / "site")), root)
    assert has_message(result, "docs/cr.md:5:1", "'About 44%' has no citation")


def test_an_ideographic_space_before_percent_is_still_a_statistic():
    assert [s.text for s in find_statistics("About 60\u3000% of people got better.")]


# Linear time on adversarial YAML (issue 17): the checks are in benchmarks/adversarial_inputs.py;
# these say what the user sees.
def test_deep_yaml_nesting_is_one_located_message():
    from mkdocs_evidence.core.guide.content import parse_guide

    text = "slug: x\ntitle: T\nsummary: " + "[" * 20_000 + "]" * 20_000 + "\n"
    guide, errors = parse_guide(text, "content/x/guide.yml")
    assert guide is None and [(e.line, e.column) for e in errors] == [(3, 10 + 32)]
    assert "nested more than 32 levels deep" in errors[0].message


@pytest.mark.parametrize(
    "text",
    ["summary: 'see [1] and [[2]]'\n", "summary: |\n  " + "[" * 50 + "\n", "summary: \"" + "[" * 50 + "\"\n", "summary: plain [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ text\n"],
)
def test_brackets_in_prose_are_not_nesting(text: str):
    from mkdocs_evidence.core.io.yamldepth import first_too_deep

    assert first_too_deep(text, 32) is None


def test_a_yaml_field_full_of_loose_brackets_is_refused_with_its_line():
    from mkdocs_evidence.core.guide.content import parse_guide

    guide, errors = parse_guide("slug: x\ntitle: T\nsummary: '" + "[" * 100_000 + "'\n", "content/x/guide.yml")
    assert guide is None
    assert any(e.line == 3 and "100000 square brackets here are not links or citations" in e.message for e in errors)
