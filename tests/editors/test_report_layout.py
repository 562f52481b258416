"""The editor report: each guide page once, its findings under it, no empty boxes, no "et al.."
or literal backticks, paths that do not wrap a letter a line; kept out of production builds
unless asked, and never indexed."""

from __future__ import annotations

import json
import re

import pytest
from editors_site import copy_example_site
from mkdocs_evidence.cli import main
from mkdocs_evidence.core.templating import ASSETS_DIR


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[str, dict]:
    root = copy_example_site(tmp_path_factory.mktemp("report"), today="2030-01-01")
    import os

    here = os.getcwd()
    os.chdir(root)
    try:
        main(["report", "--output-dir", "out"])
    finally:
        os.chdir(here)
    return (root / "out/report.html").read_text(encoding="utf-8"), json.loads(
        (root / "out/report.json").read_text(encoding="utf-8")
    )


def test_each_guide_page_once_with_its_findings(report):
    html, data = report
    titles = [page["title"] for page in data["pages"]]
    assert len(titles) == len(set(titles)), [t for t in titles if titles.count(t) > 1]
    assert not any("(content)" in t for t in titles)
    tui_na = next(p for p in data["pages"] if p["path"] == "foot-drop/treatments/tui-na.md")
    assert tui_na["sources"] == ["content/foot-drop/treatments/tui-na.yml"] and tui_na["review"]["state"] == "overdue"
    overview = next(p for p in data["pages"] if p["path"] == "foot-drop/index.md")
    assert overview["sources"] == ["content/foot-drop/guide.yml"]
    # the overdue review (at guide.yml) is listed under the guide's overview page
    section = re.search(r'data-page="foot-drop/index.md">(.*?)</section>', html, re.DOTALL)
    assert section and "review-overdue" in section.group(1)


def test_no_empty_boxes_et_al_or_backticks(report):
    html, _ = report
    assert (
        "0 findings" not in html
        and "No findings.</p>" not in html.split('id="er-findings-title"')[1].split("</section>")[0]
    )
    visible = re.sub(r"<script.*?</script>", "", html, flags=re.DOTALL)
    assert "et al.." not in visible and "`" not in visible
    assert "<code>figures</code>" in visible or "figures" in visible
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_paths_never_size_a_column_to_one_letter():
    css = (ASSETS_DIR / "report.css").read_text(encoding="utf-8")
    assert "overflow-wrap: anywhere" not in css
    assert re.search(r"\.er-path \{[^}]*white-space: nowrap", css)


PAGE = {"index.md": "About 60% of people get better.\n"}


def test_production_build_leaves_the_report_out_unless_asked(make_site, build_site):
    site = make_site(PAGE, options={"production": True})
    build_site(site)
    assert not (site.site_dir / "editor/report/index.html").exists()
    assert not (site.site_dir / "editor/report/report.json").exists()


def test_a_published_report_asks_not_to_be_indexed(make_site, build_site):
    site = make_site(PAGE, options={"production": True, "report_in_production": True})
    build_site(site)
    page = site.page("editor/report/index.html")
    assert '<meta name="robots" content="noindex, nofollow">' in page.split("</head>")[0]
    assert (site.site_dir / "editor/report/report.json").exists()
    assert '<meta name="robots"' not in site.page("index.html")
