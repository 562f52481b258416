"""The fast BibTeX reader reads what pybtex reads, and leaves the rest to pybtex."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pybtex.errors
import pytest
from mkdocs_evidence.core.bib.bibtex_scan import scan_bibtex, to_data
from pybtex.database.input.bibtex import Parser

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))

import sitegen

# Our own entries for the corners of BibTeX syntax that the fast reader accepts.
PLAIN = r"""
Text before the first entry is a comment.
@Article{upper,
  Author = {M{\"u}ller, J{\"o}rg and van der Berg, Anna and {World Health Organization} and others},
  TITLE = "A title with {braces "inside"}",
  year = 2020, volume={12},
  pages = {1--10},
  note = {  spread
     over   lines  },
  empty = {},
}
@comment{ anything here is read on, as pybtex does }
@misc{trailing,,title={Two commas},}
@book{ spaced , editor = {Roe, Richard} , title = {Edited} }
"""

NOT_PLAIN = [
    "@string{j = {Journal}} @article{a, journal = j}",
    "@article{a, month = jan}",
    "@article{a, title = {A} # {B}}",
    "@article(a, title = {A})",
    "@article{a, title = {unbalanced}",
    "@article{a, title = {A}, title = {B}}",
    "@article{a, title = {A}}\n@article{A, title = {B}}",
    "@preamble{ {x} } @article{a, title={A}}",
    '@article{a, title = "stray } brace"}',
    "Write to me@example.org.\n@article{a, title={A}}",
]


def _pybtex(text: str):
    with pybtex.errors.capture():
        return Parser(encoding="utf-8").parse_string(text)


def _shape(data) -> list:
    return [
        (key, entry.type, entry.original_type, list(entry.fields.items()),
         [(role, [str(p) for p in people]) for role, people in entry.persons.items()])
        for key, entry in data.entries.items()
    ]


def _bibliographies() -> list[tuple[str, str]]:
    found = [(path.name, path.read_text("utf-8")) for path in sorted((ROOT / "citations").glob("*.bib"))]
    found += [(f"sitegen seed {seed}", sitegen.make_bib(random.Random(seed), 1500)[0]) for seed in (7, 11)]
    return [*found, ("plain corners", PLAIN)]


@pytest.mark.parametrize(("name", "text"), _bibliographies(), ids=[name for name, _ in _bibliographies()])
def test_the_fast_reader_equals_pybtex(name, text):
    scanned = scan_bibtex(text)
    assert scanned is not None, name
    assert _shape(to_data(scanned)) == _shape(_pybtex(text))


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_what_is_not_plain_bibtex_is_left_to_pybtex(text):
    assert scan_bibtex(text) is None
