"""Which findings an edit touched (``check --since``), beyond the finding's own lines.

A finding counts as changed when a line of its own span changed, when any line of the YAML
block it sits in changed (an outcome's ``citations:`` list decides its rating's ceiling), or
when the bibliography entry of a key it cites changed (an edited ``figures`` field decides a
figure finding). Files are read here, at the edge; the matching itself is pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import yaml

from ..bib.references import Reference
from ..findings import Finding

__all__ = ["bib_entry_span", "filter_changed", "yaml_block_spans"]

Span = tuple[int, int]  # 1-based first and last line, inclusive
_ENTRY = re.compile(r"^[ \t]*@", re.MULTILINE)


def _norm(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _last_line(node: yaml.Node) -> int:
    """1-based last line of a node's own text (a block collection ends where its last child
    ends; its end mark would point at whatever follows)."""
    children = node.value if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style else []
    if children:
        last = children[-1]
        return _last_line(last[1] if isinstance(node, yaml.MappingNode) else last)
    mark = node.end_mark
    return mark.line if mark.column == 0 and mark.line > node.start_mark.line else mark.line + 1


def _span(node: yaml.Node) -> Span:
    return node.start_mark.line + 1, _last_line(node)


def yaml_block_spans(text: str) -> list[Span]:
    """The blocks of a YAML file: each list item that is a mapping, and each top-level value."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    spans: list[Span] = []

    def walk(node: yaml.Node, top: bool) -> None:
        if isinstance(node, yaml.MappingNode):
            for _key, value in node.value:
                if top and isinstance(value, (yaml.MappingNode, yaml.SequenceNode)):
                    spans.append((_key.start_mark.line + 1, _last_line(value)))
                walk(value, False)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                if isinstance(item, yaml.MappingNode):
                    spans.append(_span(item))
                walk(item, False)

    if root is not None:
        walk(root, True)
    return spans


def bib_entry_span(text: str, line: int) -> Span:
    """The lines of the ``.bib`` entry that starts at ``line``: up to the next entry."""
    starts = sorted(text.count("\n", 0, m.start()) + 1 for m in _ENTRY.finditer(text))
    following = [s for s in starts if s > line]
    return line, (following[0] - 1 if following else text.count("\n") + 1)


@lru_cache(maxsize=256)
def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _block(spans: list[Span], line: int) -> Span | None:
    inside = [s for s in spans if s[0] <= line <= s[1]]
    return min(inside, key=lambda s: s[1] - s[0]) if inside else None


def _touches(numbers: set[int] | None, span: Span) -> bool:
    return bool(numbers) and any(span[0] <= n <= span[1] for n in numbers or ())


def filter_changed(
    findings: Iterable[Finding], changed: Mapping[str, set[int]], *, root: Path, references: Mapping[str, Reference]
) -> list[Finding]:
    """Findings an edit touched: own lines, their YAML block, or a cited entry (see module)."""
    lines = {_norm(path): numbers for path, numbers in changed.items()}
    _read.cache_clear()  # files may have changed since the last call
    kept = []
    for finding in findings:
        path = _norm(finding.path)
        own = (finding.line, max(finding.end_line, finding.line))
        hit = _touches(lines.get(path), own)
        if not hit and path.endswith((".yml", ".yaml")) and lines.get(path):
            block = _block(yaml_block_spans(_read(root / path)), finding.line)
            hit = block is not None and _touches(lines[path], block)
        for key in finding.citations if not hit else ():
            reference = references.get(key)
            bib = _norm(reference.path) if reference and reference.path else ""
            if bib and lines.get(bib) and reference is not None:
                hit = _touches(lines[bib], bib_entry_span(_read(root / bib), reference.line))
                if hit:
                    break
        if hit:
            kept.append(finding)
    return kept
