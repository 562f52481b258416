"""SARIF 2.1.0 output, so that code-scanning tools (GitHub, GitLab, IDEs) show our findings.

Rule ids are finding kinds; rule wording comes from ``RULES``. Fingerprints hash the path, the
kind and the normalised claim text (plus an occurrence number for repeats), never the line, so
that a result keeps its identity (and its dismissal state on GitHub) when the claim moves.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from ..findings import RULES, Finding, Rule, Severity, sort_findings
from .fixes import References, fix_lines
from .waivers import normalise_claim

__all__ = [
    "SARIF_SCHEMA_URI",
    "SARIF_VERSION",
    "artifact_uri",
    "claim_fingerprint",
    "findings_to_sarif",
    "sarif_level",
]

SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "mkdocs-evidence"
FINGERPRINT_KEY = "mkdocsEvidenceClaim/v1"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif_level(severity: Severity) -> str:
    return _LEVELS[Severity(severity)]


def artifact_uri(path: str) -> str:
    """A finding path as a relative URI reference (forward slashes, percent-encoded)."""
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return quote(path, safe="/")


def claim_fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """Stable identity of a claim: path + kind + normalised text (+ repeat number), not line."""
    key = "\0".join((artifact_uri(finding.path), finding.kind, normalise_claim(finding.text), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _rule_descriptor(rule: Rule) -> dict:
    return {
        "id": rule.kind,
        "name": "".join(part.capitalize() for part in rule.kind.split("-")),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": f"{rule.explanation} How to fix: {rule.fix}", "markdown": f"{rule.explanation}\n\n**How to fix:** {rule.fix}"},
        "defaultConfiguration": {"level": sarif_level(rule.severity)},
    }


def _region(finding: Finding) -> dict | None:
    if finding.line < 1:
        return None
    start_col = max(finding.column, 1)
    end_line = max(finding.end_line, finding.line)
    end_col = max(finding.end_column, 1)
    if end_line == finding.line:
        end_col = max(end_col, start_col)
    region: dict[str, Any] = {"startLine": finding.line, "startColumn": start_col, "endLine": end_line, "endColumn": end_col}
    if finding.text:
        region["snippet"] = {"text": finding.text}
    return region


def _result(finding: Finding, rule_index: int, occurrence: int, references: References | None = None) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(finding.path), "uriBaseId": "%SRCROOT%"}}
    region = _region(finding)
    if region is not None:
        physical["region"] = region
    result: dict = {
        "ruleId": finding.kind,
        "ruleIndex": rule_index,
        "level": sarif_level(finding.severity),
        "message": {"text": "\n".join([finding.message or RULES.get(finding.kind, _fallback(finding.kind)).title, *fix_lines(finding, references)])},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: claim_fingerprint(finding, occurrence)},
    }
    if finding.citations:
        result["properties"] = {"citations": list(finding.citations)}
    if finding.waived_by is not None:
        waiver = finding.data.get("waiver") or {}
        suppression: dict = {
            "kind": "external",
            "status": "accepted",
            "justification": waiver.get("reason") or f"Waived by {finding.waived_by}",
            "properties": {
                "waiver": finding.waived_by,
                **{k: waiver[k] for k in ("reviewer", "expires") if waiver.get(k)},
            },
        }
        if waiver.get("source") and waiver.get("line"):
            suppression["location"] = {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(waiver["source"]), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": int(waiver["line"])},
                }
            }
        result["suppressions"] = [suppression]
    return result


def _fallback(kind: str) -> Rule:
    return Rule(kind, Severity.WARNING, kind, f"Finding of kind {kind}.", "See the message.")


def findings_to_sarif(
    findings: Iterable[Finding],
    *,
    tool_version: str,
    root_uri: str | None = None,
    information_uri: str | None = None,
    references: References | None = None,
) -> dict:
    """A SARIF 2.1.0 log with one run holding every finding (waived ones as suppressed).

    ``root_uri`` (e.g. ``file:///repo/``) is what ``%SRCROOT%`` stands for; without it, the
    consumer resolves relative URIs itself (GitHub uses the checkout root).
    """
    ordered = sort_findings(list(findings))
    rules = dict(RULES)
    for finding in ordered:
        rules.setdefault(finding.kind, _fallback(finding.kind))
    index = {kind: i for i, kind in enumerate(rules)}

    seen: Counter[tuple[str, str, str]] = Counter()
    results = []
    for finding in ordered:
        key = (finding.path, finding.kind, normalise_claim(finding.text))
        results.append(_result(finding, index[finding.kind], seen[key], references))
        seen[key] += 1

    driver: dict = {
        "name": TOOL_NAME,
        "version": tool_version,
        "rules": [_rule_descriptor(rule) for rule in rules.values()],
    }
    if information_uri:
        driver["informationUri"] = information_uri
    run: dict = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",  # our columns count characters, not UTF-16 units
        "results": results,
    }
    if root_uri:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": root_uri if root_uri.endswith("/") else root_uri + "/"}}
    return {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}
