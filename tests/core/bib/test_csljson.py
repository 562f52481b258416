"""CSL-JSON bibliographies (Zotero / Better BibTeX exports) read like .bib files.

Every entry here and in tests/fixtures/csljson/ is fictional TEST DATA (titles say so), never
a real publication: only the file layout is Zotero's.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mkdocs_evidence.core.bib.bibliography import BibliographyCache
from mkdocs_evidence.core.bib.csljson import csl_to_entry, entry_to_csl, parse_csl_json_text

ZOTERO = Path(__file__).resolve().parents[2] / "fixtures" / "csljson" / "zotero-export.json"


def load(folder: Path):
    return BibliographyCache().load([folder], folder)


def test_a_zotero_export_gives_references_with_our_fields_from_note_and_custom(tmp_path):
    shutil.copy(ZOTERO, tmp_path / "library.json")
    bib = load(tmp_path)
    assert bib.problems == ()
    trial = bib.references["testtrial2021"]
    assert trial.design == "rct" and trial.figures == ("120 participants", "31% walked faster")
    assert trial.pmid == "99999991" and trial.doi == "10.5555/test.0001" and trial.year == 2021
    assert trial.authors == ("Testwriter, Alex", "Fixture, Sam", "Example, Kim")
    assert trial.fields["abstract"].startswith("Fictional abstract")
    assert trial.line == ZOTERO.read_text().splitlines().index('\t\t"id": "testtrial2021",') + 1
    guideline = bib.references["testguideline2023"]  # Zotero's own id, the key in "citation-key"
    assert guideline.design == "guideline" and guideline.authors == ("Test Health Organisation",)
    assert guideline.url == "https://example.org/test-guideline"


def test_a_key_in_a_bib_and_a_json_file_is_the_usual_duplicate_key_error(tmp_path):
    shutil.copy(ZOTERO, tmp_path / "b-library.json")
    (tmp_path / "a.bib").write_text("@article{testtrial2021, title={TEST DATA twin}, year={2020}}\n")
    bib = load(tmp_path)
    [problem] = [p for p in bib.problems if "duplicate" in p.message]
    assert problem.path == "b-library.json" and problem.line == 3
    assert problem.message == "duplicate key 'testtrial2021': also defined at a.bib:1"
    assert bib.references["testtrial2021"].path == "a.bib"


def test_broken_json_and_items_without_an_id_are_located_findings():
    broken = parse_csl_json_text('[\n  {"id": "a",\n  "title": }\n]\n', "lib.json")
    assert broken.references == {} and broken.problems[0].line == 3
    assert "not valid CSL-JSON" in broken.problems[0].message
    missing = parse_csl_json_text('[{"title": "TEST DATA no id"}, {"id": "b", "title": "TEST DATA"}]', "lib.json")
    assert list(missing.references) == ["b"] and 'has no "id"' in missing.problems[0].message
    assert "a list of items" in parse_csl_json_text('{"id": "a"}', "lib.json").problems[0].message
    duplicate = parse_csl_json_text('[{"id": "a"},\n{"id": "a"}]', "lib.json")
    assert duplicate.problems[0].message == "duplicate key 'a' (first defined at line 1)"


def test_items_convert_to_pybtex_entries_and_back():
    item = json.loads(ZOTERO.read_text())[0]
    entry = csl_to_entry(item)
    assert entry.type == "article" and entry.fields["journal"] == "Journal of Test Fixtures"
    assert entry.fields["pmid"] == "99999991" and str(entry.persons["author"][0]) == "Testwriter, Alex"
    back = entry_to_csl("testtrial2021", entry)
    assert back["container-title"] == item["container-title"] and back["issued"] == {"date-parts": [[2021]]}
    assert back["author"][1] == {"family": "Fixture", "given": "Sam"} and back["page"] == "101-109"


def test_latex_characters_in_json_survive_the_default_style(tmp_path):
    item = {"id": "t", "type": "article-journal", "title": "TEST DATA: 50% & more_x #1"}
    item["author"] = [{"family": "Test", "given": "A"}]
    (tmp_path / "lib.json").write_text(json.dumps([item]))
    from mkdocs_evidence.rendering import ReferenceFormatter

    bib = load(tmp_path)
    assert "TEST DATA: 50% &amp; more_x #1" in ReferenceFormatter().format("t", bib.entries).html


def test_better_bibtex_tex_fields_in_extra_are_read_too():
    text = json.dumps([{"id": "t", "title": "TEST DATA", "note": "tex.design: cohort\ntex.figures: 12 people; 3 sites"}])
    reference = parse_csl_json_text(text, "lib.json").references["t"]
    assert reference.design == "cohort" and reference.figures == ("12 people", "3 sites")
