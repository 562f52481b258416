"""Screenshots for review and for the README.

Always written to tests/screenshots/ (gitignored). With EVIDENCE_UPDATE_SCREENSHOTS=1 the
README set is also copied to docs/assets/screenshots/.
"""

from __future__ import annotations

import os
import shutil

import pytest
from browser_helpers import goto
from browser_support import README_SCREENSHOTS, SCREENSHOTS, open_page

pytestmark = pytest.mark.browser

PHONE = (390, 844)
DESKTOP = (1280, 900)
README_SET = {"guide-desktop-light", "guide-desktop-dark", "guide-phone-light", "guide-print", "clinic-desktop-light", "handout-print"}


def _guide(site, fixture_site):
    """The real guide page when the plugin builds it, otherwise the theme fixture's."""
    if site.with_plugin and "foot-drop/" in site.pages():
        return site, "foot-drop/"
    return fixture_site, "foot-drop/"


def _save(page, name, full_page=False):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(out), full_page=full_page, animations="disabled", caret="hide")
    assert out.stat().st_size > 5_000
    if os.environ.get("EVIDENCE_UPDATE_SCREENSHOTS") == "1" and name in README_SET:
        README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, README_SCREENSHOTS / out.name)
    return out


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_guide_screenshots(browser, site, fixture_site, device, scheme):
    where, path = _guide(site, fixture_site)
    viewport = DESKTOP if device == "desktop" else PHONE
    with open_page(browser, scheme=scheme, viewport=viewport, device_scale_factor=1, is_mobile=device == "phone", has_touch=device == "phone") as page:
        goto(page, where.url(path))
        _save(page, f"guide-{device}-{scheme}")


def test_print_screenshots(browser, site, fixture_site):
    where, path = _guide(site, fixture_site)
    # A4 at 96 dpi is 794 px wide.
    with open_page(browser, viewport=(794, 1123)) as page:
        goto(page, where.url(path))
        page.emulate_media(media="print")
        _save(page, "guide-print", full_page=True)
        handout = "foot-drop/handout/"
        target = site if (site.with_plugin and handout in site.pages()) else fixture_site
        goto(page, target.url(handout))
        page.emulate_media(media="print")
        _save(page, "handout-print", full_page=True)


def test_clinic_screenshot(browser, clinic_site):
    pages = [p for p in clinic_site.pages() if p != "404.html"]
    target = "foot-drop/" if "foot-drop/" in pages else pages[0]
    for scheme in ("light", "dark"):
        with open_page(browser, scheme=scheme, viewport=DESKTOP) as page:
            goto(page, clinic_site.url(target))
            _save(page, f"clinic-desktop-{scheme}")
    with open_page(browser, viewport=PHONE, is_mobile=True, has_touch=True) as page:
        goto(page, clinic_site.url(target))
        _save(page, "clinic-phone-light")
