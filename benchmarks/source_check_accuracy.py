"""Precision and recall of the context check on labelled claim/source pairs.

    .venv/bin/python benchmarks/source_check_accuracy.py [--verbose]

Reads tests/corpus/source-pairs/*.yml (format in that folder's README). Each claim is checked
against its file's paraphrased abstract with the same code the build runs: core/source/source_check.verify
for every statistic the prose finder finds in the claim, then for the claim's other numbers
(core/source/cited_numbers.py), as a cited sentence is read. A claim is predicted ``mismatch`` when any
of its figures is, ``absent`` when one is not in the source, else ``match``. Precision and recall
are for ``mismatch``; a table by kind follows (how often each kind is flagged right or wrong, and
how many labelled mismatches of each kind are found). Files whose name's sha256 starts with a hex
digit below 5 are the held-out test set (never tuned on); the rest are the tuning set.
``--verbose`` lists the tuning set's disagreements with the figure and the rule's reason.
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
from mkdocs_evidence.core.claims.quantities import parse_quantities
from mkdocs_evidence.core.source.cited_numbers import unread_numbers
from mkdocs_evidence.core.source.source_check import verify
from mkdocs_evidence.core.statistics import find_statistics

CORPUS = ROOT / "tests" / "corpus" / "source-pairs"


def is_test(path: Path) -> bool:
    return hashlib.sha256(path.name.encode()).hexdigest()[0] < "5"


def predict(claim: str, reference: Reference) -> tuple[str, str, str]:
    """As the build reads a cited sentence: its statistics, then its other numbers
    (core/source/cited_numbers.py), which the build reports only as a mismatch. Returns the state,
    the mismatch kind and, for ``--verbose``, the figure and the rule's reason."""
    read = [s for s in find_statistics(claim) if s.certainty == "sure" and parse_quantities(s.text)]
    texts = [s.text for s in read] + [n.text for n in unread_numbers(claim, [(s.start, s.end) for s in read])]
    states = []
    for text in texts:
        verdict = verify(text, claim, [reference])
        if verdict.state != "no-source":
            comparison = verdict.comparison
            detail = f"'{text}' {comparison.reason if comparison else ''}"
            if comparison is not None and comparison.kind:
                detail += f" | {comparison.source.text}"
            states.append((verdict.state, comparison.kind if comparison else "", detail))
    if not states:
        return "no-statistic", "", ""
    for state in ("mismatch", "absent", "match"):
        found = [s for s in states if s[0] == state]
        if found:
            return found[0][0], found[0][1], "; ".join(s[2] for s in states)
    return states[0]


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv  # lists the tuning set's disagreements only: the test set stays unseen
    rows = {"tuning": [], "test": []}
    for path in sorted(CORPUS.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        reference = Reference(path.stem, title=data.get("title", ""), fields={"abstract": data["abstract"]})
        for claim in data["claims"]:
            got, kind, detail = predict(claim["t"], reference)
            rows["test" if is_test(path) else "tuning"].append((path.name, claim, got, kind, detail))
    read = {split: [r for r in found if r[2] != "no-statistic"] for split, found in rows.items()}
    groups = [*rows.items(), ("all", rows["tuning"] + rows["test"])]
    groups += [(f"{split}, read", found) for split, found in read.items()]
    for name, found in groups:
        tp = sum(1 for _, c, g, _, _ in found if c["label"] == "mismatch" and g == "mismatch")
        fp = sum(1 for _, c, g, _, _ in found if c["label"] != "mismatch" and g == "mismatch")
        fn = sum(1 for _, c, g, _, _ in found if c["label"] == "mismatch" and g != "mismatch")
        agree = sum(1 for _, c, g, _, _ in found if c["label"] == g)
        kinds = sum(1 for _, c, g, k, _ in found if c["label"] == g == "mismatch" and c.get("kind") == k)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        unread = sum(1 for _, _, g, _, _ in found if g == "no-statistic")
        print(
            f"{name:7} claims {len(found):3}  mismatches {tp + fn:3}  precision {precision:.2f}  recall {recall:.2f}  "
            f"labels agree {agree}/{len(found)}  kind right {kinds}/{tp}  not read as a statistic {unread}"
        )
    for name, found in (("tuning", rows["tuning"]), ("test", rows["test"])):
        print(f"{name} by kind (flagged right/wrong as the kind; labelled mismatches of the kind found):")
        for kind in ("unit", "population", "outcome", "time-point", "subgroup-total", "other"):
            right = sum(1 for _, c, g, k, _ in found if g == "mismatch" and k == kind and c["label"] == "mismatch")
            wrong = sum(1 for _, c, g, k, _ in found if g == "mismatch" and k == kind and c["label"] != "mismatch")
            labelled = [c for _, c, _, _, _ in found if c["label"] == "mismatch" and c.get("kind") == kind]
            hit = sum(1 for _, c, g, _, _ in found if c["label"] == "mismatch" and c.get("kind") == kind and g == "mismatch")
            print(f"  {kind:15} flagged {right:3} right {wrong:3} wrong   labelled {len(labelled):3} found {hit:3}")
    if verbose:
        for split, found in rows.items():
            if split == "test":
                continue
            for file, claim, got, kind, detail in found:
                if claim["label"] != got:
                    print(f"  [{split}] {file}: want {claim['label']} {claim.get('kind', '')} got {got} {kind}: {claim['t']}")
                    if detail:
                        print(f"      {detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
