"""WCAG 2.2 AA: axe-core on every page of every build, in the light and the dark scheme, plus
keyboard checks axe cannot make (skip link, visible focus, heading order)."""

from __future__ import annotations

import itertools

import pytest
from browser_helpers import goto, tab_to

pytestmark = pytest.mark.browser


SITES = ["site", "fixture_site", "clinic_site"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("which", SITES)
def test_axe_every_page(crawled, which, scheme):
    """Zero serious or critical axe violations on every page of the site and of the theme
    fixture (the clinic build: its own pages and one generated page of each kind)."""
    result = crawled(which, scheme)
    assert result.pages, f"{which}: no pages were built"
    assert result.axe == {}, f"{which} ({scheme}): serious/critical axe violations"


def test_search_dialog_has_an_accessible_name(page, fixture_site):
    goto(page, fixture_site.url("foot-drop/"))
    name = page.get_attribute(".md-search[role=dialog]", "aria-label")
    assert name and "Search" in name


def test_headings_are_in_order(page, fixture_site):
    for path in fixture_site.pages():
        goto(page, fixture_site.url(path))
        levels = page.eval_on_selector_all(
            "article h1, article h2, article h3, article h4, article h5, article h6",
            "els => els.map(e => +e.tagName[1])",
        )
        assert levels and levels[0] == 1, f"{path}: the first heading must be the h1"
        assert levels.count(1) == 1, f"{path}: one h1 per page"
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"{path}: heading level jumps from h{before} to h{after}"


def test_skip_link_is_first_and_moves_focus_to_the_content(page, fixture_site):
    goto(page, fixture_site.url("foot-drop/"))
    page.keyboard.press("Tab")
    focused = page.evaluate("() => ({cls: document.activeElement.className, text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href')})")
    assert "md-skip" in focused["cls"] and focused["text"] == "Skip to content"
    assert page.locator(".md-skip").first.is_visible()
    page.keyboard.press("Enter")
    target = focused["href"].lstrip("#")
    assert page.evaluate("id => location.hash === '#' + id", target)
    assert page.locator(f"#{target}").is_visible()


def test_skip_link_exists_on_pages_without_a_table_of_contents(page, fixture_site):
    goto(page, fixture_site.url("404.html"))
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('.md-skip')")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert page.locator(href).count() == 1


def test_focus_is_clearly_visible_on_links(page, fixture_site):
    goto(page, fixture_site.url("foot-drop/"))
    link = tab_to(page, "article a[href^='https://www.nhs.uk']")
    assert link, "the external link in the content is not reachable with Tab"
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return {w: parseFloat(s.outlineWidth), style: s.outlineStyle, color: s.outlineColor}; }"
    )
    assert style["style"] != "none" and style["w"] >= 2, style


def test_links_in_text_are_underlined(page, fixture_site):
    goto(page, fixture_site.url("foot-drop/"))
    deco = page.eval_on_selector("article p a", "a => getComputedStyle(a).textDecorationLine")
    assert "underline" in deco


def test_site_works_without_javascript(browser, fixture_site):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(fixture_site.url("foot-drop/"))
        assert page.locator("article h1").inner_text() == "Foot drop"
        assert page.locator(".ev-provenance").is_visible()
        # Glossary terms still explain themselves on hover (title attribute).
        assert page.locator("abbr[title]").count() >= 2
        assert page.locator(".md-footer .ev-footer__disclaimer").is_visible()
    finally:
        ctx.close()
