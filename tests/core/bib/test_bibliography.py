"""Loading .bib files: decoded fields, located errors, duplicate keys, and the caches."""

from pathlib import Path

import pytest
from mkdocs_evidence.core.bib.bibliography import BibliographyCache, parse_bib_text

GOOD = r"""@article{a2020,
  author = {M{\"u}ller, Anna and Smith, B.},
  title = {A {RCT} of braces},
  journal = {J Test}, year = {2020},
  doi = {https://doi.org/10.1000/xyz}, url = {javascript:alert(1)},
  design = {rct}, figures = {23.1\% improved; 815 participants}
}
"""


def test_fields_are_decoded_and_links_sanitised():
    bib = parse_bib_text(GOOD, "refs.bib")
    ref = bib.references["a2020"]
    assert ref.figures == ("23.1% improved", "815 participants")
    assert ref.title == "A RCT of braces" and ref.authors[0].startswith("Müller")
    assert ref.doi == "10.1000/xyz" and ref.url is None  # javascript: is never kept
    assert ref.design == "rct" and ref.year == 2020 and ref.line == 1
    assert not bib.problems


def test_syntax_error_is_located_and_never_raises():
    bib = parse_bib_text(GOOD + "\n@article{bad, title = {unclosed, year = 2000\n", "refs.bib")
    assert any(p.kind == "bibliography-error" and p.line >= 9 for p in bib.problems)


def test_duplicate_key_in_one_file_names_both_lines():
    bib = parse_bib_text("@article{k, title={A}}\n@article{k, title={B}}\n", "refs.bib")
    messages = [p.message for p in bib.problems]
    assert any("duplicate key 'k'" in m and "line 1" in m for m in messages)


def test_duplicate_key_across_files(tmp_path: Path):
    (tmp_path / "a.bib").write_text("@article{k, title={A}}\n")
    (tmp_path / "b.bib").write_text("\n\n@article{k, title={B}}\n")
    bib = BibliographyCache().load([tmp_path], tmp_path)
    [problem] = [p for p in bib.problems if "duplicate" in p.message]
    assert problem.path == "b.bib" and problem.line == 3 and "a.bib:1" in problem.message


def test_non_utf8_files_are_reported_and_an_empty_one_is_not(tmp_path: Path):
    """An empty .bib is a new site's first state (issue 17): not a finding."""
    (tmp_path / "latin1.bib").write_bytes(b"@article{k, title={Caf\xe9}}\n")
    (tmp_path / "empty.bib").write_text("")
    bib = BibliographyCache().load([tmp_path], tmp_path)
    messages = {p.path: p.message for p in bib.problems}
    assert "UTF-8" in messages["latin1.bib"] and "empty.bib" not in messages
    assert "k" in bib.references  # the rest of the file is still read


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A one-entry .bib; its cache goes to ``tmp_path / "cache"``."""
    path = tmp_path / "refs.bib"
    path.write_text(GOOD)
    return path


def test_memory_and_disk_cache(tmp_path: Path, source: Path):
    cache_dir = tmp_path / "cache"
    first = BibliographyCache(cache_dir)
    first.load([source], tmp_path)
    first.load([source], tmp_path)
    assert first.parsed == 1  # warm rebuild: no re-parse
    second = BibliographyCache(cache_dir)
    assert "a2020" in second.load([source], tmp_path).references
    assert second.parsed == 0  # another process: read from disk
    for stale in cache_dir.iterdir():
        stale.write_bytes(b"corrupt")
    third = BibliographyCache(cache_dir)
    assert "a2020" in third.load([source], tmp_path).references and third.parsed == 1


def test_an_edited_bib_replaces_its_cache_file_and_its_old_version_in_memory(tmp_path: Path, source: Path):
    cache_dir = tmp_path / "cache"
    cache = BibliographyCache(cache_dir)
    cache.load([source], tmp_path)
    for year in (2021, 2022, 2023):  # three saves while editing
        source.write_text(GOOD + f"\n@article{{x{year}, title = {{T}}, journal = {{J}}, year = {{{year}}}}}\n")
        assert f"x{year}" in cache.load([source], tmp_path).references
    assert len(list(cache_dir.glob("bib-*.json"))) == 1
    assert len(cache._memory) == 1
    fresh = BibliographyCache(cache_dir)
    assert "x2023" in fresh.load([source], tmp_path).references and fresh.parsed == 0


def test_a_fresh_clone_with_new_file_times_uses_the_cache_written_before(tmp_path: Path, source: Path):
    """CI restores `.cache` into a new checkout: same bytes, new times. No parse, same signature."""
    import os

    first = BibliographyCache(tmp_path / "cache").load([source], tmp_path)
    later = source.stat().st_mtime + 60
    os.utime(source, (later, later))
    clone = BibliographyCache(tmp_path / "cache")
    again = clone.load([source], tmp_path)
    assert clone.parsed == 0 and again.signature == first.signature
    source.write_text(GOOD.replace("A {RCT} of braces", "A {RCT} of splints"))
    edited = BibliographyCache(tmp_path / "cache")
    assert edited.load([source], tmp_path).signature != first.signature and edited.parsed == 1


def test_a_cold_load_keeps_the_entries_it_parsed_and_the_disk_keeps_only_plain_rows(tmp_path: Path, source: Path, monkeypatch):
    from mkdocs_evidence.core.bib import entries as module
    from mkdocs_evidence.core.io.diskcache import load_blob

    calls = []
    real = module._parse_entry
    monkeypatch.setattr(module, "_parse_entry", lambda key, text: calls.append(key) or real(key, text))
    cold = BibliographyCache(tmp_path / "cache").load([source], tmp_path)
    assert str(cold.entries["a2020"].fields["title"]) and calls == []  # parsed once, with its file
    ((_header, rows),) = [load_blob(p) for p in (tmp_path / "cache").glob("bib-*.json")]
    # rows of plain values and each entry's offsets: its text is read again from the .bib file
    assert b'"a2020"' in rows and b"@article" not in rows
    warm = BibliographyCache(tmp_path / "cache").load([source], tmp_path)
    assert str(warm.entries["a2020"].fields["title"]) == str(cold.entries["a2020"].fields["title"])
    assert calls == ["a2020"]  # another process parses a cited entry from its own text


def test_entries_are_parsed_lazily_from_their_own_text_and_macros_still_work(tmp_path: Path):
    (tmp_path / "a.bib").write_text(GOOD + "\n@article{b2021, title = {Second}, journal = {J}, year = {2021}}\n")
    (tmp_path / "m.bib").write_text('@string{jrm = "J Rehabil Med"}\n@article{m2019, title = {With a macro}, journal = jrm, year = 2019}\n')
    bib = BibliographyCache(tmp_path / "cache").load([tmp_path], tmp_path)
    assert set(bib.entries) == {"a2020", "b2021", "m2019"}
    assert str(bib.entries["b2021"].fields["title"]) == "Second"
    assert str(bib.entries["m2019"].fields["journal"]) == "J Rehabil Med"  # kept parsed: needs the macro
    assert bib.entries.signature("a2020") != bib.entries.signature("b2021")
