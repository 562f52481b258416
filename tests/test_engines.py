"""Other engines: ProperDocs (the MkDocs 1.6 fork) runs the plugin; any Python-Markdown host
(Zensical, plain ``markdown``) runs the Markdown extension from configuration alone.

The ProperDocs and Zensical tests skip when the engine is not installed (``pip install -e
'.[test]'`` installs both).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import markdown
import pytest
from mkdocs_evidence.cli import main

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUTF8": "1"}
PAGE = textwrap.dedent(
    """\
    # Foot drop

    In one study of 69 people, 23% had pressed on the nerve by sitting or kneeling [@aprile2005].
    Braces may help people walk [@prenton2016; @aprile2005].

    {rating: very-low | ankle-foot orthosis -> walking after a pinched nerve | @aprile2005}
    """
)


@pytest.fixture
def small_project(small_bib):
    def write(root: Path) -> Path:
        (root / "docs").mkdir(parents=True)
        (root / "citations").mkdir()
        (root / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
        (root / "citations" / "refs.bib").write_text(small_bib, encoding="utf-8")
        return root

    return write


def _assert_citations_rendered(html: str) -> None:
    numbers = re.findall(r'<a class="ev-cite__link" href="#ref-([\w.:-]+)"[^>]*>.*?(\d+)</a>', html)
    assert numbers[:3] == [("aprile2005", "1"), ("prenton2016", "2"), ("aprile2005", "1")]
    items = re.findall(r'<li id="ref-([\w.:-]+)" value="(\d+)">', html)
    assert items == [("aprile2005", "1"), ("prenton2016", "2")]
    assert 'id="ev-references-title">References</h2>' in html
    assert 'class="evidence-badge' in html and 'data-evidence-level="very-low"' in html
    assert "[@" not in html and "{rating" not in html


def test_the_markdown_extension_works_from_plain_configuration(tmp_path, small_project):
    root = small_project(tmp_path)
    html = markdown.markdown(
        PAGE,
        extensions=["mkdocs_evidence.markdown_ext"],
        extension_configs={
            "mkdocs_evidence.markdown_ext": {"bibliography": "citations/refs.bib", "base_dir": str(root)}
        },
    )
    _assert_citations_rendered(html)


def test_the_markdown_extension_raises_a_clear_error_on_a_broken_bib(tmp_path, small_project):
    root = small_project(tmp_path)
    (root / "citations" / "refs.bib").write_text("@article{a, title = {x}\n@article{a, title={y}}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"mkdocs_evidence.markdown_ext: citations/refs.bib:\d+"):
        markdown.Markdown(
            extensions=["mkdocs_evidence.markdown_ext"],
            extension_configs={"mkdocs_evidence.markdown_ext": {"base_dir": str(root)}},
        )


ZENSICAL_TOML = """\
[project]
site_name = "Zensical test"
docs_dir = "docs"
site_dir = "site"

[project.markdown_extensions.admonition]
[project.markdown_extensions."mkdocs_evidence.markdown_ext"]
bibliography = "citations"
"""


@pytest.mark.skipif(importlib.util.find_spec("zensical") is None, reason="zensical is not installed")
def test_zensical_builds_numbered_citations_badges_and_a_reference_list(tmp_path, small_project):
    root = small_project(tmp_path)
    (root / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env=ENV,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_citations_rendered((root / "site" / "index.html").read_text(encoding="utf-8"))


def test_check_finds_zensical_toml_as_it_finds_mkdocs_yml(tmp_path, capsys, monkeypatch, small_project):
    root = small_project(tmp_path)
    (root / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    with (root / "docs" / "index.md").open("a", encoding="utf-8") as page:
        page.write("\nAbout 40% of people get better.\n")
    monkeypatch.chdir(root)
    assert main(["check", "--format", "json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    uncited = [f for f in findings if f["kind"] == "uncited-statistic"]
    assert [(f["path"], f["line"]) for f in uncited] == [("docs/index.md", 8)]
    assert not [f for f in findings if f["kind"] == "unknown-citation"]  # the bibliography was found


def test_a_wrong_option_in_zensical_toml_is_one_message(tmp_path, capsys, monkeypatch, small_project):
    root = small_project(tmp_path)
    (root / "zensical.toml").write_text(ZENSICAL_TOML + 'rating_scale = "stars"\n', encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "zensical.toml" in err and "rating_scale" in err and "Traceback" not in err


# ----------------------------------------------------------------------------- ProperDocs

needs_properdocs = pytest.mark.skipif(
    importlib.util.find_spec("properdocs") is None, reason="properdocs is not installed"
)


def _properdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml", *args]
    return subprocess.run(
        command, cwd=root, capture_output=True, text=True, timeout=300, env=ENV, stdin=subprocess.DEVNULL
    )


@needs_properdocs
def test_properdocs_builds_an_init_site_with_the_packaged_theme(tmp_path, capsys, small_bib):
    assert (
        main(
            [
                "init",
                str(tmp_path / "site-src"),
                "--condition",
                "Carpal tunnel syndrome",
                "--clinic",
                "Riverside Hand Clinic",
            ]
        )
        == 0
    )
    capsys.readouterr()
    root = tmp_path / "site-src"
    (root / "docs" / "evidence.md").write_text(PAGE, encoding="utf-8")
    (root / "citations" / "refs.bib").write_text(small_bib, encoding="utf-8")
    result = _properdocs(root)
    assert result.returncode == 0, result.stderr
    assert "placeholder-text" in result.stderr  # the findings are shown
    site = root / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<span class="ev-header__clinic">Riverside Hand Clinic</span>' in home and "ev-footer__disclaimer" in home
    help_page = (site / "carpal-tunnel-syndrome" / "when-to-get-help" / "index.html").read_text(encoding="utf-8")
    assert "!!!" not in help_page and 'class="admonition danger"' in help_page
    assert "No clinician has checked this guide yet." in help_page
    _assert_citations_rendered((site / "evidence" / "index.html").read_text(encoding="utf-8"))
    assert json.loads((site / "editor" / "report" / "report.json").read_text(encoding="utf-8"))["findings"]


@needs_properdocs
def test_properdocs_fails_the_build_on_an_error_finding(tmp_path, small_project):
    root = small_project(tmp_path)
    (root / "docs" / "index.md").write_text("# Home\n\nAbout 40% of people get better.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: T\ntheme:\n  name: material\nplugins:\n  - search\n  - evidence:\n      cache: false\n",
        encoding="utf-8",
    )
    result = _properdocs(root)
    assert result.returncode != 0
    assert "docs/index.md:3:1" in result.stderr and "uncited-statistic" in result.stderr
    assert "fail_on: error" in result.stderr and "Traceback" not in result.stderr


@needs_properdocs
def test_the_project_site_is_the_same_on_properdocs_and_mkdocs(tmp_path):
    """Every page, stylesheet, script and the search index, byte for byte, except the line that
    names the generator."""
    repo = Path(__file__).resolve().parent.parent
    sites = {}
    for engine in ("properdocs", "mkdocs"):
        out = tmp_path / engine
        command = [sys.executable, "-m", engine, "build", "-f", "mkdocs.yml", "-d", str(out)]
        result = subprocess.run(
            command, cwd=repo, capture_output=True, text=True, timeout=600, env=ENV, stdin=subprocess.DEVNULL
        )
        assert result.returncode == 0, result.stderr
        sites[engine] = out
    files = {
        engine: sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
        for engine, out in sites.items()
    }
    assert files["properdocs"] == files["mkdocs"]
    generator = re.compile(r'^\s*<meta name="generator"[^>]*>\n', re.M)
    compared = [name for name in files["mkdocs"] if name.endswith((".html", ".css", ".js", ".json"))]
    assert "foot-drop/treatments/index.html" in compared and "search/search_index.json" in compared
    for name in compared:
        texts = [generator.sub("", (sites[e] / name).read_text(encoding="utf-8")) for e in ("properdocs", "mkdocs")]
        assert texts[0] == texts[1], name
