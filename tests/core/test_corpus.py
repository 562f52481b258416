"""Regression gate: finder precision and recall on the labelled corpus must stay on target."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "claims_accuracy", ROOT / "benchmarks" / "claims_accuracy.py"
)
claims_accuracy = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("claims_accuracy", claims_accuracy)  # dataclasses look the module up
_spec.loader.exec_module(claims_accuracy)

TARGET_PRECISION = 0.95
TARGET_RECALL = 0.97
CORPUS = claims_accuracy.load_corpus()


def test_corpus_is_large_and_covers_every_category() -> None:
    samples = CORPUS["dev"] + CORPUS["holdout"]
    assert len(samples) >= 330
    assert len(CORPUS["holdout"]) >= 0.15 * len(samples)
    counts: dict[str, int] = {}
    for sample in samples:
        counts[sample.category] = counts.get(sample.category, 0) + 1
    thin = {c: n for c, n in counts.items() if n < 8 and c not in ("plain",)}
    assert not thin, thin


@pytest.mark.parametrize("section", ["dev", "holdout"])
@pytest.mark.parametrize("family", ["statistics", "vague", "named"])
def test_precision_and_recall_on_target(section: str, family: str) -> None:
    result = claims_accuracy.score(CORPUS[section])[family]
    detail = "\n".join(result.misses + result.false_alarms)
    assert result.precision >= TARGET_PRECISION, detail
    assert result.recall >= TARGET_RECALL, detail
