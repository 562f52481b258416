"""A reference links back to where it was first cited."""

from __future__ import annotations

import re

PAGE = """\
# Braces

A review compared braces and stimulation [@prenton2016].
Walking speed was similar with both [@prenton2016; @aprile2005].
"""


def test_each_reference_links_back_to_its_first_citation(make_site, build_site):
    site = make_site({"index.md": PAGE})
    build_site(site)
    html = site.page("index.html")
    assert html.count('id="cite-prenton2016"') == 1 and html.count('id="cite-aprile2005"') == 1
    first = html.index('id="cite-prenton2016"')
    assert first < html.index("Walking speed")  # the first of the two citations
    for key in ("prenton2016", "aprile2005"):
        item = re.search(rf'<li id="ref-{key}".*?</li>', html, re.DOTALL)
        assert item and f'href="#cite-{key}"' in item.group(0) and "Back to where reference" in item.group(0)
