"""Badge, comparison table and "How we rate evidence" templates, and the badge CSS."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import markdown
import pytest
from mkdocs_evidence.core.bib.references import Reference
from mkdocs_evidence.core.ratings import (
    ComparisonRow,
    Rating,
    rating_summary,
    render_badge,
    render_comparison,
    render_how_we_rate,
    template_environment,
)
from mkdocs_evidence.core.ratings.scales import get_scale, load_catalogue
from mkdocs_evidence.core.templating import TEMPLATES_DIR

CSS = Path(TEMPLATES_DIR).parent / "assets" / "ratings.css"
GRADE = get_scale("grade")
XSS = "<script>alert(1)</script>"

REFS = {
    "prenton2016": Reference(
        "prenton2016",
        authors=("Prenton, S.", "Hollands, K. L."),
        year=2016,
        design="meta-analysis",
        figures=("7 RCTs", "815 participants"),
    ),
    "trial2019": Reference("trial2019", authors=("Doe, J.",), year=2019, design="rct", figures=("99 people",)),
    "evil": Reference("evil", authors=(XSS,), year=2020, design="case-series"),
}


def environments() -> list[jinja2.Environment]:
    """Our private environment, and one like MkDocs' theme env (no autoescape, no trimming)."""
    return [template_environment(), jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)))]


def summary(level="moderate", treatment="Ankle-foot orthosis", outcome="walking speed", citations=("prenton2016", "trial2019")):
    return rating_summary(Rating(level, treatment, outcome, tuple(citations)), GRADE, REFS)


class _Balance(HTMLParser):
    """Collects tags so tests can check the HTML is balanced."""

    VOID = {"br", "img", "hr", "meta", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def parse(html: str) -> _Balance:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    assert not parser.errors and not parser.stack, (parser.errors, parser.stack)
    return parser


@pytest.mark.parametrize("env", environments(), ids=["private", "theme-like"])
def test_badge_is_an_accessible_disclosure(env):
    html = render_badge(env, summary(), how_we_rate_href="../how-we-rate/")
    tags = parse(html).tags
    assert html.startswith("<details") and html.endswith("</details>")
    assert [t for t, _ in tags].count("summary") == 1
    text = re.sub(r"<[^>]+>", "", html.split("</summary>")[0])
    assert text.strip().startswith("Evidence rating: ●●●○ Moderate certainty. Show what it rests on")
    assert 'aria-hidden="true">●●●○<' in html  # the icon is decoration; the words carry the level
    assert "evidence--moderate" in html
    assert "1 meta-analysis and 1 randomised trial" in html
    assert "At least 815" in html
    assert "<dd>2019</dd>" in html
    assert '<a href="#ref-prenton2016">Prenton et al. 2016</a>' in html
    assert '<a href="../how-we-rate/">How we rate evidence</a>' in html
    assert "\n\n" not in html  # a blank line would end a raw HTML block in Markdown


def test_badge_custom_hrefs_and_no_sources():
    html = render_badge(template_environment(), summary(), hrefs={"prenton2016": "../refs/#p"})
    assert 'href="../refs/#p"' in html and 'href="#ref-trial2019"' in html
    bare = render_badge(template_environment(), summary(level="very-low", citations=()))
    assert "None. This rests on expert opinion." in bare
    assert "Read the sources" not in bare and "People in the studies" not in bare


def test_static_badge_is_text_not_a_control():
    html = render_badge(template_environment(), summary(), expandable=False)
    parse(html)
    assert html.startswith("<span") and "<details" not in html and "<a " not in html
    assert "Moderate certainty" in html


@pytest.mark.parametrize("env", environments(), ids=["private", "theme-like"])
def test_badge_escapes_everything(env):
    evil = summary(treatment=XSS, outcome='"><img src=x onerror=alert(1)>', citations=("evil",))
    html = render_badge(env, evil, hrefs={"evil": 'javascript:"><script>'}, how_we_rate_href='"><script>')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parse(html)


@pytest.mark.parametrize("env", environments(), ids=["private", "theme-like"])
def test_comparison_table(env):
    rows = [
        ComparisonRow("Ankle-foot orthosis", "treatments/afo/", summary()),
        ComparisonRow(XSS, None, summary(level="low", treatment=XSS, outcome="falls")),
    ]
    html = render_comparison(env, caption=f"Foot drop {XSS}", rows=rows, how_we_rate_href="how-we-rate/")
    tags = parse(html).tags
    assert "<script>" not in html and "Foot drop &lt;script&gt;" in html
    assert ("caption", {}) in tags
    assert sum(1 for t, a in tags if t == "th" and a.get("scope") == "col") == 4
    # one row group per treatment, its name spanning its outcomes
    assert sum(1 for t, a in tags if t == "th" and a.get("scope") == "rowgroup") == 2
    assert sum(1 for t, a in tags if t == "tbody") == 2
    assert '<a href="treatments/afo/">Ankle-foot orthosis</a>' in html
    assert "<details" not in html  # table badges do not expand
    assert "Moderate certainty" in html and "Low certainty" in html
    assert '<td class="evidence-comparison__sources" data-label="Sources">2</td>' in html
    # on a phone the rows stack into cards: each stacked cell says what it is
    assert sum(1 for t, a in tags if t == "td" and a.get("data-label") == "How sure we are") == 2
    assert "\n\n" not in html


def test_comparison_without_rows():
    html = render_comparison(template_environment(), caption="Foot drop", rows=[])
    assert "no rated treatments yet" in html and "<table" not in html


@pytest.mark.parametrize("scale_id", ["grade", "ocebm", "sort"])
def test_how_we_rate_page_is_generated_from_scale_data(scale_id):
    scale = get_scale(scale_id)
    page = render_how_we_rate(template_environment(), scale, condition="foot drop", max_age_years=10)
    assert page.startswith("# How we rate evidence")
    for level in scale.levels:
        assert level.name in page and level.label in page and level.icon in page
    for design in load_catalogue().designs.values():
        assert design.explanation.replace("'", "&#39;") in page
    assert 'What we mean by "no evidence" in foot drop' in page
    assert f"the lowest rating: {scale.bottom.name}" in page
    assert "10 years old" in page
    if scale.upgrade_reasons:
        assert "The effect was large" in page and "2 steps at most" in page
    else:
        assert "never goes up" in page
    html = markdown.markdown(page, extensions=["tables"])
    assert html.count("<table>") == 2
    assert "<script" not in html


def test_how_we_rate_escapes_condition_and_handles_no_age_limit():
    for env in environments():
        page = render_how_we_rate(env, GRADE, condition=XSS, max_age_years=None)
        assert "<script>" not in page
        assert "years old" not in page


# --- CSS ---------------------------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _scheme(selector: str) -> dict[str, str]:
    css = CSS.read_text(encoding="utf-8")
    block = re.search(re.escape(selector) + r"\s*\{(?P<body>[^}]*)\}", css)
    assert block, selector
    return dict(re.findall(r"--(evidence-[\w-]+):\s*(#[0-9a-fA-F]{6})", block.group("body")))


@pytest.mark.parametrize("selector", ['[data-md-color-scheme="default"]', '[data-md-color-scheme="slate"]'])
@pytest.mark.parametrize("tier", ["strong", "moderate", "limited", "very-limited", "unknown"])
def test_badge_colours_meet_wcag_aa(selector, tier):
    colours = _scheme(selector)
    fg, bg, border = (colours[f"evidence-{tier}-{part}"] for part in ("fg", "bg", "border"))
    assert contrast(fg, bg) >= 4.5  # text and icon on the badge
    assert contrast(fg, colours["evidence-page-bg"]) >= 4.5  # panel links/outline context
    assert contrast(border, colours["evidence-page-bg"]) >= 3.0  # the badge outline (non-text)


def test_every_level_class_is_styled():
    css = CSS.read_text(encoding="utf-8")
    classes = {level.css_class for scale in load_catalogue().scales.values() for level in scale.levels}
    for css_class in classes | {"evidence--unknown"}:
        assert f".{css_class} {{" in css
    for needed in ("evidence-visually-hidden", "evidence-badge__summary", "focus-visible", "forced-colors"):
        assert needed in css


@pytest.mark.parametrize("scale_id", ["grade", "ocebm", "sort"])
def test_how_we_rate_same_markdown_in_any_environment(scale_id):
    private, theme_like = (render_how_we_rate(env, get_scale(scale_id), condition="foot drop") for env in environments())
    assert private == theme_like
    assert "\n\n\n" not in private
    # every list is separated from the paragraph after it (no lazy continuation)
    assert not re.search(r"^- .*\n[^-\n]", private, re.MULTILINE)
