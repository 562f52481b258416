"""Findings and waivers for tests: one way to make them, with defaults a test overrides by name."""

from __future__ import annotations

from datetime import date

from mkdocs_evidence.core.findings import Finding, make_finding
from mkdocs_evidence.core.report.waivers import Waiver


def finding(
    kind: str = "uncited-statistic",
    *,
    path: str = "docs/afo.md",
    line: int = 3,
    column: int = 7,
    text: str = "30%",
    sentence: str = "About 30% of people recover.",
    message: str = "No citation.",
    **fields,
) -> Finding:
    """A one-line finding whose span is its text."""
    return make_finding(
        kind,
        path=path,
        line=line,
        column=column,
        end_line=line,
        end_column=column + len(text),
        text=text,
        sentence=sentence,
        message=message,
        **fields,
    )


def waiver(**fields) -> Waiver:
    """A waiver valid until 2027; ``path=None`` waives the claim in any file."""
    base = dict(
        id="w1",
        kind="uncited-statistic",
        text="about 1 in 3 people",
        reviewer="Dr A",
        reason="Checked.",
        expires=date(2027, 1, 1),
        path="docs/afo.md",
        source="content/waivers.yml",
        line=2,
    )
    base.update(fields)
    return Waiver(**base)
