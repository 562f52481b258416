"""The Vancouver style: the shortcut past latexcodec must never change a reference."""

from __future__ import annotations

from pathlib import Path

import pybtex.style.template as pybtex_template
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_evidence.core.bib import style
from mkdocs_evidence.core.bib.bibliography import BibliographyCache
from mkdocs_evidence.rendering import ReferenceFormatter
from pybtex.richtext import Text

ROOT = Path(__file__).resolve().parents[3]

LATEX_HEAVY = r"""
@article{accents2019,
  author = {M{\"u}ller, J{\"o}rg and {\'O} S{\'u}illeabh{\'a}in, Fionn and others},
  title = {Walking {AFO} trials -- a review of ``braces'' at 50\% and {\em more}},
  journal = {J~Rehabil Med}, year = {2019}, volume = {51}, number = {3}, pages = {10--20},
  doi = {10.1000/xyz}
}
@article{plain2020,
  author = {Smith, Anna and Jones, B. C.},
  title = {Ankle-foot orthoses after stroke: a randomised trial},
  journal = {Clinical Rehabilitation}, year = {2020}, volume = {34}, pages = {1-9}
}
"""


def _format_all(entries) -> list[tuple[str, str]]:
    formatter = ReferenceFormatter()
    return [(formatter._format(key, entries[key]).html, formatter._format(key, entries[key]).text) for key in entries]


def test_references_are_the_same_with_and_without_the_shortcut(tmp_path, monkeypatch):
    (tmp_path / "heavy.bib").write_text(LATEX_HEAVY, encoding="utf-8")
    bib = BibliographyCache().load([ROOT / "citations", tmp_path / "heavy.bib"], ROOT)
    assert len(bib.entries) > 60
    fast = _format_all(bib.entries)
    monkeypatch.setattr(style, "field", pybtex_template.field)  # pybtex's own node
    assert _format_all(bib.entries) == fast
    assert any("Müller" in html and "–" in html for html, _text in fast)


@settings(max_examples=500)
@given(st.text(max_size=40) | st.text(alphabet="ab '-,.%`~{}\\\n\t\u00a0é–", max_size=40))
def test_text_without_latex_reads_as_pybtex_decodes_it(value):
    if not style._LATEX_SPECIAL.search(value):
        assert repr(Text(value)) == repr(Text.from_latex(value))
