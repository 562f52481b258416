"""The command line says what is wrong in an editor's words: no bibliography, no site, a
misspelt YAML field."""

from __future__ import annotations

from pathlib import Path

from mkdocs_evidence.cli import main
from mkdocs_evidence.core.guide.content import load_treatment_file

PAGE = "# Braces\n\nA review found that braces help [@prenton2016].\n"


def test_check_a_page_with_citations_and_no_bibliography(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    assert main(["check", "page.md"]) == 2
    err = capsys.readouterr().err
    assert "no bibliography: pass --bib" in err and "@prenton2016" in err
    assert "not in the bibliography" not in err


def test_check_a_page_without_citations_needs_no_bibliography(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text("# Braces\n\nA brace holds your foot up.\n", encoding="utf-8")
    assert main(["check", "page.md"]) == 0


def test_report_outside_a_site_does_not_talk_about_paths(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["report"]) == 2
    err = capsys.readouterr().err
    assert "PATH" not in err and "no mkdocs.yml here" in err and "-f" in err


def test_a_misspelt_yaml_field_suggests_the_right_one(tmp_path: Path):
    file = tmp_path / "brace.yml"
    file.write_text(
        "slug: brace\nname: Brace\ncategory: devices\nsumary: A brace.\nwhat_it_is: x\nhow_it_may_help: x\n"
        "what_it_involves: x\nrisks: [x]\ndaily_life: x\n",
        encoding="utf-8",
    )
    _treatment, errors = load_treatment_file(file, tmp_path)
    assert any("did you mean 'summary'?" in str(e) and ":4:" in str(e) for e in errors), [str(e) for e in errors]
