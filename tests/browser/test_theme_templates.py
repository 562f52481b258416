"""The theme's Jinja templates rendered directly (no browser): escaping and colour contrast.

Not marked ``browser``: these run in the normal test suite in well under a second.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from types import SimpleNamespace

import pytest
from browser_support import ROOT


@pytest.fixture(scope="module")
def env():
    from mkdocs.theme import Theme

    theme = Theme(name="material", custom_dir=str(ROOT / "plugins" / "mkdocs_evidence" / "theme"))
    return theme.get_env()


def _config(clinic=None, **extra):
    return {
        "site_name": "Foot drop guide",
        "site_description": "About foot drop.",
        "copyright": None,
        "theme": {"language": "en"},
        "extra": {"clinic": clinic or {}, **extra},
    }


# ----------------------------------------------------------------------------- colours


def _lum(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _ratio(a: str, b: str) -> float:
    hi, lo = sorted([_lum(a), _lum(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _clinic_css(env, colours) -> dict[str, str]:
    css = env.get_template("assets/evidence-theme/clinic.css").render(
        config=_config({"name": "Test clinic", "colours": colours})
    )
    return dict(re.findall(r"(--ev-[a-z-]+):\s*([^;]+);", css)), css


@pytest.mark.parametrize(
    "primary,accent",
    [("#1f4e79", "#c2410c"), ("#ffff00", "#00ff00"), ("#777", "#888"), ("#000000", "#ffffff"), ("#FFFFFF", "#123ABC")],
)
def test_clinic_colours_always_reach_aa(env, primary, accent):
    props, _ = _clinic_css(env, {"primary": primary, "accent": accent})
    slate = "#1e2129"
    assert _ratio(props["--ev-brand"], props["--ev-brand-ink"]) >= 4.5
    assert _ratio(props["--ev-link"], "#ffffff") >= 4.5
    assert _ratio(props["--ev-accent"], "#ffffff") >= 4.5
    assert _ratio(props["--ev-link-dark"], slate) >= 4.5
    assert _ratio(props["--ev-accent-dark"], slate) >= 4.5


def test_clinic_colours_keep_the_brand_when_it_is_readable(env):
    props, _ = _clinic_css(env, {"primary": "#1f4e79", "accent": "#c2410c"})
    assert props["--ev-brand"] == props["--ev-link"] == "#1f4e79"
    assert props["--ev-accent"] == "#c2410c"


@pytest.mark.parametrize(
    "bad",
    ["red", "#12345", "#gggggg", "#fff;}body{display:none}", "</style><script>x</script>", "url(https://evil.example/x)", 42, None],
)
def test_invalid_colours_are_ignored(env, bad):
    props, css = _clinic_css(env, {"primary": bad, "accent": bad})
    assert props == {}
    assert "evil" not in css and "script" not in css and "display:none" not in css


def test_clinic_name_cannot_break_out_of_the_css_comment(env):
    css = env.get_template("assets/evidence-theme/clinic.css").render(
        config=_config({"name": "Evil */ body { display: none } /*", "colours": {"primary": "#123456"}})
    )
    assert css.count("*/") == 1 and "display: none" not in css.split("*/", 1)[1]


# ----------------------------------------------------------------------------- JSON-LD


def _page(meta):
    return SimpleNamespace(meta=meta, title="Foot drop", canonical_url=None, toc=[])


def test_json_ld_is_valid_and_cannot_close_the_script(env):
    evil = "</script><script>alert(1)</script>"
    meta = {
        "condition": "foot-drop",
        "condition_title": "Foot drop",
        "review": {
            "last_reviewed": date(2026, 11, 1),
            "next_review_due": date(2027, 11, 1),
            "authors": [{"name": evil, "qualifications": "MSc"}],
            "clinical_reviewer": {"name": "Dr R & <Co>", "qualifications": "FRCP"},
        },
    }
    out = env.get_template("partials/evidence/jsonld.html").render(page=_page(meta), config=_config({"name": evil}))
    body = re.search(r'<script type="application/ld\+json">(.*)</script>', out, re.S).group(1)
    assert "</script" not in body.lower() and "<" not in body
    data = json.loads(body)
    assert data["lastReviewed"] == "2026-11-01"
    assert data["reviewedBy"]["name"] == "Dr R & <Co>"
    assert data["author"][0]["name"] == evil
    assert data["publisher"]["name"] == evil
    assert data["about"]["name"] == "Foot drop"


def test_no_json_ld_without_review_meta(env):
    out = env.get_template("partials/evidence/jsonld.html").render(page=_page({}), config=_config())
    assert "ld+json" not in out


def test_provenance_escapes_everything(env):
    meta = {
        "review": {
            "last_reviewed": "2026-11-01",
            "authors": [{"name": "<img src=x onerror=alert(1)>", "qualifications": "<b>MSc</b>"}],
            "clinical_reviewer": {"name": "Dr <i>R</i>", "qualifications": ""},
            "funding": "<script>x</script>",
            "conflicts": "None",
        },
        "publisher": "A & B <clinic>",
    }
    out = env.get_template("partials/evidence/provenance.html").render(page=_page(meta), config=_config())
    assert "<img" not in out and "<script" not in out and "<b>" not in out and "<i>" not in out
    assert "A &amp; B &lt;clinic&gt;" in out
    assert 'datetime="2026-11-01"' in out


def test_footer_escapes_clinic_settings(env):
    clinic = {
        "name": "<b>Clinic</b>",
        "disclaimer": "<script>x</script> supports, does not replace",
        "contact": {"phone": "0123 <4>", "email": 'a"b@example.org', "address": "<i>1 Road</i>"},
        "feedback_url": 'javascript:alert(1)" onmouseover="x',
    }
    out = env.get_template("partials/copyright.html").render(config=_config(clinic))
    assert "<script" not in out and "<b>" not in out and "<i>" not in out
    assert 'onmouseover="x' not in out and "javascript:" not in out
    assert html.escape("<script>x</script>") in out


def test_footer_feedback_link(env):
    out = env.get_template("partials/copyright.html").render(
        config=_config({"feedback_url": "https://clinic.example/feedback?a=1&b=2"})
    )
    assert 'href="https://clinic.example/feedback?a=1&amp;b=2"' in out
    assert "Tell us what you think of this guide" in out
