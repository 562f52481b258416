"""Masking keeps offsets and newlines, and blanks exactly what is not prose."""

from hypothesis import given
from hypothesis import strategies as st
from mkdocs_evidence.core.text.prose import LineIndex, mask_non_prose


def test_mask_keeps_length_and_newlines():
    text = "---\ntitle: x 23%\n---\nProse 23% `code 45%`\n```\nfenced 67%\n```\n"
    masked = mask_non_prose(text)
    assert len(masked) == len(text)
    assert [i for i, ch in enumerate(text) if ch == "\n"] == [i for i, ch in enumerate(masked) if ch == "\n"]
    assert "23%" in masked.split("\n")[3]
    assert "45%" not in masked and "67%" not in masked and "title" not in masked


def test_mask_blanks_link_targets_urls_emails_html_attributes():
    text = 'See [the NHS page](https://nhs.uk/a-50%) or <https://x.org/1> and me@example.com <span title="23%">ok</span>'
    masked = mask_non_prose(text)
    assert "the NHS page" in masked
    assert "nhs.uk" not in masked and "x.org" not in masked and "example.com" not in masked
    assert 'title' not in masked and "ok" in masked


def test_mask_handles_unclosed_fence_and_code_span():
    masked = mask_non_prose("text\n```\ncode 5%\nmore")
    assert masked.startswith("text\n") and "5%" not in masked
    assert mask_non_prose("a ` b 5%") == "a ` b 5%"  # an unmatched backtick is literal


def test_line_index_positions():
    index = LineIndex.of("ab\ncd\n\nef")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 2)
    assert index.position(7) == (4, 1)


@given(st.text())
def test_mask_never_raises_and_keeps_shape(text):
    masked = mask_non_prose(text)
    assert len(masked) == len(text)
    assert all(m == t or m == " " for m, t in zip(masked, text, strict=True))


def test_a_link_definition_inside_a_definition_list_block_is_shown_so_it_is_checked():
    # def_list reads the block first and shows "[x0]: ..." as a term, title and all.
    text = '[x0]: https://example.org/ "10.1% title"\nTerm 1\n:   11.2% of people.\n'
    assert "10.1%" in mask_non_prose(text)
    assert "10.1%" not in mask_non_prose('[x0]: https://example.org/ "10.1% title"\n\nTerm 1\n:   11.2% of people.\n')


def test_a_link_definition_inside_a_table_block_is_a_row_and_stays_visible():
    # the tables extension reads the whole block, so "[x1]: ..." after a row is one more row
    table = '| a | b |\n| - | - |\n| 10.1% | x |\n[x1]: https://example.org/ "11.2% title"\n'
    assert "11.2% title" in mask_non_prose(table)
    after_blank = '| a | b |\n| - | - |\n| 1 | 2 |\n\n[x1]: https://example.org/ "11.2% title"\n'
    assert "11.2%" not in mask_non_prose(after_blank)
