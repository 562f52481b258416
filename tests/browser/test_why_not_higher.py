"""A badge whose rating is below what its studies allow says why, in plain words."""

from __future__ import annotations

import pytest
from browser_helpers import goto
from browser_support import SCREENSHOTS, open_page

pytestmark = pytest.mark.browser


def test_badge_says_why_not_higher(browser, site):
    with open_page(browser, viewport=(1280, 900)) as page:
        goto(page, site.url("foot-drop/treatments/tui-na/"))
        badge = page.locator("details.evidence-badge", has=page.locator(".evidence-badge__why")).first
        assert badge.count() == 1
        why = badge.locator(".evidence-badge__why")
        assert not why.is_visible()  # closed until asked
        badge.locator("summary").click()
        assert why.is_visible()
        assert badge.get_by_text("Why not higher").is_visible()
        assert "about something else" in why.inner_text() and "arm" in why.inner_text()
        badge.scroll_into_view_if_needed()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        badge.screenshot(path=str(SCREENSHOTS / "badge-why-not-higher.png"))
