"""Issue 17's adversarial inputs, doubled: time and peak memory ratios. (Prints; never a test.)

Each shape is run at size n and 2n through the stage that used to be slow: the reading level
(table rules, long runs of spaces, emphasis marks, a huge inline image), a YAML prose field
(nested ``[``: loaded, checked and rendered to HTML; above 1,000 loose brackets the field is
refused with one message, so the large sizes measure that), deep YAML nesting, and one line
holding many statistics (checked, then the findings written as the report's JSON and into the
data-only cache). Linear work gives a time ratio near 2 and a memory ratio near 2 (or 1);
quadratic work gives 4 or more.

    .venv/bin/python benchmarks/adversarial_inputs.py [--small]
"""

from __future__ import annotations

import gc
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from mkdocs_evidence.core.bib.bibliography import Bibliography
from mkdocs_evidence.core.check import Located, check_text
from mkdocs_evidence.core.guide.content import parse_guide
from mkdocs_evidence.core.guide.guides import render_guide_pages
from mkdocs_evidence.core.io.datacodec import dumps
from mkdocs_evidence.core.text.readability import strip_markdown

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "content" / "foot-drop" / "guide.yml"
SUMMARY = 'summary: "Foot drop makes it hard to lift the front of the foot [@stewart2008]."'


def _guide_with_summary(value: str) -> str:
    return FIXTURE.read_text(encoding="utf-8").replace(SUMMARY, "summary: '" + value.replace("'", "''") + "'")


def yaml_field(value: str) -> None:
    import markdown

    guide, _errors = parse_guide(_guide_with_summary(value), "guide.yml")
    if guide is None:
        return  # refused with one located message (more than 1,000 loose brackets)
    for field in guide.iter_prose():
        where = Located(field.path, field.line, field.column)
        check_text(field.text, where, Bibliography(), position=field.position, markup=field.markup)
    extensions = ["attr_list", "md_in_html", "admonition", "abbr", "def_list", "tables"]
    for page in render_guide_pages(guide, [], base_uri=""):
        markdown.Markdown(extensions=extensions).convert(page.markdown)


def deep_yaml(depth: int) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(SUMMARY, "summary: " + "[" * depth + "]" * depth)
    parse_guide(text, "guide.yml")


def many_statistics(count: int) -> None:
    text = "People got better: " + "12% and " * count + "done.\n"
    findings = check_text(text, Located("a.md"), Bibliography()).findings
    json.dumps([finding.to_dict() for finding in findings])
    dumps(findings, ("v", 1))


SHAPES: dict[str, tuple[Callable[[int], object], int]] = {
    # name: (run at size n, n for --small; the full run uses 4x)
    "reading level: spaces": (lambda n: strip_markdown(" " * n), 20_000),
    "reading level: table rule": (lambda n: strip_markdown("|---" * (n // 4) + "x"), 20_000),
    "reading level: emphasis": (lambda n: strip_markdown("**a " * (n // 4)), 20_000),
    "reading level: nested [": (lambda n: strip_markdown("[" * n), 20_000),
    "reading level: data URI": (lambda n: strip_markdown("![x](data:image/png;base64," + "A" * n + ")\n"), 40_000),
    "YAML field: nested [": (lambda n: yaml_field("[" * n), 5_000),
    "YAML field: data URI": (lambda n: yaml_field("![x](data:image/png;base64," + "A" * n + ")"), 40_000),
    "YAML: deep nesting": (deep_yaml, 200),
    "one line: statistics": (many_statistics, 2_000),
    "check: long line": (lambda n: check_text("word " * (n // 5), Located("a.md"), Bibliography()), 100_000),
}


def measure(run: Callable[[int], object], size: int) -> tuple[float, float]:
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    run(size)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak / 1e6


def main() -> None:
    scale = 1 if "--small" in sys.argv else 4
    for run, size in SHAPES.values():  # warm up imports and compiled patterns
        run(min(size, 10))
    print(f"{'input':<28} {'n':>8} {'time n':>8} {'time 2n':>8} {'ratio':>6} {'MB n':>8} {'MB 2n':>8} {'ratio':>6}")
    for name, (run, size) in SHAPES.items():
        n = size * scale
        first, first_mb = measure(run, n)
        second, second_mb = measure(run, 2 * n)
        print(
            f"{name:<28} {n:>8} {first:>7.2f}s {second:>7.2f}s {second / max(first, 1e-3):>6.1f} "
            f"{first_mb:>8.1f} {second_mb:>8.1f} {second_mb / max(first_mb, 1e-3):>6.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
