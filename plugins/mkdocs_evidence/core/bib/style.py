"""A Vancouver-like pybtex formatting style, the way medical readers expect references.

Authors as "Surname Initials" (up to six, then "et al."), the title as written (no sentence
casing: "ICS in asthma" stays), journal, ``year;volume(issue):pages``, then DOI and PMID links.
Registered as the pybtex plugin ``vancouver``.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from pybtex.richtext import Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.template import FieldIsMissing, first_of, href, join, node, optional, sentence, words

MAX_AUTHORS = 6

# What latexcodec would change in a field: markup, comments, ligatures ("--", "''", ",,"),
# and whitespace it collapses or strips. A value with none of these reads the same as text.
_LATEX_SPECIAL = re.compile(r"[\\{}~%`]|--|''|,,|\s\s|^\s|[^\S ]")

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_PMID = re.compile(r"^\d{1,9}$")
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def safe_doi(value: str | None) -> str | None:
    """A DOI we are willing to link, or None (no ``javascript:`` can hide in a DOI field)."""
    if not value:
        return None
    value = value.strip()
    value = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", value, flags=re.IGNORECASE)
    return value if _DOI.match(value) else None


def safe_pmid(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    return value if _PMID.match(value) else None


def safe_url(value: str | None) -> str | None:
    """Only http and https URLs are linked; anything else (``javascript:``, ``data:``) is dropped."""
    if not value:
        return None
    value = value.strip()
    return value if _SAFE_URL.match(value) else None


@node
def field(children, context, name, apply_func=None, raw=False):
    """pybtex's ``field`` node, with one shortcut: pybtex decodes every field with latexcodec
    (the costliest step of formatting a reference, more than half of it); a value without
    LaTeX in it becomes the same ``Text`` directly (tested against pybtex on random text)."""
    if children:
        raise ValueError(children)
    entry = context["entry"]
    try:
        value = entry._find_field(name, bib_data=context.get("bib_data"))
    except KeyError:
        raise FieldIsMissing(name, entry) from None
    if not raw:
        value = Text(value) if not _LATEX_SPECIAL.search(value) else Text.from_latex(value)
    return apply_func(value) if apply_func else value


def decode_latex(value: str) -> str:
    """LaTeX accents and escapes to Unicode with latexcodec, a pybtex dependency. Imported on
    first use: a warm build decodes nothing. Raises on LaTeX it cannot decode."""
    import latexcodec  # noqa: F401 - registers the 'ulatex' codec

    return str(codecs.decode(value, "ulatex"))  # type: ignore[call-overload]


@lru_cache(maxsize=16384)
def _latex_to_text(value: str) -> str:
    """Decode LaTeX in a name (``M{\\"u}ller``). pybtex's ``render_as`` looks its backend up
    through entry points on every call (about 7 ms); latexcodec does the same job directly.
    Kept by value: the same names recur across a bibliography, and latexcodec is slow."""
    if "\\" in value:
        try:
            value = decode_latex(value)
        except Exception:  # undecodable LaTeX is shown as written
            pass
    return value.replace("{", "").replace("}", "")


def _initials(person) -> str:
    parts = [*person.first_names, *person.middle_names]
    letters = []
    for part in parts:
        for piece in re.split(r"[-\s]+", _latex_to_text(part)):
            piece = piece.strip(".{}")
            if piece:
                letters.append(piece[0].upper())
    return "".join(letters)


def _surname(person) -> str:
    words_ = [*person.prelast_names, *person.last_names]
    surname = " ".join(_latex_to_text(word) for word in words_)
    suffix = " ".join(_latex_to_text(word) for word in person.lineage_names)
    return f"{surname} {suffix}".strip() if suffix else surname


@node
def vancouver_names(children, context, role):
    """Authors as "Surname AB, Surname C, et al." (six at most, ICMJE/NLM practice)."""
    assert not children
    persons = context["entry"].persons.get(role)
    if not persons:
        raise KeyError(role)
    return Text(author_list(persons))


def author_list(persons) -> str:
    """"Surname AB, Surname C, et al.": six names at most, "others" read as "et al"."""
    names_ = [f"{_surname(p)} {_initials(p)}".strip() for p in persons]
    others = any(str(p) == "others" or _surname(p) == "others" for p in persons)
    names_ = [n for n, p in zip(names_, persons, strict=True) if _surname(p) != "others"]
    if len(names_) > MAX_AUTHORS:
        names_, others = names_[:MAX_AUTHORS], True
    text = ", ".join(names_)
    return text + ", et al" if others else text


class VancouverStyle(UnsrtStyle):
    """Vancouver-like references for patient-facing pages (NLM/ICMJE order of elements)."""

    default_sorting_style = "none"

    def format_names(self, role, as_sentence=True):
        names_node = vancouver_names(role)
        return sentence[names_node] if as_sentence else names_node

    def format_title(self, e, which_field, as_sentence=True):
        # Keep the author's capitalisation: medical titles are full of acronyms.
        title = field(which_field)
        return sentence[title] if as_sentence else title

    def _year_volume_pages(self):
        pages = field("pages", apply_func=lambda text: Text(str(text).replace("--", "-")))
        return first_of[
            optional[join[field("year"), ";", field("volume"), optional["(", field("number"), ")"], ":", pages]],
            optional[join[field("year"), ";", field("volume"), optional["(", field("number"), ")"]]],
            optional[join[field("year"), ":", pages]],
            optional[field("year")],
        ]

    def get_article_template(self, e):
        return toplevel[
            optional[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[optional[field("journal")], self._year_volume_pages()],
            self.format_web_refs(e),
        ]

    def get_book_template(self, e):
        return toplevel[
            optional[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[optional[field("publisher")], optional[field("year")]],
            self.format_web_refs(e),
        ]

    def get_misc_template(self, e):
        return toplevel[
            optional[self.format_names("author")],
            optional[self.format_title(e, "title")],
            sentence[optional[field("journal")], optional[field("howpublished")], optional[field("publisher")], optional[field("year")]],
            self.format_web_refs(e),
        ]

    # Every other entry type reads best in the same shape as a journal article or a web page.
    def get_inproceedings_template(self, e):
        return toplevel[
            optional[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[optional[join["In: ", field("booktitle")]], optional[field("year")]],
            self.format_web_refs(e),
        ]

    get_incollection_template = get_inproceedings_template
    get_techreport_template = get_misc_template
    get_online_template = get_misc_template
    get_manual_template = get_misc_template
    get_phdthesis_template = get_misc_template
    get_mastersthesis_template = get_misc_template
    get_unpublished_template = get_misc_template
    get_inbook_template = get_book_template

    def format_web_refs(self, e):
        return sentence(sep=". ")[
            optional[self.format_doi(e)],
            optional[self.format_pubmed(e)],
            optional[self.format_url_when_no_doi(e)],
        ]

    def format_doi(self, e):
        url = join["https://doi.org/", field("doi", raw=True)]
        return href(url)[join["doi:", field("doi", raw=True)]]

    def format_pubmed(self, e):
        url = join["https://pubmed.ncbi.nlm.nih.gov/", field("pmid", raw=True), "/"]
        return href(url)[join["PMID: ", field("pmid", raw=True)]]

    def format_url_when_no_doi(self, e):
        if "doi" in e.fields or "pmid" in e.fields:
            return words[""]
        url = field("url", raw=True)
        return words["Available from:", href(url)[url]]


__all__ = ["VancouverStyle", "safe_doi", "safe_pmid", "safe_url"]
