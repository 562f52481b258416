"""CSL-JSON bibliographies (Zotero's and Better BibTeX's export format), and the two conversions
between CSL-JSON items and pybtex entries that let either source be formatted in either style.

A CSL-JSON file is a list of items, each with an ``id`` (the citation key). Our own fields
(``design``, ``figures``, ``abstract``) may be top-level or custom fields of an item, or lines
``name: value`` of its ``note`` field: that is where Zotero and Better BibTeX put the "Extra"
field of an item. Every problem is a finding with file and line, as for ``.bib`` files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from pybtex.database import Entry, Person

from ..findings import Finding, make_finding
from .references import Reference, split_figures
from .style import safe_doi, safe_pmid, safe_url

__all__ = ["csl_to_entry", "entry_to_csl", "extra_fields", "parse_csl_json_text", "reference_from_csl"]

# Fields of ours that CSL-JSON has no variable for (abstract is a CSL variable, also read here).
OUR_FIELDS = ("design", "figures", "abstract", "pmid")
_NOTE_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_. -]*?)\s*:\s*(.*?)\s*$")
_YEAR = re.compile(r"\d{4}")

_BIB_TO_CSL = {
    "article": "article-journal",
    "book": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "manual": "report",
    "mastersthesis": "thesis",
    "phdthesis": "thesis",
    "techreport": "report",
    "report": "report",
    "unpublished": "manuscript",
    "online": "webpage",
    "webpage": "webpage",
    "electronic": "webpage",
}
_CSL_TO_BIB = {
    "article-journal": "article",
    "article": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "review": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "manuscript": "unpublished",
    "webpage": "online",
    "post-weblog": "online",
}
# BibTeX field -> CSL variable, for the plain text fields
_FIELD_TO_CSL = {
    "title": "title",
    "volume": "volume",
    "number": "issue",
    "pages": "page",
    "publisher": "publisher",
    "address": "publisher-place",
    "edition": "edition",
    "doi": "DOI",
    "pmid": "PMID",
    "url": "URL",
    "abstract": "abstract",
    "institution": "publisher",
    "school": "publisher",
    "organization": "publisher",
}
# What pybtex's LaTeX reader would change in plain text: a comment sign and backslashes.
_LATEX_ESCAPES = str.maketrans({"\\": r"\textbackslash{}", "%": r"\%"})


def _problem(path: str, line: int, message: str, text: str = "") -> Finding:
    line = max(line, 1)
    return make_finding(
        "bibliography-error",
        path=path, line=line, column=1, end_line=line, end_column=1, text=text, sentence="", message=message,
    )


def _text(value: object) -> str:
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return " ".join(str(value).split()) if value is not None else ""


def extra_fields(item: Mapping[str, Any]) -> dict[str, str]:
    """Our fields of an item: ``note`` lines (``design: rct``, or ``tex.design: rct`` as Better
    BibTeX writes BibTeX-only fields), then ``custom`` fields, then top-level ones, the later
    winning. Names are lower-cased."""
    found: dict[str, str] = {}
    for line in str(item.get("note") or "").splitlines():
        match = _NOTE_LINE.match(line)
        name = match.group(1).strip().lower().removeprefix("tex.") if match else ""  # Better BibTeX: "tex.design: rct"
        if match and name in OUR_FIELDS:
            found[name] = match.group(2)
    custom = item.get("custom")
    for source in (custom if isinstance(custom, Mapping) else {}, item):
        for name, value in source.items():
            if str(name).lower() in OUR_FIELDS and value not in (None, ""):
                found[str(name).lower()] = _text(value)
    return found


def _person_text(person: Mapping[str, Any]) -> str:
    """As pybtex writes a person ("Family, Given"), or the literal name of an organisation."""
    if person.get("literal"):
        return _text(person["literal"])
    family = " ".join(_text(person.get(part)) for part in ("non-dropping-particle", "family") if person.get(part))
    given = _text(person.get("given"))
    return f"{family}, {given}" if family and given else family or given


def _year(item: Mapping[str, Any]) -> int | None:
    issued = item.get("issued")
    if isinstance(issued, Mapping):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            try:
                return int(parts[0][0])
            except (TypeError, ValueError):
                pass
        found = _YEAR.search(str(issued.get("raw") or issued.get("literal") or ""))
        return int(found.group()) if found else None
    found = _YEAR.search(str(issued or ""))
    return int(found.group()) if found else None


def item_key(item: Mapping[str, Any]) -> str:
    """The citation key of an item: ``citation-key`` (Zotero 7 writes it when the item has one),
    else ``id`` (Better BibTeX writes the key there)."""
    if item.get("citation-key"):
        return _text(item["citation-key"])
    for line in str(item.get("note") or "").splitlines():  # Zotero 6 with Better BibTeX: in Extra
        match = _NOTE_LINE.match(line)
        if match and match.group(1).strip().lower() == "citation key" and match.group(2):
            return match.group(2)
    return _text(item.get("id"))


def reference_from_csl(item: Mapping[str, Any], path: str, line: int) -> Reference:
    """The checked view of one CSL-JSON item (the same ``Reference`` a BibTeX entry gives)."""
    extra = extra_fields(item)
    authors = tuple(_person_text(p) for p in item.get("author") or () if isinstance(p, Mapping))
    year = _year(item)
    fields = {str(name).lower(): _text(value) for name, value in item.items() if isinstance(value, str | int | float)}
    fields.update(extra)
    if year is not None:
        fields.setdefault("year", str(year))
    return Reference(
        key=item_key(item),
        entry_type=_CSL_TO_BIB.get(str(item.get("type", "")), "misc"),
        title=_text(item.get("title")),
        authors=authors,
        year=year,
        journal=_text(item.get("container-title")),
        design=extra["design"].lower() if extra.get("design") else None,
        figures=split_figures(extra.get("figures", "")),
        doi=safe_doi(_text(item.get("DOI") or item.get("doi"))),
        pmid=safe_pmid(extra.get("pmid") or _text(item.get("PMID"))),
        url=safe_url(_text(item.get("URL") or item.get("url"))),
        path=path,
        line=line,
        fields=fields,
    )


def _id_lines(text: str) -> dict[str, int]:
    """The line of each item's ``"id"`` in the file, for messages (first one wins)."""
    lines: dict[str, int] = {}
    for match in re.finditer(r'"(?:citation-key|id)"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)', text):
        try:
            key = str(json.loads(match.group(1)))
        except ValueError:
            continue
        lines.setdefault(key, text.count("\n", 0, match.start()) + 1)
    return lines


def parse_csl_json_text(text: str, path: str):
    """Parse one CSL-JSON text into a ``BibFile``; never raises: every problem is a finding."""
    from .bibliography import BibFile  # local: bibliography imports this module

    if not text.strip():
        return BibFile(path, {}, {}, (_problem(path, 1, "the file is empty"),))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        message = f"not valid CSL-JSON: {error.msg} ({where}); export the library again as CSL JSON"
        return BibFile(path, {}, {}, (_problem(path, error.lineno, message),))
    if isinstance(data, Mapping) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list):
        return BibFile(path, {}, {}, (_problem(path, 1, "a CSL-JSON file is a list of items ([{\"id\": ...}, ...])"),))
    lines = _id_lines(text)
    problems: list[Finding] = []
    references: dict[str, Reference] = {}
    sources: dict[str, str] = {}
    for number, item in enumerate(data, 1):
        if not isinstance(item, Mapping) or not item_key(item):
            problems.append(_problem(path, 1, f"item {number} has no \"id\" (its citation key); give every item an id"))
            continue
        key = item_key(item)
        line = lines.get(key, 1)
        if key in references:
            first = references[key].line
            problems.append(_problem(path, line, f"duplicate key '{key}' (first defined at line {first})", key))
            continue
        references[key] = reference_from_csl(item, path, line)
        sources[key] = json.dumps({**item, "id": key}, ensure_ascii=False, sort_keys=True)
    return BibFile(path=path, references=references, sources=sources, problems=tuple(problems))


# -- conversions --------------------------------------------------------------------------


def _csl_person(person: Person) -> dict[str, str]:
    from .bibliography import plain_text

    family = plain_text(" ".join((*person.prelast_names, *person.last_names)))
    given = plain_text(" ".join((*person.first_names, *person.middle_names)))
    if not given:
        return {"literal": family}
    return {"family": family, "given": given}


def entry_to_csl(key: str, entry: Entry) -> dict[str, Any]:
    """A pybtex entry as a CSL-JSON item, for formatting a BibTeX entry in a CSL style."""
    from .bibliography import plain_text

    fields = {name.lower(): plain_text(str(value)) for name, value in entry.fields.items()}
    kind = entry.type.lower()
    item: dict[str, Any] = {"id": key, "type": _BIB_TO_CSL.get(kind, "article")}
    for name, variable in _FIELD_TO_CSL.items():
        if fields.get(name):
            item.setdefault(variable, fields[name])
    container = fields.get("journal") or fields.get("booktitle")
    if container:
        item["container-title"] = container
    if "page" in item:
        item["page"] = item["page"].replace("--", "-")
    year = _YEAR.search(fields.get("year", ""))
    if year:
        item["issued"] = {"date-parts": [[int(year.group())]]}
    for role in ("author", "editor"):
        people = entry.persons.get(role)
        if people:
            item[role] = [_csl_person(p) for p in people]
    return item


def _latex(value: object) -> str:
    return _text(value).translate(_LATEX_ESCAPES)


def _bib_person(person: Mapping[str, Any]) -> Person:
    if person.get("literal") or not person.get("given"):
        return Person("{" + _latex(person.get("literal") or person.get("family")) + "}")
    family = " ".join(_latex(person.get(p)) for p in ("non-dropping-particle", "family") if person.get(p))
    return Person(f"{family}, {_latex(person.get('given'))}")


def csl_to_entry(item: Mapping[str, Any]) -> Entry:
    """A CSL-JSON item as a pybtex entry, for formatting it in the default (pybtex) style."""
    kind = _CSL_TO_BIB.get(str(item.get("type", "")), "misc")
    fields: dict[str, str] = {}
    for name, variable in _FIELD_TO_CSL.items():
        if item.get(variable) not in (None, "") and name not in fields:
            fields[name] = _latex(item[variable])
    if item.get("container-title"):
        container = "booktitle" if kind in ("incollection", "inproceedings") else "journal"
        fields[container] = _latex(item["container-title"])
    year = _year(item)
    if year is not None:
        fields["year"] = str(year)
    extra = extra_fields(item)
    if extra.get("pmid") and "pmid" not in fields:
        fields["pmid"] = extra["pmid"]
    persons = {
        role: [_bib_person(p) for p in item[role] if isinstance(p, Mapping)]
        for role in ("author", "editor")
        if isinstance(item.get(role), list)
    }
    return Entry(kind, fields=fields, persons=persons)
