"""The Markdown extension on its own: markers rendered, and each page's output kept by its text."""

from __future__ import annotations

import markdown
import pytest
from mkdocs_evidence.core.bib.bibliography import BibliographyCache
from mkdocs_evidence.core.io.diskcache import RecordStore
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


# -- citation styles, narrative citations, locators (issue 20) -----------------------------

STYLED = "Braces help [@prenton2016]. @aprile2005 found more [see @aprile2005, p. 3]. Year only [-@aprile2005].\n"


def visible(html: str) -> str:
    """The citation text a reader sees: no previews, no reference list, no tags."""
    import re

    html = re.sub(r'<span class="ev-cite__preview".*?</span></span>', "", html)
    html = re.sub(r"<section.*?</section>", "", html, flags=re.S)
    html = re.sub(r'<span class="ev-visually-hidden">Reference </span>', "", html)
    html = re.sub(r"<sup[^>]*>(.*?)</sup>", r"^\1", html)
    return re.sub(r"<[^>]+>", "", html).strip()


def styled(bibliography, style: str, text: str = STYLED) -> str:
    extension = EvidenceExtension(bibliography=bibliography, env=make_environment(), citation_style=style)
    return convert(text, extension)


def test_default_style_superscripts_plain_citations_and_puts_narrative_and_locators_on_the_line(bibliography):
    assert visible(styled(bibliography, "vancouver")) == (
        "Braces help^1. Aprile et al. [2] found more see [2], p. 3. Year only^2."
    )


def test_ama_is_numbered_with_superscripts_and_its_own_reference_format(bibliography):
    html = styled(bibliography, "ama")
    assert visible(html) == "Braces help^1. Aprile et al. [2] found more see [2], p. 3. Year only^2."
    assert "<i>Journal of Rehabilitation Medicine</i>. 2016;48(8):646-656." in html
    assert '<ol class="ev-references__list">' in html


def test_apa_is_author_date_with_an_alphabetical_unnumbered_list(bibliography):
    html = styled(bibliography, "apa")
    assert visible(html) == (
        "Braces help (Prenton et al., 2016). Aprile et al. (2005) found more (see Aprile et al., 2005, p. 3). Year only (2005)."
    )
    assert '<ul class="ev-references__list ev-references__list--author-date">' in html
    assert html.index('id="ref-aprile2005"') < html.index('id="ref-prenton2016"')  # alphabetical
    assert "Prenton, S., Hollands, K. L., &amp; Kenney, L. P. J. (2016)." in html


def test_nlm_numbers_go_in_the_styles_own_brackets(bibliography):
    assert visible(styled(bibliography, "nlm")).startswith("Braces help (1). Aprile et al. (2) found more see (2), p. 3.")


def test_a_local_csl_file_is_a_style(bibliography, tmp_path):
    house = tmp_path / "house.csl"
    house.write_text(HOUSE_CSL, encoding="utf-8")
    html = styled(bibliography, str(house))
    assert visible(html).startswith("Braces help [1]. Aprile et al. [2]")
    assert 'id="ref-prenton2016-text">Prenton S, Hollands KL, Kenney LPJ (2016). Functional' in html


def test_an_at_name_that_is_no_key_and_an_email_stay_as_written(bibliography):
    html = styled(bibliography, "vancouver", "Mail me@example.org or follow @someclinic.\n")
    assert visible(html) == "Mail me@example.org or follow @someclinic." and "ev-cite" not in html


def test_the_same_marker_in_two_styles_is_two_records(bibliography):
    pages = RecordStore()
    for style in ("vancouver", "apa"):
        convert(STYLED, EvidenceExtension(bibliography=bibliography, env=make_environment(), pages=pages, citation_style=style))
    assert len(pages.records) == 2


def test_a_bad_style_name_says_how_to_fix_it(bibliography):
    from mkdocs_evidence.csl_styles import CitationStyleError

    with pytest.raises(CitationStyleError, match="no CSL style named 'no-such-style'; use vancouver, ama, apa"):
        styled(bibliography, "no-such-style")


def test_any_python_markdown_host_configures_the_extension_by_name(make_site, monkeypatch):
    site = make_site({})
    monkeypatch.chdir(site.root)
    html = markdown.Markdown(
        extensions=["mkdocs_evidence.markdown_ext"],
        extension_configs={"mkdocs_evidence.markdown_ext": {"bibliography": ["citations"], "citation_style": "apa"}},
    ).convert("@aprile2005 found it.\n")
    assert visible(html) == "Aprile et al. (2005) found it."


HOUSE_CSL = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info>
    <title>Test house style (numbered, bracketed)</title>
    <id>http://example.org/styles/test-house</id>
    <category citation-format="numeric"/>
    <updated>2026-01-01T00:00:00+00:00</updated>
  </info>
  <citation>
    <layout prefix="[" suffix="]" delimiter=",">
      <text variable="citation-number"/>
    </layout>
  </citation>
  <bibliography>
    <layout suffix=".">
      <text variable="citation-number" suffix=". "/>
      <names variable="author" suffix=" ">
        <name initialize-with="" name-as-sort-order="all" sort-separator=" " delimiter=", "/>
      </names>
      <date variable="issued" prefix="(" suffix="). "><date-part name="year"/></date>
      <text variable="title" suffix=". "/>
      <text variable="container-title" font-style="italic"/>
    </layout>
  </bibliography>
</style>
"""


def test_csl_output_escapes_what_the_entry_says_and_links_only_safe_addresses(tmp_path):
    bib_text = (
        "@article{x, author={Test, A}, title={TEST DATA <script>alert(1)</script>}, journal={J}, year={2020},"
        " doi={10.5555/test.1}, url={javascript:alert(1)}}\n"
    )
    (tmp_path / "x.bib").write_text(bib_text)
    bibliography = BibliographyCache().load([tmp_path], tmp_path)
    for style in ("apa", "ama"):
        html = styled(bibliography, style, "See [@x].\n")
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert 'href="https://doi.org/10.5555/test.1"' in html and 'href="javascript' not in html
