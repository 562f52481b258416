"""Publication records from Crossref and PubMed, and the clean BibTeX entry written from them.

Pure: parsing takes the response text (Crossref's ``/works/DOI`` JSON, E-utilities' ``efetch``
PubMed XML) and returns a :class:`PublicationRecord`; :func:`bibtex_entry` formats one. The
study design is inferred from PubMed's publication types, strongest first, and is marked as
inferred (``design_inferred = {yes}`` and a comment) for the editor to confirm.
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace

__all__ = [
    "PublicationRecord",
    "bibtex_entry",
    "citation_key",
    "infer_design",
    "merge",
    "parse_crossref",
    "parse_pubmed",
]

# PubMed publication type -> our design id, in the order they are tried (strongest claim first).
PUBLICATION_TYPES = (
    ("Meta-Analysis", "meta-analysis"),
    ("Systematic Review", "systematic-review"),
    ("Randomized Controlled Trial", "rct"),
    ("Practice Guideline", "guideline"),
    ("Guideline", "guideline"),
    ("Controlled Clinical Trial", "non-randomised-trial"),
    ("Clinical Trial", "non-randomised-trial"),
    ("Observational Study", "cohort"),
    ("Case Reports", "case-report"),
    ("Review", "narrative-review"),
)
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class PublicationRecord:
    """What the two services say about one publication."""

    title: str = ""
    authors: tuple[tuple[str, str], ...] = ()  # (family, given)
    journal: str = ""
    year: int | None = None
    volume: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    abstract: str = ""
    publication_types: tuple[str, ...] = ()


def _clean(text: str) -> str:
    return " ".join(_TAGS.sub(" ", text or "").split())


def parse_crossref(text: str) -> PublicationRecord:
    """A record from Crossref's ``/works/DOI`` response (``{"message": {...}}``)."""
    message = json.loads(text).get("message", {})
    issued = (message.get("issued") or message.get("published-print") or message.get("published-online") or {}).get(
        "date-parts"
    ) or [[None]]
    authors = tuple(
        (a.get("family", "").strip(), a.get("given", "").strip()) for a in message.get("author", []) if a.get("family")
    )
    return PublicationRecord(
        title=_clean((message.get("title") or [""])[0]),
        authors=authors,
        journal=_clean((message.get("container-title") or [""])[0]),
        year=issued[0][0] if issued and issued[0] else None,
        volume=str(message.get("volume", "")),
        pages=str(message.get("page", "")),
        doi=str(message.get("DOI", "")).lower(),
        abstract=_clean(re.sub(r"<jats:title>[^<]*</jats:title>", " ", message.get("abstract", ""))),
    )


def parse_pubmed(text: str) -> PublicationRecord:
    """A record from E-utilities ``efetch.fcgi?db=pubmed&retmode=xml`` (the first article)."""
    root = ET.fromstring(text)
    article = root.find(".//PubmedArticle")
    if article is None:
        raise ValueError("the PubMed response holds no PubmedArticle")
    citation = article.find("MedlineCitation")
    info = citation.find("Article") if citation is not None else None
    if citation is None or info is None:
        raise ValueError("the PubMed response holds no MedlineCitation/Article")

    def text_of(node, path: str) -> str:
        found = node.find(path) if node is not None else None
        return _clean("".join(found.itertext())) if found is not None else ""

    authors = tuple(
        (text_of(a, "LastName"), text_of(a, "ForeName"))
        for a in info.findall("AuthorList/Author")
        if a.find("LastName") is not None
    )
    parts = []
    for node in info.findall("Abstract/AbstractText"):
        label = node.get("Label")
        body = _clean("".join(node.itertext()))
        parts.append(f"{label.capitalize()}: {body}" if label else body)
    year = (
        text_of(info, "Journal/JournalIssue/PubDate/Year")
        or text_of(info, "Journal/JournalIssue/PubDate/MedlineDate")[:4]
    )
    doi = next(
        (
            _clean(i.text or "")
            for i in article.findall("PubmedData/ArticleIdList/ArticleId")
            if i.get("IdType") == "doi"
        ),
        "",
    )
    return PublicationRecord(
        title=text_of(info, "ArticleTitle").rstrip("."),
        authors=authors,
        journal=text_of(info, "Journal/Title"),
        year=int(year) if year.isdigit() else None,
        volume=text_of(info, "Journal/JournalIssue/Volume"),
        pages=text_of(info, "Pagination/MedlinePgn"),
        doi=doi.lower(),
        pmid=text_of(citation, "PMID"),
        abstract=" ".join(parts),
        publication_types=tuple(_clean(p.text or "") for p in info.findall("PublicationTypeList/PublicationType")),
    )


def merge(crossref: PublicationRecord | None, pubmed: PublicationRecord | None) -> PublicationRecord:
    """PubMed for the abstract, identifiers and publication types; Crossref fills the gaps."""
    if crossref is None or pubmed is None:
        return crossref or pubmed or PublicationRecord()
    filled = {
        name: getattr(crossref, name)
        for name in ("title", "authors", "journal", "year", "volume", "pages", "doi")
        if not getattr(pubmed, name)
    }
    return replace(pubmed, **filled)


def infer_design(publication_types: tuple[str, ...]) -> tuple[str | None, str]:
    """(design, the publication type it came from), or (None, "") when no type maps."""
    present = {t.lower() for t in publication_types}
    for name, design in PUBLICATION_TYPES:
        if name.lower() in present:
            return design, name
    return None, ""


def citation_key(record: PublicationRecord) -> str:
    """``familyYEAR`` in lower-case ASCII: ``aprile2005``."""
    family = record.authors[0][0] if record.authors else (record.title.split() or ["ref"])[0]
    ascii_name = unicodedata.normalize("NFKD", family).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", ascii_name) + (str(record.year) if record.year else "")


def _value(text: str) -> str:
    """Text safe inside ``{...}``: braces and backslashes dropped, ``% & # _ $`` escaped."""
    text = text.replace("\\", "").replace("{", "(").replace("}", ")")
    return re.sub(r"([%&#_$])", r"\\\1", text)


def bibtex_entry(key: str, record: PublicationRecord) -> str:
    """The entry as BibTeX text, with the inferred design marked for the editor to confirm."""
    design, source = infer_design(record.publication_types)
    authors = " and ".join(f"{family}, {given}" if given else family for family, given in record.authors)
    fields = [
        ("author", authors),
        ("title", record.title),
        ("journal", record.journal),
        ("year", str(record.year or "")),
        ("volume", record.volume),
        ("pages", record.pages.replace("-", "--")),
        ("doi", record.doi),
        ("pmid", record.pmid),
        ("abstract", record.abstract),
    ]
    lines = []
    if design:
        lines.append(
            f"% design inferred from the PubMed publication type '{source}': confirm it, then delete design_inferred"
        )
        fields += [("design", design), ("design_inferred", "yes")]
    else:
        lines.append("% no design could be inferred from PubMed's publication types: add design = {...}")
    body = ",\n".join(f"  {name:<15} = {{{_value(value)}}}" for name, value in fields if value)
    lines.append(f"@article{{{key},\n{body}\n}}")
    return "\n".join(lines) + "\n"
