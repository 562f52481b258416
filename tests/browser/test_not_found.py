"""The 404 page says what happened in plain words and leads home."""

from __future__ import annotations

import pytest
from browser_support import open_page

pytestmark = pytest.mark.browser


def test_404_page_has_a_working_way_home(browser, site):
    with open_page(browser, viewport=(390, 844)) as page:
        page.goto(site.url("404.html"), wait_until="load")
        assert page.get_by_role("heading", name="Page not found").is_visible()
        home = page.get_by_role("link", name="Go to the home page")
        assert home.is_visible()
        home.click()
        page.wait_for_load_state("load")
        assert page.url.rstrip("/").rstrip(".").rstrip("/") == site.url("").rstrip("/")
        assert "Page not found" not in page.content()
