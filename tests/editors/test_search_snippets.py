"""What the search index holds for the guide: badge levels without their control text, table
headers and cells kept apart; and a 404 page with a way home."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from editors_site import build_site, copy_example_site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_site(copy_example_site(tmp_path_factory.mktemp("search")))


def _doc(site: Path, location: str) -> str:
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    return next(d["text"] for d in docs if d["location"] == location)


def test_search_snippets_carry_levels_not_badge_controls(built):
    text = _doc(built, "foot-drop/treatments/")
    assert "Low certainty" in text
    for control in ("Evidence rating:", "Show what it rests on", "●", "○"):
        assert control not in text, control


def test_table_headers_and_cells_do_not_run_together(built):
    text = _doc(built, "foot-drop/treatments/")
    assert "Treatment What it may change How sure we are Sources " in text
    assert "SourcesAcupuncture" not in text and "certainty1" not in text


def test_the_404_page_offers_a_way_home(built):
    page = (built / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in page and "Go to the home page" in page
    assert 'class="md-button md-button--primary ev-home-link" href="/' in page
