"""`mkdocs serve` rebuild after editing one page: plain Material vs Material + mkdocs-evidence.

Usage: python benchmarks/serve_rebuild.py [--pages 200] [--refs 2000] [--rebuilds 5] [--rounds 2]
                                          [--work /tmp/evbench-serve]
                                          [--output benchmarks/results/serve_rebuild.txt]

What ``mkdocs serve`` (MkDocs 1.6, ``mkdocs/commands/serve.py``) does, replicated in one process:
load the config, call ``config.plugins.on_startup(command="serve", dirty=False)``, build once;
then on each change its ``builder()`` loads the config *again* (``load_config``) and calls
``build(config, serve_url=...)``, a full (not dirty) rebuild. Plugin instances that define
``on_startup`` are reused across those loads: ``Plugins.plugin_cache`` lives on the ``plugins``
config option, which is a class attribute of ``MkDocsConfig``, so it outlives each config.
Our plugin keeps its ``BibliographyCache`` and ``ReferenceFormatter`` on the instance.

Each variant runs in its own child process (``--child``): initial build, then ``--rebuilds``
times: append a cited sentence with a statistic to one page, rebuild, time it (wall and
process CPU). The parent alternates the variants for ``--rounds`` and prints the median rebuild
time per variant and the ratio evidence/plain (target <= 1.25). The sites are those of
``benchmarks/sitegen.py`` (variant a and b of ``build_speed.py``).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

CONFIGS = {"plain": "mkdocs-plain.yml", "evidence": "mkdocs-evidence.yml"}


def child(site: Path, variant: str, rebuilds: int) -> dict:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.basicConfig(level=logging.ERROR)  # as quiet as the log of a serve session that nobody reads
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import _serve_url

    os.chdir(site)
    config_file = str(site / CONFIGS[variant])
    site_dir = tempfile.mkdtemp(prefix="mkdocs_")

    def get_config():
        return load_config(config_file=config_file, site_dir=site_dir)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    serve_url = config.site_url = _serve_url(host, port, "/")

    def builder(config=None) -> None:
        if config is None:
            config = get_config()
            config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=False)

    start, cpu = time.perf_counter(), time.process_time()
    builder(config)
    initial = (time.perf_counter() - start, time.process_time() - cpu)

    docs = Path(config.docs_dir)
    page = min(docs.rglob("page-*.md"))
    original = page.read_text("utf-8")
    bib_keys = sorted(config.plugins["evidence"].project.bibliography.references) if "evidence" in config.plugins else []
    walls, cpus = [], []
    try:
        for number in range(rebuilds):
            key = bib_keys[number % len(bib_keys)] if bib_keys else "smith2001"
            page.write_text(original + f"\nAn edit made {number + 1} minutes ago added 3{number} participants [@{key}].\n", "utf-8")
            start, cpu = time.perf_counter(), time.process_time()
            builder()
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
    finally:
        page.write_text(original, "utf-8")
        config.plugins.on_shutdown()
    return {"variant": variant, "initial_wall": initial[0], "initial_cpu": initial[1], "walls": walls, "cpus": cpus}


def measure(site: Path, rounds: int, rebuilds: int, verbose: bool = False) -> dict[str, list[dict]]:
    """Alternate the variants for ``rounds``, each a child process serving ``site``; {} on failure."""
    results: dict[str, list[dict]] = {name: [] for name in CONFIGS}
    for round_number in range(rounds):
        for variant in CONFIGS:
            out = subprocess.run(
                [sys.executable, __file__, "--child", variant, "--site", str(site), "--rebuilds", str(rebuilds)],
                capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=False,
            )
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
                return {}
            result = json.loads(out.stdout.strip().splitlines()[-1])
            results[variant].append(result)
            if verbose:
                print(f"  round {round_number + 1} {variant:8s} initial {result['initial_wall']:.2f} s; rebuilds (wall) "
                      + " ".join(f"{w:.2f}" for w in result["walls"]), flush=True)
    return results


def cpu_ratio(results: dict[str, list[dict]]) -> float:
    """Median rebuild CPU time with the plugin over the median without."""
    def med(variant: str) -> float:
        return statistics.median(v for r in results[variant] for v in r["cpus"])
    return med("evidence") / med("plain")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--refs", type=int, default=2000)
    parser.add_argument("--rebuilds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/evbench-serve"))
    parser.add_argument("--output", type=Path, default=HERE / "results" / "serve_rebuild.txt")
    parser.add_argument("--uncited-share", type=float, default=0.0, help="sitegen's many-uncited site (0.25)")
    parser.add_argument("--site", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child", choices=sorted(CONFIGS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    site = args.site or args.work / f"p{args.pages}-r{args.refs}{'-u' if args.uncited_share else ''}"
    if args.child:
        print(json.dumps(child(site, args.child, args.rebuilds)))
        return 0

    import sitegen

    sitegen.generate(site, args.pages, args.refs, uncited_share=args.uncited_share)
    results = measure(site, args.rounds, args.rebuilds, verbose=True)
    if not results:
        return 1

    def med(variant: str, field: str) -> float:
        return statistics.median(v for r in results[variant] for v in r[field])

    def med_initial(variant: str, field: str) -> float:
        return statistics.median(r[field] for r in results[variant])

    lines = [
        f"# benchmarks/serve_rebuild.py: `mkdocs serve`-style rebuilds after editing one page, {args.pages} pages, {args.refs} refs",
        f"# {args.rounds} rounds x {args.rebuilds} rebuilds per variant, medians; cpu = process time of the serving process",
        "",
        f"{'variant':<9} {'initial wall s':>15} {'rebuild wall s':>15} {'rebuild cpu s':>14}",
    ]
    for variant in CONFIGS:
        lines.append(f"{variant:<9} {med_initial(variant, 'initial_wall'):15.2f} {med(variant, 'walls'):15.2f} {med(variant, 'cpus'):14.2f}")
    ratio_wall = med("evidence", "walls") / med("plain", "walls")
    ratio_cpu = med("evidence", "cpus") / med("plain", "cpus")
    lines += [
        "",
        f"rebuild ratio evidence/plain: wall {ratio_wall:.2f}, cpu {ratio_cpu:.2f} (target <= 1.25: {'met' if ratio_cpu <= 1.25 else 'NOT met'})",
        f"initial/rebuild, evidence: {med_initial('evidence', 'initial_wall') / med('evidence', 'walls'):.2f}",
    ]
    sitegen.write_result(lines, args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
