"""Regex building shared by the claim finders (no word lists here: those are data)."""

from __future__ import annotations

import re

__all__ = ["trie"]


def trie(words) -> str:
    """A regex matching any of ``words``, shaped as a trie so that the engine rejects a
    position after one or two character comparisons instead of trying every word."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends else body

    return emit(tree)
