"""A clinic's own site: the packaged theme, the extensions, the clinic settings, safe defaults.

Every site here is built with the real ``mkdocs build`` and has no ``overrides/`` folder: what
the pages show comes from the installed package.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort, PluginError
from mkdocs_evidence.config import publish_failure
from mkdocs_evidence.core.guide.clinic import ClinicError, validate_clinic

FIXTURE = Path(__file__).parent / "fixtures" / "content"
CLINIC = {
    "name": "Riverside Hand Clinic",
    "colours": {"primary": "#1f4e79", "accent": "#c2410c"},
    "contact": {"phone": "01632 960 123", "email": "hands@riverside.example"},
    "disclaimer": "This guide supports, but does not replace, advice from your clinician.",
}
THIRD_PARTY = re.compile(r"""(?:src|href)=["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I)


def _set_plugin_option(site, **options) -> None:
    """Change the evidence plugin's options in the site's mkdocs.yml (None removes one)."""
    path = site.root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    evidence = next(p["evidence"] for p in config["plugins"] if isinstance(p, dict) and "evidence" in p)
    for key, value in options.items():
        if value is None:
            evidence.pop(key, None)
        else:
            evidence[key] = value
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def _guide_site(make_site, *, clinic=CLINIC, extensions=(), theme=None):
    extra = {"markdown_extensions": list(extensions), "extra": {"clinic": clinic}}
    if theme is not None:
        extra["theme"] = theme
    site = make_site({"index.md": "# Guides\n\nPlain words only.\n"}, options={"content": "content"}, extra=extra)
    shutil.copytree(FIXTURE, site.root / "content", dirs_exist_ok=True)
    return site


def _build_fails(site, build_site, caplog) -> str:
    """Build, expect MkDocs to abort, and return what it logged (one message per line)."""
    with caplog.at_level("ERROR"), pytest.raises((PluginError, Abort)):
        build_site(site)
    return "\n".join(record.getMessage() for record in caplog.records)


def _third_party_requests(site_dir: Path) -> list[str]:
    """Every reference to another website in the pages' HTML and CSS that a browser would load
    without a click (links a reader follows are not requests)."""
    hits = []
    for path in [*site_dir.rglob("*.html"), *site_dir.rglob("*.css")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"<a\b[^>]*>", "", text)  # followed only on a click
        text = re.sub(r'<link rel="canonical"[^>]*>', "", text)
        text = re.sub(r"<script type=\"application/ld\+json\">.*?</script>", "", text, flags=re.S)
        text = re.sub(r'xmlns(:\w+)?="[^"]*"', "", text)
        hits.extend(f"{path.name}: {m.group(0)}" for m in THIRD_PARTY.finditer(text))
    return hits


# ----------------------------------------------------------------------------- the theme


def test_the_packaged_theme_brands_the_site_with_no_overrides_folder(make_site, build_site):
    site = _guide_site(make_site)
    assert not (site.root / "overrides").exists()
    build_site(site)
    home = site.page("index.html")
    assert '<span class="ev-header__clinic">Riverside Hand Clinic</span>' in home
    assert "does not replace, advice from your clinician" in home  # the footer disclaimer
    assert 'href="tel:01632960123"' in home
    css = site.page("assets/evidence-theme/clinic.css")
    assert "--ev-brand: #1f4e79;" in css
    for script in ("md-base.js", "md-palette.js", "md-content.js", "theme.js"):
        assert (site.site_dir / "assets" / "evidence-theme" / script).is_file()
    assert "<script>" not in home  # Material's inline scripts are replaced (strict CSP)
    overview = site.page("foot-drop/index.html")
    assert "About this information" in overview and "Published by" in overview
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', overview, re.S).group(1))
    assert data["publisher"]["name"] == "Riverside Hand Clinic"
    assert _third_party_requests(site.site_dir) == []


def test_a_site_custom_dir_still_overrides_any_packaged_template(make_site, build_site):
    site = _guide_site(make_site, theme={"name": "material", "custom_dir": "overrides"})
    (site.root / "overrides" / "partials").mkdir(parents=True)
    (site.root / "overrides" / "partials" / "copyright.html").write_text("<p>Our own footer</p>", encoding="utf-8")
    build_site(site)
    home = site.page("index.html")
    assert "Our own footer" in home and "ev-footer__disclaimer" not in home
    assert "ev-header__clinic" in home  # the other packaged templates are still used


def test_care_cards_render_without_any_extension_configured(make_site, build_site):
    site = _guide_site(make_site, extensions=())
    guide = site.root / "content" / "foot-drop" / "guide.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("term: Peroneal nerve", "term: Foot"), encoding="utf-8")
    build_site(site)
    help_page = site.page("foot-drop/when-to-get-help/index.html")
    assert "!!!" not in help_page
    assert re.search(r'<div class="admonition danger">\s*<p class="admonition-title">Emergency', help_page)
    pages = [p.read_text(encoding="utf-8") for p in (site.site_dir / "foot-drop").rglob("index.html")]
    assert any("<abbr title=" in page for page in pages)  # glossary terms explain themselves
    assert not any(re.search(r"^\*\[[^\]]+\]:", page, re.M) for page in pages)  # no raw abbreviation lines


def test_no_google_fonts_unless_the_site_asks_and_then_it_is_a_finding(make_site, build_site, caplog):
    site = _guide_site(make_site, theme={"name": "material"})  # no `font:` at all
    build_site(site)
    assert "fonts.googleapis" not in site.page("index.html")
    site = _guide_site(make_site, theme={"name": "material", "font": {"text": "Roboto"}})
    _set_plugin_option(site, fail_on=None)
    assert "third-party-asset" in _build_fails(site, build_site, caplog)
    data = json.loads((site.site_dir / "editor" / "report" / "report.json").read_text(encoding="utf-8"))
    assert [f["text"] for f in data["findings"] if f["kind"] == "third-party-asset"] == ["theme.font"]


def test_a_stylesheet_from_another_website_is_a_finding(make_site, build_site):
    site = _guide_site(make_site)
    config = yaml.safe_load((site.root / "mkdocs.yml").read_text())
    config["extra_css"] = ["https://cdn.example.com/x.css"]
    (site.root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    build_site(site)
    data = json.loads(site.page("editor/report/report.json"))
    assert any(f["kind"] == "third-party-asset" and "cdn.example.com" in f["message"] for f in data["findings"])


# ----------------------------------------------------------------------------- the clinic settings


def test_an_unknown_clinic_setting_is_an_error_that_names_it(make_site, build_site, caplog):
    site = _guide_site(make_site, clinic={**CLINIC, "disclamer": "typo"})
    logged = _build_fails(site, build_site, caplog)
    assert "mkdocs.yml: extra.clinic.disclamer: unknown setting; did you mean 'disclaimer'?" in logged
    assert "Traceback" not in logged


@pytest.mark.parametrize(
    "clinic,message",
    [
        ({"contact": {"phone": "1", "fax": "2"}}, "extra.clinic.contact.fax: unknown setting"),
        ({"colours": {"primary": "red"}}, "extra.clinic.colours.primary: 'red' is not a hex colour"),
        ({"logo": "https://cdn.example.com/logo.png"}, "third-party request"),
        ({"logo": '" onerror="alert(1)'}, "characters a file path does not need"),
        ({"feedback_url": "javascript:alert(1)"}, "not a web address"),
        ({"contact": "01632 960 123"}, "extra.clinic.contact: expected a group of settings"),
    ],
)
def test_clinic_settings_are_validated(clinic, message):
    with pytest.raises(ClinicError, match=re.escape(message)):
        validate_clinic(clinic)


def test_every_clinic_value_is_escaped_for_its_context(make_site, build_site):
    """The name in HTML text, an attribute, the stylesheet and JSON-LD; the logo in src."""
    evil = (
        'A & B */ body{background:url(https://evil.example/x)} /* </script><script>alert(1)</script> " onmouseover="x'
    )
    site = _guide_site(make_site, clinic={"name": evil, "logo": "assets/logo.svg?a=1&b=2"})
    (site.root / "docs" / "assets").mkdir()
    (site.root / "docs" / "assets" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    build_site(site)
    overview = site.page("foot-drop/index.html")
    assert "<script>alert(1)</script>" not in overview and 'onmouseover="x' not in overview
    assert 'src="../assets/logo.svg?a=1&amp;b=2"' in overview
    css = site.page("assets/evidence-theme/clinic.css")
    assert "evil" not in css and "background" not in css
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', overview, re.S).group(1)
    assert "<" not in body and json.loads(body)["publisher"]["name"] == evil


# ----------------------------------------------------------------------------- safe defaults


HIGH_ON_A_CASE_SERIES = """benefits:
  - outcome: "walking after the injury"
    rating: high
    statement: "Most people in one small study walked better [@aprile2005]."
    citations: [aprile2005]
"""


def test_a_case_series_rated_high_fails_a_plain_build(make_site, build_site, caplog):
    from mkdocs_evidence.scaffold import scaffold_guide

    site = make_site({"index.md": "# Guides\n\nPlain words only.\n"}, options={"content": "content"})
    scaffold_guide("Foot drop", site.root / "content")
    treatment = site.root / "content" / "foot-drop" / "treatments" / "example-treatment.yml"
    treatment.write_text(
        treatment.read_text(encoding="utf-8").replace("benefits: []\n", HIGH_ON_A_CASE_SERIES), encoding="utf-8"
    )
    _set_plugin_option(site, fail_on=None)  # the default
    assert re.search(r"evidence: 1 error finding .*fail_on: error", _build_fails(site, build_site, caplog))
    data = json.loads(site.page("editor/report/report.json"))
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert [f["kind"] for f in errors] == ["rating-above-evidence"]
    _set_plugin_option(site, fail_on="never")
    build_site(site)  # the clinic's explicit choice: published with the finding in the report


def test_fail_on_levels_and_serve():
    assert publish_failure(1, 0, fail_on="error", strict=False, serve=False)
    assert not publish_failure(0, 3, fail_on="error", strict=False, serve=False)
    assert publish_failure(0, 3, fail_on="warning", strict=False, serve=False)
    assert publish_failure(0, 3, fail_on="never", strict=True, serve=False)
    assert not publish_failure(2, 3, fail_on="never", strict=False, serve=False)
    assert not publish_failure(5, 5, fail_on="error", strict=True, serve=True)  # serve keeps serving


def test_fail_on_is_declared_in_the_schema_with_a_docstring():
    from mkdocs_evidence.config import EvidenceConfig

    schema = dict(EvidenceConfig._schema)
    assert schema["fail_on"].default == "error" and schema["fail_on"].choices == ("error", "warning", "never")
    source = Path(EvidenceConfig.__module__.replace(".", "/")).name
    assert source == "config"
    import inspect

    assert "Which unwaived findings fail" in inspect.getsource(EvidenceConfig)


def test_the_project_site_config_does_not_watch_the_plugin_source():
    repo = Path(__file__).resolve().parent.parent
    site = yaml.safe_load((repo / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "plugins/mkdocs_evidence" not in (site.get("watch") or [])
    assert "custom_dir" not in site["theme"]
    assert "plugins/mkdocs_evidence" in (repo / "mkdocs.dev.yml").read_text(encoding="utf-8")


def test_serve_shows_error_findings_and_keeps_serving(make_site):
    site = make_site({"index.md": "# Home\n\nAbout 40% of people get better.\n"})
    _set_plugin_option(site, fail_on=None)  # the default: a plain build would stop
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    pipes = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.STDOUT}
    server = subprocess.Popen(command, cwd=site.root, env=env, text=True, **pipes)
    try:
        page = ""
        for _attempt in range(240):  # a bounded number of polls, not a clock
            if page:
                break
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    page = response.read().decode("utf-8")
            except OSError:
                assert server.poll() is None, server.stdout.read()
                time.sleep(0.5)
        assert "About 40% of people get better." in page
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "docs/index.md:3:1" in output and "uncited-statistic" in output
    assert "Aborted" not in output and "Traceback" not in output
