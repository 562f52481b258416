"""Issue 9: property-based fuzzing of the parsers a patient's page goes through.

No exceptions on any input; every span lies inside the text; masking keeps length and newlines;
results are the same when computed twice (pure functions) and masking is idempotent. Example
counts are modest: the whole module runs in a few seconds.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_evidence.core.bib.bibliography import Bibliography, parse_bib_text
from mkdocs_evidence.core.check import CheckOptions, Located, check_text
from mkdocs_evidence.core.claims.figures import matches_figure
from mkdocs_evidence.core.text.citations import blank_citation_markers, find_citations
from mkdocs_evidence.core.text.prose import LineIndex, mask_non_prose

# Characters that mean something to one of the parsers, plus Unicode that has tripped parsers
# elsewhere (no-break and thin spaces, Arabic-Indic and full-width digits, RTL marks, emoji).
SYNTAX = [*list("[]()@;,-{}<>`~*_!#:%./\\\"'= \n\t|^$+"), "[@", "](", "```", "{rating:", "->", "<!--", "-->", "{{", "}}", "<pre>", "</pre>", "https://", "doi:10.1/x", "a@b.org"]
UNICODE = ["\u00a0", "\u202f", "\u2009", "\u200f", "\u202e", "\u0301", "٢٣٪", "２３％", "👣", "\r\n"]
WORDS = ["23%", "1 in 5", "p < 0.05", "12.5", "815 participants", "7 RCTs", "studies show", "one", "half", "twice", "key2020", "see", "p. 3"]
TOKENS = st.sampled_from(SYNTAX + UNICODE + WORDS) | st.text(alphabet=st.characters(codec="utf-8"), max_size=3) | st.sampled_from("0123456789")
MARKDOWN = st.lists(TOKENS, max_size=60).map("".join)

BIB = Bibliography()
OPTIONS = CheckOptions(today=date(2026, 11, 22))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(MARKDOWN)
def test_mask_non_prose_keeps_length_and_newlines_and_is_idempotent(text):
    masked = mask_non_prose(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(masked) if c == "\n"]
    assert all(m == c or m == " " for m, c in zip(masked, text, strict=True))  # only blanks, never new text
    assert mask_non_prose(masked) == masked
    assert mask_non_prose(text, keep_citations=False) == mask_non_prose(mask_non_prose(text, keep_citations=False), keep_citations=False)


@FUZZ
@given(MARKDOWN)
def test_find_citations_spans_are_inside_ordered_and_stable(text):
    masked = mask_non_prose(text)
    groups = find_citations(masked)
    previous_end = 0
    for group in groups:
        assert previous_end <= group.start < group.end <= len(masked)
        if group.narrative:  # "@key" or "@key [locator]"
            assert masked[group.start] == "@" and len(group.items) == 1
        else:
            assert masked[group.start] == "[" and masked[group.end - 1] == "]"
        assert group.items or group.malformed
        for item in group.items:
            assert item.key and item.key in masked[group.start : group.end]
        previous_end = group.end
    assert find_citations(masked) == groups
    blanked = blank_citation_markers(masked)
    assert len(blanked) == len(masked) and find_citations(blanked) == []


@FUZZ
@given(MARKDOWN)
def test_check_text_never_raises_and_locates_every_finding_inside_the_text(text):
    result = check_text(text, Located("fuzz.md"), BIB, OPTIONS)
    index = LineIndex.of(text)
    last_line, _ = index.position(len(text))
    for finding in result.findings:
        assert 1 <= finding.line <= finding.end_line <= last_line
        assert finding.column >= 1 and finding.end_column >= 1
        assert finding.path == "fuzz.md"
    again = check_text(text, Located("fuzz.md"), BIB, OPTIONS)
    assert again.findings == result.findings and again.statistics == result.statistics


@FUZZ
@given(MARKDOWN, st.integers(min_value=1, max_value=500), st.integers(min_value=1, max_value=80))
def test_check_text_offsets_follow_the_start_position(text, line, column):
    first = check_text(text, Located("a.md"), BIB, OPTIONS).findings
    moved = check_text(text, Located("a.md", line, column), BIB, OPTIONS).findings
    assert [(f.kind, f.text) for f in first] == [(f.kind, f.text) for f in moved]
    for a, b in zip(first, moved, strict=True):
        assert b.line == a.line + line - 1


# Openers that legitimately run to the end of the document when unclosed (CommonMark fences,
# HTML comments and raw blocks) are left out: everything after them is code, not prose.
NOISE = st.lists(st.sampled_from([s for s in SYNTAX + UNICODE + WORDS if s not in ("```", "~", "`", "<!--", "<pre>")]), max_size=60).map("".join)


@FUZZ
@given(NOISE)
def test_an_uncited_statistic_is_never_lost_in_noise(noise):
    # Noise in the paragraphs before cannot hide a statistic in the next one.
    text = noise + "\n\nAbout 23% of people walk.\n"
    kinds = [(f.kind, f.text) for f in check_text(text, Located("n.md"), BIB, OPTIONS).findings]
    assert any(kind == "uncited-statistic" and "23%" in found for kind, found in kinds), kinds


FIGURE_WORDS = st.sampled_from(["23%", "23.1%", "1 in 5", "one in five", "815", "7 RCTs", "p = 0.04", "p < 0.05", "half", "twice", "4.7 million", "٢٣٪", "２３％", "23\u00a0%", "-3", "1e309", "0.0000001", "9" * 40, "%", "in", "of", ";", " "])
FIGURE_TEXT = st.lists(FIGURE_WORDS | st.text(max_size=4), max_size=8).map(" ".join)


@FUZZ
@given(FIGURE_TEXT, st.lists(FIGURE_TEXT, max_size=4))
def test_matches_figure_never_raises_and_is_deterministic(statistic, figures):
    result = matches_figure(statistic, figures)
    assert isinstance(result, bool)
    assert matches_figure(statistic, figures) is result
    if result:
        assert matches_figure(statistic, [*figures, "unrelated 999999 things"])  # more figures never unmatch


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["@article{", "@misc(", "k1,", "k2,", "title = {", "}", "{", ",", "=", '"', "#", "\\", "%", "\n", "year = 2020", "@string{", "@comment{", "é", "\x00", "}}"]), max_size=40).map("".join))
def test_parse_bib_text_never_raises_and_locates_problems(text):
    parsed = parse_bib_text(text, "fuzz.bib")
    lines = text.count("\n") + 1
    for problem in parsed.problems:
        assert problem.path == "fuzz.bib" and 1 <= problem.line <= max(lines, 1)
