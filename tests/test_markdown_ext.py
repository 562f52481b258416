"""The Markdown extension on its own: markers rendered, and each page's output kept by its text."""

from __future__ import annotations

import markdown
import pytest

from mkdocs_evidence.core.bibliography import BibliographyCache
from mkdocs_evidence.core.diskcache import RecordStore
from mkdocs_evidence.markdown_ext import EvidenceExtension
from mkdocs_evidence.rendering import make_environment


@pytest.fixture
def bibliography(make_site):
    site = make_site({})  # writes the shared test bibliography
    return BibliographyCache().load([site.root / "citations"], site.root)


def convert(text: str, extension: EvidenceExtension) -> str:
    return markdown.Markdown(extensions=[extension]).convert(text)


def make_extension(bibliography, pages: RecordStore, key: object = "site") -> EvidenceExtension:
    return EvidenceExtension(bibliography=bibliography, env=make_environment(), pages=pages, output_key=lambda: key)


PAGE = "Braces help [@prenton2016]. Nerves heal [@aprile2005; @prenton2016].\n\n`[@aprile2005]` in code stays.\n"


def test_markers_are_numbered_and_listed(bibliography):
    html = convert(PAGE, make_extension(bibliography, RecordStore()))
    assert html.count('class="ev-cite__link"') == 3
    assert 'href="#ref-prenton2016"' in html and 'id="ref-aprile2005"' in html
    assert "<code>[@aprile2005]</code>" in html
    assert "Braces help<" in html  # the space before a superscript goes


def test_an_unchanged_page_is_rendered_once_and_comes_back_the_same(bibliography, tmp_path):
    pages = RecordStore(tmp_path / "markdown.json")
    html = convert(PAGE, make_extension(bibliography, pages))
    assert pages.changed and len(pages.records) == 1
    pages.save()
    reopened = RecordStore(tmp_path / "markdown.json")  # the next build, another process
    assert convert(PAGE, make_extension(bibliography, reopened)) == html
    assert not reopened.changed and reopened.used == set(reopened.records)


def test_what_the_output_depends_on_keys_the_record(bibliography):
    pages = RecordStore()
    convert(PAGE, make_extension(bibliography, pages, key=("how-we-rate/", "a")))
    convert(PAGE, make_extension(bibliography, pages, key=("../how-we-rate/", "a")))
    assert len(pages.records) == 2
    convert(PAGE + "More [@aprile2005].\n", make_extension(bibliography, pages, key=("../how-we-rate/", "a")))
    assert len(pages.records) == 3
    pages.save()
    pages.save()  # a build that used nothing keeps nothing
    assert pages.records == {}


def test_markers_that_cannot_render_stay_as_typed_beside_ones_that_do(bibliography):
    html = convert("Empty [@] then real [@prenton2016] and [@nosuchkey].\n", make_extension(bibliography, RecordStore()))
    assert "Empty [@] then real" in html
    assert 'href="#ref-prenton2016"' in html
    assert "[@nosuchkey]" in html  # shown as unresolved, still visible
