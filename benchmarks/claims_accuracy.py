"""Span precision and recall of the claim finders on the labelled corpora.

Usage: python benchmarks/claims_accuracy.py [--verbose] [--corpus PATH] [--real DIR] [--split-hash]

Three sets, scored separately (tests/corpus/README.md): the old project-written sentences
(``statistics.yml``: ``dev`` and ``holdout``), and the real-page corpus (``real/**/*.yml``) split
by page into ``real-dev`` (tuning) and ``real-test`` (never tuned on). A page is in the test split
when the first two hex digits of the sha256 of its file name are below 86. ``--split-hash``
prints the test split's sha256 as the README defines it and exits.

Overlap matching: a predicted span is a true positive if it overlaps an expected span of the
same family; an expected span is found if any predicted span overlaps it. Statistics, vague
attributions and named sources are scored separately, and broken down by the labelled block's
place (heading, list item, ...) and by the pattern that predicted each statistic. Every miss and
false alarm of real-test is listed (those of the dev sets with ``--verbose``).

Real pages labelled ``whole: true`` are also assembled into one Markdown page each and run
through the plugin's prose preparation (``mask_non_prose``, citation markers blanked) before the
finders (sets ``page-dev`` and ``page-test``).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from mkdocs_evidence.core.attribution import find_attributions
from mkdocs_evidence.core.statistics import find_statistics
from mkdocs_evidence.core.text.citations import find_citations
from mkdocs_evidence.core.text.prose import mask_non_prose

CORPUS = ROOT / "tests" / "corpus" / "statistics.yml"
REAL = ROOT / "tests" / "corpus" / "real"
FAMILIES = ("statistics", "vague", "named")
TEST_BELOW = 86  # first byte of sha256(file name) below this: test split (README, "Split")
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Sample:
    """One labelled sentence or block with its expected spans per family."""

    category: str
    text: str
    expected: dict[str, tuple[Span, ...]]
    page: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    """One real source page: its blocks in order, and its split."""

    name: str
    path: Path
    split: str
    whole: bool
    samples: tuple[Sample, ...]


def _span(text: str, item) -> Span:
    """Resolve a substring (or [substring, occurrence]) to offsets; fail loudly if absent."""
    needle, occurrence = (item, 0) if isinstance(item, str) else (item[0], int(item[1]))
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            raise ValueError(f"{needle!r} (occurrence {occurrence}) not in {text!r}")
    return start, start + len(needle)


def _one_based(item: dict) -> list:
    """The real corpus counts occurrences from 1 ("the second" is 2); a block that uses 0 counts
    from 0, as the old corpus does."""
    labels = [x for key in ("s", "a", "n") for x in item.get(key) or ()]
    if any(not isinstance(x, str) and int(x[1]) == 0 for x in labels):
        return labels
    return [x if isinstance(x, str) else [x[0], int(x[1]) - 1] for x in labels]


def _sample(item: dict, category: str, page: str = "") -> Sample:
    text = item["t"]
    if page:  # a real page: occurrences may count from 1
        fixed = iter(_one_based(item))
        item = {key: [next(fixed) for _ in item.get(key) or ()] for key in ("s", "a", "n")}
    expected = {
        "statistics": tuple(_span(text, s) for s in item.get("s") or ()),
        "vague": tuple(_span(text, s) for s in item.get("a") or ()),
        "named": tuple(_span(text, s) for s in item.get("n") or ()),
    }
    return Sample(category, text, expected, page)


def load_corpus(path: Path = CORPUS) -> dict[str, list[Sample]]:
    """The old corpus sections ("dev", "holdout") as samples with resolved spans."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        section: [_sample(item, item.get("c", "")) for item in items]
        for section, items in raw.items()
    }


def split_of(file_name: str) -> str:
    """"test" when the first two hex digits of sha256(file name) are below 86, else "dev"."""
    digest = hashlib.sha256(file_name.encode("utf-8")).hexdigest()
    return "test" if int(digest[:2], 16) < TEST_BELOW else "dev"


def real_files(root: Path = REAL) -> list[Path]:
    """The corpus files, sorted by their path relative to ``root`` (POSIX form)."""
    return sorted(root.glob("**/*.yml"), key=lambda p: p.relative_to(root).as_posix())


def load_real(root: Path = REAL) -> list[Page]:
    """Every real page under ``root``; a malformed file or label fails with its path."""
    pages = []
    for path in real_files(root):
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
            samples = []
            for index, block in enumerate(raw.get("blocks") or ()):
                try:
                    samples.append(_sample(block, str(block.get("p", "")), path.stem))
                except (ValueError, KeyError, TypeError, AttributeError) as error:
                    raise ValueError(f"block {index + 1}: {error}") from None
        except (yaml.YAMLError, ValueError, AttributeError) as error:
            raise ValueError(f"{path}: {error}") from None
        pages.append(Page(path.stem, path, split_of(path.name), bool(raw.get("whole")), tuple(samples)))
    return pages


def split_hash(root: Path = REAL) -> str:
    """The README's test-split digest: for each test file in order of its path relative to
    ``root``, the path (UTF-8), a NUL byte, the file's bytes and a NUL byte."""
    digest = hashlib.sha256()
    for path in real_files(root):
        if split_of(path.name) == "test":
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------
# Prediction


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted span: its family, and the finder's pattern (statistics) or kind."""

    family: str
    start: int
    end: int
    pattern: str


def predict(text: str) -> dict[str, list[Span]]:
    """Predicted spans per family (the old interface, kept for callers)."""
    out: dict[str, list[Span]] = {family: [] for family in FAMILIES}
    for p in predict_all(text):
        out[p.family].append((p.start, p.end))
    return out


def predict_all(text: str) -> list[Predicted]:
    found = [
        Predicted("statistics", s.start, s.end, getattr(s, "pattern", "") or s.kind)
        for s in find_statistics(text)
    ]
    for a in find_attributions(text):
        family = "vague" if a.kind == "vague-attribution" else "named"
        found.append(Predicted(family, a.start, a.end, a.kind))
    return found


def plugin_prose(markdown: str) -> str:
    """The prose the plugin's check gives the finders: non-prose masked, citation markers
    blanked (same length), as in ``core.check.check_text``."""
    masked = mask_non_prose(markdown)
    chars = list(masked)
    for group in find_citations(masked):
        for index in range(group.start, group.end):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


_PREFIX = {"heading": "## ", "list-item": "- ", "quote": "> ", "caption": "*", "reference": "1. "}


def assemble(page: Page) -> tuple[str, list[int]]:
    """A Markdown page of the blocks in order, and each block's text offset in it."""
    parts: list[str] = []
    offsets: list[int] = []
    length, previous = 0, ""
    for sample in page.samples:
        place = sample.category
        joiner = "\n" if place == previous and place in ("list-item", "table-cell", "reference") else "\n\n"
        if place == "table-cell" and previous != "table-cell":
            joiner += "| Item |\n| --- |\n"
        prefix = "| " if place == "table-cell" else _PREFIX.get(place, "")
        suffix = {"table-cell": " |", "caption": "*"}.get(place, "")
        head = (joiner if parts else "") + prefix
        offsets.append(length + len(head))
        piece = head + sample.text.replace("\n", " ") + suffix
        parts.append(piece)
        length += len(piece)
        previous = place
    return "".join(parts) + "\n", offsets


def _page_predictions(page: Page) -> list[list[Predicted]]:
    """Finder output on the assembled page, cut back into each block's own offsets."""
    markdown, offsets = assemble(page)
    prose = plugin_prose(markdown)
    per_block: list[list[Predicted]] = [[] for _ in page.samples]
    ends = [o + len(s.text) for o, s in zip(offsets, page.samples, strict=True)]
    for p in predict_all(prose):
        for index, (start, end) in enumerate(zip(offsets, ends, strict=True)):
            if start <= p.start < end:
                per_block[index].append(Predicted(p.family, p.start - start, min(p.end, end) - start, p.pattern))
                break
        else:
            per_block[0].append(Predicted(p.family, -2, -1, p.pattern))  # outside every block
    return per_block


# ---------------------------------------------------------------------------------------
# Scoring


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(slots=True)
class Score:
    """Counts for one family in one set (or one part of it), plus the errors."""

    predicted: int = 0
    true_predicted: int = 0
    expected: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


@dataclass(slots=True)
class Report:
    """Scores of one set: per family, per (family, place), per (family, predicted pattern)."""

    family: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FAMILIES})
    place: dict[tuple[str, str], Score] = field(default_factory=lambda: defaultdict(Score))
    pattern: dict[tuple[str, str], Score] = field(default_factory=lambda: defaultdict(Score))


def _show(sample: Sample, span: Span) -> str:
    where = f"{sample.page}: " if sample.page else ""
    return f"[{where}{sample.category}] {sample.text[span[0]:span[1]]!r} in {sample.text!r}"


def _score_one(report: Report, sample: Sample, got: list[Predicted]) -> None:
    for family in FAMILIES:
        expected = sample.expected[family]
        predicted = [p for p in got if p.family == family]
        whole, by_place = report.family[family], report.place[(family, sample.category)]
        for s in (whole, by_place):
            s.expected += len(expected)
            s.predicted += len(predicted)
        for p in predicted:
            by_pattern = report.pattern[(family, p.pattern)]
            by_pattern.predicted += 1
            if any(_overlaps((p.start, p.end), e) for e in expected):
                for s in (whole, by_place, by_pattern):
                    s.true_predicted += 1
            else:
                line = _show(sample, (max(p.start, 0), max(p.end, 0)))
                for s in (whole, by_place, by_pattern):
                    s.false_alarms.append(line)
        for e in expected:
            if any(_overlaps((p.start, p.end), e) for p in predicted):
                whole.found += 1
                by_place.found += 1
            else:
                whole.misses.append(_show(sample, e))
                by_place.misses.append(_show(sample, e))


def score_report(samples: Iterable[Sample], predictor: Callable[[str], list[Predicted]] = predict_all) -> Report:
    report = Report()
    for sample in samples:
        _score_one(report, sample, predictor(sample.text))
    return report


def score(samples: list[Sample]) -> dict[str, Score]:
    """Scores per family (the interface the corpus gate uses)."""
    return score_report(samples).family


def score_pages(pages: Iterable[Page]) -> Report:
    """Whole pages assembled into Markdown and checked as the plugin checks prose."""
    report = Report()
    for page in pages:
        for sample, got in zip(page.samples, _page_predictions(page), strict=True):
            _score_one(report, sample, got)
    return report


def real_sets(pages: list[Page]) -> dict[str, list[Sample]]:
    return {
        split: [s for page in pages if page.split == split for s in page.samples]
        for split in ("dev", "test")
    }


# ---------------------------------------------------------------------------------------
# Printing


def _row(label: str, family: str, s: Score) -> str:
    return f"{label:28} {family:10} {s.precision:9.3f} {s.recall:7.3f} {s.predicted:5d} {s.expected:5d}"


def _print_report(name: str, report: Report, errors: bool, detail: bool) -> None:
    for family, s in report.family.items():
        print(_row(name, family, s))
    if detail:
        for (family, place), s in sorted(report.place.items()):
            if s.expected or s.predicted:
                print(_row(f"  {name} place={place}", family, s))
        for (family, pattern), s in sorted(report.pattern.items()):
            print(_row(f"  {name} pattern={pattern}", family, s))
    if errors:
        for family, s in report.family.items():
            for line in s.misses:
                print(f"    MISS  {family:10} {line}")
            for line in s.false_alarms:
                print(f"    FALSE {family:10} {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="also list dev misses and false alarms")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--real", type=Path, default=REAL, help="folder of the real-page corpus")
    parser.add_argument("--split-hash", action="store_true", help="print the test split's sha256")
    parser.add_argument("--brief", action="store_true", help="no breakdown by place and pattern")
    parser.add_argument("--dev-only", action="store_true", help="tuning: print nothing about the test split")
    parser.add_argument("--test-totals", action="store_true",
                        help="with --dev-only: also the test split's totals, never its errors")
    args = parser.parse_args(argv)
    if args.split_hash:
        tests = [p.name for p in real_files(args.real) if split_of(p.name) == "test"]
        print(f"{split_hash(args.real)}  ({len(tests)} test files of {len(real_files(args.real))})")
        return 0
    sections = load_corpus(args.corpus)
    pages = load_real(args.real) if args.real.is_dir() else []
    real = real_sets(pages)
    print(f"{'set':28} {'family':10} {'precision':>9} {'recall':>7} {'pred':>5} {'exp':>5}")
    for section in ("dev", "holdout"):
        _print_report(f"old-{section}", score_report(sections.get(section, [])), args.verbose, False)
    detail = not args.brief
    _print_report("real-dev", score_report(real["dev"]), args.verbose, detail)
    splits = ("dev",) if args.dev_only else ("dev", "test")
    if not args.dev_only:
        _print_report("real-test", score_report(real["test"]), True, detail)
    if args.dev_only and args.test_totals:
        _print_report("real-test", score_report(real["test"]), False, False)
        whole_test = [p for p in pages if p.whole and p.split == "test"]
        _print_report("page-test", score_pages(whole_test), False, False)
    for split in splits:
        whole = [p for p in pages if p.whole and p.split == split]
        _print_report(f"page-{split}", score_pages(whole), False, False)
    total = sum(len(v) for v in sections.values())
    print(f"old sentences: {total} ({', '.join(f'{k}={len(v)}' for k, v in sections.items())})")
    for split in splits:
        chosen = [p for p in pages if p.split == split]
        print(f"real {split}: {len(chosen)} pages ({sum(p.whole for p in chosen)} whole), "
              f"{sum(len(p.samples) for p in chosen)} blocks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
