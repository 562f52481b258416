"""What the search index reads: marked parts hidden around the search plugin, then put back."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from mkdocs_evidence.render.search_view import END, START, hide, restore


def test_marked_parts_become_placeholders_and_come_back_without_marks():
    html = f"<p>Braces help{START}<span>1. Long reference</span>{END}.</p>{START}<section><h2>References</h2></section>{END}"
    view, parts = hide(html)
    assert view == "<p>Braces help<!--ev:hidden:0-->.</p><!--ev:hidden:1-->"
    assert parts == ["<span>1. Long reference</span>", "<section><h2>References</h2></section>"]
    assert restore(view, parts) == "<p>Braces help<span>1. Long reference</span>.</p><section><h2>References</h2></section>"


def test_changes_made_while_hidden_are_kept():
    """The search plugin strips data-search-* attributes from the page it read; that survives."""
    view, parts = hide(f'<p data-search-boost="2">Text{START}<span>preview</span>{END}</p>')
    changed = view.replace(' data-search-boost="2"', "")
    assert restore(changed, parts) == "<p>Text<span>preview</span></p>"


def test_pages_without_marks_are_returned_as_they_are():
    assert hide("<p>plain</p>") == ("<p>plain</p>", [])
    assert restore("<p>plain</p>", []) == "<p>plain</p>"


def test_unpaired_marks_and_unknown_placeholders_never_reach_the_reader():
    assert restore(f"<p>a{START}b</p>", []) == "<p>ab</p>"
    assert restore("<p>a<!--ev:hidden:7-->b</p>", ["x"]) == "<p>ab</p>"


_segment = st.one_of(
    st.text(alphabet="<>/ab =\"-!p", max_size=12),
    st.builds(lambda inner: START + inner + END, st.text(alphabet="<>/ab =\"-p", max_size=12)),
)


@given(st.lists(_segment, max_size=8))
def test_restore_undoes_hide(segments):
    html = "".join(segments)
    assert restore(*hide(html)) == html.replace(START, "").replace(END, "")


def test_built_site_indexes_prose_but_not_previews_or_reference_lists(make_site, build_site):
    site = make_site(
        {
            "index.md": "Braces helped people walk faster [@prenton2016]. Keep walking every day.\n\n"
            "{rating: low | Braces -> walking speed | @prenton2016}\n"
        }
    )
    build_site(site)
    page = site.page("index.html")
    assert "ev-cite__preview-item" in page and "ev-references" in page and "evidence-badge__panel" in page
    assert "ev:search-exclude" not in page and "ev:hidden" not in page
    index = json.loads(site.page("search/search_index.json"))["docs"]
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index if doc["location"].startswith(("", "#")) and "/" not in doc["location"])
    assert "Keep walking every day" in text
    assert "Journal of Rehabilitation Medicine" not in text  # the preview and the reference list
    assert "Reference 1" not in text
    assert not any(doc["location"].endswith("#ev-references-title") for doc in index)
