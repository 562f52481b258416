"""A new clinic's site from ``mkdocs-evidence init``, opened in Chromium under the strict CSP.

The site is made with ``init`` and a plain ``mkdocs build`` (or, with
``EVIDENCE_CLINIC_INIT_SITE_DIR``, a site built elsewhere, e.g. from the wheel alone in an empty
folder). Its home page and "When to get help" are opened on a phone and a computer: branded,
the emergency card rendered, no request to another host, no CSP violation. Screenshots go to
tests/screenshots/ (and to docs/assets/screenshots/ with EVIDENCE_UPDATE_SCREENSHOTS=1).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from browser_helpers import goto
from browser_support import README_SCREENSHOTS, SCREENSHOTS, open_page

pytestmark = pytest.mark.browser

DEVICES = {"phone": (390, 844), "desktop": (1280, 900)}
PAGES = {"home": "", "help": "carpal-tunnel-syndrome/when-to-get-help/"}


@pytest.fixture(scope="module")
def init_site(tmp_path_factory, serve_dir):
    prebuilt = os.environ.get("EVIDENCE_CLINIC_INIT_SITE_DIR")
    if prebuilt:
        root = Path(prebuilt).resolve()
    else:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs_evidence.init_project import init_project

        project = tmp_path_factory.mktemp("clinic-init")
        init_project(project, condition="Carpal tunnel syndrome", clinic="Riverside Hand Clinic")
        root = project / "site"
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(root))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return serve_dir("clinic-init", root)


@pytest.mark.parametrize("device", list(DEVICES))
@pytest.mark.parametrize("name", list(PAGES))
def test_an_init_site_is_branded_and_self_contained(browser, init_site, device, name):
    phone = device == "phone"
    with open_page(browser, viewport=DEVICES[device], device_scale_factor=1, is_mobile=phone, has_touch=phone) as page:
        goto(page, init_site.url(PAGES[name]))
        assert page.locator(".ev-header__clinic").first.inner_text() == "Riverside Hand Clinic"
        assert "does not replace" in page.locator(".ev-footer__disclaimer").inner_text()
        background = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert background == "rgb(31, 78, 121)"  # extra.clinic.colours.primary, #1f4e79
        if name == "help":
            card = page.locator(".admonition.danger").first
            assert card.is_visible() and card.locator(".admonition-title").inner_text().startswith("Emergency")
            assert "!!!" not in page.locator("article").inner_text()
            assert page.locator(".ev-provenance").get_by_text("No clinician has checked this guide yet.").is_visible()
        page.wait_for_timeout(300)
        assert page.request_log.foreign(init_site.host) == []
        assert page.request_log.csp_violations == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        out = SCREENSHOTS / f"clinic-init-{name}-{device}.png"
        page.screenshot(path=str(out), full_page=name == "help", animations="disabled", caret="hide")
        assert out.stat().st_size > 5_000
        if os.environ.get("EVIDENCE_UPDATE_SCREENSHOTS") == "1":
            README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out, README_SCREENSHOTS / out.name)
