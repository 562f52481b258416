"""Issue 17: the XSS evasion corpus (xss_corpus.py) leaves no handler and no unsafe URL in any
page's content, and generated paths stay inside site/. (Chromium runs the same site in
tests/browser/test_xss.py.)"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hardening_helpers import mkdocs, run, write_base_site
from mkdocs_evidence.output_safety import link_scheme
from xss_corpus import build_corpus_site

UNSAFE = re.compile(r"^(javascript|vbscript|data)$")


class _Attributes(HTMLParser):
    """Every attribute of every element inside the page's article (where content goes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[tuple[str, str, str]] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        if self.depth:
            self.scripts += tag == "script"
            self.found.extend((tag, name, value or "") for name, value in attrs)

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    return build_corpus_site(tmp_path_factory.mktemp("xss-corpus"))


def _problems(page: Path) -> list[str]:
    parser = _Attributes()
    parser.feed(page.read_text(encoding="utf-8"))
    problems = [f"<{tag} {name}>" for tag, name, _ in parser.found if name.lower().startswith("on")]
    for tag, name, value in parser.found:
        if name in ("href", "src", "srcset", "action", "formaction", "xlink:href"):
            scheme = link_scheme(value)
            if scheme and UNSAFE.match(scheme) and not (tag == "img" and value.startswith("data:image/png")):
                problems.append(f"<{tag} {name}={value[:40]!r}>")
        if name == "style" and "url(" in html.unescape(value):
            problems.append(f"<{tag} style={value[:40]!r}>")
    if parser.scripts:
        problems.append(f"{parser.scripts} <script> in the article")
    return problems


def test_no_page_has_a_handler_or_an_unsafe_url(corpus_site: Path):
    pages = ["forms/index.html", "foot-drop/what-is-it/index.html", "foot-drop/treatments/physiotherapy/index.html"]
    for rel in pages:
        page = corpus_site / rel
        assert page.is_file(), rel
        assert _problems(page) == [], rel


def test_yaml_prose_shows_raw_html_as_text(corpus_site: Path):
    page = (corpus_site / "foot-drop" / "what-is-it" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss=1" in page or "&lt;script>window.__xss=1" in page
    assert "&#123;: onerror=" in page  # the attribute list is text a reader sees ("{"), not an attribute


@pytest.mark.parametrize("bad", ["../../outside.md", "/tmp/outside.md", "editor/../../x.md", "C:/x.md", "~/x.md", ""])
def test_generated_pages_stay_inside_the_site(tmp_path: Path, bad: str):
    root = write_base_site(tmp_path, plugin={"report_path": bad})
    result = run(mkdocs("build", "-d", str(root / "site")), root)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "report_path" in result.output and "inside the site" in result.output
    assert not (tmp_path.parent / "outside").exists() and not (tmp_path.parent / "outside.md").exists()


def test_a_generated_page_in_a_subfolder_is_still_allowed(tmp_path: Path):
    root = write_base_site(tmp_path, plugin={"report_path": "staff/editor/report.md"})
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"][0]["evidence"]["report_path"] == "staff/editor/report.md"
    result = run(mkdocs("build", "-d", str(root / "site")), root)
    assert result.returncode == 0, result.output
    assert (root / "site" / "staff" / "editor" / "report" / "index.html").is_file()
