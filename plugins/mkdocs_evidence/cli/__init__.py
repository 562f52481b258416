"""``mkdocs-evidence``: check claims, write the editor report, scaffold a guide. No MkDocs build.

Stable contract (scripts depend on it):

    mkdocs-evidence check [PATH ...] [--bib FILE_OR_DIR ...] [--format text|json|sarif]
                          [--output FILE] [--since GIT_REF] [--production] [--summary-only]
    mkdocs-evidence report [--output-dir DIR]
    mkdocs-evidence new-guide NAME
    mkdocs-evidence init DIR --condition NAME [--clinic NAME]
    mkdocs-evidence add DOI_OR_PMID ... [--bib FILE]

Exit codes: 0 no error findings; 1 error findings; 2 usage or input errors (one message, no
traceback).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from mkdocs.utils.meta import get_data

from .. import __version__
from ..config import resolve, validate_options
from ..core.bib.bibliography import BibliographyCache, display
from ..core.findings import Finding, Severity
from ..core.io.atomic import atomic_write_text
from ..core.project import Outcome, PageCheck, Project, ProjectSettings, generated_page_name, read_markdown
from ..core.report.changed_findings import filter_changed
from ..core.report.editor_report import PageInfo, report_to_json, write_report_files
from ..core.report.fixes import References, fix_lines
from ..core.report.sarif import findings_to_sarif
from ..core.settings_check import missing_content
from ..site_config import (
    MARKDOWN_SUFFIXES,
    SiteConfig,
    SiteConfigError,
    project_settings,
    read_site_config,
    zensical_site,
)
from .gitdiff import GitError, changed_lines
from .progress import track


class UsageError(Exception):
    """Bad arguments or unreadable input: exit 2 with one message."""


def _markdown_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in MARKDOWN_SUFFIXES and p.is_file()))
        else:
            files.append(path)
    return files


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _title(text: str, meta: dict, fallback: str) -> str:
    """The page's title as MkDocs gives it: ``title`` in the front matter, else the first
    level-1 heading, else the file's name."""
    if isinstance(meta.get("title"), str):
        return meta["title"]
    heading = _HEADING.search(text)
    return heading.group(1) if heading else fallback


def _site(args: argparse.Namespace) -> SiteConfig | None:
    """The site around the check: ``mkdocs.yml`` (read by MkDocs), else ``zensical.toml``."""
    config_file = Path(args.config_file)
    try:
        if config_file.is_file():
            return read_site_config(config_file)
        if args.config_file == "mkdocs.yml" and Path("zensical.toml").is_file():
            return zensical_site(Path("zensical.toml"))  # a Zensical site, found as mkdocs.yml is
    except SiteConfigError as error:
        raise UsageError(str(error)) from None
    if args.config_file != "mkdocs.yml":
        raise UsageError(f"{config_file}: no such file")
    return None


def _settings(args: argparse.Namespace) -> tuple[ProjectSettings, list[Path], bool, SiteConfig | None]:
    """Project settings from the site's configuration (when there is one) and the command line."""
    site = _site(args)
    bibliography: tuple[Path, ...] | None = None
    if args.bib:
        bibliography = tuple(Path(b) for b in args.bib)
        for bib in bibliography:
            if not bib.exists():
                raise UsageError(f"{bib}: no such bibliography file or folder")
    elif site is None:
        bibliography = ()
    paths = [Path(p) for p in args.paths]
    whole_site = not paths
    if whole_site and site is None:
        if args.command == "report":
            raise UsageError(f"no {args.config_file} here: run 'report' in the folder of a site's mkdocs.yml, or pass -f path/to/mkdocs.yml")
        raise UsageError("no PATH given and no mkdocs.yml here: name the Markdown files or folders to check")
    settings = project_settings(
        site.options if site else validate_options({}, "plugins.evidence"),
        config_file=site.config_file if site else None,
        docs_dir=site.docs_dir if site else Path.cwd(),
        bibliography=bibliography,
        content=site is not None and whole_site,
        waivers=site is not None,
        production=args.production,
    )
    # The whole site: exactly the pages `mkdocs build` renders (exclude_docs, drafts...).
    files = site.site_pages() if whole_site and site is not None else _markdown_files(paths)
    return settings, files, whole_site, site


def run_check(args: argparse.Namespace) -> Outcome:
    settings, files, whole_site, site = _settings(args)
    extra = []
    if whole_site and settings.content_dir is not None and site is not None:
        problem = missing_content(
            site.config_file.name, settings.content_dir, settings.content_dir.name, explicit="content" in site.explicit
        )
        extra = [problem] if problem else []
    options = site.options if site else validate_options({}, "plugins.evidence")
    cache_dir = resolve(str(site.config_file) if site else None, options["cache_dir"]) if options["cache"] else None
    use_cache = cache_dir is not None and cache_dir.parent.is_dir()
    project = Project(settings, BibliographyCache(cache_dir if use_cache else None))
    pages: list[PageCheck] = []
    for file in track(files, total=len(files), label="checking"):
        source, problem = read_markdown(file, display(file, settings.root))
        if problem is not None or source is None:  # reported, and every other page still checked
            pages.append(PageCheck(PageInfo(path=display(file, settings.root), title=file.stem), (problem,) if problem else ()))
            continue
        meta = get_data(source)[1]  # MkDocs' own front matter reading
        path = display(file, settings.root)
        pages.append(project.check_page(path, source, title=_title(source, meta, file.stem), meta=meta))
    for page in project.generated_pages:
        pages.append(
            project.check_page(generated_page_name(page.src_uri), page.markdown, title=page.title, meta=page.meta, rendered_markdown=page.markdown, generated=True)
        )
    outcome = project.finish(pages, extra=extra)
    if not settings.bibliography and any(f.kind == "unknown-citation" for f in outcome.findings):
        keys = sorted({k for f in outcome.findings if f.kind == "unknown-citation" for k in f.citations})
        shown = ", ".join(f"@{k}" for k in keys[:3]) + (" ..." if len(keys) > 3 else "")
        raise UsageError(f"no bibliography: pass --bib FILE_OR_DIR (a .bib file or folder) to check the citations ({shown})")
    if getattr(args, "since", None):
        try:
            changed = changed_lines(settings.root, args.since)
        except GitError as error:
            raise UsageError(str(error)) from error
        # own lines, the YAML block, or a cited .bib entry (core/report/changed_findings.py)
        kept = tuple(filter_changed(outcome.findings, changed, root=settings.root, references=project.bibliography.references))
        outcome = Outcome(kept, outcome.report)
    return outcome


def summary_table(findings: Sequence[Finding]) -> str:
    """Counts by kind and severity, the way an editor scans them."""
    counting = [f for f in findings if f.counts]
    by_kind = Counter((f.kind, f.severity.value) for f in counting)
    waived = sum(1 for f in findings if not f.counts)
    width = max([len(k) for k, _ in by_kind] + [len("kind")])
    lines = [f"{'kind':<{width}}  {'severity':<8}  count", f"{'-' * width}  {'-' * 8}  -----"]
    for (kind, severity), count in sorted(by_kind.items(), key=lambda item: (-_rank(item[0][1]), item[0][0])):
        lines.append(f"{kind:<{width}}  {severity:<8}  {count:>5}")
    totals = Counter(f.severity.value for f in counting)
    if not by_kind:
        lines = []
    lines.append(f"claim check: {totals['error']} errors, {totals['warning']} warnings, {totals['info']} notes, {waived} waived")
    return "\n".join(lines)


def _rank(severity: str) -> int:
    return {"error": 3, "warning": 2, "info": 1}.get(severity, 0)


def format_text(findings: Sequence[Finding], references: References | None = None) -> str:
    """One line a finding, then its fix (and what a cited source records), indented."""
    lines = []
    for f in findings:
        if f.counts:
            lines.append(f"{f.location}: {f.severity.value}: {f.message} [{f.kind}]")
            lines.extend(f"    {line}" for line in fix_lines(f, references))
    return "\n".join([*lines, "", summary_table(findings)]) if lines else summary_table(findings)


def cmd_check(args: argparse.Namespace) -> int:
    outcome = run_check(args)
    findings = list(outcome.findings)
    if args.format == "json":
        data = report_to_json(outcome.report)
        data["findings"] = [f.to_dict() for f in findings]
        output = json.dumps(data, indent=2, ensure_ascii=False)
    elif args.format == "sarif":
        output = json.dumps(findings_to_sarif(findings, tool_version=__version__, references=outcome.report.references), indent=2, ensure_ascii=False)
    elif args.summary_only:
        output = summary_table(findings)
    else:
        output = format_text(findings, outcome.report.references)
    if args.output:
        try:
            atomic_write_text(Path(args.output), output + "\n")
        except OSError as error:
            raise UsageError(f"{args.output}: cannot write the output: {error.strerror or error}") from error
        if args.format != "text":
            print(summary_table(findings), file=sys.stderr)
    else:
        print(output)
    return 1 if any(f.counts and f.severity is Severity.ERROR for f in findings) else 0


def cmd_report(args: argparse.Namespace) -> int:
    args.paths, args.bib, args.since = [], [], None
    outcome = run_check(args)
    try:
        html_path, json_path = write_report_files(outcome.report, Path(args.output_dir))
    except OSError as error:
        raise UsageError(f"{args.output_dir}: cannot write the report: {error.strerror or error}") from error
    print(f"wrote {html_path} and {json_path}")
    print(summary_table(list(outcome.findings)))
    return 1 if outcome.count(Severity.ERROR) else 0


def cmd_new_guide(args: argparse.Namespace) -> int:
    from ..scaffold import ScaffoldError, scaffold_guide

    content = Path(args.content_dir)
    if content.exists() and not content.is_dir():
        raise UsageError(f"{content}: --content-dir is a file, not a folder; name the folder that holds the guides")
    try:
        written = scaffold_guide(args.name, content)
    except ScaffoldError as error:
        raise UsageError(str(error)) from error
    except OSError as error:  # a name too long for the file system, a file as --content-dir
        where = error.filename or content
        raise UsageError(f"{where}: cannot create the guide: {error.strerror or error}") from error
    for path in written:
        print(f"created {path}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    from ..init_project import init_project
    from ..scaffold import ScaffoldError

    try:
        result = init_project(Path(args.directory), condition=args.condition, clinic=args.clinic)
    except (ScaffoldError, OSError) as error:
        raise UsageError(str(error)) from error
    for path in result.written:
        print(f"created {path}")
    print()
    print(result.next_steps())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mkdocs-evidence", description="Evidence-checked patient guides: claim checker, editor report, guide scaffold.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="find uncited or unsupported claims (exit 1 on error findings)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="Markdown files or folders (default: the site of mkdocs.yml)")
    check.add_argument("--bib", action="append", default=[], metavar="FILE_OR_DIR", help="a .bib file or folder (repeatable; default: the site's)")
    check.add_argument("--format", choices=("text", "json", "sarif"), default="text")
    check.add_argument("--output", metavar="FILE", help="write the result to FILE instead of standard output")
    check.add_argument("--since", metavar="GIT_REF", help="only findings on lines changed since GIT_REF")
    check.add_argument("--production", action="store_true", help="overdue reviews are errors")
    check.add_argument("--summary-only", action="store_true", help="print only the summary table")
    check.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    check.set_defaults(handler=cmd_check)

    report = commands.add_parser("report", help="write the editor report as standalone HTML and JSON")
    report.add_argument("--output-dir", default="report", metavar="DIR")
    report.add_argument("--production", action="store_true")
    report.add_argument("-f", "--config-file", default="mkdocs.yml")
    report.set_defaults(handler=cmd_report)

    new_guide = commands.add_parser("new-guide", help="scaffold content/<name>/ from a commented template")
    new_guide.add_argument("name", metavar="NAME")
    new_guide.add_argument("--content-dir", default="content")
    new_guide.set_defaults(handler=cmd_new_guide)

    init = commands.add_parser("init", help="write a new standalone site (mkdocs.yml, docs/, citations/, content/, CI) into DIR")
    init.add_argument("directory", metavar="DIR")
    init.add_argument("--condition", required=True, metavar="NAME", help='the first guide, e.g. "Carpal tunnel syndrome"')
    init.add_argument("--clinic", metavar="NAME", help="your clinic's name, shown on every page")
    init.set_defaults(handler=cmd_init)

    from .add import register  # `add DOI PMID`: fetch a reference (cli/add.py)

    register(commands, UsageError)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as error:
        print(f"mkdocs-evidence: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
