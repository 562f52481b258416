"""Load BibTeX bibliographies with pybtex, turn every problem into a located finding, and cache.

pybtex errors are collected with ``pybtex.errors.capture()`` so that they become our own messages
(with file and line) instead of text printed to stderr. Parsed files are cached in memory (for
``mkdocs serve`` rebuilds) and on disk (for the next process, data only), keyed by path and
the digest of the file's bytes; the disk cache is written atomically and a corrupt one is rebuilt.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pybtex.errors
from pybtex.database import BibliographyData, Entry
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError

from ..findings import Finding, make_finding
from ..io.diskcache import gc_paused, load_blob, save_blob
from .bibcache import pack, unpack
from .csljson import parse_csl_json_text
from .entries import EntryMap
from .references import Reference, split_figures

if TYPE_CHECKING:
    from .bibtex_scan import Scanned
from .style import decode_latex, safe_doi, safe_pmid, safe_url

KNOWN_ENTRY_TYPES = frozenset(
    ["article", "book", "booklet", "inbook", "incollection", "inproceedings", "conference", "manual", "mastersthesis", "misc", "online", "phdthesis", "proceedings", "techreport", "unpublished", "report", "webpage", "electronic"]
)

_ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]+)\s*,")
_STRING_MACRO = re.compile(r"@\s*string\s*[{(]", re.IGNORECASE)
_SIMPLE_ESCAPE = re.compile(r"\\([%&_$#])")
_BRACES = re.compile(r"[{}]")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\s*|\\.")


@dataclass(frozen=True, slots=True)
class BibFile:
    """One parsed ``.bib`` file: its references, the problems found, and what pybtex needs to
    format each entry later.

    ``sources`` holds each entry's own BibTeX text, parsed again only when the entry is cited
    (formatting needs pybtex's ``Entry``; checking needs only the ``Reference``). Keeping pybtex
    objects out of the disk cache makes a warm load of 10,000 entries several times faster.
    A file that defines ``@string`` macros keeps its parsed entries in ``eager`` instead,
    because an entry's text alone cannot be parsed without them.
    """

    path: str
    references: dict[str, Reference]
    sources: dict[str, str]
    problems: tuple[Finding, ...]
    eager: dict[str, Entry] = field(default_factory=dict)
    digest: str = ""  # of the file's bytes: what the caches that depend on it are keyed by
    # Entries this process has already parsed with their file (a cold load): used as they are
    # instead of parsing each cited entry's text again. Never written to the disk cache.
    parsed: dict[str, Entry] = field(default_factory=dict, compare=False)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False)  # of each entry's text
    # Entries read by the fast reader, made into pybtex entries only when cited (never cached).
    scanned: dict[str, Scanned] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class Bibliography:
    """All references of a site, merged from its ``.bib`` files."""

    references: dict[str, Reference] = field(default_factory=dict)
    entries: EntryMap = field(default_factory=EntryMap)
    problems: tuple[Finding, ...] = ()
    files: tuple[str, ...] = ()
    signature: tuple = ()  # (path, digest of its bytes) of every file: equal signatures, equal contents

    def __contains__(self, key: str) -> bool:
        return key in self.references

    def get(self, key: str) -> Reference | None:
        return self.references.get(key)


@lru_cache(maxsize=65536)
def plain_text(value: str) -> str:
    """LaTeX to plain text for checks and messages (``23.1\\%`` -> ``23.1%``, ``M{\\"u}ller``).

    latexcodec (a pybtex dependency) decodes accents and escapes; it only runs on values that
    hold a backslash, which keeps loading 10,000 plain entries fast.
    """
    if "\\" in value:
        simple = _SIMPLE_ESCAPE.sub(r"\1", value)
        if "\\" not in simple:  # only \% \& \_ \$ \#: no need for the full decoder
            return " ".join(_BRACES.sub("", simple).split())
        try:
            value = decode_latex(value)
        except Exception:  # undecodable LaTeX is shown as written, never dropped
            value = _LATEX_COMMAND.sub("", value)
    return " ".join(_BRACES.sub("", value).split())


def discover_bib_files(sources: Iterable[Path]) -> list[Path]:
    """Expand folders into their ``.bib`` and CSL-JSON ``.json`` files (sorted, recursive);
    keep files as given."""
    found: list[Path] = []
    for source in sources:
        if source.is_dir():
            found.extend(sorted(p for p in source.rglob("*") if p.suffix.lower() in (".bib", ".json") and p.is_file()))
        else:
            found.append(source)
    return found


READ_SUFFIXES = frozenset({".bib", ".json"})  # BibTeX; CSL-JSON
NOTES = frozenset({".md", ".markdown"})  # editors' notes beside the references


def skipped_files(sources: Iterable[Path], root: Path) -> list[Finding]:
    """A finding for each file in a bibliography folder that is not read (a RIS export...)."""
    found = []
    for source in sources:
        if not source.is_dir():
            continue
        for path in sorted(source.rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(source).parts)
            if path.is_file() and not hidden and path.suffix.lower() not in READ_SUFFIXES | NOTES and not path.name.upper().startswith("README"):
                shown = display(path, root)
                found.append(
                    make_finding(
                        "bibliography-file-not-read", path=shown, line=1, column=1, end_line=1, end_column=1, text=path.name, sentence="",
                        message=f"{path.name} is not a .bib file, so its references are not read; export them as BibTeX",
                    )
                )
    return found


def _problem(path: str, line: int, message: str, text: str = "") -> Finding:
    return make_finding(
        "bibliography-error",
        path=path,
        line=max(line, 1),
        column=1,
        end_line=max(line, 1),
        end_column=1,
        text=text,
        sentence="",
        message=message,
    )


def _decode(raw: bytes, path: str) -> tuple[str, list[Finding]]:
    """UTF-8 text, or the text with bad bytes replaced and one finding at the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        text = raw.decode("utf-8", errors="replace")
        return text, [_problem(path, line, f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8")]


def _reference(key: str, entry: Entry, path: str, line: int) -> Reference:
    fields = [(name, str(value)) for name, value in entry.fields.items()]
    return _reference_of(key, entry.type, fields, entry.persons.get("author", ()), path, line)


def _reference_of(key: str, kind: str, fields: Iterable[tuple[str, str]], authors_: Iterable, path: str, line: int) -> Reference:
    raw = {name.lower(): value for name, value in fields}
    plain = {name: plain_text(value) for name, value in raw.items()}  # each field decoded once
    year_text = re.search(r"\d{4}", raw.get("year", ""))
    authors = tuple(plain_text(str(person)) for person in authors_)
    return Reference(
        key=key,
        entry_type=kind.lower(),
        title=plain.get("title", ""),
        authors=authors,
        year=int(year_text.group()) if year_text else None,
        journal=plain.get("journal", plain.get("booktitle", "")),
        design=plain["design"].lower() if "design" in plain else None,
        figures=split_figures(plain.get("figures", "")),
        doi=safe_doi(raw.get("doi")),
        pmid=safe_pmid(raw.get("pmid") or raw.get("pubmed")),
        url=safe_url(raw.get("url")),
        path=path,
        line=line,
        fields=plain,
    )


def parse_bib_text(text: str, path: str) -> BibFile:
    """Parse one ``.bib`` text; never raises: every problem is a finding with file and line."""
    # over 60 lines: one ordered pass over the entries, fast reader then pybtex, sharing its tallies
    problems: list[Finding] = []
    starts: dict[str, int] = {}
    offsets: list[int] = [match.start() for match in _ENTRY_START.finditer(text)]
    spans: dict[str, tuple[int, int]] = {}
    uses_macros = _STRING_MACRO.search(text) is not None
    line, counted_to = 1, 0
    for index, match in enumerate(_ENTRY_START.finditer(text)):
        key = match.group(2)
        if match.group(1).lower() in ("comment", "preamble", "string"):
            continue
        spans.setdefault(key, (match.start(), offsets[index + 1] if index + 1 < len(offsets) else len(text)))
        # count lines from the previous entry, not from the top: linear in the file's size
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        if key in starts:
            problems.append(_problem(path, line, f"duplicate key '{key}' (first defined at line {starts[key]})", key))
        else:
            starts[key] = line
    from .bibtex_scan import inherit_crossref_fields, scan_bibtex, to_data  # a warm build reads no BibTeX

    scanned = scan_bibtex(text)  # plain BibTeX, read fast; anything else pybtex reads
    if scanned is not None and not any(name.lower() == "crossref" for entry in scanned for name, _ in entry.fields):
        return _scanned_file(text, path, scanned, starts, spans, problems)
    data = to_data(scanned) if scanned is not None else BibliographyData()
    with pybtex.errors.capture() as captured:
        try:
            if scanned is None:
                data = Parser(encoding="utf-8").parse_string(text)
        except PybtexError as error:  # pybtex raises some errors even in capture mode
            captured.append(error)
    for problem in captured:
        message = str(problem)
        reported_line = getattr(problem, "lineno", None)
        if reported_line is None:
            named = re.search(r"entry:? ?(\S+)", message)
            key = named.group(1).strip("'\"") if named else ""
            reported_line = starts.get(key, 1)
        if "repeated" in message and any(p.message.startswith("duplicate key") for p in problems):
            continue  # already reported with both lines
        problems.append(_problem(path, int(reported_line), f"BibTeX {message}"))
    references: dict[str, Reference] = {}
    sources: dict[str, str] = {}
    eager: dict[str, Entry] = {}
    parsed: dict[str, Entry] = {}
    kept: dict[str, tuple[int, int]] = {}
    inherited = inherit_crossref_fields(data)  # keys whose text alone no longer says everything
    for key, entry in data.entries.items():
        line = starts.get(key, 1)
        if entry.type.lower() not in KNOWN_ENTRY_TYPES:
            problems.append(_problem(path, line, f"entry '{key}' has unknown type '@{entry.type}'; it is read as @misc", key))
        references[key] = _reference(key, entry, path, line)
        if key in spans and not uses_macros and key not in inherited:
            start, end = spans[key]
            sources[key] = text[start:end]
            kept[key] = spans[key]
            parsed[key] = entry
        else:
            eager[key] = entry
    if text.strip() and not data.entries and not offsets and not problems:
        # e.g. a RIS or EndNote export saved as .bib, or given with --bib: never silently empty
        problems.append(_problem(path, 1, "no BibTeX entries in this file: is it a BibTeX (.bib) file? Export the references as BibTeX"))
    return BibFile(path=path, references=references, sources=sources, problems=tuple(problems), eager=eager, parsed=parsed, spans=kept)


def _scanned_file(text: str, path: str, scanned: list[Scanned], starts: dict[str, int], spans: dict[str, tuple[int, int]],
                  problems: list[Finding]) -> BibFile:
    """``parse_bib_text`` for a file the fast reader read: the same records, no pybtex entries
    until one is cited."""
    references: dict[str, Reference] = {}
    sources: dict[str, str] = {}
    eager: dict[str, Entry] = {}
    pending: dict[str, Scanned] = {}
    kept: dict[str, tuple[int, int]] = {}
    for entry in scanned:
        key, line = entry.key, starts.get(entry.key, 1)
        if entry.kind.lower() not in KNOWN_ENTRY_TYPES:
            problems.append(_problem(path, line, f"entry '{key}' has unknown type '@{entry.kind.lower()}'; it is read as @misc", key))
        references[key] = _reference_of(key, entry.kind, entry.fields, entry.people("author"), path, line)
        if key in spans:
            sources[key], kept[key], pending[key] = text[slice(*spans[key])], spans[key], entry
        else:
            eager[key] = entry.entry()
    if text.strip() and not references and _ENTRY_START.search(text) is None and not problems:
        problems.append(_problem(path, 1, "no BibTeX entries in this file: is it a BibTeX (.bib) file? Export the references as BibTeX"))
    return BibFile(path, references, sources, tuple(problems), eager=eager, spans=kept, scanned=pending)


class BibliographyCache:
    """Parsed ``.bib`` files kept in memory and on disk, keyed by path and a digest of the
    file's bytes (hashing a large bibliography costs far less than parsing it).

    One instance lives as long as the plugin (so ``mkdocs serve`` rebuilds reuse it); the disk
    cache lets the next process skip parsing. Nothing here is global.
    """

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.cache_dir = cache_dir
        self._memory: dict[tuple[str, str], BibFile] = {}
        self.parsed = 0  # files parsed by this instance, for tests and benchmarks

    def _disk_path(self, path: Path) -> Path | None:
        """One cache file per ``.bib`` file, replaced when the file changes: editing a large
        bibliography all afternoon leaves one copy on disk, not one per save."""
        if self.cache_dir is None:
            return None
        digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:20]
        return self.cache_dir / f"bib-{digest}.json"

    def _read_disk(self, disk: Path | None, signature: tuple[str, str], shown: str, raw: bytes) -> BibFile | None:
        """The cached parse of these bytes, or None. Most files are kept as rows of plain
        values with their entries' offsets (``bibcache``), the rest as records."""
        stored = load_blob(disk)
        if stored is None:
            return None
        header, blob = stored
        if not isinstance(header, tuple) or len(header) != 3 or header[0] != signature or header[1] != shown:
            return None
        if not blob:  # kept as a record in the header
            return header[2] if isinstance(header[2], BibFile) and header[2].path == shown else None
        if not isinstance(header[2], tuple):
            return None
        text, _ = _decode(raw, shown)
        with gc_paused():  # thousands of small records: the cyclic collector would run again and again
            unpacked = unpack(blob, text)
        if unpacked is None:
            return None
        references, sources, spans = unpacked
        return BibFile(shown, references, sources, header[2], digest=signature[1], spans=spans)

    def _write_disk(self, disk: Path | None, signature: tuple[str, str], bib_file: BibFile) -> None:
        packed = pack(bib_file, bib_file.spans)
        if packed is not None:
            save_blob(disk, (signature, bib_file.path, bib_file.problems), packed)
        else:  # e.g. CSL-JSON entries, whose text is not a slice of a .bib file
            save_blob(disk, (signature, bib_file.path, replace(bib_file, parsed={}, scanned={})), b"")

    def load_file(self, path: Path, display_path: str) -> BibFile:
        """The parsed file: from memory or disk when its bytes are unchanged, or parsed.

        Keyed by a digest of the bytes, never by size and time: an edit that keeps both (a
        same-length change with its time restored, or a fresh clone) is still seen."""
        try:
            raw = path.read_bytes()
        except OSError as error:
            return BibFile(display_path, {}, {}, (_problem(display_path, 1, f"cannot read the file: {error.strerror}"),))
        digest = hashlib.sha1(raw).hexdigest()
        signature = (str(path.resolve()), digest)
        cached = self._memory.get(signature)
        if cached is not None and cached.path == display_path:
            return cached
        disk = self._disk_path(path)
        record = self._read_disk(disk, signature, display_path, raw)
        if record is not None and record.digest == digest:
            cached = record
        else:
            text, problems = _decode(raw, display_path)
            parse = parse_csl_json_text if path.suffix.lower() == ".json" else parse_bib_text
            parsed = parse(text, display_path)
            cached = replace(parsed, problems=(*problems, *parsed.problems), digest=digest)
            self.parsed += 1
            self._write_disk(disk, signature, cached)  # files with @string macros are not cached
        for old in [known for known in self._memory if known[0] == signature[0]]:
            del self._memory[old]  # an earlier version of this file (`serve` after an edit)
        self._memory[signature] = cached
        return cached

    def load(self, sources: Sequence[Path], root: Path) -> Bibliography:
        """Merge every ``.bib`` under ``sources``; a key defined in two files is an error."""
        references: dict[str, Reference] = {}
        texts: dict[str, str] = {}
        ready: dict[str, Entry] = {}  # entries already parsed (macros, or a cold load)
        scanned: dict[str, Scanned] = {}  # read by the fast reader (a cold load): made into entries when cited
        problems: list[Finding] = []
        files: list[str] = []
        for source in sources:
            if not source.exists():
                problems.append(_problem(display(source, root), 1, "bibliography not found"))
        signatures: list[tuple] = []
        skipped = skipped_files(sources, root)
        problems.extend(skipped)
        signatures.extend((finding.path, "not read") for finding in skipped)  # cached checks see them
        for path in discover_bib_files(s for s in sources if s.exists()):
            shown = display(path, root)
            files.append(shown)
            bib_file = self.load_file(path, shown)
            signatures.append((str(path), bib_file.digest))
            problems.extend(bib_file.problems)
            if not references:  # the first file: nothing to clash with, taken whole (100,000 keys)
                references.update(bib_file.references)
                texts.update(bib_file.sources)
                ready.update(bib_file.parsed)
                ready.update(bib_file.eager)
                scanned.update({key: entry for key, entry in bib_file.scanned.items() if key not in bib_file.parsed})
                continue
            for key, reference in bib_file.references.items():
                first = references.get(key)
                if first is not None:
                    problems.append(
                        _problem(shown, reference.line, f"duplicate key '{key}': also defined at {first.path}:{first.line}", key)
                    )
                    continue
                references[key] = reference
                if key in bib_file.sources:
                    texts[key] = bib_file.sources[key]
                    if key in bib_file.parsed:
                        ready[key] = bib_file.parsed[key]
                    elif key in bib_file.scanned:
                        scanned[key] = bib_file.scanned[key]
                else:
                    ready[key] = bib_file.eager[key]
        return Bibliography(references, EntryMap(texts, ready, scanned), tuple(problems), tuple(files), tuple(signatures))


def display(path: Path, root: Path) -> str:
    """A path as editors see it: relative to the project root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
