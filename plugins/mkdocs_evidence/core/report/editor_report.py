"""The editor report: every finding, grouped by page, with what it means and how to fix it.

One model (:class:`Report`) feeds three outputs: JSON for tools, a standalone HTML file that
works offline from disk (inline CSS, no external requests, JavaScript only to enhance the
filters), and an HTML fragment for a page inside the MkDocs site. HTML comes from Jinja2
templates with autoescape on: finding text is untrusted page content.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape

from ..findings import RULES, Finding, Rule, Severity, sentence_span, sort_findings
from ..guide.review import ReviewRow, ReviewState
from ..io.atomic import atomic_write_text
from ..templating import ASSETS_DIR, template_environment

REPORT_VERSION = 1
DEFAULT_READING_TARGET = 8.0
CSS_PATH = ASSETS_DIR / "report.css"
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

# key -> (formatted reference text, figures the entry records)
ReferenceMap = Mapping[str, tuple[str, tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class PageInfo:
    """A page of the site as the report shows it.

    ``sources`` are further files whose findings belong to this page (a generated guide page
    is checked at its YAML files); ``fk_grade``/``smog`` come from ``core.readability``.
    """

    path: str
    title: str
    url: str = ""
    fk_grade: float | None = None
    smog: float | None = None
    review: ReviewRow | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Count:
    """Findings that count, and waived findings, kept apart so waivers never hide in a total."""

    counting: int = 0
    waived: int = 0

    @property
    def total(self) -> int:
        return self.counting + self.waived

    def add(self, finding: Finding) -> Count:
        return Count(self.counting + finding.counts, self.waived + (not finding.counts))

    def to_dict(self) -> dict:
        return {"counting": self.counting, "waived": self.waived}


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts by kind (registry order) and by severity."""

    total: Count
    by_kind: dict[str, Count]
    by_severity: dict[str, Count]

    @property
    def errors(self) -> int:
        """Counting errors: non-zero means ``check`` exits 1."""
        return self.by_severity[Severity.ERROR.value].counting

    def to_dict(self) -> dict:
        return {
            "total": self.total.total,
            "counting": self.total.counting,
            "waived": self.total.waived,
            "errors": self.errors,
            "by_kind": {kind: count.to_dict() for kind, count in self.by_kind.items()},
            "by_severity": {sev: count.to_dict() for sev, count in self.by_severity.items()},
        }


@dataclass(frozen=True, slots=True)
class CitedReference:
    """A reference cited by a finding, with the figures its entry records."""

    key: str
    text: str
    figures: tuple[str, ...]
    known: bool


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding prepared for display: its rule, its sentence split around the flagged span."""

    finding: Finding
    rule: Rule
    before: str
    highlight: str
    after: str
    references: tuple[CitedReference, ...]
    waiver: Mapping[str, object] | None


@dataclass(frozen=True, slots=True)
class PageReport:
    """One page (or, with ``info`` None, one other file such as a .bib) and its findings."""

    path: str
    title: str
    info: PageInfo | None
    findings: tuple[FindingView, ...]
    count: Count
    reading_target: float
    anchor: str = ""

    @property
    def safe_url(self) -> str:
        """The page URL if it is relative or http(s): never a ``javascript:`` link."""
        url = self.info.url if self.info else ""
        scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else ""
        return url if scheme in ("", "http", "https") else ""

    @property
    def fk_above_target(self) -> bool:
        return self.info is not None and self.info.fk_grade is not None and self.info.fk_grade > self.reading_target

    @property
    def smog_above_target(self) -> bool:
        return self.info is not None and self.info.smog is not None and self.info.smog > self.reading_target


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the report shows; build with :func:`build_report`."""

    findings: tuple[Finding, ...]
    pages: tuple[PageReport, ...]
    summary: Summary
    reading_target: float = DEFAULT_READING_TARGET
    title: str = "Evidence report"
    references: ReferenceMap = field(default_factory=dict)

    @property
    def dashboard(self) -> list[PageReport]:
        """Pages (not other files) by review state, worst first; pages with no row last."""

        def key(page: PageReport) -> tuple:
            row = page.info.review if page.info else None
            if row is None:
                return (len(ReviewState), 0, page.path)
            return (row.state.rank, row.days_until_due if row.days_until_due is not None else 0, page.path)

        return sorted((p for p in self.pages if p.info is not None), key=key)


def _rule(kind: str) -> Rule:
    return RULES.get(kind) or Rule(kind, Severity.WARNING, kind, "", "")


def split_sentence(sentence: str, text: str) -> tuple[str, str, str]:
    """``(before, span, after)`` of ``sentence`` around the first occurrence of ``text``.

    When the span is not found verbatim or case-insensitively (or there is no sentence) the
    span stands alone.
    """
    return _split(sentence, text, sentence_span(sentence, text))


def _split(sentence: str, text: str, span: tuple[int, int]) -> tuple[str, str, str]:
    if not sentence:
        return "", text, ""
    start, end = span
    if start < 0:
        return sentence, "", ""
    return sentence[:start], sentence[start:end], sentence[end:]


def _view(finding: Finding, references: ReferenceMap) -> FindingView:
    before, highlight, after = _split(finding.sentence, finding.text, finding.span)
    cited = tuple(
        CitedReference(key, references[key][0], tuple(references[key][1]), True)
        if key in references
        else CitedReference(key, "", (), False)
        for key in finding.citations
    )
    waiver = finding.data.get("waiver") if finding.waived_by is not None else None
    if finding.waived_by is not None and not isinstance(waiver, Mapping):
        waiver = {"id": finding.waived_by}
    return FindingView(finding, _rule(finding.kind), before, highlight, after, cited, waiver)


def _summary(findings: Sequence[Finding]) -> Summary:
    by_kind: dict[str, Count] = {}
    by_severity = {sev.value: Count() for sev in _SEVERITIES}
    total = Count()
    for finding in findings:
        total = total.add(finding)
        by_kind[finding.kind] = by_kind.get(finding.kind, Count()).add(finding)
        sev = Severity(finding.severity).value
        by_severity[sev] = by_severity[sev].add(finding)
    order = {kind: i for i, kind in enumerate(RULES)}
    by_kind = dict(sorted(by_kind.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))
    return Summary(total, by_kind, by_severity)


def _norm(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def build_report(
    findings: Iterable[Finding],
    pages: Sequence[PageInfo],
    *,
    references: ReferenceMap | None = None,
    reading_target: float = DEFAULT_READING_TARGET,
    title: str = "Evidence report",
) -> Report:
    """Group findings by page (a page owns its path and its ``sources``), count them.

    Findings in files that belong to no page (a .bib file, the waivers file) get a group of
    their own after the pages, so nothing is dropped.
    """
    refs: ReferenceMap = references or {}
    ordered = sort_findings(list(findings))
    owner: dict[str, int] = {}
    for i, page in enumerate(pages):
        for path in (page.path, *page.sources):
            owner.setdefault(_norm(path), i)
    grouped: dict[int, list[Finding]] = {i: [] for i in range(len(pages))}
    others: dict[str, list[Finding]] = {}
    for finding in ordered:
        index = owner.get(_norm(finding.path))
        if index is None:
            others.setdefault(_norm(finding.path), []).append(finding)
        else:
            grouped[index].append(finding)

    groups: list[tuple[str, str, PageInfo | None, list[Finding]]] = [(p.path, p.title, p, grouped[i]) for i, p in enumerate(pages)]
    groups += [(path, path, None, items) for path, items in sorted(others.items())]
    page_reports = []
    for n, (path, page_title, info, items) in enumerate(groups, start=1):
        count = Count()
        for item in items:
            count = count.add(item)
        views = tuple(_view(f, refs) for f in items)
        page_reports.append(PageReport(path, page_title, info, views, count, reading_target, f"er-page-{n}"))
    return Report(tuple(ordered), tuple(page_reports), _summary(ordered), reading_target, title, refs)


def _jsonable(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return [_jsonable(v) for v in items]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def report_to_json(report: Report) -> dict:
    """The report as JSON-ready data (schema ``version`` 1); dates as ISO strings."""
    pages = []
    for page in report.pages:
        info = page.info
        pages.append(
            {
                "path": page.path,
                "title": page.title,
                "url": info.url if info else None,
                "sources": list(info.sources) if info else [],
                "is_page": info is not None,
                "reading_level": {
                    "fk_grade": info.fk_grade if info else None,
                    "smog": info.smog if info else None,
                    "target": report.reading_target,
                    "above_target": page.fk_above_target or page.smog_above_target,
                },
                "review": info.review.to_dict() if info and info.review else None,
                "findings": page.count.to_dict(),
            }
        )
    return _jsonable(
        {
            "version": REPORT_VERSION,
            "findings": [finding.to_dict() for finding in report.findings],
            "summary": report.summary.to_dict(),
            "pages": pages,
        }
    )  # type: ignore[return-value]


def report_environment() -> Environment:
    """A Jinja2 environment over the package templates, autoescaping everything."""
    return template_environment(keep_trailing_newline=True)


def report_css() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


_CODE_SPAN = re.compile(r"`([^`\n]+)`")


@lru_cache(maxsize=4096)  # every finding repeats its rule's explanation and fix
def inline_code(text: str) -> Markup:
    """``text`` escaped, with its `backtick` spans (in rule texts) as ``<code>``."""
    parts = _CODE_SPAN.split(str(text))
    return Markup("").join(Markup("<code>{}</code>").format(part) if i % 2 else escape(part) for i, part in enumerate(parts))


def _context(report: Report) -> dict:
    return {
        "code": inline_code,
        "report": report,
        "summary": report.summary,
        "rules": RULES,
        "severities": [s.value for s in _SEVERITIES],
        "ReviewState": ReviewState,
    }


def render_report_html(report: Report, env: Environment | None = None, *, standalone: bool,
                       sections: Mapping[str, str] | None = None) -> str:
    """The report as a standalone HTML document or as a fragment for a MkDocs page.

    The fragment expects ``assets/report.css`` on the page (``extra_css``); the document
    inlines it, and pins a Content-Security-Policy allowing only its own style and script.
    ``sections`` (by page anchor, from :func:`render_page_sections`) are used as they are:
    a caller that keeps them renders only the pages whose findings changed.
    """
    env = env or report_environment()
    names = ("report/standalone.html.j2", "report/fragment.html.j2", "report/_body.html.j2", "report/_macros.html.j2")
    autoescape = env.autoescape
    if not (autoescape is True or (callable(autoescape) and all(autoescape(name) for name in names))):
        # select_autoescape() keys on ".html" and would silently skip our ".html.j2" templates
        raise ValueError("the report needs a Jinja2 environment that autoescapes report/*.html.j2")
    context = {**_context(report), "sections": {anchor: Markup(html) for anchor, html in (sections or {}).items()}}
    if not standalone:
        return env.get_template("report/fragment.html.j2").render(context)
    css = report_css()
    if "</" in css:
        raise ValueError("report.css must not contain '</' (it is inlined in a <style> element)")
    script = env.get_template("report/filter.js.j2").render()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return env.get_template("report/standalone.html.j2").render(
        context,
        css=Markup(css),  # our own file, checked above: raw text inside <style>
        script=Markup(script),
        script_hash=f"sha256-{digest}",
    )


def write_report_files(report: Report, output_dir: Path, env: Environment | None = None) -> tuple[Path, Path]:
    """Write ``report.html`` (standalone) and ``report.json`` into ``output_dir``; the CLI's edge."""
    output_dir = Path(output_dir)
    html_path, json_path = output_dir / "report.html", output_dir / "report.json"
    atomic_write_text(html_path, render_report_html(report, env, standalone=True))
    atomic_write_text(json_path, json.dumps(report_to_json(report), indent=2, ensure_ascii=False) + "\n")
    return html_path, json_path


def report_digest(report: Report) -> str:
    """A digest of everything the report's HTML and JSON show: equal digests, equal output.
    One pass over the findings (and only the references they cite), not a ``repr`` of the
    whole model, which holds every finding twice and the whole bibliography."""
    digest = hashlib.sha1(repr((REPORT_VERSION, report.title, report.reading_target)).encode())
    for page in report.pages:
        digest.update(repr((page.path, page.title, page.info, page.anchor)).encode())
    cited: set[str] = set()
    for f in report.findings:
        digest.update(repr((f.path, f.line, f.column, f.end_line, f.end_column, f.kind, f.severity.value, f.text,
                            f.sentence, f.message, f.citations, f.waived_by, f.data)).encode())
        cited.update(f.citations)
    digest.update(repr(sorted((key, report.references[key]) for key in cited if key in report.references)).encode())
    return digest.hexdigest()


def _page_digest(page: PageReport, references: ReferenceMap) -> str:
    digest = hashlib.sha1(repr((REPORT_VERSION, page.path, page.title, page.info, page.anchor, page.reading_target)).encode())
    for view in page.findings:
        f = view.finding
        digest.update(repr((f.path, f.line, f.column, f.end_line, f.end_column, f.kind, f.severity.value, f.text,
                            f.sentence, f.message, f.citations, f.waived_by, f.data, view.references)).encode())
    return digest.hexdigest()


def page_digests(report: Report) -> dict[str, str]:
    """A digest of each page section of the report (by its anchor): equal digests, equal HTML."""
    return {page.anchor: _page_digest(page, report.references) for page in report.pages if page.findings}


def render_page_sections(report: Report, pages: Sequence[PageReport], env: Environment | None = None) -> dict[str, str]:
    """The report's HTML section of each of ``pages``, by anchor, as ``render_report_html`` shows it."""
    env = env or report_environment()
    module = env.get_template("report/_macros.html.j2").make_module(_context(report))
    return {page.anchor: str(module.page_section(page)) for page in pages}  # type: ignore[attr-defined]

