"""Span precision and recall of the claim finders on the labelled corpus.

Usage: python benchmarks/claims_accuracy.py [--verbose] [--corpus PATH]

Overlap matching: a predicted span is a true positive if it overlaps an expected span of
the same family; an expected span is found if any predicted span overlaps it. Statistics,
vague attributions and named-but-uncited attributions are scored separately, and the
``dev`` (tuning) and ``holdout`` (never tuned on) sections are reported separately.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from mkdocs_evidence.core.attribution import find_attributions  # noqa: E402
from mkdocs_evidence.core.statistics import find_statistics  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "statistics.yml"
FAMILIES = ("statistics", "vague", "named")


@dataclass(frozen=True, slots=True)
class Sample:
    """One labelled sentence with its expected spans per family."""

    category: str
    text: str
    expected: dict[str, tuple[tuple[int, int], ...]]


def _span(text: str, item) -> tuple[int, int]:
    """Resolve a substring (or [substring, occurrence]) to offsets; fail loudly if absent."""
    needle, occurrence = (item, 0) if isinstance(item, str) else (item[0], int(item[1]))
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(needle, start + 1)
        if start < 0:
            raise ValueError(f"{needle!r} (occurrence {occurrence}) not in {text!r}")
    return start, start + len(needle)


def load_corpus(path: Path = CORPUS) -> dict[str, list[Sample]]:
    """The corpus sections ("dev", "holdout") as samples with resolved spans."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    sections: dict[str, list[Sample]] = {}
    for section, items in raw.items():
        samples = []
        for item in items:
            text = item["t"]
            expected = {
                "statistics": tuple(_span(text, s) for s in item.get("s") or ()),
                "vague": tuple(_span(text, s) for s in item.get("a") or ()),
                "named": tuple(_span(text, s) for s in item.get("n") or ()),
            }
            samples.append(Sample(item.get("c", ""), text, expected))
        sections[section] = samples
    return sections


def predict(text: str) -> dict[str, list[tuple[int, int]]]:
    attributions = find_attributions(text)
    return {
        "statistics": [(s.start, s.end) for s in find_statistics(text)],
        "vague": [(a.start, a.end) for a in attributions if a.kind == "vague-attribution"],
        "named": [(a.start, a.end) for a in attributions if a.kind == "named-but-uncited"],
    }


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(slots=True)
class Score:
    """Counts for one family in one section, plus the errors for --verbose."""

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


def score(samples: list[Sample]) -> dict[str, Score]:
    scores = {family: Score() for family in FAMILIES}
    for sample in samples:
        got = predict(sample.text)
        for family in FAMILIES:
            s = scores[family]
            expected, predicted = sample.expected[family], got[family]
            s.expected += len(expected)
            s.predicted += len(predicted)
            for span in predicted:
                if any(_overlaps(span, e) for e in expected):
                    s.true_predicted += 1
                else:
                    s.false_alarms.append(
                        f"[{sample.category}] {sample.text[span[0]:span[1]]!r} in {sample.text!r}"
                    )
            for span in expected:
                if any(_overlaps(span, p) for p in predicted):
                    s.found += 1
                else:
                    s.misses.append(
                        f"[{sample.category}] {sample.text[span[0]:span[1]]!r} in {sample.text!r}"
                    )
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    sections = load_corpus(args.corpus)
    print(f"{'section':8} {'family':10} {'precision':>9} {'recall':>7} {'pred':>5} {'exp':>5}")
    for section in ("dev", "holdout"):
        samples = sections.get(section, [])
        for family, s in score(samples).items():
            print(f"{section:8} {family:10} {s.precision:9.3f} {s.recall:7.3f} "
                  f"{s.predicted:5d} {s.expected:5d}")
            if args.verbose:
                for line in s.misses:
                    print(f"    MISS  {line}")
                for line in s.false_alarms:
                    print(f"    FALSE {line}")
    total = sum(len(v) for v in sections.values())
    print(f"sentences: {total} ({', '.join(f'{k}={len(v)}' for k, v in sections.items())})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
