"""Regression gate: finder precision and recall on the labelled corpora must stay on target.

Three sets (tests/corpus/README.md): the old project-written sentences, the real-page corpus's
dev split (tuned on) and its test split (never tuned on; gated only at floors reached without
tuning on it, so the gate guards against a regression and says nothing new about it).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location(
    "claims_accuracy", ROOT / "benchmarks" / "claims_accuracy.py"
)
claims_accuracy = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("claims_accuracy", claims_accuracy)  # dataclasses look the module up
_spec.loader.exec_module(claims_accuracy)

CORPUS = claims_accuracy.load_corpus()
PAGES = claims_accuracy.load_real()
REAL = claims_accuracy.real_sets(PAGES)

# (precision, recall) floors per set and family. The old set's labels predate the real-page
# labelling rules (it does not count "most people" or "a leading cause" as statistics, nor "five
# trials compared" as an appeal), so its precision floor is lower than its recall floor.
FLOORS = {
    "old": {"statistics": (0.90, 0.97), "vague": (0.80, 0.97), "named": (0.85, 0.97)},
    "dev": {"statistics": (0.93, 0.93), "vague": (0.86, 0.88), "named": (0.85, 0.70)},
    "test": {"statistics": (0.85, 0.80), "vague": (0.75, 0.72), "named": (0.75, 0.60)},
}


def test_old_corpus_is_large_and_covers_every_category() -> None:
    samples = CORPUS["dev"] + CORPUS["holdout"]
    assert len(samples) >= 330
    assert len(CORPUS["holdout"]) >= 0.15 * len(samples)
    counts: dict[str, int] = {}
    for sample in samples:
        counts[sample.category] = counts.get(sample.category, 0) + 1
    thin = {c: n for c, n in counts.items() if n < 8 and c not in ("plain",)}
    assert not thin, thin


def test_real_test_split_is_the_frozen_one() -> None:
    readme = (ROOT / "tests" / "corpus" / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"Test split sha256: `([0-9a-f]{64})`", readme)
    assert recorded, "the README records the frozen test split's sha256"
    assert claims_accuracy.split_hash() == recorded.group(1)
    assert len(REAL["test"]) >= 0.3 * (len(REAL["test"]) + len(REAL["dev"]))


@pytest.mark.parametrize("family", ["statistics", "vague", "named"])
@pytest.mark.parametrize("section", ["dev", "holdout"])
def test_old_corpus_on_target(section: str, family: str) -> None:
    result = claims_accuracy.score(CORPUS[section])[family]
    precision, recall = FLOORS["old"][family]
    detail = "\n".join(result.misses + result.false_alarms)
    assert result.precision >= precision, detail
    assert result.recall >= recall, detail


@pytest.mark.parametrize("family", ["statistics", "vague", "named"])
@pytest.mark.parametrize("split", ["dev", "test"])
def test_real_pages_on_target(split: str, family: str) -> None:
    result = claims_accuracy.score(REAL[split])[family]
    precision, recall = FLOORS[split][family]
    detail = "" if split == "test" else "\n".join(result.misses + result.false_alarms)
    assert result.precision >= precision, detail
    assert result.recall >= recall, detail
