"""Scaffold placeholder text ("Replace this with...") left in a page or a content file.

``new-guide`` and ``init`` write placeholders that contain no figures and cite nothing, so a
new guide builds; left in place they would be published as they are ("Checked by: Replace this
with the clinical reviewer's name"). Each line holding one is a ``placeholder-text`` finding: a
warning while drafting, an error for a production build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..findings import Finding, Severity, make_finding

__all__ = ["PLACEHOLDER", "find_placeholders", "placeholder_file_findings", "with_production_severity"]

PLACEHOLDER = "Replace this with"
_PATTERN = re.compile(r"Replace this with[^\n\"]*", re.IGNORECASE)


def find_placeholders(text: str, path: str) -> list[Finding]:
    """One finding per line of ``text`` that holds placeholder text; comment lines (``#``) are
    instructions, not content, and are skipped."""
    findings: list[Finding] = []
    if PLACEHOLDER.lower() not in text.lower():  # the common case: one linear scan, no line split
        return findings
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        match = _PATTERN.search(line)
        if match is None:
            continue
        text_found = match.group(0).rstrip(" .")
        findings.append(
            make_finding(
                "placeholder-text",
                path=path,
                line=number,
                column=match.start() + 1,
                end_line=number,
                end_column=match.end() + 1,
                text=text_found,
                sentence=line.strip(),
                message=f"placeholder text from the scaffold would be published: '{text_found}'",
            )
        )
    return findings


def placeholder_file_findings(files: Iterable[tuple[Path, str]]) -> list[Finding]:
    """Placeholders in each readable ``(file, shown path)``; unreadable files are reported by
    the loaders, not here."""
    findings: list[Finding] = []
    for file, shown in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        findings.extend(find_placeholders(text, shown))
    return findings


def with_production_severity(findings: Iterable[Finding], production: bool) -> list[Finding]:
    """Placeholder findings are errors in a production build."""
    if not production:
        return list(findings)
    return [replace(f, severity=Severity.ERROR) if f.kind == "placeholder-text" else f for f in findings]
