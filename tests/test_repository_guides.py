"""The project's own guides (content/): both conditions build, link where they meet, and every
figure their sources record says what it counts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs_evidence.core.bib.bibliography import parse_bib_text
from mkdocs_evidence.core.guide.content import load_guide

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
GUIDES = ("foot-drop", "sciatica")

pytestmark = pytest.mark.skipif(not all((CONTENT / g).is_dir() for g in GUIDES), reason="guides not in this checkout")


def _cited_keys() -> set[str]:
    keys: set[str] = set()
    for guide in GUIDES:
        load = load_guide(CONTENT / guide, REPO)
        assert [str(e) for e in load.errors] == []
        for prose in load.iter_prose():
            keys.update(re.findall(r"@([\w:.-]+)", prose.text))
        keys.update(c.key for c in load.iter_citation_keys())
    return keys


def _references() -> dict:
    refs = {}
    for bib in sorted((REPO / "citations").glob("*.bib")):
        refs.update(parse_bib_text(bib.read_text(encoding="utf-8"), str(bib)).references)
    return refs


def test_every_figure_item_of_a_cited_entry_says_what_it_counts():
    refs = _references()
    thin = []
    for key in sorted(_cited_keys()):
        assert key in refs, f"{key} is cited by a guide but defined in no .bib file"
        for item in refs[key].figures:
            words = re.findall(r"[A-Za-z]{3,}", item)
            if len(words) < 3:
                thin.append(f"{key}: {item!r}")
    assert thin == []


def test_the_guides_link_each_other_and_the_home_page_lists_both(tmp_path):
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="foot-drop/"' in home and 'href="sciatica/"' in home
    foot_causes = (out / "foot-drop" / "causes" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./\.\./sciatica/">[^<]*sciatica guide', foot_causes)
    sciatica_causes = (out / "sciatica" / "causes" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./\.\./foot-drop/">', sciatica_causes)
    assert (out / "sciatica" / "handout" / "index.html").is_file()
    assert "cauda equina" in (out / "sciatica" / "when-to-get-help" / "index.html").read_text(encoding="utf-8")


def test_reference_links_go_to_the_publisher_doi_or_a_database_not_a_sharing_copy():
    """A reference with a DOI links through it; no link is plain http, a bare IP address or a
    document-sharing copy of someone's PDF (issue 18)."""
    bad = []
    for bib in sorted((REPO / "citations").glob("*.bib")):
        for entry in re.split(r"(?m)^(?=@)", bib.read_text(encoding="utf-8")):
            url = re.search(r"(?m)^\s*url\s*=\s*\{([^}]*)\}", entry)
            if not url:
                continue
            link = url.group(1)
            sharing = re.search(r"scribd\.com|researchgate\.net|academia\.edu|studylib|docslib|docksci|//\d+\.\d+\.\d+\.\d+", link)
            if link.startswith("http://") or sharing:
                bad.append(f"{bib.name}: {link}")
    assert bad == []
