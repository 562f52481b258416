"""The direct formatter of the built-in style gives pybtex's output, character for character."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from mkdocs_evidence.core.bib.bibliography import parse_bib_text
from mkdocs_evidence.core.bib.vancouver import format_entry
from mkdocs_evidence.rendering import ReferenceFormatter, _sanitised

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))

import sitegen

# Our own test entries for the corners of pybtex's rich text: braces (protected text, nested,
# adjacent, unbalanced), markup characters, URLs, missing fields, "and others", long author
# lists, types the formatter leaves to pybtex.
CORNERS = r"""
@article{braces, author={Doe, Jane and {World Health Organization}}, title={{MRI} of the {ankle {joint}} and {A}{B} {}},
  journal={J {Foot} \& Ankle}, year={2020}, volume={3}, number={2}, pages={10--12}, doi={10.1000/x1}}
@article{unbalanced, author={Roe, R.}, title={An \{ open brace}, journal={J}, year={2021}}
@article{markup, author={Poe, E. A. and others}, title={Less <than> & "more" than 5\% done?}, journal={A & B}, year={2019}}
@article{notitle, author={Moe, M.}, journal={J}, year={2018}}
@article{many, author={A, A and B, B and C, C and D, D and E, E and F, F and G, G}, title={Seven authors!},
  journal={J}, year={2017}, volume={1}}
@misc{web, title={A page about braces}, howpublished={Online}, url={https://example.org/a?b=1&c="2"}, year={2022}}
@misc{webdoi, title={A page with a DOI}, url={https://example.org/x}, doi={10.1000/x2}, pmid={123}}
@book{book, author={Lee, Kim}, title={A book.}, publisher={Press \& Co}, year={2001}, pmid={4567}}
@inproceedings{conf, author={Ng, A.}, title={A talk}, booktitle={Proc. of {IEEE}}, year={2015}}
@booklet{leaflet, title={A leaflet}, year={2010}}
@article{yearonly, title={Only a year}, year={2011}, pages={5--9}}
@article{novolume, title={Year and pages}, journal={J}, year={2012}, pages={7}}
@article{endsbang, title={Ends with a question?}, journal={Really?}, year={2013}}
@article{accent, author={M{\"u}ller, J{\"o}rg and Garc{\'\i}a, Ana}, title={Caf{\'e} --- {\"U}ber {\em emphasis}}, journal={Gait \& Posture}, year={2014}}
"""


def _entries(text: str, name: str) -> dict:
    parsed = parse_bib_text(text, name)
    return {**{key: scanned.entry() for key, scanned in parsed.scanned.items()}, **parsed.parsed, **parsed.eager}


def _bibliographies() -> list[tuple[str, str]]:
    found = [(path.name, path.read_text("utf-8")) for path in sorted((ROOT / "citations").glob("*.bib"))]
    found += [(f"sitegen seed {seed}", sitegen.make_bib(random.Random(seed), 1500)[0]) for seed in (7, 11)]
    return [*found, ("corners", CORNERS)]


@pytest.mark.parametrize(("name", "text"), _bibliographies(), ids=[name for name, _ in _bibliographies()])
def test_the_direct_formatter_equals_pybtex_on_whole_bibliographies(name, text):
    formatter = ReferenceFormatter()
    entries = _entries(text, name)
    assert entries
    direct = 0
    for key, entry in entries.items():
        safe = _sanitised(entry)
        fast = format_entry(safe, key)
        if fast is None:
            continue
        direct += 1
        expected = formatter.format_with_pybtex(key, safe)
        assert fast == (expected.html, expected.text), key
    if name != "corners":
        assert direct == len(entries)  # real and synthetic entries never need pybtex


def test_what_the_formatter_leaves_to_pybtex():
    entries = _entries(CORNERS, "corners")
    left = {key for key, entry in entries.items() if format_entry(_sanitised(entry), key) is None}
    assert left == {"leaflet"}  # a type with no template here
    formatter = ReferenceFormatter()
    assert formatter._format("notitle", entries["notitle"]).text == "notitle"  # no title: the key shows
    assert formatter._format("leaflet", entries["leaflet"]).text == "A leaflet"  # pybtex: fails, the title shows
    html = formatter._format("braces", entries["braces"]).html
    assert '<span class="bibtex-protected">MRI</span>' in html and 'rel="noopener noreferrer"' in html
