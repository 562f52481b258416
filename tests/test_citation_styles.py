"""Real MkDocs builds: citation styles, narrative citations, the bibliography page and a
Zotero CSL-JSON export (issue 20). The CSL-JSON entries are fictional TEST DATA."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError
from test_markdown_ext import HOUSE_CSL, visible

ZOTERO = Path(__file__).parent / "fixtures" / "csljson" / "zotero-export.json"
PAGE = "# Nerves\n\n@aprile2005 studied 69 patients. Braces help [see @prenton2016, p. 650].\n"


def article(html: str) -> str:
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def test_apa_site_reads_author_date_and_a_narrative_citation_cites_its_statistic(make_site, build_site):
    site = make_site({"index.md": PAGE}, options={"citation_style": "apa"})
    build_site(site, strict=True)  # "69 patients" is cited by the narrative citation
    text = visible(article(site.page("index.html")))
    assert "Aprile et al. (2005) studied 69 patients. Braces help (see Prenton et al., 2016, p. 650)." in text
    html = site.page("index.html")
    assert 'class="ev-references__list ev-references__list--author-date"' in html
    assert html.index('id="ref-aprile2005"') < html.index('id="ref-prenton2016"')


def test_default_style_narrative_and_locator(make_site, build_site):
    site = make_site({"index.md": PAGE})
    build_site(site, strict=True)
    text = visible(article(site.page("index.html")))
    assert "Aprile et al. [1] studied 69 patients. Braces help see [2], p. 650." in text


def test_a_local_csl_file_next_to_mkdocs_yml(make_site, build_site):
    site = make_site({"index.md": PAGE}, options={"citation_style": "./house.csl"}, files={"house.csl": HOUSE_CSL})
    build_site(site)
    html = site.page("index.html")
    assert "Aprile et al. [1] studied" in visible(article(html))
    assert re.search(r'id="ref-aprile2005-text">Aprile I, Caliandro P, La Torre G \(2005\)\. Multicenter study', html)


def test_an_unknown_style_stops_the_build_with_one_clear_message(make_site, build_site, caplog):
    site = make_site({"index.md": PAGE}, options={"citation_style": "./missing.csl"})
    with pytest.raises((PluginError, Abort)):
        build_site(site)
    [message] = [r.getMessage() for r in caplog.records if "citation_style" in r.getMessage()]
    expected = r"evidence: citation_style: no style file at \S+/missing.csl; give the path of a .csl file relative to mkdocs.yml"
    assert re.fullmatch(expected, message)


def test_a_zotero_csl_json_export_is_a_bibliography_with_design_and_figures(make_site, build_site):
    page = (
        "# Braces\n\n@testtrial2021 found that 31% walked faster with a brace [@testguideline2023]. "
        "A brace probably helps walking speed.\n\n"  # GRADE's wording for moderate (overstated-claim)
        "{rating: moderate | ankle brace -> walking speed | @testtrial2021}\n"
    )
    site = make_site({"index.md": page})
    shutil.copy(ZOTERO, site.root / "citations" / "zotero.json")
    build_site(site, strict=True)  # the figure matches the item's figures (from its note field)
    html = site.page("index.html")
    assert "Testwriter A, Fixture S, Example K. TEST DATA" in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/99999991/"' in html
    # one name for a design, from scales.yml, in the reference list and in the badge
    assert '<span class="ev-references__design">(randomised trial)</span>' in html
    assert re.search(r"1 randomised trial\b", html.split('class="evidence-badge', 1)[1].split("</details>")[0])


def test_the_bibliography_page_lists_every_cited_entry_with_links_back(make_site, build_site):
    pages = {
        "index.md": "# Home\n\nBraces help [@prenton2016].\n",
        "causes/nerves.md": "# Nerves\n\n@aprile2005 looked at nerve palsy [@prenton2016].\n",
        "other.md": "# Other\n\nNo citation here.\n",
    }
    site = make_site(pages, options={"bibliography_page": "references.md"})
    build_site(site, strict=True)
    html = site.page("references/index.html")
    body = article(html)
    assert body.count('<li id="ref-') == 2 and "doe.2020" not in body  # cited entries only
    entries = dict(re.findall(r'<li id="ref-([^"]+)">(.*?)</li>', body, flags=re.S))
    assert re.findall(r'href="([^"]+)"', entries["prenton2016"].split("Cited on:")[1]) == [
        "../#ref-prenton2016",
        "../causes/nerves/#ref-prenton2016",
    ]
    cited_on = entries["aprile2005"].split("Cited on:")[1]
    assert re.findall(r'href="([^"]+)"', cited_on) == ["../causes/nerves/#ref-aprile2005"]
    assert ">Nerves</a>" in entries["aprile2005"] and 'id="ref-aprile2005"' in site.page("causes/nerves/index.html")
    assert "References" in html.split("<title>")[1]


def test_a_warm_build_in_a_csl_style_formats_nothing_again(make_site, build_site):
    site = make_site({"index.md": PAGE}, options={"citation_style": "ama", "cache": True})
    build_site(site)
    cache = site.root / ".cache" / "plugin" / "evidence" / "references.json"
    first = cache.stat().st_mtime_ns
    build_site(site)
    assert cache.stat().st_mtime_ns == first  # written only when something was formatted
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("citation_style: ama", "citation_style: apa"))
    build_site(site)
    assert "(see Prenton et al., 2016, p. 650)" in visible(article(site.page("index.html")))


HARD_KEYS_BIB = """
@article{müller2019, author={Müller, Test}, title={TEST DATA: a fictional cohort}, journal={J Test},
  year={2019}, design={cohort}}
@misc{who#2021, author={{Test Health Organisation}}, title={TEST DATA: a fictional guideline},
  year={2021}, design={guideline}}
@misc{nice:ng123/x, author={{Test Institute}}, title={TEST DATA: another fictional guideline},
  year={2022}, design={guideline}}
"""


def test_hard_keys_link_to_the_same_anchor_from_prose_narrative_and_rating_markers(make_site, build_site):
    page = (
        "# Keys\n\nOne [@müller2019]. Two [@who#2021; @nice:ng123/x]. @nice:ng123/x says so.\n\n"
        "{rating: low | a test treatment -> a test outcome | @müller2019; @who#2021; @nice:ng123/x}\n"
    )
    site = make_site({"index.md": page}, bib=HARD_KEYS_BIB)
    build_site(site)
    html = article(site.page("index.html"))
    ids = set(re.findall(r'<li id="([^"]+)"', html))
    assert ids == {"ref-müller2019", "ref-who-2021", "ref-nice-ng123-x"}
    links = re.findall(r'href="#([^"]+)"', html)
    # each reference also links back to its first citation, whose id it names
    backs = [link for link in links if link.startswith("cite-")]
    assert backs and all(f'id="{link}"' in html for link in backs)
    links = [link for link in links if not link.startswith("cite-")]
    badge = html.split('class="evidence-badge', 1)[1].split("</details>")[0]
    assert set(re.findall(r'href="#([^"]+)"', badge)) == ids  # the badge links to the list
    assert set(links) == ids  # and so does every citation, bracketed or narrative
    assert "Test Institute [3] says so." in visible(html)
