"""The MkDocs adapter: wires MkDocs events to the core. Nothing here decides what is a finding.

Event plan (see CONTRIBUTING.md):
- ``on_config``: validate paths, load the project (bibliography, guides, waivers), register the
  Markdown extension and our stylesheets.
- ``on_files``: add the pages generated from YAML, "How we rate evidence" and the editor report.
- ``on_page_markdown``: check hand-written pages; put the comparison table into the treatments
  page; give generated pages their metadata (review dates, authors) for the templates.
- ``on_env`` (late): apply waivers and review dates, log a line per kind of finding, fill in the report.
- ``on_post_build``: write ``report.json`` and fail a strict build on error or warning findings,
  whatever the log level (``mkdocs build -q --strict`` hides warnings from MkDocs' own counter).
"""

from __future__ import annotations

import hashlib
import json
import logging
import posixpath
from html import unescape as html_unescape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, nest_paths

from .caches import PluginCaches, QuietCollector, ReportKey, report_fragment
from .config import EvidenceConfig, publish_failure, resolve
from .core.bib.bibliography import display
from .core.findings import Finding, Severity
from .core.guide.guides import mkdocs_nav
from .core.io.atomic import atomic_write_text
from .core.project import Outcome, PageCheck, Project, generated_page_name, read_markdown
from .core.ratings import find_rating_markers, render_how_we_rate
from .core.report.editor_report import report_digest, report_to_json
from .core.report.findings_log import each_finding, log_summary
from .core.settings_check import missing_content
from .csl_styles import CitationStyleError, resolve_style
from .dirty import check_skipped_pages
from .markdown_ext import EvidenceExtension
from .render import bibliography_page, search_view, slots
from .render.environment import is_template_override, legacy_override_files, make_environment, overrides_signature
from .render.ratings import RatingRenderer
from .rendering import PACKAGE_ASSETS
from .site_config import project_settings
from .site_theme import SetupError, set_up_site, third_party_findings

log = get_plugin_logger(__name__)

STYLESHEETS = ("citations.css", "ratings.css", "report.css", "site.css", "print.css")


class EvidencePlugin(BasePlugin[EvidenceConfig]):
    """Citations, claim checking, evidence ratings and the editor report for MkDocs."""

    def __init__(self) -> None:
        # Kept across `mkdocs serve` rebuilds (MkDocs reuses a plugin that has on_startup).
        self.caches: PluginCaches | None = None
        self._output_signature: tuple | None = None
        self.page_checks: dict[str, PageCheck] = {}
        self.project: Project | None = None
        self.is_serve = False
        self.is_dirty = False
        self.collector = QuietCollector()
        self._saved_in_serve = False  # a `serve` session writes its caches after its first build and at its end

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"
        # `serve --dirty` converts only the pages that changed: the others keep their checks.
        self.is_dirty = dirty

    def on_shutdown(self) -> None:
        """The end of a `serve` session: its caches are written (each rebuild only kept them in
        memory), and nothing carries over to another command in this process."""
        if self._saved_in_serve and self.caches is not None:
            self.caches.save(prune=not self.is_dirty)
        self._saved_in_serve = False
        self.is_serve = self.is_dirty = False
        self.page_checks = {}

    @property
    def _project(self) -> Project:
        """The project ``on_config`` loaded; every later event runs only after it."""
        if self.project is None:
            raise PluginError("evidence: the plugin's on_config did not run")
        return self.project

    @property
    def _caches(self) -> PluginCaches:
        if self.caches is None:
            raise PluginError("evidence: the plugin's on_config did not run")
        return self.caches

    # -- configuration ---------------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        self.collector.start()  # until on_post_build
        settings = project_settings(self.config, config_file=config.config_file_path, docs_dir=Path(config.docs_dir), custom_dir=config.theme.custom_dir)
        root = settings.root
        cache_dir = resolve(config.config_file_path, self.config.cache_dir) if self.config.cache else None
        if self.caches is None or self.caches.directory != cache_dir:
            self.caches = PluginCaches.open(cache_dir)
        if not (self.is_dirty and self.project is not None and self.project.settings.root == root):
            self.page_checks = {}
        self.project = Project(settings, self.caches.bibliographies, self.caches.syllables, self.caches.sources)
        self._reset_build_state()
        missing = missing_content(
            Path(config.config_file_path or "mkdocs.yml").name, settings.content_dir, self.config.content,
            explicit=self.config.content != EvidenceConfig.content.default,  # the default may be absent
        )
        self.unreadable.extend([missing] if missing else [])
        self._set_up_extension(config, self._citation_style(root))
        # The packaged theme (after the site's custom_dir), the Markdown extensions the
        # generated pages need, the clinic settings, no third-party fonts (site_theme.py).
        try:
            set_up_site(config)
        except SetupError as error:
            raise PluginError(str(error)) from None
        self.unreadable.extend(third_party_findings(config, root))
        # Ours first, so a clinic's own extra_css wins.
        config.extra_css[0:0] = [f"assets/evidence/{name}" for name in STYLESHEETS if (PACKAGE_ASSETS / name).is_file()]
        if self.is_serve and self.config.report and not self.config.report_on_build:
            log.info("the editor report is a draft page: it is shown in `mkdocs serve` only")
        return config

    def _reset_build_state(self) -> None:
        """What one build collects, empty at its start."""
        self.generated: dict[str, dict] = {}
        self.unreadable: list[Finding] = []
        self._hidden: dict[str, list[str]] = {}  # parts kept out of the search index, by page
        self.outcome: Outcome | None = None
        self.report_file: File | None = None
        self._current_how_we_rate: str | None = None

    def _set_up_extension(self, config: MkDocsConfig, style) -> None:
        """The template environment, the badge renderer and the Markdown extension."""
        caches = self._caches
        custom_dir = config.theme.custom_dir
        self.env = make_environment(custom_dir)
        self.ratings = RatingRenderer(
            scale=self._project.scale,
            bibliography=self._project.bibliography,
            env=self.env,
            treatments=[t for guide in self._project.guides for t in guide.treatments],
        )
        # What rendered markers depend on besides the page and the bibliography: the site's
        # template overrides, the scale, the options; and, per page, the link to "How we rate".
        templates = overrides_signature(custom_dir)
        output_signature = (templates, self.config.rating_scale, self.config.references_title, style.digest)
        if output_signature != self._output_signature:
            caches.rendered.clear()
            self._output_signature = output_signature
        self.extension = EvidenceExtension(
            bibliography=self._project.bibliography,
            env=self.env,
            formatter=caches.formatter,
            memo=caches.rendered,
            pages=caches.markdown,
            output_key=lambda: (output_signature, self._current_how_we_rate),
            find_rating_markers=find_rating_markers,
            render_rating=lambda raw: self.ratings.badge(raw, self._current_how_we_rate),
            references_title=self.config.references_title,
            citation_style=style,
        )
        config.markdown_extensions.append(self.extension)

    def _citation_style(self, root: Path):
        """The configured citation style (a bad one stops the build with one message), and a
        fresh start for the bibliography page's records."""
        self.cited: dict[str, tuple[str, ...]] = {}  # known keys each page cites (bibliography_page)
        self.bibliography_file: File | None = None
        try:
            return resolve_style(self.config.citation_style, root)
        except CitationStyleError as error:
            raise PluginError(f"evidence: {error}") from None

    # -- pages -----------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        # A page MkDocs cannot decode would stop the build with a traceback: report it with its
        # line, leave it out, and check the rest of the site.
        for file in list(files.documentation_pages()):
            if file.generated_by is None and file.abs_src_path:
                _text, problem = read_markdown(Path(file.abs_src_path), display(Path(file.abs_src_path), self._project.settings.root))
                if problem is not None:
                    self.unreadable.append(problem)
                    files.remove(file)
        # The override folder holds templates (docs/templates.md): they are read, not published.
        custom_dir = config.theme.custom_dir
        for file in [f for f in files if f.abs_src_path and is_template_override(f.abs_src_path, custom_dir)]:
            files.remove(file)
        for path, moved in legacy_override_files(custom_dir):
            root = self._project.settings.root
            log.info("%s: still read; template overrides now go in %s", display(path, root), display(Path(custom_dir or "") / moved, root))
        for name in STYLESHEETS:
            source = PACKAGE_ASSETS / name
            if source.is_file():
                files.append(File.generated(config, f"assets/evidence/{name}", abs_src_path=str(source)))
        for page in self._project.generated_pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                log.warning("%s exists in docs/ and is also generated from content/; the generated page is used", page.src_uri)
                files.remove(existing)
            files.append(File.generated(config, page.src_uri, content=page.markdown))
            self.generated[page.src_uri] = page.meta
        how = self.config.how_we_rate_path
        if files.get_file_from_path(how) is None:
            titles = [g.guide.title.lower() for g in self._project.guides if g.guide is not None]
            markdown = render_how_we_rate(
                self.env,
                self._project.scale,
                condition=titles[0] if len(titles) == 1 else "",
                max_age_years=self.config.max_evidence_age_years,
            )
            files.append(File.generated(config, how, content=markdown))
        if self.config.bibliography_page and files.get_file_from_path(self.config.bibliography_page) is None:
            content = bibliography_page.page_markdown(self.config.references_title)
            self.bibliography_file = File.generated(config, self.config.bibliography_page, content=content)
            files.append(self.bibliography_file)
        if config.nav is None:
            config.nav = self._reading_order_nav(files)
        if self.config.report:
            inclusion = InclusionLevel.NOT_IN_NAV if self._publish_report else InclusionLevel.DRAFT
            content = f"---\ntitle: Editor report\nsearch:\n  exclude: true\naudience: editors\n---\n\n# Editor report\n\n{slots.REPORT}\n"
            self.report_file = File.generated(config, self.config.report_path, content=content, inclusion=inclusion)
            files.append(self.report_file)
        return files

    @property
    def _publish_report(self) -> bool:
        """Whether the built site carries the report: not in a production build unless asked."""
        return self.config.report_on_build and (not self.config.production or self.config.report_in_production)

    def _reading_order_nav(self, files: Files) -> list:
        """Without a ``nav`` in mkdocs.yml: home, each guide in reading order, then the other
        hand-written pages grouped by folder as MkDocs would, then "How we rate evidence".
        Alphabetical order would put "causes" before "what is it"."""
        generated = set(self.generated)
        how = self.config.how_we_rate_path
        pages = [
            f.src_uri
            for f in files.documentation_pages()
            if f.src_uri not in generated and f.src_uri != how and f.inclusion.is_in_nav()
        ]
        home = [uri for uri in pages if uri in ("index.md", "README.md")][:1]
        nav: list = list(home)
        for condition in self._project.guides:
            if condition.guide is not None:
                nav.append(mkdocs_nav(condition.guide, condition.treatments, base_uri=self._project.settings.guide_base_uri))
        nav.extend(nest_paths(uri for uri in pages if uri not in home))
        nav.append({"How we rate evidence": how})
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled:
            return None
        src_uri = page.file.src_uri
        how_we_rate = files.get_file_from_path(self.config.how_we_rate_path)
        self._current_how_we_rate = get_relative_url(how_we_rate.url, page.url) if how_we_rate else None
        if self.report_file is not None and src_uri == self.report_file.src_uri:
            return None
        if self.bibliography_file is not None:
            self._collect_citations(src_uri, markdown)
        generated_meta = self.generated.get(src_uri)
        prose_markdown = markdown  # read for the reading level before tables are put in
        if generated_meta is not None:
            page.meta.update(generated_meta)
            if slots.COMPARISON in markdown:
                markdown = markdown.replace(slots.COMPARISON, self._comparison(page, files))
            if slots.RANGES in markdown:
                markdown = markdown.replace(slots.RANGES, self._comparison(page, files, ranges=True))
        if self.config.check and src_uri != self.config.how_we_rate_path:
            # "How we rate evidence" is our own method statement, generated from the scale data
            source = page.file.content_string
            digest = hashlib.sha1(repr((source, prose_markdown, page.title, page.url, page.meta)).encode()).hexdigest()
            key = (src_uri, digest, self._project.signature)
            check = self._caches.page_checks.get(key)
            if check is None:
                if generated_meta is not None:
                    path = generated_page_name(src_uri)
                else:
                    path = display(Path(page.file.abs_src_path), self._project.settings.root) if page.file.abs_src_path else src_uri
                check = self._project.check_page(
                    path,
                    source,
                    # MkDocs titles are HTML (generated ones are escaped for themes): the report
                    # wants text, and escapes it itself ("Shoes &amp;amp; socks" otherwise)
                    title=html_unescape(page.title) if page.title else src_uri,
                    url=page.url,
                    rendered_markdown=prose_markdown,
                    meta=dict(page.meta),
                    generated=generated_meta is not None,
                )
                self._caches.page_checks.put(key, check)
            self.page_checks[src_uri] = check
        return markdown

    def _collect_citations(self, src_uri: str, markdown: str) -> None:
        """The known keys a page cites, for the bibliography page (kept by the page's text)."""
        if self.bibliography_file is None or src_uri == self.bibliography_file.src_uri:
            return
        key = ("cited", hashlib.sha1(markdown.encode()).hexdigest(), self._project.bibliography.signature)
        keys = self._caches.markdown.get(key)
        if keys is None:
            keys = self._caches.markdown.put(key, bibliography_page.cited_keys(markdown, self._project.bibliography))
        self.cited[src_uri] = keys

    def _fill_bibliography_page(self, files: Files) -> None:
        page = self.bibliography_file.page if self.bibliography_file is not None else None
        if page is None:
            return
        pages = []
        for uri, keys in self.cited.items():
            file = files.get_file_from_path(uri)
            if keys and file is not None and file.page is not None:
                href = get_relative_url(file.page.url, page.url)
                if file.page.url in ("", "/") or file.page.url.endswith("/"):
                    href = href.rstrip("/") + "/"  # "..#ref-x" would be a file named ".."
                pages.append(bibliography_page.CitingPage(file.page.title or uri, href, keys))
        html = bibliography_page.render_bibliography(self.extension.citations, pages, self.config.references_title)
        page.content = slots.fill(page.content or "", slots.BIBLIOGRAPHY, html)

    def _comparison(self, page: Page, files: Files, *, ranges: bool = False) -> str:
        condition = next((g for g in self._project.guides if g.guide and g.guide.slug == page.meta.get("condition")), None)
        if condition is None or condition.guide is None:
            return ""

        treatment_pages = {p.meta["evidence"].get("treatment"): p.src_uri for p in condition.pages}

        def href(treatment) -> str | None:
            file = files.get_file_from_path(treatment_pages.get(treatment.slug, ""))
            return get_relative_url(file.url, page.url) if file else None

        name = condition.guide.title.lower()
        if ranges:
            caption = f"Treatments for {name}: how sure we are, from the least to the most certain result. The guide explains each one."
            return "\n" + self.ratings.ranges(caption=caption, treatments=condition.treatments, href=href) + "\n"
        return "\n" + self.ratings.comparison(
            caption=f"Treatments for {name}: how sure we are that each one helps",
            treatments=condition.treatments,
            href=href,
            how_we_rate_href=self._current_how_we_rate,
        ) + "\n"

    # -- search ----------------------------------------------------------------------------

    @event_priority(90)  # before the search plugin (0) reads the page
    def _hide_from_search(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.config.enabled and page.content:
            page.content, self._hidden[page.file.src_uri] = search_view.hide(page.content)
        return context

    @event_priority(-90)  # after it, before the page template is rendered
    def _restore_after_search(self, context, *, page: Page, config: MkDocsConfig, nav):
        if self.config.enabled and page.content:
            page.content = search_view.restore(page.content, self._hidden.pop(page.file.src_uri, []))
        return context

    on_page_context = CombinedEvent(_hide_from_search, _restore_after_search)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        """Rebuild when content, bibliography or waivers change, wherever they live."""
        if self.config.enabled:
            settings = self._project.settings
            for path in (*settings.bibliography, settings.content_dir, settings.waivers):
                if path is not None and path.exists():
                    server.watch(str(path))
        return server

    # -- findings and the report -------------------------------------------------------------

    @event_priority(-50)  # late: every page has been read and converted
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if not self.config.enabled:
            return None
        self.page_checks = {uri: check for uri, check in self.page_checks.items() if files.get_file_from_path(uri) is not None}
        if self.is_dirty and self.config.check:  # `build --dirty`: pages MkDocs skipped keep their findings
            skip = {*self.generated, self.config.how_we_rate_path, self.report_file.src_uri if self.report_file else ""}
            self.page_checks.update(check_skipped_pages(self._project, files.documentation_pages(), self.page_checks, skip))
        self.outcome = self._project.finish(list(self.page_checks.values()), extra=self.unreadable)
        _log_findings(self.outcome.findings)
        errors, warnings = self.outcome.count(Severity.ERROR), self.outcome.count(Severity.WARNING)
        waived = sum(1 for f in self.outcome.findings if not f.counts)
        log.info("claim check: %d errors, %d warnings, %d waived, %d pages", errors, warnings, waived, len(self.page_checks))
        # The report of an unchanged site is the same report: rendered once, kept by its digest.
        self._report_digest = report_digest(self.outcome.report)
        if self.bibliography_file is not None and self.bibliography_file.page is not None:
            self._fill_bibliography_page(files)
        if self.report_file is not None and self.report_file.page is not None:
            html = report_fragment(self.outcome.report, self.env, self._caches.report, self._caches.report_sections,
                                   self._report_digest, self._output_signature or ())
            page = self.report_file.page
            page.content = slots.fill(page.content or "", slots.REPORT, html)
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """The report names reviewers and gives waiver reasons: wherever it is published, it
        asks search engines not to index it (in any theme, so in the page's head here)."""
        if self.config.enabled and self.report_file is not None and page.file is self.report_file and "</head>" in output:
            return output.replace("</head>", self.env.get_template("report/noindex.html").render() + "\n</head>", 1)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.outcome is None:
            self.collector.stop()
            return
        if self.report_file is not None and self._publish_report:
            target = Path(config.site_dir) / posixpath.dirname(self.report_file.dest_uri) / "report.json"
            key = ReportKey("json", self._report_digest)
            text = self._caches.report.get(key) or self._caches.report.put(key, json.dumps(report_to_json(self.outcome.report), indent=2, ensure_ascii=False) + "\n")
            atomic_write_text(target, text)
        if not (self.is_serve and self._saved_in_serve):  # `serve`: after its first build, then at the end
            self._caches.save(prune=not self.is_dirty)  # a dirty build did not read every record
            self._saved_in_serve = self.is_serve
        self.collector.stop()
        errors, warnings = self.outcome.count(Severity.ERROR), self.outcome.count(Severity.WARNING)
        failing = publish_failure(errors, warnings, fail_on=self.config.fail_on, strict=config.strict, serve=self.is_serve)
        if failing:
            raise PluginError(f"evidence: {failing} (see the messages above, or the editor report at {self.config.report_path})")


def _log_findings(findings) -> None:
    """One line per kind of finding; with ``--verbose`` (debug) every finding too."""
    if log.isEnabledFor(logging.DEBUG):
        for line in each_finding(findings):
            log.debug(line)
    for summary in log_summary(findings):
        if summary.severity is Severity.ERROR:
            log.error(summary.text)
        elif summary.severity is Severity.WARNING:
            log.warning(summary.text)
        else:
            log.debug(summary.text)
