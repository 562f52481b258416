"""The treatment comparison on a phone (390 px) and a desktop (1280 px): the certainty of every
row in view without sideways scrolling, and names that wrap between words only."""

from __future__ import annotations

import pytest
from browser_helpers import goto
from browser_support import SCREENSHOTS, open_page

pytestmark = pytest.mark.browser

# For each treatment name: is any word drawn on two lines (one Range over a word, two boxes)?
BROKEN_WORDS = """() => {
  const broken = [];
  for (const th of document.querySelectorAll('.evidence-comparison th[scope="rowgroup"]')) {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/[^\\s\\-\u2010]+/g)) {  // a hyphen is a fair break
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""

RATINGS_IN_VIEW = """() => {
  const width = document.documentElement.clientWidth;
  const rows = [...document.querySelectorAll('.evidence-comparison tbody tr')];
  return {
    rows: rows.length,
    width,
    pageScrolls: document.documentElement.scrollWidth > width + 1,
    wrapScrolls: [...document.querySelectorAll('.evidence-comparison-wrap')].some(w => w.scrollWidth > w.clientWidth + 1),
    hidden: rows.map(tr => tr.querySelector('.evidence-badge')).filter(b => {
      const r = b && b.getBoundingClientRect();
      return !r || r.width === 0 || r.left < 0 || r.right > width + 0.5 || !b.textContent.includes('certainty');
    }).length,
    labelled: rows.filter(tr => getComputedStyle(tr.querySelector('[data-label]'), '::before').content.includes('How sure')).length,
  };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_every_rows_certainty_is_in_view_and_names_wrap_between_words(browser, site, width):
    with open_page(browser, viewport=(width, 844)) as page:
        goto(page, site.url("foot-drop/treatments/"))
        state = page.evaluate(RATINGS_IN_VIEW)
        assert state["rows"] >= 10
        assert not state["pageScrolls"] and not state["wrapScrolls"], state
        assert state["hidden"] == 0, state
        if width == 390:
            assert state["labelled"] == state["rows"], "stacked cells must say what they are"
        assert page.evaluate(BROKEN_WORDS) == []
        table = page.locator(".evidence-comparison").first
        table.scroll_into_view_if_needed()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"comparison-{width}.png"))
