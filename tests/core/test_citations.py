"""Pandoc citation syntax, and the places a citation must never be read."""

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_evidence.core.citations import find_citations
from mkdocs_evidence.core.prose import mask_non_prose


def keys(text: str) -> list[tuple[str, ...]]:
    return [group.keys for group in find_citations(mask_non_prose(text))]


def test_single_multiple_and_prefixed_citations():
    assert keys("A [@a] b [@b; @c] c [see @d, p. 3] d [-@e].") == [("a",), ("b", "c"), ("d",), ("e",)]
    group = find_citations("x [see @d, pp. 33-35]")[0]
    assert group.items[0].prefix == "see" and group.items[0].locator == "pp. 33-35"


def test_keys_with_dots_colons_slashes_and_trailing_punctuation():
    assert keys("[@doe.2020:x] [@a/b-c_d] [@key.]") == [("doe.2020:x",), ("a/b-c_d",), ("key",)]


def test_never_inside_code_links_html_attributes_or_emails():
    text = (
        "`[@inline]` and <span title='[@attr]'>x</span> and [@handle](https://example.org) "
        "and mail me@example.org and [text](http://x.org/[@url]) and \\[@escaped]\n"
        "```\n[@fenced]\n```\n"
    )
    assert keys(text) == []


def test_empty_citation_is_reported_as_malformed_not_dropped():
    groups = find_citations("see [@] here")
    assert len(groups) == 1 and groups[0].malformed == ("@",) and groups[0].items == ()


def test_at_sign_in_plain_brackets_is_not_a_citation():
    assert keys("[meet me @ noon]") == []


@given(st.text(alphabet=st.sampled_from("[]@;-,. abc12:/`\n(")))
def test_parser_never_raises_and_spans_are_inside(text):
    masked = mask_non_prose(text)
    for group in find_citations(masked):
        assert 0 <= group.start < group.end <= len(text)
        if group.narrative:
            assert text[group.start] == "@" and len(group.items) == 1
        else:
            assert text[group.start] == "[" and text[group.end - 1] == "]"
