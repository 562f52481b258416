"""A whole project checked the same way by the MkDocs plugin and the CLI.

A project is a bibliography, structured condition guides, hand-written Markdown pages and a
waivers file. This module loads them, checks every text, and turns the findings into the editor
report. It never imports MkDocs: the plugin feeds it pages as MkDocs reads them, the CLI reads
the files itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from . import ratings
from .bib.bibliography import Bibliography, BibliographyCache, display
from .check import CheckOptions, Located, check_text
from .findings import Finding, Severity, make_finding, sort_findings
from .guide.content import Guide, GuideLoad, RatingEntry, Treatment, load_guide
from .guide.guides import GeneratedPage, render_guide_pages
from .guide.placeholders import find_placeholders, placeholder_file_findings, with_production_severity
from .guide.review import PageReview, review_findings, review_status
from .io.diskcache import RecordStore, tree_signature
from .ratings.scales import get_scale
from .report.editor_report import PageInfo, Report, build_report
from .report.waivers import WaiverLoad, apply_waivers, load_waivers
from .source.source_findings import figure_item_findings, rating_wording_finding
from .source.source_text import attach_excerpts
from .text.readability import Readability, SyllableCounter, reading_level

__all__ = [
    "ConditionGuide",
    "Outcome",
    "PageCheck",
    "Project",
    "ProjectSettings",
    "generated_page_name",
    "load_bibliography",
    "read_markdown",
    "with_excerpts",
]


@dataclass(frozen=True, slots=True)
class ProjectSettings:
    """Where things are and what to check; paths are absolute."""

    root: Path
    docs_dir: Path
    bibliography: tuple[Path, ...]
    content_dir: Path | None = None
    waivers: Path | None = None
    options: CheckOptions = field(default_factory=CheckOptions)
    reading_target: float = 8.0
    production: bool = False
    guide_base_uri: str = ""

    @property
    def today(self) -> date:
        return self.options.today


@dataclass(slots=True)
class ConditionGuide:
    """One loaded condition: its models and the pages generated from them."""

    folder: Path
    load: GuideLoad
    pages: list[GeneratedPage]

    @property
    def guide(self) -> Guide | None:
        return self.load.guide

    @property
    def treatments(self) -> list[Treatment]:
        return list(self.load.treatments)


@dataclass(frozen=True, slots=True)
class PageCheck:
    """What checking one page found, and what the report shows about the page."""

    info: PageInfo
    findings: tuple[Finding, ...]
    review: PageReview | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """The end of a check: every finding (waivers applied) and the report built from them."""

    findings: tuple[Finding, ...]
    report: Report

    @property
    def counting(self) -> list[Finding]:
        return [f for f in self.findings if f.counts]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.counting if f.severity is severity)


class Project:
    """Loads the sources once, then checks pages; holds no state beyond one check run."""

    def __init__(
        self,
        settings: ProjectSettings,
        bib_cache: BibliographyCache | None = None,
        syllables: SyllableCounter | None = None,
        memo: RecordStore | None = None,
    ) -> None:
        self.settings = settings
        self.syllables = syllables or SyllableCounter()
        # Results that depend only on the sources, kept by the caller across `serve` rebuilds
        # and keyed by the sources' signatures (path, digest): unchanged content is not
        # loaded and checked again.
        self.memo = memo if memo is not None else RecordStore()
        self._content_key: tuple | None = None  # the content folder's signature, once loaded
        self.bibliography: Bibliography = with_excerpts((bib_cache or BibliographyCache()).load(list(settings.bibliography), settings.root), settings.root)
        self.guides: list[ConditionGuide] = self._load_guides()
        self.waivers: WaiverLoad = (
            load_waivers(settings.waivers, display_path=display(settings.waivers, settings.root)) if settings.waivers else WaiverLoad()
        )
        self.scale = get_scale(settings.options.rating_scale)

    @property
    def signature(self) -> tuple:
        """Everything a page's check depends on besides the page: sources and options."""
        return (self.bibliography.signature, self.settings.options.cache_key, self.settings.reading_target)

    # -- loading ---------------------------------------------------------------------------

    def _load_guides(self) -> list[ConditionGuide]:
        content = self.settings.content_dir
        if content is None or not content.is_dir():
            return []
        key = ("guides", self.settings.guide_base_uri, tree_signature([content]))
        self._content_key = key
        guides = self.memo.get(key)
        return guides if guides is not None else self.memo.put(key, self._read_guides(content))

    def _read_guides(self, content: Path) -> list[ConditionGuide]:
        guides = []
        for folder in sorted(p for p in content.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            loaded = load_guide(folder, self.settings.root)
            pages = render_guide_pages(loaded.guide, loaded.treatments, base_uri=self.settings.guide_base_uri) if loaded.guide else []
            guides.append(ConditionGuide(folder, loaded, pages))
        return guides

    @property
    def generated_pages(self) -> list[GeneratedPage]:
        return [page for guide in self.guides for page in guide.pages]

    # -- checking --------------------------------------------------------------------------

    def source_findings(self) -> list[Finding]:
        """Findings about the sources themselves: bibliography, content files, waivers file,
        and every prose field and rating of the structured guides (at their YAML lines)."""
        key = ("sources", self._content_key, self.bibliography.signature, self.settings.options.cache_key, self.waivers)
        findings = self.memo.get(key)
        return list(findings if findings is not None else self.memo.put(key, self._source_findings()))

    def _source_findings(self) -> list[Finding]:
        findings: list[Finding] = [*self.bibliography.problems, *self.waivers.errors]
        options = self.settings.options
        for condition in self.guides:
            findings.extend(error.to_finding() for error in condition.load.errors)
            models: list = [m for m in (condition.guide, *condition.treatments) if m is not None]
            for model in models:
                for prose in model.iter_prose():
                    result = check_text(
                        prose.text, Located(prose.path, prose.line, prose.column, prose.field), self.bibliography, options, position=prose.position, markup=prose.markup
                    )
                    findings.extend(result.findings)
                for cited in model.iter_citation_keys():
                    if cited.key not in self.bibliography:
                        findings.append(
                            make_finding(
                                "unknown-citation",
                                path=cited.path,
                                line=cited.line,
                                column=cited.column,
                                end_line=cited.line,
                                end_column=cited.column + len(cited.key),
                                text=cited.key,
                                sentence="",
                                message=f"{cited.field}: citation key '{cited.key}' is not in the bibliography",
                                citations=(cited.key,),
                            )
                        )
            for treatment in condition.treatments:
                for entry in treatment.iter_ratings():
                    rating = rating_for(entry)
                    findings.extend(
                        ratings.check_rating(rating, self.scale, self.bibliography.references, today=options.today, max_age_years=options.max_evidence_age_years)
                    )
                    if self.scale.id == "grade" and options.ratings:
                        worded = rating_wording_finding(entry.statement, entry.level, path=entry.path, line=entry.line, column=entry.column, citations=entry.citations)
                        findings.extend([worded] if worded else [])
        findings.extend(figure_item_findings(self.bibliography.references.values()))
        return findings

    def check_page(self, path: str, source: str, *, title: str, url: str = "", rendered_markdown: str | None = None, meta: dict | None = None, generated: bool = False) -> PageCheck:
        """Check a hand-written page (generated pages were checked at their YAML lines).

        ``source`` is the whole file as written (front matter included, so lines are right);
        ``rendered_markdown`` is what the reader sees, for the reading level.
        """
        findings: tuple[Finding, ...] = ()
        if not generated:
            findings = check_text(source, Located(path), self.bibliography, self.settings.options).findings
            findings = (*findings, *find_placeholders(source, path))
        level: Readability = reading_level(rendered_markdown if rendered_markdown is not None else source, self.syllables)
        review = page_review(path, title, meta or {})
        findings = (*findings, *front_matter_problems(path, meta or {}))
        where: str = path
        sources: tuple[str, ...] = ()
        if generated:
            review, where, sources = self._generated_location(review, meta or {})
        info = PageInfo(path=path, title=title, url=url, fk_grade=level.fk_grade if level.words else None, smog=level.smog if level.words else None, sources=sources)
        if level.words >= 100 and level.fk_grade > self.settings.reading_target and (meta or {}).get("audience", "patients") == "patients":
            findings = (
                *findings,
                make_finding(
                    "reading-level",
                    path=where,
                    line=1,
                    column=1,
                    end_line=1,
                    end_column=1,
                    text=title,
                    sentence="",
                    message=("" if where == path else f"page {path}: ") + f"reading grade {level.fk_grade:.1f} (SMOG {level.smog:.1f}) is above the target of {self.settings.reading_target:g}",
                ),
            )
        return PageCheck(info, findings, review)

    def _generated_location(self, review: PageReview | None, meta: dict) -> tuple[PageReview | None, str, tuple[str, ...]]:
        """A generated page's facts live in YAML: its review dates at the guide's
        ``next_review_due`` line, its page-level findings in the file it was made from. The
        overview owns the guide's file in the report, a treatment page its treatment's file."""
        condition = next((c for c in self.guides if c.guide is not None and c.guide.slug == meta.get("condition")), None)
        evidence = meta.get("evidence") or {}
        source = str(evidence.get("source") or (condition.guide.source_path if condition and condition.guide else ""))
        if condition is None or condition.guide is None:
            return review, source, ()
        if review is not None:
            line, _column = condition.guide.value_position("review", "next_review_due")
            review = replace(review, source=condition.guide.source_path, line=line or 1)
        owns = evidence.get("section") in ("overview", "treatment")
        return review, source or condition.guide.source_path, (source,) if owns and source else ()

    def finish(self, pages: Sequence[PageCheck], extra: Iterable[Finding] = ()) -> Outcome:
        """Add review findings, apply waivers, and build the report."""
        reviews = [p.review for p in pages if p.review is not None]
        rows = review_status(reviews, self.settings.today, production=self.settings.production)
        row_by_path = {row.path: row for row in rows}
        findings = [*self.source_findings(), *extra, *(f for p in pages for f in p.findings), *review_findings(rows, self._guide_names())]
        findings.extend(self._placeholder_findings())
        findings = with_production_severity(_dedupe(findings), self.settings.production)
        waived = apply_waivers(findings, self.waivers.waivers, today=self.settings.today).all
        infos = [replace(p.info, review=row_by_path.get(p.info.path)) for p in pages]
        infos.extend(self._source_page_infos(infos))
        references = {key: (_reference_text(ref), ref.figures) for key, ref in self.bibliography.references.items()}
        report = build_report(waived, infos, references=references, reading_target=self.settings.reading_target)
        return Outcome(tuple(sort_findings(waived)), report)

    def _guide_names(self) -> dict[str, str]:
        return {c.guide.source_path: c.guide.title for c in self.guides if c.guide is not None}

    def _placeholder_findings(self) -> list[Finding]:
        """Scaffold placeholders left in the content files (pages are checked in check_page)."""
        files = sorted({f for condition in self.guides for f in condition.folder.rglob("*.y*ml") if f.is_file()})
        return placeholder_file_findings((f, display(f, self.settings.root)) for f in files)

    def _source_page_infos(self, known: list[PageInfo]) -> list[PageInfo]:
        """Content files own the findings located in them: a YAML file that no generated page
        owns (see ``_generated_location``) gets a report group of its own."""
        have = {path for info in known for path in (info.path, *info.sources)}
        extra = []
        for condition in self.guides:
            for model in (condition.guide, *condition.treatments):
                if model is not None and model.source_path not in have:
                    title = getattr(model, "title", None) or getattr(model, "name", model.source_path)
                    extra.append(PageInfo(path=model.source_path, title=f"{title} (content)"))
                    have.add(model.source_path)
        return extra


def read_markdown(path: Path, shown: str) -> tuple[str | None, Finding | None]:
    """A page's text, or an ``unreadable-file`` finding naming the line of the first bad byte."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, _unreadable(shown, 1, f"cannot read the file: {error.strerror}")
    try:
        # Universal newlines, as MkDocs reads pages: a file with CR-only line ends has its lines.
        return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n"), None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, _unreadable(shown, line, f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); save it as UTF-8")


def _unreadable(path: str, line: int, message: str) -> Finding:
    return make_finding("unreadable-file", path=path, line=line, column=1, end_line=line, end_column=1, text="", sentence="", message=message)


def generated_page_name(src_uri: str) -> str:
    """How the build log, the CLI and the report name a page generated from YAML: its path
    under the docs folder, as MkDocs names it. Findings about it sit in its YAML file."""
    return src_uri


def load_bibliography(sources: Sequence[Path], root: Path | None = None) -> Bibliography:
    """Every ``.bib`` and CSL-JSON file under ``sources`` (files or folders), with each entry's
    excerpt file read in, as the plugin and the CLI load them; problems are ``Bibliography.problems``."""
    root = root or Path.cwd()
    return with_excerpts(BibliographyCache().load(list(sources), root), root)


def with_excerpts(bibliography: Bibliography, root: Path) -> Bibliography:
    """The bibliography with each entry's excerpt file (``sources/KEY.md``) read into its fields."""
    references, signature = attach_excerpts(bibliography.references, root)
    if not signature:
        return bibliography
    return replace(bibliography, references=references, signature=(*bibliography.signature, *signature))


def rating_for(entry: RatingEntry) -> ratings.Rating:
    """The rating a structured benefit declares, located at its ``rating:`` key."""
    return ratings.Rating(
        level=entry.level,
        treatment=entry.treatment,
        outcome=entry.outcome,
        citations=entry.citations,
        upgrade_reasons=entry.upgrade,
        upgrade_note=entry.upgrade_note or "",
        upgrade_declared=entry.upgrade_note is not None and not entry.upgrade,
        rated_down=entry.rated_down,
        path=entry.path,
        line=entry.line,
        column=entry.column,
        text=f"{entry.treatment} -> {entry.outcome}: {entry.level}",
        sentence=" ".join(entry.statement.split()),
    )


def page_review(path: str, title: str, meta: dict) -> PageReview | None:
    """Review dates from a page's metadata (front matter, or the guide for generated pages).

    Only pages that declare themselves part of a guide (``review`` in their metadata) are
    tracked; other pages (a clinic's contact page) have no review cycle.
    """
    review = meta.get("review")
    if not isinstance(review, dict):
        return None
    line = _review_line(review)
    return PageReview(path=path, title=title, last_reviewed=_as_date(review.get("last_reviewed")), next_review_due=_as_date(review.get("next_review_due")), line=line or 1)


def _review_line(review: dict) -> int | None:
    """``review.line`` as a line number, or None when it is not one (``line: abc``)."""
    value = review.get("line", 1) or 1
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
        return None
    return int(value)


def front_matter_problems(path: str, meta: dict) -> list[Finding]:
    """Front matter the checks cannot use, as located findings (never an exception)."""
    review = meta.get("review")
    if isinstance(review, dict) and _review_line(review) is None:
        message = f"front matter review.line: {review.get('line')!r} is not a line number; write a number or remove it"
        return [make_finding("content-error", path=path, line=1, column=1, end_line=1, end_column=1, text="review.line", sentence="", message=message)]
    return []


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _reference_text(reference) -> str:
    authors = reference.authors[0].split(",")[0] + (" et al." if len(reference.authors) > 1 else "") if reference.authors else ""
    parts = [p.rstrip(".") for p in (authors, reference.title, reference.journal, str(reference.year or "")) if p]
    return ". ".join(parts)  # "Smith et al. Title", never "et al.."


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """The same finding reached twice (a page checked on two rebuild passes) is reported once."""
    seen: set[tuple] = set()
    unique = []
    for finding in findings:
        key = (finding.path, finding.line, finding.column, finding.kind, finding.text, finding.message)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique
