"""How to fix one finding, in lines an editor reads under it (terminal and SARIF).

The rule's fix comes from ``RULES``; where a figure is in question, what each cited source
records; for an unknown citation key, the nearest key in the bibliography ("did you mean").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence

from ..findings import RULES, Finding

__all__ = ["FIGURE_KINDS", "did_you_mean", "fix_lines"]

# Findings about a figure: show what each cited source records beside the fix.
FIGURE_KINDS = frozenset({"figure-not-in-source", "source-records-no-figures"})

# key -> (formatted reference text, figures the entry records), as in core/report/editor_report.py
References = Mapping[str, tuple[str, Sequence[str]]]


def did_you_mean(value: str, choices: Iterable[str], *, prefix: str = "") -> str:
    """``"did you mean 'x'?"`` for the closest of ``choices``, or ``""``."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{prefix}{close[0]}'?" if close else ""


def fix_lines(finding: Finding, references: References | None = None) -> tuple[str, ...]:
    """``fix: ...`` (one line), then what each cited source records for figure findings."""
    references = references or {}
    rule = RULES.get(finding.kind)
    fix = rule.fix if rule else ""
    if finding.kind == "unknown-citation":
        hints = [did_you_mean(key, references, prefix="@") for key in finding.citations if key not in references]
        hint = " ".join(h[0].upper() + h[1:] for h in hints if h)
        fix = f"{hint} {fix}".strip() if hint else fix
    lines = [f"fix: {fix}"] if fix else []
    if finding.kind in FIGURE_KINDS:
        for key in finding.citations:
            if key in references:
                figures = "; ".join(references[key][1])
                lines.append(f"@{key} records: {figures}" if figures else f"@{key} records no figures")
    return tuple(lines)
