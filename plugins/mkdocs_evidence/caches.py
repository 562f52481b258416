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

from .core.bibliography import BibliographyCache
from .core.diskcache import RecordStore, load_pickle, save_pickle, writable_dir
from .core.readability import SyllableCounter
from .rendering import ReferenceFormatter

MAX_RENDERED = 50_000  # rendered markers kept in memory; a long `serve` session starts over


@dataclass
class PluginCaches:
    directory: Path | None
    bibliographies: BibliographyCache
    formatter: ReferenceFormatter
    syllables: SyllableCounter
    page_checks: RecordStore  # PageCheck by page, a hash of its text, and the sources
    sources: RecordStore  # guides and the findings about content, bib and waivers files
    markdown: RecordStore  # each page's Markdown with its markers rendered
    report: RecordStore  # the report's HTML and JSON, by a digest of the report
    jinja_dir: Path | None = None  # compiled templates
    rendered: dict = field(default_factory=dict)  # memory only: markers and reference lists

    @classmethod
    def open(cls, directory: Path | None) -> PluginCaches:
        def file(name: str) -> Path | None:
            return directory / f"{name}.pickle" if directory else None

        return cls(
            directory=directory,
            bibliographies=BibliographyCache(directory),
            formatter=ReferenceFormatter(file("references")),
            syllables=SyllableCounter(load_pickle(file("syllables"), {})),
            page_checks=RecordStore(file("pages")),
            sources=RecordStore(file("sources")),
            markdown=RecordStore(file("markdown")),
            report=RecordStore(file("report")),
            jinja_dir=writable_dir(directory / "jinja") if directory else None,
        )

    def save(self, *, prune: bool = True) -> None:
        """After a build: write what changed, and drop what the build no longer used (unless
        it was a `serve --dirty` build, which reads only the pages that changed)."""
        self.formatter.save()
        for store in (self.page_checks, self.sources, self.markdown, self.report):
            store.save(prune=prune)
        if self.syllables.added:
            save_pickle(self.directory / "syllables.pickle" if self.directory else None, self.syllables.known)
            self.syllables.added = 0
        if len(self.rendered) > MAX_RENDERED:
            self.rendered.clear()
