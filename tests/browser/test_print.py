"""Print: the print stylesheet hides the site chrome and keeps what a paper copy needs."""

from __future__ import annotations

import re

import pytest
from browser_helpers import goto

pytestmark = pytest.mark.browser


@pytest.fixture
def printed(page, fixture_site):
    goto(page, fixture_site.url("foot-drop/"))
    page.emulate_media(media="print")
    return page


def test_chrome_is_hidden_in_print(printed):
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer__inner", ".md-top"]:
        loc = printed.locator(selector)
        assert loc.count() == 0 or not loc.first.is_visible(), f"{selector} is printed"


def test_references_provenance_and_disclaimer_are_printed(printed):
    assert printed.locator("#references").is_visible()
    assert printed.get_by_text("Prenton S").is_visible()
    assert printed.locator(".ev-provenance").is_visible()
    assert printed.locator(".ev-provenance").get_by_text("Next review due").is_visible()
    assert printed.locator(".ev-footer__disclaimer").is_visible()


def test_details_are_expanded_in_print(printed):
    assert printed.get_by_text("Several trials found").is_visible()


def test_external_links_show_their_address(printed):
    after = printed.eval_on_selector(
        "article a[href^='https://www.nhs.uk']", "a => getComputedStyle(a, '::after').content"
    )
    assert "https://www.nhs.uk/conditions/foot-drop/" in after


def test_print_is_black_on_white_even_in_dark_mode(browser, fixture_site):
    from browser_support import open_page

    with open_page(browser, scheme="dark") as page:
        goto(page, fixture_site.url("foot-drop/"))
        page.emulate_media(media="print", color_scheme="dark")
        colour = page.eval_on_selector("article p", "p => getComputedStyle(p).color")
        assert colour in ("rgb(0, 0, 0)", "rgba(0, 0, 0, 1)")


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_handout_prints_on_at_most_two_pages(page, fixture_site):
    goto(page, fixture_site.url("foot-drop/handout/"))
    page.emulate_media(media="print")
    assert page.locator(".ev-handout__clinic").is_visible(), "the letterhead is missing"
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    assert 1 <= _pdf_pages(pdf) <= 2  # 12 pt text spills onto a second sheet rather than shrinking


def test_real_handouts_print_on_at_most_two_pages(page, site):
    handouts = [p for p in site.pages() if p.endswith("handout/")]
    if not handouts:
        pytest.skip("the evidence plugin does not generate <condition>/handout.md yet")
    for path in handouts:
        goto(page, site.url(path))
        page.emulate_media(media="print")
        assert 1 <= _pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) <= 2, path


def test_real_guide_page_prints_references_without_chrome(page, site):
    pages = [p for p in site.pages() if p.startswith("foot-drop/")]
    if not pages:
        pytest.skip("the evidence plugin does not generate foot-drop/ pages yet")
    goto(page, site.url("foot-drop/"))
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    refs = page.locator(".ev-references")
    assert refs.count() == 1 and refs.is_visible()
    # No clinician has reviewed the foot drop guide: the box says so, and the date is "Last updated".
    assert page.locator(".ev-provenance").get_by_text("No clinician has checked this guide yet.").is_visible()
    assert page.locator(".ev-provenance").get_by_text("Last updated").is_visible()
    # Closed evidence badges print open.
    badges = page.locator("details.evidence-badge, details.ev-rating")
    if badges.count():
        panel = badges.first.locator(":scope > :not(summary)").first
        assert panel.is_visible()
