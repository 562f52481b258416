"""How deeply a YAML document nests flow collections, found in one pass over its characters.

PyYAML's scanner is quadratic in flow nesting (each token revisits every open level): 10,000
nested ``[`` took minutes before any error. This scan runs first and stops at the first
opener deeper than the limit. It follows YAML's rules closely enough for that job: quoted
scalars, comments and block scalars (``|``, ``>``) are skipped; in flow context every ``[``
or ``{`` opens a collection; in block context only one where a node starts (at the start of a
line, after ``- `` or after ``key: ``), so ``summary: see [1]`` and prose full of brackets in a
quoted or block scalar are never counted.
"""

from __future__ import annotations

import re

__all__ = ["first_too_deep"]

_BLOCK_SCALAR = re.compile(r"(?:^|[ \t])[|>][+-]?[0-9]?[ \t]*(?:#[^\n]*)?$")


def _skip_quoted(text: str, index: int) -> int:
    """The index after the quoted scalar starting at ``index`` (it may span lines)."""
    quote = text[index]
    position = index + 1
    while True:
        end = text.find(quote, position)
        if end == -1:
            return len(text)
        if quote == "'":
            if text.startswith("''", end):
                position = end + 2
                continue
            return end + 1
        backslashes = 0
        while text[end - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return end + 1
        position = end + 1


def _indent(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end] == " ":
        end += 1
    return end - start


def first_too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """(line, column), 1-based, of the first flow opener nested deeper than ``limit``."""
    depth, index, line, line_start = 0, 0, 1, 0
    node_start = True  # the next non-blank character starts a node (block context)
    while index < len(text):
        char = text[index]
        if char == "\n":
            if not depth and _BLOCK_SCALAR.search(text, line_start, index):
                index = _after_block_scalar(text, index + 1, _indent(text, line_start))
                line += text.count("\n", line_start, index) - 1
            line, line_start, node_start = line + 1, index + 1, True
            index += 1
            continue
        if char in " \t":
            index += 1
            continue
        if char == "#" and (index == line_start or text[index - 1] in " \t"):
            end = text.find("\n", index)
            index = len(text) if end == -1 else end
            continue
        opens = depth > 0 or node_start
        if char in "'\"" and opens:
            after = _skip_quoted(text, index)
            line += text.count("\n", index, after)
            last = text.rfind("\n", index, after)
            line_start = last + 1 if last != -1 else line_start
            index, node_start = after, False
            continue
        if char in "[{" and opens:
            depth += 1
            if depth > limit:
                return line, index - line_start + 1
        elif char in "]}" and depth:
            depth -= 1
        nxt = text[index + 1] if index + 1 < len(text) else "\n"
        node_start = depth > 0 or (char in ":-" and nxt in " \t\n")
        index += 1
    return None


def _after_block_scalar(text: str, index: int, parent_indent: int) -> int:
    """The start of the first line after a block scalar's text (lines indented deeper)."""
    while index < len(text):
        end = text.find("\n", index)
        end = len(text) if end == -1 else end
        if text[index:end].strip() and _indent(text, index) <= parent_indent:
            return index
        index = end + 1
    return len(text)
