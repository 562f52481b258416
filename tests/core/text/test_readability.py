"""Reading level: markup must not distort the score."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from mkdocs_evidence.core.text.readability import _WORD, Readability, reading_level, strip_markdown, syllable_count

PLAIN = "Foot drop makes it hard to lift your foot. It can make you trip. A brace can help you walk."


def test_plain_text_scores():
    result = reading_level(PLAIN)
    assert isinstance(result, Readability)
    assert result.words == 20
    assert result.sentences == 3
    assert result.fk_grade < 6
    assert result.smog > 0


def test_markup_does_not_change_the_score():
    marked = (
        "---\ntitle: Foot drop\n---\n"
        "Foot drop makes it hard to lift your **foot** [@stewart2008; see @aprile2009, p. 3].\n"
        "It can make you [trip](https://www.nhs.uk/conditions/foot-drop/).\n"
        "A brace can help you <em>walk</em>.\n"
        "{rating: moderate up: large-effect | ankle-foot orthosis -> walking speed | @prenton2016; @other}\n\n"
        "```python\nextraordinarily_complicated_identifier = incomprehensibility()\n```\n\n"
        "<!-- evidence:comparison -->\n"
    )
    assert strip_markdown(marked) == PLAIN
    assert reading_level(marked) == reading_level(PLAIN)


def test_code_urls_and_tags_are_not_words():
    text = strip_markdown("See `incomprehensibility_configuration` at https://example.org/long/url or <b>here</b>.")
    assert text == "See at or here."


def test_headings_and_list_items_are_sentences():
    text = strip_markdown("# Symptoms\n\n- Dragging the toes\n- Lifting the knee higher\n\n| Name | Use |\n|---|---|\n| AFO | walking |\n")
    assert text.split("\n") == ["Symptoms.", "Dragging the toes.", "Lifting the knee higher.", "Name. Use.", "AFO. walking."]


def test_admonition_title_is_kept_as_a_sentence():
    text = strip_markdown('!!! danger "Call 999 if"\n    - Your face droops\n\n    **Call now.**\n')
    assert text.split("\n") == ["Call 999 if.", "Your face droops.", "Call now."]


def test_wrapped_paragraph_is_one_sentence():
    assert strip_markdown("A long sentence that\nwraps over two lines") == "A long sentence that wraps over two lines."


def test_empty_and_markup_only_texts():
    assert reading_level("") == Readability(0.0, 0.0, 0, 0)
    assert reading_level("```\ncode\n```\n[@key]").words == 0


def test_smog_needs_three_sentences():
    assert reading_level("One short sentence here. Another short one.").smog == 0.0


def test_pure_and_deterministic():
    assert reading_level(PLAIN) == reading_level(PLAIN)


def test_glossary_abbreviation_definitions_are_not_read_as_text():
    page = "Foot drop makes it hard to lift your foot. A brace can help you walk."
    with_terms = page + "\n\n*[brace]: A support worn on the leg that holds the foot up at a safe angle when walking."
    assert reading_level(with_terms) == reading_level(page)


def _words_of_the_project() -> set[str]:
    root = Path(__file__).resolve().parents[3]
    files = [*root.joinpath("content").rglob("*.yml"), *root.joinpath("docs").rglob("*.md"), root / "tests" / "corpus" / "statistics.yml"]
    return {word.lower() for path in files for word in _WORD.findall(path.read_text(encoding="utf-8"))}


TRICKY = {"don't", "it's", "o'neill", "rock'n'roll", "well-known", "’tis", "x-ray", "covid-19", "mother-in-law", "'quoted'", "café", "naïve", "1990s", "2,000", "", "--"}


def test_syllable_count_is_textstats_word_for_word():
    """Our loader of the CMU dictionary is five times faster than textstat's; the counts must
    not change, or every reading grade would."""
    import textstat

    words = _words_of_the_project() | TRICKY
    assert len(words) > 2000
    differ = [(w, syllable_count(w), textstat.syllable_count(w)) for w in sorted(words) if syllable_count(w) != textstat.syllable_count(w)]
    assert differ == []


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzé'’- ", max_size=30))
def test_syllable_count_matches_textstat_on_any_letters(text):
    import textstat

    assert syllable_count(text) == textstat.syllable_count(text)
