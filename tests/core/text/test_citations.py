"""Pandoc citation syntax, and the places a citation must never be read."""

from hypothesis import given
from hypothesis import strategies as st
from mkdocs_evidence.core.text.citations import (
    anchor_for,
    find_citations,
    is_citation_key,
    reference_href,
)
from mkdocs_evidence.core.text.prose import mask_non_prose


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


# -- one key grammar, one anchor (issue 14) ------------------------------------------------

HARD_KEYS = ("müller2019", "who#2021", "nice:ng123/x")


def test_keys_with_non_ascii_letters_hash_and_slash_are_read_whole_in_prose():
    assert keys("[@müller2019] [@who#2021] [@nice:ng123/x].") == [(k,) for k in HARD_KEYS]


def test_rating_markers_and_the_yaml_schema_use_the_same_key_grammar():
    from mkdocs_evidence.core.guide.content import CitationKeyStr
    from mkdocs_evidence.core.ratings import find_rating_markers
    from pydantic import TypeAdapter

    marker = find_rating_markers("{rating: high | a brace -> walking | @müller2019; @who#2021; @nice:ng123/x}")[0]
    assert marker.citations == HARD_KEYS
    adapter = TypeAdapter(CitationKeyStr)
    assert [adapter.validate_python(k) for k in HARD_KEYS] == list(HARD_KEYS)
    for bad in ("@key", "[key]", "key."):
        assert not is_citation_key(bad)


def test_one_anchor_for_the_list_citations_and_rating_badges():
    from mkdocs_evidence.core.ratings import default_href

    assert anchor_for("nice:ng123/x") == "nice-ng123-x"
    assert anchor_for("who#2021") == "who-2021" and anchor_for("müller2019") == "müller2019"
    for key in HARD_KEYS:
        assert default_href(key) == reference_href(key) == f"#ref-{anchor_for(key)}"


# -- narrative citations --------------------------------------------------------------------


def narrative(text: str) -> list[tuple[str, str, str]]:
    groups = [g for g in find_citations(mask_non_prose(text)) if g.narrative]
    return [(g.keys[0], g.items[0].locator, text[g.start : g.end]) for g in groups]


def test_narrative_citations_with_and_without_a_locator():
    assert narrative("@aprile2005 found a link. As @müller2019 [p. 3] says, and @who#2021.") == [
        ("aprile2005", "", "@aprile2005"),
        ("müller2019", "p. 3", "@müller2019 [p. 3]"),
        ("who#2021", "", "@who#2021"),
    ]


def test_no_narrative_citation_in_emails_code_links_markers_or_escapes():
    text = (
        "Write to me@example.org or <a@b.org>. `@code` and [@handle](https://x.org) and "
        "{rating: high | a -> b | @key} and \\@escaped and [see @bracketed] and a@b\n"
        "```\n@fenced\n```\n"
    )
    assert narrative(text) == []
    assert [g.keys for g in find_citations(mask_non_prose(text))] == [("bracketed",)]


def test_narrative_citations_can_be_left_out():
    assert find_citations("@a found [@b]", narrative=False)[0].keys == ("b",)


def test_prefix_locator_and_suppressed_author_are_kept():
    group = find_citations("[see @aprile2005, p. 3; -@prenton2016]")[0]
    assert [(i.prefix, i.key, i.locator, i.suppress_author) for i in group.items] == [
        ("see", "aprile2005", "p. 3", False),
        ("", "prenton2016", "", True),
    ]


def test_a_statistic_in_a_sentence_with_a_narrative_citation_is_cited():
    from mkdocs_evidence.core.bib.bibliography import Bibliography
    from mkdocs_evidence.core.bib.references import Reference
    from mkdocs_evidence.core.check import Located, check_text

    reference = Reference("aprile2005", design="case-series", figures=("69 patients",))
    bib = Bibliography(references={"aprile2005": reference})
    where = Located("x.md")
    kinds = lambda text: [f.kind for f in check_text(text, where, bib).findings]  # noqa: E731
    assert "uncited-statistic" not in kinds("@aprile2005 studied 69 patients with the nerve problem.\n")
    assert "uncited-statistic" in kinds("Someone studied 69 patients with the nerve problem.\n")
    # an "@name" that is no key is not a citation, and not an unknown one either
    assert "unknown-citation" not in kinds("Follow @someclinic for news.\n")
