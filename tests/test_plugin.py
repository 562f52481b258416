"""Real MkDocs builds of temporary sites: citations, strict failures, the report, generated pages."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from mkdocs.exceptions import Abort, PluginError


def test_citations_are_numbered_in_order_of_first_use(make_site, build_site):
    site = make_site({"index.md": "First [@prenton2016]. Then [@aprile2005; @prenton2016].\n"})
    build_site(site)
    html = site.page("index.html")
    numbers = re.findall(r'class="ev-cite__link" href="#ref-([^"]+)"[^>]*><span class="ev-visually-hidden">Reference </span>(\d+)', html)
    assert numbers == [("prenton2016", "1"), ("aprile2005", "2"), ("prenton2016", "1")]
    assert 'id="ref-prenton2016"' in html and 'id="ref-aprile2005"' in html
    assert "Prenton S, Hollands KL, Kenney LPJ." in html  # Vancouver authors
    assert 'href="https://doi.org/10.2340/16501977-2136"' in html
    assert html.index('id="ref-prenton2016"') < html.index('id="ref-aprile2005"')


def test_citations_in_code_links_and_emails_are_untouched(make_site, build_site):
    page = (
        "Inline `[@prenton2016]` and [@handle](https://example.org/u) and me@example.org.\n\n"
        "```\n[@prenton2016]\n```\n"
    )
    site = make_site({"index.md": page})
    build_site(site)
    html = site.page("index.html")
    assert "ev-cite" not in html.split('<article')[1].split("</article>")[0]
    assert "<code>[@prenton2016]</code>" in html
    assert re.search(r'<a href="https://example.org/u"[^>]*>@handle</a>', html)


def test_keys_with_dots_and_colons_resolve(make_site, build_site):
    site = make_site({"index.md": "A cohort [@doe.2020:x].\n"})
    build_site(site)
    assert 'href="#ref-doe.2020-x"' in site.page("index.html") and 'id="ref-doe.2020-x"' in site.page("index.html")


@pytest.mark.parametrize("quiet", [False, True])
def test_missing_key_fails_strict_with_location_and_keeps_text(make_site, tmp_path, quiet, build_site):
    site = make_site({"index.md": "# Title\n\nBraces help [@nosuchkey].\n"})
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"] + (["-q"] if quiet else [])
    result = subprocess.run(command, cwd=site.root, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "docs/index.md:3:13" in result.stderr and "nosuchkey" in result.stderr
    assert "Traceback" not in result.stderr
    build_site(site)  # a non-strict build still writes the page, with the citation visible
    assert "[@nosuchkey]" in site.page("index.html")


def test_duplicate_keys_and_malformed_bib_are_clear_errors(make_site):
    bib = {
        "a.bib": "@article{same, title={A}, year={2020}, design={rct}}\n",
        "b.bib": "@article{same, title={B}, year={2021}}\n@article{broken, title={unclosed\n",
    }
    site = make_site({"index.md": "Text [@same].\n"}, bib=bib)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site.root, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "citations/b.bib:1:1: duplicate key 'same': also defined at citations/a.bib:1" in result.stderr
    assert "citations/b.bib:2" in result.stderr and "Traceback" not in result.stderr


def test_uncited_statistic_fails_strict_and_cited_figure_passes(make_site, build_site):
    claim = "A study found that 23% of people with foot drop had pressed on the nerve"
    bad = make_site({"index.md": claim + ".\n"})
    with pytest.raises((Abort, PluginError)):
        build_site(bad, strict=True)
    good = make_site({"index.md": "In one study, 23% of people with peroneal nerve damage had it after a prolonged posture [@aprile2005].\n"})
    build_site(good, strict=True)  # 23% rounds 23.1%, which aprile2005 records for prolonged posture
    wrong = make_site({"index.md": "In one study, 45% had pressed on the nerve [@aprile2005].\n"})
    with pytest.raises((Abort, PluginError)):
        build_site(wrong, strict=True)


def test_report_page_and_json_are_written(make_site, build_site):
    site = make_site({"index.md": "About 60% of people get better.\n"})
    build_site(site)
    report = site.page("editor/report/index.html")
    assert "uncited-statistic" in report or "Statistic with no citation" in report
    data = json.loads(site.page("editor/report/report.json"))
    assert data["version"] == 1 and any(f["kind"] == "uncited-statistic" for f in data["findings"])
    nav = site.page("index.html")
    assert "editor/report/" not in nav  # kept out of the patient navigation


def test_scaffolded_guide_builds_as_a_draft_with_only_placeholder_and_review_warnings(make_site, build_site):
    from mkdocs_evidence.scaffold import scaffold_guide

    site = make_site({"index.md": "# Guides\n\nPlain words only.\n"}, options={"content": "content", "fail_on": "error"})
    scaffold_guide("Carpal tunnel syndrome", site.root / "content")
    build_site(site)  # the default fail_on: error; placeholders are warnings while drafting
    overview = site.page("carpal-tunnel-syndrome/index.html")
    assert "Carpal tunnel syndrome" in overview
    data = json.loads(site.page("editor/report/report.json"))
    assert [f for f in data["findings"] if f["severity"] == "error"] == []
    assert {f["kind"] for f in data["findings"]} == {"placeholder-text", "review-missing"}


def test_generated_guide_pages_carry_provenance_badges_and_comparison(make_site, build_site):
    import shutil
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "content"
    site = make_site({"index.md": "# Guides\n"}, options={"content": "content"})
    shutil.copytree(fixture, site.root / "content")
    build_site(site)
    treatments = site.page("foot-drop/treatments/index.html")
    assert "<table" in treatments and "evidence-badge" in treatments
    pages = list((site.site_dir / "foot-drop" / "treatments").glob("*/index.html"))
    assert pages and any("<details class=\"evidence-badge" in p.read_text() for p in pages)


def test_a_fresh_checkout_with_the_cache_restored_checks_nothing_again(make_site, build_site):
    """New file times, same files (a CI job restoring `.cache`): every record is reused."""
    import os
    import time

    site = make_site({"index.md": "About 23% had pressed on the nerve [@aprile2005].\n", "b.md": "Braces help [@prenton2016].\n"}, options={"cache": True})
    build_site(site)
    cache = site.root / ".cache" / "plugin" / "evidence"
    written = {path.name: path.stat().st_mtime_ns for path in cache.glob("*.json")}
    later = time.time() + 120
    for path in site.root.rglob("*"):
        if path.is_file() and ".cache" not in path.parts and "site" not in path.relative_to(site.root).parts[:1]:
            os.utime(path, (later, later))
    build_site(site)
    rewritten = {name for name, mtime in written.items() if (cache / name).stat().st_mtime_ns != mtime}
    assert {"pages.json", "markdown.json", "sources.json", "report.json"} <= set(written)
    assert not {"pages.json", "markdown.json", "sources.json", "report.json"} & rewritten


def test_warm_build_sees_an_edited_template_override(make_site, build_site):
    """Rendered markers are cached by page; a clinic's own cite.html must still take effect."""
    override = "overrides/citations/cite.html"
    site = make_site(
        {"index.md": "Braces help [@prenton2016].\n"},
        options={"cache": True},
        extra={"theme": {"name": "material", "font": False, "custom_dir": "overrides"}},
        files={override: '<sup class="clinic-cite">{{ items[0].number }}</sup>'},
    )
    build_site(site)
    assert '<sup class="clinic-cite">1</sup>' in site.page("index.html")
    (site.root / override).write_text('<sup class="clinic-cite-v2">{{ items[0].number }}</sup>', encoding="utf-8")
    build_site(site)
    assert '<sup class="clinic-cite-v2">1</sup>' in site.page("index.html")


def test_warm_build_from_disk_caches_reports_the_same_and_sees_edits(make_site, build_site):
    site = make_site({"index.md": "About 60% of people get better.\n", "b.md": "Braces help [@prenton2016].\n"}, options={"cache": True})
    build_site(site)
    cold = json.loads(site.page("editor/report/report.json"))["findings"]
    cold_page = site.page("b/index.html")
    cache = site.root / ".cache" / "plugin" / "evidence"
    assert {"pages.json", "markdown.json", "sources.json"} <= {p.name for p in cache.iterdir()}
    build_site(site)
    warm = json.loads(site.page("editor/report/report.json"))["findings"]
    assert warm == cold and any(f["kind"] == "uncited-statistic" for f in warm)
    assert site.page("b/index.html") == cold_page
    (site.root / "docs" / "index.md").write_text("About 23% of people had pressed on the nerve [@aprile2005].\n", encoding="utf-8")
    build_site(site)
    edited = json.loads(site.page("editor/report/report.json"))["findings"]
    assert not any(f["kind"] == "uncited-statistic" for f in edited)


def test_loading_the_plugin_leaves_the_finders_and_textstat_for_first_use():
    """A warm build takes every page check from the cache: compiling the finders' patterns and
    importing textstat at start-up cost a sixth of the plugin's whole overhead."""
    code = (
        "import sys, mkdocs_evidence.plugin, mkdocs_evidence.cli;"
        "print(sorted(m for m in ('mkdocs_evidence.core.statistics', 'mkdocs_evidence.core.attribution',"
        " 'mkdocs_evidence.core.claims.figures', 'textstat') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"


def test_default_nav_keeps_home_first_folders_as_sections_and_how_we_rate_last(make_site):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = make_site({"index.md": "# Home\n", "about.md": "# About\n", "braces/fitting.md": "# Fitting\n", "braces/index.md": "# Braces\n", "draft.md": "# Draft\n"}, extra={"not_in_nav": "draft.md"})
    config = load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.site_dir))
    build(config)
    assert config.nav[0] == "index.md"
    assert {"Braces": ["braces/index.md", "braces/fitting.md"]} in config.nav  # as MkDocs groups folders
    assert "about.md" in config.nav and "draft.md" not in str(config.nav)
    assert config.nav[-1] == {"How we rate evidence": "how-we-rate-evidence.md"}


def test_a_cache_folder_that_cannot_be_written_only_costs_time(make_site, build_site):
    """A read-only checkout, or a file where the cache folder should be: the build still works."""
    site = make_site({"index.md": "Braces help [@prenton2016].\n"}, options={"cache": True})
    blocked = site.root / ".cache" / "plugin" / "evidence"
    blocked.parent.mkdir(parents=True)
    blocked.write_text("not a folder", encoding="utf-8")
    build_site(site)
    build_site(site)
    assert 'href="#ref-prenton2016"' in site.page("index.html")
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_serve_dirty_rebuild_keeps_the_findings_of_pages_it_did_not_convert(make_site):
    """`mkdocs serve --dirty` converts only the pages that changed; the report must still
    show every page's findings, with the edited page checked again."""
    import os
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = make_site({"index.md": "About 60% of people get better.\n", "b.md": "Braces help [@prenton2016].\n"}, options={"cache": True})

    def config_for_rebuild():
        return load_config(str(site.root / "mkdocs.yml"), site_dir=str(site.site_dir))

    config = config_for_rebuild()
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, dirty=False)  # serve's first build is a full one
        page = site.root / "docs" / "b.md"
        page.write_text("About 40% of braces break.\n", encoding="utf-8")
        later = time.time() + 5
        os.utime(page, (later, later))
        config = config_for_rebuild()  # serve reloads the config; the plugin instance is reused
        build(config, dirty=True)
        found = {(f.path, f.kind) for f in config.plugins["evidence"].outcome.findings}
        assert ("docs/index.md", "uncited-statistic") in found  # not converted this time, still reported
        assert ("docs/b.md", "uncited-statistic") in found  # the edit was checked
    finally:
        config.plugins.on_shutdown()


@pytest.mark.parametrize("verbose", [False, True])
def test_the_log_has_a_line_per_kind_of_finding_and_each_finding_when_verbose(make_site, build_site, caplog, verbose):
    page = "".join(f"Line {n}: about {20 + n}% of walkers say it helps.\n\n" for n in range(8))
    site = make_site({"index.md": page}, options={"fail_on": "never"})
    with caplog.at_level("DEBUG" if verbose else "INFO"):
        build_site(site)
    ours = [r for r in caplog.records if "mkdocs_evidence" in r.name and "[uncited-statistic]" in r.getMessage()]
    summaries = [r for r in ours if r.levelname == "ERROR"]
    assert len(summaries) == 1 and summaries[0].getMessage().startswith("mkdocs_evidence: 8 errors [uncited-statistic]")
    each = [r for r in ours if r.levelname == "DEBUG"]
    assert len(each) == (8 if verbose else 0)
    report = json.loads(site.page("editor/report/report.json"))
    assert sum(f["kind"] == "uncited-statistic" for f in report["findings"]) == 8
