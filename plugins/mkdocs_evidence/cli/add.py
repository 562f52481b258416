"""``mkdocs-evidence add DOI PMID [--bib FILE]``: fetch one publication and write its entry.

The record comes from Crossref (``{crossref}/works/DOI``) and PubMed's E-utilities
(``{eutils}/efetch.fcgi?db=pubmed&id=PMID&retmode=xml``) over HTTPS with the standard library.
Every response is kept in a cache folder (default ``.cache/plugin/evidence/add/``), so a second
run works offline. Base URLs can be changed with ``--crossref-url``/``--eutils-url`` or the
``MKDOCS_EVIDENCE_CROSSREF_URL``/``MKDOCS_EVIDENCE_EUTILS_URL`` environment variables (tests
point them at a local server). A key or DOI already in the file is refused; a service that
cannot be reached is one message and exit 2.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from ..core.bib.records import (
    PublicationRecord,
    bibtex_entry,
    citation_key,
    infer_design,
    merge,
    parse_crossref,
    parse_pubmed,
)
from ..core.io.atomic import atomic_write_text

__all__ = ["register"]

CROSSREF_URL = "https://api.crossref.org"
EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
_PMID = re.compile(r"^(?:pmid:)?(\d{1,9})$", re.IGNORECASE)


def register(commands, usage_error: type[Exception]) -> None:
    """Add the ``add`` sub-command; errors are raised as ``usage_error`` (exit 2)."""
    add = commands.add_parser("add", help="add a reference by DOI and/or PMID (Crossref, PubMed)")
    add.add_argument(
        "ids", nargs="+", metavar="DOI_OR_PMID", help="a DOI (10.xxxx/...) and/or a PubMed id of one publication"
    )
    add.add_argument("--bib", default="citations/references.bib", metavar="FILE", help="the .bib file to append to")
    add.add_argument("--key", help="the citation key (default: first author's family name and year)")
    add.add_argument("--cache-dir", default=".cache/plugin/evidence/add", metavar="DIR")
    add.add_argument("--crossref-url", default=os.environ.get("MKDOCS_EVIDENCE_CROSSREF_URL", CROSSREF_URL))
    add.add_argument("--eutils-url", default=os.environ.get("MKDOCS_EVIDENCE_EUTILS_URL", EUTILS_URL))
    add.set_defaults(handler=lambda args: cmd_add(args, usage_error))


def cmd_add(args: argparse.Namespace, usage_error: type[Exception]) -> int:
    doi, pmid = _identifiers(args.ids, usage_error)
    bib = Path(args.bib)
    existing = bib.read_text(encoding="utf-8") if bib.exists() else ""
    if doi and re.search(r"doi\s*=\s*[{\"]\s*" + re.escape(doi) + r"\s*[}\"]", existing, re.IGNORECASE):
        raise usage_error(f"{bib}: DOI {doi} is already there; not adding it twice")
    fetch = _Fetcher(Path(args.cache_dir), usage_error)
    crossref = (
        parse_crossref(fetch(f"{args.crossref_url.rstrip('/')}/works/{urllib.parse.quote(doi, safe='/')}"))
        if doi
        else None
    )
    pubmed = None
    if pmid:
        query = urllib.parse.urlencode({"db": "pubmed", "id": pmid, "retmode": "xml"})
        pubmed = _parsed(
            parse_pubmed, fetch(f"{args.eutils_url.rstrip('/')}/efetch.fcgi?{query}"), usage_error, "PubMed"
        )
    record: PublicationRecord = merge(crossref, pubmed)
    if record.doi and not doi and re.search(re.escape(record.doi), existing, re.IGNORECASE):
        raise usage_error(f"{bib}: DOI {record.doi} is already there; not adding it twice")
    key = args.key or citation_key(record)
    if re.search(r"@\w+\s*[{(]\s*" + re.escape(key) + r"\s*,", existing):
        raise usage_error(f"{bib}: key '{key}' is already there; choose another with --key")
    entry = bibtex_entry(key, record)
    bib.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(bib, existing + ("\n" if existing and not existing.endswith("\n\n") else "") + entry)
    design, source = infer_design(record.publication_types)
    print(
        f"added @{key} to {bib}"
        + (f" (design {design}, inferred from '{source}': confirm it)" if design else " (no design inferred)")
    )
    return 0


def _identifiers(ids: list[str], usage_error: type[Exception]) -> tuple[str, str]:
    doi = pmid = ""
    for raw in ids:
        if m := _DOI.match(raw.strip()):
            doi = doi or m.group(1).lower()
        elif m := _PMID.match(raw.strip()):
            pmid = pmid or m.group(1)
        else:
            raise usage_error(f"'{raw}' is neither a DOI (10.xxxx/...) nor a PubMed id (digits)")
    return doi, pmid


def _parsed(parse, text: str, usage_error: type[Exception], service: str):
    try:
        return parse(text)
    except (ValueError, AttributeError) as error:
        raise usage_error(f"{service} sent a record that cannot be read: {error}") from error


class _Fetcher:
    """GET with a cache folder: a response once fetched is read from disk ever after."""

    def __init__(self, cache_dir: Path, usage_error: type[Exception]) -> None:
        self.cache_dir = cache_dir
        self.usage_error = usage_error

    def __call__(self, url: str) -> str:
        cached = self.cache_dir / (hashlib.sha1(url.encode()).hexdigest() + ".txt")
        if cached.is_file():
            return cached.read_text(encoding="utf-8")
        request = urllib.request.Request(url, headers={"User-Agent": "mkdocs-evidence (reference import)"})
        host = urllib.parse.urlsplit(url).netloc
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                text = response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            raise self.usage_error(f"{host} answered {error.code} for {url}: check the identifier") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise self.usage_error(
                f"cannot reach {host} ({reason}); are you offline? "
                f"Responses already fetched are kept in {self.cache_dir}"
            ) from error
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(cached, text)
        return text
