"""Build time of a synthetic site: plain Material vs Material + mkdocs-evidence vs + mkdocs-bibtex.

Usage: python benchmarks/build_speed.py [--sizes 50x500,200x2000,1000x10000] [--runs 3]
                                        [--work /tmp/evbench] [--bibtex-venv /tmp/bibtex-venv]
                                        [--style ama]
                                        [--output benchmarks/results/build_speed.txt]
       python benchmarks/build_speed.py --profile 200x2000   # cProfile -> results/profile.txt

For each size PAGESxREFS, ``benchmarks/sitegen.py`` writes a site (same seed, so the same site
every time) and this script runs ``mkdocs build`` subprocesses, alternating the variants within
each run so that drift on a shared machine hits all of them alike:

- a: plain Material + search (same markdown_extensions; the guide's pages as static Markdown);
- b cold: Material + search + ``evidence`` with its disk cache (``.cache/plugin/evidence``) deleted;
- c: Material + search + mkdocs-bibtex 4.4.0 (its own venv, see ``--bibtex-venv``; skipped if absent);
- b warm: the same as b cold, right after it, with the disk cache in place;
- s cold, s warm (with ``--style NAME``): b with ``citation_style: NAME`` (a CSL style, formatted
  by citeproc-py), in a cache folder of its own, cold then warm.

Each build is one child process; ``os.wait4`` gives its own rusage, so CPU time (user + system)
and peak memory (max RSS) are per build, not a running maximum. Wall time is measured too, but on
a shared 2-core machine CPU time is the steadier number: the ratios are computed on both.
Prints the medians per variant and the ratios b/a and c/a, and merges the table for each size
into the output file (sizes not run this time keep their previous section).

To set up variant c without touching the project's venv::

    python3 -m venv /tmp/bibtex-venv
    /tmp/bibtex-venv/bin/pip install mkdocs==1.6.1 mkdocs-material==9.8.1 mkdocs-bibtex==4.4.0
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import sitegen

VENV_MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    ok: bool


def build(mkdocs: Path, site: Path, config: str, log: Path) -> Sample:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="0")
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([str(mkdocs), "build", "-f", config], cwd=site, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode == 0)


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for part in text.split(","):
        pages, refs = part.lower().split("x")
        sizes.append((int(pages), int(refs)))
    return sizes


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


STYLE_CACHE = ".cache/plugin/evidence-style"


def write_style_config(site: Path, style: str) -> str:
    """``mkdocs-evidence.yml`` with ``citation_style: STYLE`` and a cache folder of its own."""
    text = (site / "mkdocs-evidence.yml").read_text("utf-8")
    option = "      cache: true\n"
    assert option in text, "sitegen's evidence config changed: update write_style_config"
    text = text.replace(option, f"{option}      cache_dir: {STYLE_CACHE}\n      citation_style: {style}\n")
    (site / "mkdocs-evidence-style.yml").write_text(text.replace("site_dir: site-b", "site_dir: site-s"), "utf-8")
    return "mkdocs-evidence-style.yml"


# The sites: "base" (one page in two has an uncited statistic) and "uncited" (one sentence in five
# is an uncited statistic: thousands of findings in the editor report).
SITES = {"base": 0.0, "uncited": 0.25}


@dataclass
class Ratios:
    site: str
    pages: int
    refs: int
    findings: str
    warm: float
    cold: float
    serve: float


def run_size(pages: int, refs: int, runs: int, work: Path, bibtex_mkdocs: Path | None, style: str | None = None,
             site_name: str = "base", serve_rounds: int = 1) -> tuple[str, Ratios]:
    # one function for the measuring loop and its table (the table is the function's whole point)
    share = SITES[site_name]
    site = work / f"p{pages}-r{refs}{'' if site_name == 'base' else '-' + site_name}"
    counts = sitegen.generate(site, pages, refs, uncited_share=share)
    variants = [("a", VENV_MKDOCS, "mkdocs-plain.yml"), ("b cold", VENV_MKDOCS, "mkdocs-evidence.yml")]
    if bibtex_mkdocs is not None:
        variants.append(("c", bibtex_mkdocs, "mkdocs-bibtex.yml"))
    variants.append(("b warm", VENV_MKDOCS, "mkdocs-evidence.yml"))
    if style:
        styled = write_style_config(site, style)
        variants += [("s cold", VENV_MKDOCS, styled), ("s warm", VENV_MKDOCS, styled)]
    samples: dict[str, list[Sample]] = {name: [] for name, _, _ in variants}
    # One untimed plain build first: warms the OS file cache and the .pyc files of MkDocs and
    # Material (sitegen has just written the pages, so they are in the file cache anyway).
    build(VENV_MKDOCS, site, "mkdocs-plain.yml", work / "warmup.log")
    for run in range(runs):
        for name, mkdocs, config in variants:
            if name == "b cold":
                shutil.rmtree(site / ".cache", ignore_errors=True)
            if name == "s cold":
                shutil.rmtree(site / STYLE_CACHE, ignore_errors=True)
            log = work / f"p{pages}-{name.replace(' ', '-')}-{run}.log"
            sample = build(mkdocs, site, config, log)
            samples[name].append(sample)
            status = "" if sample.ok else f"  FAILED (see {log})"
            print(f"  {pages}x{refs} run {run + 1}/{runs} {name:7s} wall {sample.wall:7.2f} s  cpu {sample.cpu:7.2f} s  rss {sample.rss_mb:6.0f} MB{status}", flush=True)

    base_wall = median([s.wall for s in samples["a"]])
    base_cpu = median([s.cpu for s in samples["a"]])
    serve = float("nan")
    if serve_rounds:
        import serve_rebuild

        results = serve_rebuild.measure(site, serve_rounds, 3)
        serve = serve_rebuild.cpu_ratio(results) if results else float("nan")
    findings = _findings(site)
    title = f"== pages={pages} refs={refs}" + ("" if site_name == "base" else f" site={site_name}")
    lines = [
        title,
        f"{pages} pages + {len(sitegen.guide_pages(site / 'content'))} guide pages, {refs} synthetic refs (+ the foot drop bibliography),",
        f"10 citations and 1 rating marker a page; cited sentences: {counts}; runs={runs}, medians;",
        "cpu/a = median CPU of the variant / median CPU of a; paired = median over runs of (variant / a in that run)",
        "",
        f"{'variant':<8} {'wall s':>8} {'cpu s':>8} {'max RSS MB':>11} {'wall/a':>7} {'cpu/a':>7} {'paired':>7}",
    ]
    for name, _, _ in variants:
        group = samples[name]
        wall, cpu = median([s.wall for s in group]), median([s.cpu for s in group])
        # paired: the median of this variant's CPU time over plain's in the same run (builds
        # a minute apart share the machine's state; medians of each variant alone do not)
        paired = median([s.cpu / a.cpu for s, a in zip(group, samples["a"], strict=True)])
        rss = max(s.rss_mb for s in group)
        failed = "  (a build failed)" if not all(s.ok for s in group) else ""
        lines.append(f"{name:<8} {wall:8.2f} {cpu:8.2f} {rss:11.0f} {wall / base_wall:7.2f} {cpu / base_cpu:7.2f} {paired:7.2f}{failed}")
    lines.append(f"serve    rebuild after editing one page, cpu evidence/plain: {serve:.2f} ({serve_rounds} round(s) x 3 rebuilds)")
    lines.append(f"findings {findings}")
    if bibtex_mkdocs is None:
        lines.append("c        skipped: mkdocs-bibtex venv not found (see --bibtex-venv)")
    if style:
        lines.append(f"s        = b with citation_style: {style} (CSL, citeproc-py); s warm / b warm shows what a warm build costs more")
    lines.append("")
    paired = {name: median([s.cpu / a.cpu for s, a in zip(samples[name], samples["a"], strict=True)]) for name in ("b warm", "b cold")}
    return "\n".join(lines), Ratios(site_name, pages, refs, findings, paired["b warm"], paired["b cold"], serve)


def _findings(site: Path) -> str:
    """The finding count of the last evidence build (its report.json)."""
    import json

    reports = sorted((site / "site-b" / "editor").rglob("report.json"))
    if not reports:
        return "unknown (no report.json under site-b/editor/)"
    summary = json.loads(reports[0].read_text("utf-8"))["summary"]
    return f"{summary['total']} findings, {summary['errors']} errors"


def summary(ratios: list[Ratios]) -> str:
    """Warm, cold and serve-rebuild ratios of every site and size, side by side."""
    lines = ["", "== summary: paired CPU ratios vs plain Material (warm, cold build; serve rebuild)",
             f"{'site':<8} {'size':>11} {'warm':>6} {'cold':>6} {'serve':>6}  findings"]
    for r in ratios:
        lines.append(f"{r.site:<8} {f'{r.pages}x{r.refs}':>11} {r.warm:6.2f} {r.cold:6.2f} {r.serve:6.2f}  {r.findings}")
    return "\n".join(lines) + "\n"


def merge(output: Path, sections: list[str], header: str) -> None:
    old: dict[str, str] = {}
    if output.is_file():
        for chunk in re.split(r"(?m)^(?=== )", output.read_text("utf-8")):
            if chunk.startswith("== pages="):
                old[chunk.splitlines()[0]] = chunk.rstrip() + "\n"
    for section in sections:
        old[section.splitlines()[0]] = section.rstrip() + "\n"

    def order(title: str) -> tuple[int, int, str]:
        numbers = re.findall(r"\d+", title)
        return int(numbers[0]), int(numbers[1]), title

    body = "\n".join(old[title] for title in sorted(old, key=order))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(header + "\n" + body, "utf-8")


ENTRY_POINTS = [
    ("plugin.py", "<module>"),  # importing the plugin and its core modules
    ("plugin.py", "on_config"),
    ("plugin.py", "on_files"),
    ("plugin.py", "on_page_markdown"),
    ("markdown_ext.py", "run"),
    ("plugin.py", "_hide_from_search"),
    ("plugin.py", "_restore_after_search"),
    ("plugin.py", "on_env"),
    ("plugin.py", "on_post_build"),
]

# Where a function's own time is counted in the "extra time" table of --profile.
PACKAGES = ("mkdocs_evidence", "material", "jinja2", "markdown", "mkdocs", "pydantic", "pybtex", "latexcodec", "yaml")


def _package(filename: str) -> str:
    for package in PACKAGES:
        if f"/{package}/" in filename or filename.endswith(f"/{package}.py"):
            return package
    if filename.startswith(("overrides/", "/tmp")) or "/overrides/" in filename:
        return "theme overrides"
    if filename == "~":
        return "C builtins (re, pickle, str)"
    if "/lib/python3" in filename and "site-packages" not in filename:
        return "Python standard library"
    if filename.startswith("<frozen"):
        return "imports (importlib)"
    return "other"


def _profile_build(site: Path, config: str, prof: Path):
    import pstats

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    python = ROOT / ".venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "cProfile", "-o", str(prof), str(VENV_MKDOCS), "build", "-f", config],
                   cwd=site, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return pstats.Stats(str(prof))


def profile(pages: int, refs: int, work: Path, output: Path, top: int = 45, *, cold: bool = False, site_name: str = "base") -> None:
    """cProfile one warm (or cold) build with our plugin (``python -m cProfile mkdocs build``)
    and write the plugin's share per event plus the top functions by cumulative and own time."""
    import io
    import pstats

    site = work / f"p{pages}-r{refs}{'' if site_name == 'base' else '-' + site_name}"
    sitegen.generate(site, pages, refs, uncited_share=SITES[site_name])
    build(VENV_MKDOCS, site, "mkdocs-evidence.yml", work / "profile-warmup.log")  # fills the disk cache
    plain = build(VENV_MKDOCS, site, "mkdocs-plain.yml", work / "profile-plain.log")
    prof = work / ("build-cold.prof" if cold else "build.prof")
    if cold:
        shutil.rmtree(site / ".cache", ignore_errors=True)
    stats = _profile_build(site, "mkdocs-evidence.yml", prof)
    plain_stats = _profile_build(site, "mkdocs-plain.yml", work / "plain.prof")
    total, plain_total = stats.total_tt, plain_stats.total_tt
    rows = []
    for (filename, line, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        for suffix, function in ENTRY_POINTS:
            if name == function and filename.endswith(f"mkdocs_evidence/{suffix}"):
                rows.append((f"{suffix}:{line}", function, cumulative))
    ours = sum(c for _, _, c in rows)  # the events, the import and the preprocessor never nest
    by_package: dict[str, list[float]] = {}
    extra: dict[tuple, list[float]] = {}
    for index, source in enumerate((stats, plain_stats)):
        for (filename, line, name), (_, _, own, _, _) in source.stats.items():  # type: ignore[attr-defined]
            by_package.setdefault(_package(filename), [0.0, 0.0])[index] += own
            extra.setdefault((filename.rsplit("/", 1)[-1], line, name), [0.0, 0.0])[index] += own
    buffer = io.StringIO()
    kind = "cold (no disk cache)" if cold else "warm"
    buffer.write(f"# benchmarks/build_speed.py --profile {pages}x{refs}: cProfile of one {kind} `mkdocs build` with evidence, site {site_name}\n")
    buffer.write("# (profiler overhead inflates every number; read shares, not seconds). Plain build of the same site,\n")
    buffer.write(f"# unprofiled: cpu {plain.cpu:.2f} s.\n\n")
    buffer.write(f"total profiled time {total:.2f} s (plain build, profiled: {plain_total:.2f} s, ratio {total / plain_total:.2f});\n")
    buffer.write(f"inside our plugin's import and events {ours:.2f} s ({ours / total:.0%})\n")
    for suffix, function, cumulative in sorted(rows, key=lambda r: -r[2]):
        buffer.write(f"  {suffix + ':' + function:<36} {cumulative:7.2f} s  {cumulative / total:5.1%}\n")
    buffer.write("\n## where the extra time goes: own time by package, evidence vs plain (profiled seconds)\n")
    buffer.write(f"{'package':<30} {'evidence':>9} {'plain':>9} {'extra':>9}\n")
    for package, (mine, theirs) in sorted(by_package.items(), key=lambda kv: -(kv[1][0] - kv[1][1])):
        buffer.write(f"{package:<30} {mine:9.2f} {theirs:9.2f} {mine - theirs:+9.2f}\n")
    buffer.write("\n## the 25 functions with the most extra own time (evidence minus plain, profiled seconds)\n")
    for (file, line, name), (mine, theirs) in sorted(extra.items(), key=lambda kv: -(kv[1][0] - kv[1][1]))[:25]:
        buffer.write(f"{mine - theirs:+7.3f}  {file}:{line}({name})\n")
    for key, title in (("cumulative", "cumulative time"), ("tottime", "own time (tottime)")):
        buffer.write(f"\n## top {top} by {title}\n")
        stream = io.StringIO()
        pstats.Stats(str(prof), stream=stream).strip_dirs().sort_stats(key).print_stats(top)
        text = stream.getvalue()
        buffer.write(text[text.find("   ncalls"):])
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(buffer.getvalue(), "utf-8")
    print(buffer.getvalue()[:3000])
    print(f"wrote {output}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50x500,200x2000,1000x10000", help="PAGESxREFS,... (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/evbench"))
    parser.add_argument("--bibtex-venv", type=Path, default=Path("/tmp/bibtex-venv"))
    parser.add_argument("--output", type=Path, default=HERE / "results" / "build_speed.txt")
    parser.add_argument("--profile", metavar="PAGESxREFS", help="profile one warm build with our plugin instead")
    parser.add_argument("--cold", action="store_true", help="with --profile: a cold build (-> results/profile_cold.txt)")
    parser.add_argument("--sites", default="base,uncited", help=f"sites to build, of {sorted(SITES)} (default: %(default)s)")
    parser.add_argument("--serve-rounds", type=int, default=1, help="serve_rebuild rounds per site and size (0: skip)")
    parser.add_argument("--style", help="also build with this citation_style (a CSL style: ama, apa, a .csl path)")
    args = parser.parse_args(argv)
    if args.profile:
        (pages, refs), = parse_sizes(args.profile)
        site_name = args.sites.split(",")[0]
        name = ("profile_cold" if args.cold else "profile") + ("" if site_name == "base" else f"_{site_name}")
        profile(pages, refs, args.work.with_name(args.work.name + "-profile"), HERE / "results" / f"{name}.txt",
                cold=args.cold, site_name=site_name)
        return 0

    bibtex_mkdocs = args.bibtex_venv / "bin" / "mkdocs"
    if not bibtex_mkdocs.is_file():
        print(f"variant c skipped: {bibtex_mkdocs} not found", file=sys.stderr)
        bibtex_mkdocs = None
    args.work.mkdir(parents=True, exist_ok=True)
    sections, ratios = [], []
    for pages, refs in parse_sizes(args.sizes):
        for site_name in args.sites.split(","):
            section, ratio = run_size(pages, refs, args.runs, args.work, bibtex_mkdocs, args.style, site_name, args.serve_rounds)
            print(section, flush=True)
            sections.append(section)
            ratios.append(ratio)
    table = summary(ratios)
    print(table)
    header = (
        "# benchmarks/build_speed.py: `mkdocs build` of a synthetic site (benchmarks/sitegen.py)\n"
        "# a = plain Material + search; b = + evidence (cold: disk cache deleted; warm: cache kept);\n"
        "# c = + mkdocs-bibtex 4.4.0. cpu = user + system time of the build process; ratios vs a.\n"
        f"# last run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} cores (shared machine: trust cpu/a more than wall/a)\n"
    )
    merge(args.output, sections, header + table)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
