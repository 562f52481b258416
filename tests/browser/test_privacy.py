"""Privacy: a page of the site never makes a request to another host (no fonts, analytics,
CDNs, avatars or embeds), and the site works under the strict Content-Security-Policy that
docs/for-clinics.md tells clinics to use."""

from __future__ import annotations

import re

import pytest
from browser_helpers import goto, search
from browser_support import open_page

pytestmark = pytest.mark.browser


def _search(browser, site, query="foot"):
    """Use the search: it starts a web worker and loads the search index."""
    with open_page(browser) as page:
        pages = site.pages()
        goto(page, site.url("" if "" in pages else pages[0]))
        search(page, query)
        page.wait_for_load_state("networkidle")
        return page.request_log


@pytest.mark.parametrize("which", ["site", "fixture_site", "clinic_site"])
def test_no_request_leaves_the_local_server(browser, crawled, request, which):
    site = request.getfixturevalue(which)
    pages = crawled(which, "light")  # every page visited (shared with the axe test)
    searched = _search(browser, site)
    assert pages.log.urls, "no requests were recorded at all"
    assert any("search_index.json" in u for u in searched.urls), "the search index was never loaded"
    assert pages.log.foreign(site.host) == [], "requests to other hosts"
    assert searched.foreign(site.host) == [], "requests to other hosts while searching"


@pytest.mark.parametrize("which", ["site", "fixture_site", "clinic_site"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_works_under_the_documented_csp(crawled, request, which, scheme):
    assert request.getfixturevalue(which).csp  # served with the strict header
    result = crawled(which, scheme)
    assert result.log.csp_violations == [], "Content-Security-Policy violations"


_EXTERNAL_LOAD = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc=["']?(?:https?:)?//"""
    r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//[^>]*>"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//"""
    r"""|url\(\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def test_built_files_reference_no_external_resources(site_dir):
    """A static backstop for resources a browser session might not trigger."""
    root, _ = site_dir
    offenders = []
    for path in list(root.rglob("*.html")) + list(root.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in _EXTERNAL_LOAD.finditer(text):
            snippet = m.group(0)
            if 'rel="canonical"' in snippet or "rel=canonical" in snippet:
                continue
            offenders.append(f"{path.relative_to(root)}: {snippet[:120]}")
    assert offenders == []


def test_search_works_under_the_documented_csp(browser, site):
    assert site.csp  # served with the strict CSP header
    log = _search(browser, site, "orthosis")
    assert log.csp_violations == []
