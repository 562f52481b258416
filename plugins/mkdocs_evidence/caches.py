"""Everything the plugin keeps between builds, in one place.

Each cache lives in memory as long as the plugin instance (MkDocs reuses it for every
``mkdocs serve`` rebuild) and, unless ``cache: false``, in ``.cache/plugin/evidence/`` between
builds. What a record is keyed by is decided where it is used (see CONTRIBUTING.md); this
module only opens and saves them. A warm build of an unchanged site takes every page check,
every page's rendered Markdown, the guides and the report from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .core.bib.bibliography import BibliographyCache
from .core.io.diskcache import RecordStore, load_cache, save_cache
from .core.report.editor_report import Report, page_digests, render_page_sections, render_report_html
from .core.text.readability import SyllableCounter
from .rendering import ReferenceFormatter

MAX_RENDERED = 50_000


@dataclass(frozen=True, slots=True)
class ReportKey:
    """What the report's HTML or JSON is kept by: the output, the report's digest
    (``core.report.report_digest``) and, for HTML, the templates and options it was made with."""

    output: str  # "html" or "json"
    digest: str
    templates: tuple = ()  # rendered markers kept in memory; a long `serve` session starts over


@dataclass
class PluginCaches:
    directory: Path | None
    bibliographies: BibliographyCache
    formatter: ReferenceFormatter
    syllables: SyllableCounter
    page_checks: RecordStore  # PageCheck by page, a hash of its text, and the sources
    sources: RecordStore  # guides and the findings about content, bib and waivers files
    markdown: RecordStore  # each page's Markdown with its markers rendered
    report: RecordStore  # the report's HTML and JSON, by ReportKey
    rendered: dict = field(default_factory=dict)  # memory only: markers and reference lists
    report_sections: dict = field(default_factory=dict)  # memory only: the report's page sections

    @classmethod
    def open(cls, directory: Path | None) -> PluginCaches:
        if directory is not None:
            remove_code_caches(directory)
        def file(name: str) -> Path | None:
            return directory / f"{name}.json" if directory else None

        return cls(
            directory=directory,
            bibliographies=BibliographyCache(directory),
            formatter=ReferenceFormatter(file("references")),
            syllables=SyllableCounter(load_cache(file("syllables"), {})),
            page_checks=RecordStore(file("pages")),
            sources=RecordStore(file("sources")),
            markdown=RecordStore(file("markdown")),
            report=RecordStore(file("report")),
        )

    def save(self, *, prune: bool = True) -> None:
        """After a build: write what changed, and drop what the build no longer used (unless
        it was a `serve --dirty` build, which reads only the pages that changed)."""
        self.formatter.save()
        for store in (self.page_checks, self.sources, self.markdown, self.report):
            store.save(prune=prune)
        if self.syllables.added:
            save_cache(self.directory / "syllables.json" if self.directory else None, self.syllables.known)
            self.syllables.added = 0
        if len(self.rendered) > MAX_RENDERED:
            self.rendered.clear()


def remove_code_caches(directory: Path) -> None:
    """Delete what older versions kept here that would be code if loaded: pickles and Jinja's
    compiled templates (marshal). They are never read; removing them keeps a restored cache
    folder from carrying them along."""
    import shutil

    for old in directory.glob("*.pickle"):
        old.unlink(missing_ok=True)
    shutil.rmtree(directory / "jinja", ignore_errors=True)


class QuietCollector:
    """The cyclic garbage collector, run less often during a build.

    A build makes millions of short-lived objects (Markdown trees, parsed entries, findings);
    with Python's default threshold (700 new objects) the collector runs about a thousand
    times in a cold build and walks everything that is alive each time (half a second of a
    cold 200-page build). Collecting every ``YOUNG`` objects instead costs a few MB at most;
    the old thresholds come back after the build.
    """

    YOUNG = 10_000

    def __init__(self) -> None:
        self._saved: tuple[int, int, int] | None = None

    def start(self) -> None:
        import gc

        current = gc.get_threshold()
        if self._saved is None and 0 < current[0] < self.YOUNG:
            self._saved = current
            gc.set_threshold(self.YOUNG, current[1], current[2])

    def stop(self) -> None:
        import gc

        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None


def report_fragment(report: Report, env, store: RecordStore, sections: dict, digest: str, output: tuple) -> str:
    """The report page's HTML: from ``store`` when the report is unchanged (``digest``); after an
    edit (a `serve` rebuild) only the sections of the pages whose findings changed are rendered
    again, the others come from ``sections`` (memory only, by page digest and ``output``: the
    templates and options they depend on)."""
    whole = ReportKey("html", digest, output)
    html = store.get(whole)
    if html is not None:
        return html
    if len(sections) > MAX_RENDERED:
        sections.clear()
    digests = page_digests(report)
    kept = {anchor: sections.get(ReportKey("section", page_digest, output)) for anchor, page_digest in digests.items()}
    missing = [page for page in report.pages if page.findings and kept.get(page.anchor) is None]
    for anchor, text in render_page_sections(report, missing, env).items():
        kept[anchor] = sections[ReportKey("section", digests[anchor], output)] = text
    ready = {anchor: text for anchor, text in kept.items() if text is not None}
    return store.put(whole, render_report_html(report, env, standalone=False, sections=ready))
