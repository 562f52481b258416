"""Clinic branding from configuration only, and provenance (block + schema.org JSON-LD)."""

from __future__ import annotations

import json

import pytest
from browser_helpers import goto

pytestmark = pytest.mark.browser


def _clinic_page(clinic_site):
    """The clinic's home page (its own docs/index.md)."""
    assert "" in clinic_site.pages()
    return clinic_site.url("")


def test_clinic_home_page(page, clinic_site):
    goto(page, _clinic_page(clinic_site))
    assert "Riverside" in page.locator("article h1").inner_text()


def test_clinic_name_and_logo_in_the_header(page, clinic_site):
    goto(page, _clinic_page(clinic_site))
    assert page.locator(".md-header .ev-header__clinic").inner_text() == "Riverside Neuro-Rehabilitation Clinic"
    logo = page.locator(".md-header .md-logo img")
    assert logo.get_attribute("src").endswith("assets/riverside-logo.svg")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")


def test_clinic_colours_are_applied(page, clinic_site):
    goto(page, _clinic_page(clinic_site))
    header_bg = page.eval_on_selector(".md-header", "h => getComputedStyle(h).backgroundColor")
    assert header_bg == "rgb(31, 78, 121)"  # #1f4e79
    link = page.evaluate("() => getComputedStyle(document.body).getPropertyValue('--md-typeset-a-color').trim()")
    assert link == "#1f4e79"


def test_clinic_colours_stay_readable_in_dark_mode(browser, clinic_site):
    from browser_support import open_page

    with open_page(browser, scheme="dark") as page:
        goto(page, _clinic_page(clinic_site))
        link = page.evaluate("() => getComputedStyle(document.body).getPropertyValue('--md-typeset-a-color').trim()")
        assert link == "#7995af"  # #1f4e79 tinted towards white until 5.2:1 on slate


def test_clinic_footer(page, clinic_site):
    goto(page, _clinic_page(clinic_site))
    footer = page.locator(".md-footer")
    assert "supports, but does not replace, advice from your clinician" in footer.inner_text()
    assert footer.locator("a[href='tel:01632960123']").inner_text() == "01632 960 123"
    assert footer.locator("a[href='mailto:footdrop@riverside.example']").count() == 1
    feedback = footer.locator("a[href='https://riverside.example/feedback/foot-drop-guide']")
    assert feedback.inner_text() == "Tell us what you think of this guide"


def test_default_build_uses_the_project_palette(page, fixture_site):
    goto(page, fixture_site.url("foot-drop/"))
    assert page.eval_on_selector(".md-header", "h => getComputedStyle(h).backgroundColor") == "rgb(0, 96, 107)"


def test_provenance_block(page, fixture_site):
    goto(page, fixture_site.url("foot-drop/"))
    block = page.locator("section.ev-provenance")
    text = block.inner_text()
    for expected in [
        "About this information",
        "mkdocs-evidence example clinic",
        "Alex Example (MSc, physiotherapist)",
        "Dr Robin Reviewer",
        "1 November 2026",
        "1 November 2027",
        "Written without outside funding.",
        "no conflicts of interest",
    ]:
        assert expected in text
    assert block.locator("time[datetime='2026-11-01']").count() == 1


def test_json_ld_medical_web_page(page, fixture_site):
    goto(page, fixture_site.url("foot-drop/"))
    raw = page.locator("script[type='application/ld+json']").text_content()
    data = json.loads(raw)
    assert data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == "2026-11-01"
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Dr Robin Reviewer",
        "description": "MB ChB, FRCP, consultant in rehabilitation medicine",
    }
    assert data["about"] == {"@type": "MedicalCondition", "name": "Foot drop"}
    assert data["publisher"]["name"] == "mkdocs-evidence example clinic"


def test_no_provenance_on_pages_without_review_meta(page, fixture_site):
    goto(page, fixture_site.url(""))
    assert page.locator(".ev-provenance").count() == 0
    assert page.locator("script[type='application/ld+json']").count() == 0


def test_real_guide_pages_carry_provenance(page, site):
    if not site.with_plugin:
        pytest.skip("the evidence plugin does not set page.meta.review yet")
    guides = [p for p in site.pages() if p.startswith("foot-drop/")]
    if not guides:
        pytest.skip("the evidence plugin does not generate foot-drop/ pages yet")
    goto(page, site.url("foot-drop/"))
    assert page.locator("section.ev-provenance").count() == 1
    data = json.loads(page.locator("script[type='application/ld+json']").text_content())
    # No clinician has reviewed the foot drop guide: the page data claims no review either.
    assert "lastReviewed" not in data and "reviewedBy" not in data
    assert data["author"] and data["publisher"]["name"]
    assert page.locator(".ev-provenance").get_by_text("No clinician has checked this guide yet.").is_visible()
