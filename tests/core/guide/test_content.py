"""Condition-guide content: schema errors located in plain words, prose located for the checker."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_evidence.core.guide.content import (
    CareLevel,
    ContentError,
    GuideLoad,
    load_guide,
    parse_guide,
    parse_treatment,
)

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures" / "content"
GUIDE_TEXT = (FIXTURES / "foot-drop" / "guide.yml").read_text(encoding="utf-8")
AFO_TEXT = (FIXTURES / "foot-drop" / "treatments" / "ankle-foot-orthosis.yml").read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def column_of(text: str, needle: str, on: str | None = None) -> int:
    """1-based column of ``needle`` on the first line containing ``on`` (default: ``needle``)."""
    line = text.split("\n")[line_of(text, on or needle) - 1]
    return line.index(needle) + 1


def make_folder(tmp_path: Path, guide_text: str = GUIDE_TEXT, treatments: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "content" / "foot-drop"
    (folder / "treatments").mkdir(parents=True)
    (folder / "guide.yml").write_text(guide_text, encoding="utf-8")
    for name, text in (treatments or {}).items():
        (folder / "treatments" / name).write_text(text, encoding="utf-8")
    return folder


def load_text(tmp_path: Path, guide_text: str) -> GuideLoad:
    return load_guide(make_folder(tmp_path, guide_text), tmp_path)


def only_error(result: GuideLoad) -> ContentError:
    assert len(result.errors) == 1, [str(e) for e in result.errors]
    return result.errors[0]


# ----------------------------------------------------------------------------- valid content


def test_fixture_guide_loads_without_errors():
    result = load_guide(FIXTURES / "foot-drop", FIXTURES)
    assert result.errors == []
    assert result.ok
    guide = result.guide
    assert guide.slug == "foot-drop"
    assert guide.review.last_reviewed == date(2026, 11, 1)
    assert guide.care[0].level is CareLevel.EMERGENCY
    assert [t.slug for t in result.treatments] == ["ankle-foot-orthosis", "physiotherapy"]
    assert guide.source_path == "foot-drop/guide.yml"


def test_models_are_frozen():
    guide, errors = parse_guide(GUIDE_TEXT)
    assert errors == []
    with pytest.raises(Exception):
        guide.title = "Other"  # type: ignore[misc]


# ----------------------------------------------------------------------------- schema errors


def test_missing_required_field_names_file_line_and_field(tmp_path):
    text = GUIDE_TEXT.replace("  funding: No external funding.\n", "")
    error = only_error(load_text(tmp_path, text))
    assert error.path == "content/foot-drop/guide.yml"
    assert error.field == "review.funding"
    assert error.line == line_of(text, "review:")
    assert "missing" in error.message
    assert str(error) == (
        f"content/foot-drop/guide.yml:{error.line}:1: review.funding: required field is missing"
    )


def test_missing_top_level_field_points_at_file_start(tmp_path):
    text = GUIDE_TEXT.replace("outlook: It depends on the cause.\n", "")
    error = only_error(load_text(tmp_path, text))
    # The root mapping starts at its first key, below the leading comments.
    assert (error.field, error.line, error.column) == ("outlook", line_of(text, "slug:"), 1)


def test_wrong_type_list_expected(tmp_path):
    text = GUIDE_TEXT.replace(
        "key_messages:\n  - Foot drop is a sign of a problem, not a disease in itself.\n"
        "  - 'Many causes can be treated; it''s worth getting checked.'\n",
        "key_messages: Just one message.\n",
    )
    error = only_error(load_text(tmp_path, text))
    assert error.field == "key_messages"
    assert error.line == line_of(text, "key_messages:")
    assert "expected a list" in error.message


def test_wrong_type_number_for_text_suggests_quotes(tmp_path):
    text = GUIDE_TEXT.replace('version: "1.0"', "version: 1.0")
    error = only_error(load_text(tmp_path, text))
    assert error.field == "review.history[0].version"
    assert error.line == line_of(text, "version: 1.0")
    assert error.column == column_of(text, "version:")
    assert "expected text" in error.message and "quotes" in error.message


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13-01", "next week", "20261101"])
def test_bad_date_is_a_located_error_not_a_crash(tmp_path, bad):
    text = GUIDE_TEXT.replace("last_reviewed: 2026-11-01", f"last_reviewed: {bad}")
    error = only_error(load_text(tmp_path, text))
    assert error.field == "review.last_reviewed"
    assert error.line == line_of(text, "last_reviewed:")
    assert error.column == 3
    assert bad in error.message and "not a valid date" in error.message
    assert str(error).startswith(f"content/foot-drop/guide.yml:{error.line}:3: review.last_reviewed: ")


def test_unknown_field_is_located_and_suggests_the_right_name(tmp_path):
    text = GUIDE_TEXT.replace("    action: Call 999 now.\n", "    action: Call 999 now.\n    colour: red\n")
    error = only_error(load_text(tmp_path, text))
    assert error.field == "care[0].colour"
    assert error.line == line_of(text, "colour: red")
    assert error.column == 5
    assert "unknown field 'colour'" in error.message
    assert "level, title, action, when" in error.message


def test_misspelt_field_gets_did_you_mean(tmp_path):
    text = GUIDE_TEXT.replace("outlook: It depends", "outlok: It depends")
    errors = load_text(tmp_path, text).errors
    misspelt = next(e for e in errors if e.field == "outlok")
    assert "did you mean 'outlook'" in misspelt.message
    assert misspelt.line == line_of(text, "outlok:")
    assert any(e.field == "outlook" and "missing" in e.message for e in errors)


def test_tabs_in_yaml_give_one_error_at_the_tab_line(tmp_path):
    text = GUIDE_TEXT.replace("  intro: A doctor will ask", "\tintro: A doctor will ask")
    error = only_error(load_text(tmp_path, text))
    assert error.line == line_of(text, "\tintro: A doctor")
    assert "tab" in error.message
    assert str(error).startswith(f"content/foot-drop/guide.yml:{error.line}:")


def test_unknown_care_level(tmp_path):
    text = GUIDE_TEXT.replace("  - level: urgent", "  - level: soon")
    error = only_error(load_text(tmp_path, text))
    assert error.field == "care[1].level"
    assert error.line == line_of(text, "level: soon")
    assert "'soon'" in error.message
    assert "'emergency', 'urgent' or 'non-urgent'" in error.message


def test_too_many_when_bullets(tmp_path):
    bullets = "".join(f"      - Sign {n}.\n" for n in range(6))
    text = GUIDE_TEXT.replace(
        "    when:\n      - Your foot suddenly becomes weak and your face droops.\n", f"    when:\n{bullets}"
    )
    error = only_error(load_text(tmp_path, text))
    assert error.field == "care[0].when"
    assert "at most 5" in error.message


def test_key_messages_need_two(tmp_path):
    text = GUIDE_TEXT.replace("  - 'Many causes can be treated; it''s worth getting checked.'\n", "")
    error = only_error(load_text(tmp_path, text))
    assert error.field == "key_messages"
    assert "at least 2" in error.message


def test_bad_slug_and_url(tmp_path):
    text = GUIDE_TEXT.replace("url: https://www.stroke.org.uk/", "url: javascript:alert(1)")
    error = only_error(load_text(tmp_path, text))
    assert error.field == "support[0].url"
    assert "https://" in error.message
    guide, errors = parse_guide(GUIDE_TEXT.replace("slug: foot-drop", "slug: Foot Drop"))
    assert guide is None and errors[0].field == "slug" and "slug" in errors[0].message


def test_blank_prose_is_an_error(tmp_path):
    text = GUIDE_TEXT.replace("outlook: It depends on the cause.", 'outlook: "  "')
    error = only_error(load_text(tmp_path, text))
    assert (error.field, error.message) == ("outlook", "must not be empty")


def test_empty_value_reads_as_empty(tmp_path):
    text = GUIDE_TEXT.replace("outlook: It depends on the cause.", "outlook:")
    error = only_error(load_text(tmp_path, text))
    assert error.field == "outlook" and "empty" in error.message


def test_duplicate_key_is_reported(tmp_path):
    text = GUIDE_TEXT.replace("title: Foot drop\n", "title: Foot drop\ntitle: Drop foot\n")
    error = only_error(load_text(tmp_path, text))
    assert error.field == "title"
    assert error.line == line_of(text, "title: Drop foot")
    assert "twice" in error.message


def test_slug_must_match_folder(tmp_path):
    folder = tmp_path / "content" / "drop-foot"
    folder.mkdir(parents=True)
    (folder / "guide.yml").write_text(GUIDE_TEXT, encoding="utf-8")
    error = only_error(load_guide(folder, tmp_path))
    assert error.field == "slug" and "folder" in error.message


# ----------------------------------------------------------------------------- never raises


def test_non_utf8_file(tmp_path):
    folder = make_folder(tmp_path)
    (folder / "guide.yml").write_bytes(b"slug: foot-drop\ntitle: Caf\xe9\n")
    error = only_error(load_guide(folder, tmp_path))
    assert (error.line, error.column) == (2, 11)
    assert "UTF-8" in error.message


def test_empty_file(tmp_path):
    error = only_error(load_text(tmp_path, ""))
    assert error.message == "the file is empty"


def test_file_that_is_a_list(tmp_path):
    error = only_error(load_text(tmp_path, "- a\n- b\n"))
    assert "group of" in error.message


def test_missing_guide_file(tmp_path):
    folder = tmp_path / "content" / "foot-drop"
    folder.mkdir(parents=True)
    result = load_guide(folder, tmp_path)
    assert result.guide is None
    assert only_error(result).path == "content/foot-drop/guide.yml"


def test_failing_treatment_does_not_stop_the_others(tmp_path):
    broken = AFO_TEXT.replace("slug: ankle-foot-orthosis", "slug: broken").replace("category: devices", "category: magic")
    folder = make_folder(
        tmp_path, treatments={"ankle-foot-orthosis.yml": AFO_TEXT, "broken.yml": broken, "bad-yaml.yml": "a: [\n"}
    )
    result = load_guide(folder, tmp_path)
    assert result.guide is not None
    assert [t.slug for t in result.treatments] == ["ankle-foot-orthosis"]
    by_path = {e.path: e for e in result.errors}
    assert set(by_path) == {"content/foot-drop/treatments/broken.yml", "content/foot-drop/treatments/bad-yaml.yml"}
    category = by_path["content/foot-drop/treatments/broken.yml"]
    assert category.field == "category" and "'magic'" in category.message
    assert category.line == line_of(broken, "category:")


def test_treatment_slug_must_match_file_name(tmp_path):
    folder = make_folder(tmp_path, treatments={"afo.yml": AFO_TEXT})
    error = only_error(load_guide(folder, tmp_path))
    assert error.field == "slug" and "afo.yml" in error.message


def test_python_tags_are_refused():
    guide, errors = parse_guide("!!python/object/apply:os.system ['echo hi']\n")
    assert guide is None and errors and errors[0].line == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}'\"|>#&*!%@`,?0123456789é")), max_size=80))
def test_parse_never_raises(text):
    guide, errors = parse_guide(text)
    _treatment, more = parse_treatment(text)
    assert guide is None or not errors or all(isinstance(e, ContentError) for e in errors)
    assert all(e.line >= 1 and e.column >= 1 for e in errors + more)


def test_content_error_as_finding():
    _, errors = parse_guide(GUIDE_TEXT.replace("level: urgent", "level: soon"), "content/x/guide.yml")
    finding = errors[0].to_finding()
    assert finding.kind == "content-error"
    assert finding.location == f"content/x/guide.yml:{errors[0].line}:{errors[0].column}"
    assert "care[1].level" in finding.message


# ----------------------------------------------------------------------------- prose locations


def prose_by_field(text: str = GUIDE_TEXT) -> dict:
    guide, errors = parse_guide(text, "content/foot-drop/guide.yml")
    assert errors == []
    return {p.field: p for p in guide.iter_prose()}


def test_plain_scalar_location():
    prose = prose_by_field()["causes.intro"]
    assert prose.text == "Foot drop has many causes."
    assert (prose.line, prose.column) == (line_of(GUIDE_TEXT, "intro: Foot drop has"), column_of(GUIDE_TEXT, "Foot drop has"))
    assert prose.path == "content/foot-drop/guide.yml"


def test_double_quoted_scalar_starts_after_the_quote():
    prose = prose_by_field()["summary"]
    assert (prose.line, prose.column) == (line_of(GUIDE_TEXT, "summary:"), column_of(GUIDE_TEXT, "Foot drop makes"))
    offset = prose.text.index("[@stewart2008]")
    assert prose.position(offset) == (prose.line, column_of(GUIDE_TEXT, "[@stewart2008]."))


def test_single_quoted_list_item_location():
    prose = prose_by_field()["key_messages[1]"]
    assert prose.text.startswith("Many causes")
    assert (prose.line, prose.column) == (line_of(GUIDE_TEXT, "Many causes"), column_of(GUIDE_TEXT, "Many causes"))


def test_plain_list_item_location():
    prose = prose_by_field()["symptoms.items[0]"]
    assert (prose.line, prose.column) == (line_of(GUIDE_TEXT, "- Dragging"), column_of(GUIDE_TEXT, "Dragging"))


def test_literal_block_scalar_starts_on_first_content_line():
    prose = prose_by_field()["what_it_is"]
    first = line_of(GUIDE_TEXT, "Foot drop means you cannot")
    assert first == line_of(GUIDE_TEXT, "what_it_is: |") + 1
    assert (prose.line, prose.column) == (first, 3)
    # Every offset maps exactly in a literal block, also after the blank line.
    offset = prose.text.index("affect")
    assert prose.position(offset) == (line_of(GUIDE_TEXT, "It can affect"), column_of(GUIDE_TEXT, "affect"))


def test_folded_block_scalar_maps_each_source_line():
    prose = prose_by_field()["symptoms.intro"]
    assert prose.text == "People with foot drop often catch their toes when walking.\n"
    assert (prose.line, prose.column) == (line_of(GUIDE_TEXT, "People with foot drop often"), 5)
    offset = prose.text.index("toes")
    assert prose.position(offset) == (line_of(GUIDE_TEXT, "catch their toes"), column_of(GUIDE_TEXT, "toes"))


def test_multiline_plain_scalar_and_leading_blank_lines():
    text = GUIDE_TEXT.replace(
        "outlook: It depends on the cause.", "outlook: It depends\n  on the cause.\nwithout_treatment_x: 1"
    ).replace("without_treatment_x: 1\n", "")
    text = text.replace("without_treatment: Some people get better on their own.",
                        "without_treatment: |\n\n  Some people get better.")
    prose = prose_by_field(text)
    outlook = prose["outlook"]
    assert outlook.text == "It depends on the cause."
    assert outlook.position(outlook.text.index("cause")) == (line_of(text, "on the cause"), column_of(text, "cause", on="on the cause"))
    without = prose["without_treatment"]
    assert without.text == "\nSome people get better.\n"
    assert (without.line, without.column) == (line_of(text, "Some people get better."), 3)
    assert without.position(without.text.index("better")) == (line_of(text, "Some people get better."), column_of(text, "better", on="Some people get better."))


def test_iter_prose_covers_markdown_fields_and_plain_text_that_reaches_a_page():
    """Issue 17: plain fields (titles, actions, names) are shown on pages, so they are checked
    too, as plain text (markup "plain": no citations can render in them)."""
    fields = prose_by_field()
    assert {"summary", "key_messages[0]", "care[0].when[0]", "glossary[0].definition", "support[0].description"} <= set(fields)
    assert {fields[name].markup for name in ("summary", "care[0].when[0]")} == {"yaml"}
    assert {fields[name].markup for name in ("title", "care[0].title", "care[0].action", "review.funding")} == {"plain"}
    assert not {"slug", "review.last_reviewed", "care[0].level"} & set(fields)


def test_treatment_prose_ratings_and_citation_keys():
    result = load_guide(FIXTURES / "foot-drop", FIXTURES)
    path = "foot-drop/treatments/ankle-foot-orthosis.yml"
    statement = next(p for p in result.iter_prose() if p.path == path and p.field == "benefits[0].statement")
    assert (statement.line, statement.column) == (line_of(AFO_TEXT, "People walked"), 7)

    ratings = list(result.iter_ratings())
    assert [(r.outcome, r.level, r.upgrade) for r in ratings] == [
        ("walking speed after stroke", "moderate", ()),
        ("balance", "low", ("large-effect",)),
    ]
    first = ratings[0]
    assert (first.path, first.line, first.column, first.field) == (path, line_of(AFO_TEXT, "rating: moderate"), 5, "benefits[0].rating")
    assert first.citations == ("prenton2016", "daryabor2018")
    assert first.treatment == "Ankle-foot orthoses (AFOs) and braces"
    assert ratings[1].upgrade_note == "The effect was large."

    keys = list(result.iter_citation_keys())
    assert [(k.key, k.line, k.column) for k in keys] == [
        ("prenton2016", line_of(AFO_TEXT, "citations: [prenton2016"), column_of(AFO_TEXT, "prenton2016, ")),
        ("daryabor2018", line_of(AFO_TEXT, "citations: [prenton2016"), column_of(AFO_TEXT, "daryabor2018]")),
        ("daryabor2018", line_of(AFO_TEXT, "      - daryabor2018"), 9),
    ]


def test_crlf_line_endings_keep_lines():
    guide, errors = parse_guide(GUIDE_TEXT.replace("\n", "\r\n"))
    assert errors == []
    prose = {p.field: p for p in guide.iter_prose()}
    assert prose["causes.intro"].line == line_of(GUIDE_TEXT, "intro: Foot drop has")


def test_every_word_of_every_prose_field_maps_back_to_the_file():
    result = load_guide(FIXTURES / "foot-drop", FIXTURES)
    import re

    for prose in result.iter_prose():
        lines = (FIXTURES / prose.path).read_text(encoding="utf-8").split("\n")
        for word in re.finditer(r"[^\s']+", prose.text):
            line, column = prose.position(word.start())
            assert lines[line - 1][column - 1 : column - 1 + len(word.group())] == word.group(), (prose.field, word)


REPO_CONTENT = Path(__file__).resolve().parents[3] / "content"


@pytest.mark.skipif(not REPO_CONTENT.is_dir(), reason="no content/ in this checkout")
def test_repository_content_validates():
    for folder in sorted(p for p in REPO_CONTENT.iterdir() if p.is_dir()):
        result = load_guide(folder, REPO_CONTENT.parent)
        assert [str(e) for e in result.errors] == []


def test_double_quoted_escapes_keep_later_columns_exact():
    text = GUIDE_TEXT.replace(
        'summary: "Foot drop makes it hard to lift the front of the foot [@stewart2008]."',
        'summary: "Caf\\u00e9 \\"quoted\\" word,\n  then more [@stewart2008]."',
    )
    prose = prose_by_field(text)["summary"]
    assert prose.text == 'Café "quoted" word, then more [@stewart2008].'
    summary_line = line_of(text, "summary:")
    assert prose.position(prose.text.index("word")) == (summary_line, column_of(text, "word", on="summary:"))
    assert prose.position(prose.text.index("[@")) == (summary_line + 1, column_of(text, "[@stewart2008].\"", on="then more"))
