"""Privacy: a page of the site never makes a request to another host (no fonts, analytics,
CDNs, avatars or embeds), and the site works under the strict Content-Security-Policy that
docs/for-clinics.md tells clinics to use."""

from __future__ import annotations

import re

import pytest

from browser_helpers import goto, search
from conftest import new_context

pytestmark = pytest.mark.browser


def _visit_everything(browser, site, *, search_for: str = "foot"):
    ctx = new_context(browser)
    page = ctx.new_page()
    try:
        for path in site.pages():
            goto(page, site.url(path))
            page.wait_for_load_state("networkidle")
        # Use the search too: it loads a web worker and the search index.
        goto(page, site.url(site.pages()[0]))
        search(page, search_for)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        return ctx.request_log
    finally:
        ctx.close()


@pytest.mark.parametrize("which", ["site", "fixture_site", "clinic_site"])
def test_no_request_leaves_the_local_server(browser, request, which):
    site = request.getfixturevalue(which)
    log = _visit_everything(browser, site)
    assert log.urls, "no requests were recorded at all"
    assert any("search_index.json" in u for u in log.urls), "the search index was never loaded"
    assert log.foreign(site.host) == [], "requests to other hosts"


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


def test_site_works_under_the_documented_csp(browser, csp_site):
    log = _visit_everything(browser, csp_site)
    assert log.csp_violations == [], "Content-Security-Policy violations"
    assert log.foreign(csp_site.host) == []


def test_search_works_under_the_documented_csp(browser, fixture_site):
    assert fixture_site.csp  # served with the strict CSP header
    ctx = new_context(browser)
    try:
        page = ctx.new_page()
        goto(page, fixture_site.url(""))
        search(page, "orthosis")
        assert ctx.request_log.csp_violations == []
    finally:
        ctx.close()
