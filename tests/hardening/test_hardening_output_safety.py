"""Issue 9: nothing from a .bib file or a YAML field becomes script, an event handler, or a
javascript:/data: link in the built HTML; links to other sites carry rel="noopener noreferrer".
(tests/browser/test_xss.py runs the same site in Chromium.)"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from xss_site import build_xss_site

MATERIAL_SCRIPT_MARKERS = ("__xss", "alert(")


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.external: list[str] = []
        self._in_script = False
        self._json = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                squashed = "".join(value.split()).lower()
                if squashed.startswith(("javascript:", "data:text", "vbscript:")) and not (tag == "img" and squashed.startswith("data:image")):
                    self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "a" and (attributes.get("href") or "").startswith(("http://", "https://")):
            self.external.append(f"{attributes.get('href')} rel={attributes.get('rel')!r}")
        self._in_script = tag == "script"
        self._json = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and self._json:
            if "<" in data:  # JSON-LD must escape "<" (\u003c), or "</script>" in a value ends it
                self.problems.append(f"<script type=ld+json>{data[:80]}")
            return
        if self._in_script and any(marker in data for marker in MATERIAL_SCRIPT_MARKERS):
            self.problems.append(f"<script>{data[:80]}")


def audit(site: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    problems, external = {}, {}
    for page in sorted(site.rglob("*.html")):
        parser = _Audit()
        parser.feed(page.read_text(encoding="utf-8"))
        rel = page.relative_to(site).as_posix()
        if parser.problems:
            problems[rel] = parser.problems
        unsafe = [link for link in parser.external if "noopener" not in link or "noreferrer" not in link]
        if unsafe:
            external[rel] = unsafe
    return problems, external


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory) -> Path:
    return build_xss_site(tmp_path_factory.mktemp("xss"))


def test_no_payload_becomes_script_handler_or_unsafe_link(xss_site):
    problems, _ = audit(xss_site)
    assert problems == {}


def test_payloads_are_shown_as_text(xss_site):
    page = (xss_site / "xss" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss" in page  # the bib title is visible, escaped
    assert "&lt;img src=x onerror=" in page  # the journal too
    support = (xss_site / "foot-drop" / "support" / "index.html").read_text(encoding="utf-8")
    assert "Stroke &lt;script&gt;" in support


def test_unsafe_reference_links_are_dropped_and_safe_ones_kept(xss_site):
    page = (xss_site / "xss" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/page?a=1&amp;b=2"' in page
    assert 'href="https://doi.org/10.1234/abc.def"' in page and 'href="https://pubmed.ncbi.nlm.nih.gov/12345678/"' in page
    assert 'href="javascript' not in page.lower() and 'href="data:' not in page.lower()


def test_external_links_carry_noopener_noreferrer(xss_site):
    _, external = audit(xss_site)
    assert external == {}


def test_payloads_in_guide_title_names_and_glossary_are_inert(tmp_path):
    problems, _ = audit(build_xss_site(tmp_path, known_bugs=True))
    assert problems == {}
