"""Precision and recall of the context check on labelled claim/source pairs.

    .venv/bin/python benchmarks/source_check_accuracy.py [--verbose]

Reads tests/corpus/source-pairs/*.yml (format in that folder's README). Each claim is checked
against its file's paraphrased abstract with the same code the build runs
(core/source_check.verify for every statistic the prose finder finds in the claim). A claim is
predicted ``mismatch`` when any of its statistics is, ``absent`` when one is not in the source,
else ``match``. Precision and recall are for ``mismatch``. Files whose name's sha256 starts with
a hex digit below 5 are the held-out test set (never tuned on); the rest are the tuning set.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# The "read" lines leave out claims whose figure the prose finder does not read as a statistic
# (the build never checks those): they measure the context check alone.
sys.path.insert(0, str(ROOT / "plugins"))

from mkdocs_evidence.core.bib.references import Reference
from mkdocs_evidence.core.source.source_check import verify
from mkdocs_evidence.core.statistics import find_statistics

CORPUS = ROOT / "tests" / "corpus" / "source-pairs"


def is_test(path: Path) -> bool:
    return hashlib.sha256(path.name.encode()).hexdigest()[0] < "5"


def predict(claim: str, reference: Reference) -> tuple[str, str]:
    states = []
    for stat in find_statistics(claim):
        verdict = verify(stat.text, claim, [reference])
        states.append((verdict.state, verdict.comparison.kind if verdict.comparison else ""))
    if not states:
        return "no-statistic", ""
    for state, kind in states:
        if state == "mismatch":
            return "mismatch", kind
    if any(state == "absent" for state, _ in states):
        return "absent", ""
    return "match", ""


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv  # lists the tuning set's disagreements only: the test set stays unseen
    rows = {"tuning": [], "test": []}
    for path in sorted(CORPUS.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        reference = Reference(path.stem, title=data.get("title", ""), fields={"abstract": data["abstract"]})
        for claim in data["claims"]:
            got, kind = predict(claim["t"], reference)
            rows["test" if is_test(path) else "tuning"].append((path.name, claim, got, kind))
    read = {split: [r for r in found if r[2] != "no-statistic"] for split, found in rows.items()}
    groups = [*rows.items(), ("all", rows["tuning"] + rows["test"])]
    groups += [(f"{split}, read", found) for split, found in read.items()]
    for name, found in groups:
        tp = sum(1 for _, c, g, _ in found if c["label"] == "mismatch" and g == "mismatch")
        fp = sum(1 for _, c, g, _ in found if c["label"] != "mismatch" and g == "mismatch")
        fn = sum(1 for _, c, g, _ in found if c["label"] == "mismatch" and g != "mismatch")
        agree = sum(1 for _, c, g, _ in found if c["label"] == g)
        kinds = sum(1 for _, c, g, k in found if c["label"] == g == "mismatch" and c.get("kind") == k)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        unread = sum(1 for _, _, g, _ in found if g == "no-statistic")
        print(
            f"{name:7} claims {len(found):3}  mismatches {tp + fn:3}  precision {precision:.2f}  recall {recall:.2f}  "
            f"labels agree {agree}/{len(found)}  kind right {kinds}/{tp}  not read as a statistic {unread}"
        )
    if verbose:
        for split, found in rows.items():
            if split == "test":
                continue
            for file, claim, got, kind in found:
                if claim["label"] != got:
                    print(f"  [{split}] {file}: want {claim['label']} got {got} {kind}: {claim['t']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
