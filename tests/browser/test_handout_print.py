"""The printed handout of the real guide: every care card with its signs, clear print (12 pt or
more), and the treatment table allowed to spill onto a second sheet rather than shrink."""

from __future__ import annotations

import re

import pytest
import yaml
from browser_helpers import goto
from browser_support import ROOT, SCREENSHOTS

pytestmark = pytest.mark.browser

TWELVE_PT_PX = 16.0  # 12 pt at 96 px per inch


def _care_cards() -> list[dict]:
    return yaml.safe_load((ROOT / "content/foot-drop/guide.yml").read_text(encoding="utf-8"))["care"]


@pytest.fixture
def handout(page, site):
    goto(page, site.url("foot-drop/handout/"))
    page.emulate_media(media="print")
    return page


def test_every_care_card_prints_its_signs(handout):
    article = handout.locator("article")
    for card in _care_cards():
        title = article.get_by_text(card["title"], exact=False).first
        assert title.is_visible(), f"the {card['level']} card is missing"
        for sign in card["when"]:
            plain = re.sub(r"\s*\[@[^\]]+\]", "", sign).strip()
            words = plain.split(". ")[0][:60]
            assert article.get_by_text(words, exact=False).first.is_visible(), (
                f"{card['level']}: '{words}' is not printed"
            )
    levels = {card["level"] for card in _care_cards()}
    assert {"emergency", "urgent", "non-urgent"} <= levels


def test_text_and_treatment_table_print_at_12pt_or_more(handout):
    sizes = handout.eval_on_selector_all(
        "article .evidence-comparison :is(th, td, caption), article .admonition :is(p, li), article > p",
        "els => els.filter(e => e.offsetParent !== null && e.textContent.trim())"
        ".map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])",
    )
    assert sizes, "nothing measured"
    assert any("How sure" in text or "Treatment" in text for text, _ in sizes)
    small = [(text, size) for text, size in sizes if size < TWELVE_PT_PX - 0.01]
    assert not small, small[:5]


def test_handout_prints_on_at_most_two_sheets(handout):
    pdf = handout.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    sheets = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= sheets <= 2, sheets
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    handout.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    handout.screenshot(path=str(SCREENSHOTS / "handout-print.png"), full_page=True)
