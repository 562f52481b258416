"""Citations and evidence badges work with the keyboard.

Contract with the plugin (templates/evidence/):
- a citation is a superscript link ``<sup class="ev-cite"><a class="ev-cite__link"
  href="#ref-KEY" aria-describedby="ref-KEY-text">`` (or ``<a class="ev-cite">``), reachable with Tab,
  whose preview of the reference is accessible: on keyboard focus the preview becomes visible
  (an element named by aria-describedby / aria-controls, or Material's tooltip), and Enter
  goes to the reference in the list;
- an evidence badge is ``<details class="evidence-badge">`` (or ``ev-rating``) with a summary:
  Tab reaches its summary and Enter opens it.

These tests skip (with the reason) until the site has those elements.
"""

from __future__ import annotations

import pytest
from browser_helpers import goto, tab_to

pytestmark = pytest.mark.browser


def _first_page_with(page, site, selector):
    for path in site.pages():
        goto(page, site.url(path))
        if page.locator(selector).count():
            return path
    return None


CITE = "a.ev-cite, .ev-cite a[href]"
BADGE = "details.ev-rating, details.evidence-badge"


def test_citation_preview_opens_with_the_keyboard(page, site):
    path = _first_page_with(page, site, CITE)
    if path is None:
        pytest.skip("no citation links (.ev-cite) in the built site yet (the plugin renders citations)")
    link = tab_to(page, CITE)
    assert link, f"{path}: the first citation is not reachable with Tab"
    info = page.evaluate(
        """() => {
        const a = document.activeElement;
        const ids = [a.getAttribute('aria-describedby'), a.getAttribute('aria-controls')]
          .filter(Boolean).join(' ').split(/\\s+/).filter(Boolean);
        const refs = ids.map(id => document.getElementById(id)).filter(Boolean);
        const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
          return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
        const tooltip = [...document.querySelectorAll('.md-tooltip--active, .md-tooltip2--active, [role=tooltip]')].filter(visible);
        return {name: (a.getAttribute('aria-label') || a.textContent).trim(),
                described: refs.map(r => r.textContent.trim()).join(' '),
                previewVisible: refs.some(visible) || tooltip.length > 0,
                href: a.getAttribute('href')};
        }"""
    )
    assert info["name"], "the citation link has no accessible name"
    page.wait_for_timeout(400)  # tooltips open after a short delay
    preview_visible = info["previewVisible"] or page.locator(
        ".md-tooltip--active, .md-tooltip2--active, [role=tooltip]:visible"
    ).count() > 0
    assert preview_visible, f"{path}: focusing the citation shows no preview"
    assert info["described"] or info["name"] != info["href"], "the preview is not exposed to assistive tech"
    page.keyboard.press("Enter")
    target = info["href"].split("#", 1)[-1]
    if target:
        assert page.locator(f"[id='{target}']").is_visible(), "Enter does not reach the reference"


def test_evidence_badge_opens_with_the_keyboard(page, site):
    path = _first_page_with(page, site, BADGE)
    if path is None:
        pytest.skip("no evidence badge <details> in the built site yet (the plugin renders badges)")
    summary = tab_to(page, "details.ev-rating > summary, details.evidence-badge > summary")
    assert summary, f"{path}: the first evidence badge is not reachable with Tab"
    details = page.locator("details:has(> summary:focus)")
    was_open = details.evaluate("d => d.open")
    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open") != was_open
    if not was_open:
        body = details.locator(":scope > :not(summary)").first
        assert body.is_visible(), "the badge's explanation is not shown after Enter"
