"""The editor report shows a context mismatch with claim and source side by side."""

from __future__ import annotations

import os
import shutil

import pytest
from browser_support import README_SCREENSHOTS, ROOT, SCREENSHOTS, open_page
from mkdocs_evidence.cli import main

pytestmark = pytest.mark.browser

FIXTURE = ROOT / "tests" / "fixtures" / "source-check"


def test_context_mismatch_side_by_side(browser, tmp_path, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(FIXTURE, site)
    monkeypatch.chdir(site)
    assert main(["report", "--output-dir", str(tmp_path / "report")]) == 1  # the fixture has one error on purpose
    with open_page(browser, viewport=(1200, 900)) as page:
        page.goto((tmp_path / "report" / "report.html").as_uri())
        item = page.locator("li.er-finding[data-kind=figure-context-mismatch]").first
        sides = item.locator(".er-compare__side")
        assert sides.count() == 2
        assert "23%" in sides.nth(0).locator(".er-mark--figure").inner_text()
        assert sides.nth(1).locator(".er-mark--figure").inner_text() == "23.1%"
        assert "posture" in sides.nth(1).locator(".er-mark--differs").all_inner_texts()
        left, right = sides.nth(0).bounding_box(), sides.nth(1).bounding_box()
        assert right["x"] >= left["x"] + left["width"] - 1  # side by side, not stacked
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        out = SCREENSHOTS / "report-context-mismatch.png"
        item.screenshot(path=str(out), animations="disabled")
        assert out.stat().st_size > 5_000
        if os.environ.get("EVIDENCE_UPDATE_SCREENSHOTS") == "1":
            README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out, README_SCREENSHOTS / out.name)
