"""Regex pieces shared by the named and vague attribution finders."""

from __future__ import annotations

__all__ = ["GAP", "GAP0", "alternation"]

GAP = "[ \\t\\u00a0\\u2009\\u202f\\n]+"  # soft-wrapped prose may break a phrase over lines
GAP0 = GAP[:-1] + "*"  # the same, or nothing


def alternation(words) -> str:
    """Alternation of phrases, longest first; a space in a phrase allows any run of spaces."""
    return "(?:" + "|".join(
        w.replace(" ", GAP) for w in sorted(set(words), key=len, reverse=True)
    ) + ")"
