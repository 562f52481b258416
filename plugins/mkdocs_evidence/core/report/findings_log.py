"""The build log's view of the findings: a line per kind, not per finding.

A site with thousands of findings logged thousands of lines, which nobody reads and which cost
time; the editor report and ``report.json`` list every finding, and a verbose log each line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..findings import RULES, Finding, Severity

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
MORE_LOCATIONS = 5  # a summary line names this many further places


@dataclass(frozen=True, slots=True)
class LogLine:
    """A line for the build log: its severity (``info`` findings log at debug level) and text."""

    severity: Severity
    text: str


def finding_line(finding: Finding) -> str:
    """How one finding reads in the log: location, message, kind."""
    if not finding.counts:
        return f"{finding.location}: waived {finding.kind}: {finding.message}"
    return f"{finding.location}: {finding.message} [{finding.kind}]"


def log_summary(findings: Sequence[Finding]) -> list[LogLine]:
    """One line per kind (and severity) of counting finding, worst first, in registry order: a
    kind found once reads as that finding; more, as their count, the first finding and a few
    more places. Thousands of findings make a dozen lines; the report lists each, and
    ``each_finding`` gives each line for a verbose log."""
    groups: dict[tuple[Severity, str], list[Finding]] = {}
    for finding in findings:
        if finding.counts:
            groups.setdefault((Severity(finding.severity), finding.kind), []).append(finding)
    order = {kind: i for i, kind in enumerate(RULES)}
    rank = {sev: i for i, sev in enumerate(SEVERITIES)}
    lines = []
    for (severity, kind), items in sorted(groups.items(), key=lambda kv: (rank[kv[0][0]], order.get(kv[0][1], len(order)), kv[0][1])):
        if len(items) == 1:
            lines.append(LogLine(severity, finding_line(items[0])))
            continue
        items.sort(key=lambda f: (f.path, f.line, f.column))
        others = ", ".join(f.location for f in items[1 : 1 + MORE_LOCATIONS])
        rest = f" and {len(items) - 1 - MORE_LOCATIONS} more" if len(items) > 1 + MORE_LOCATIONS else ""
        title = RULES[kind].title.lower() if kind in RULES else kind
        message = items[0].message if items[0].message.endswith((".", "!", "?")) else items[0].message + "."
        lines.append(LogLine(severity, (
            f"{len(items)} {severity.value}s [{kind}] ({title}): {items[0].location}: {message} "
            f"Also at {others}{rest} (the editor report lists each; `mkdocs build --verbose` logs each)"
        )))
    return lines


def each_finding(findings: Sequence[Finding]) -> list[str]:
    """Every finding's line, waived ones too, for a verbose log."""
    return [finding_line(finding) for finding in findings]
