"""Adversarial inputs through the claim checker: is every stage linear? (Prints; never a test.)

For each input shape (long runs of digits, percent signs, brackets, backticks, ``[@``, ``](``,
unclosed template tags and raw blocks, letters with no "@"), time ``mask_non_prose`` +
``find_citations`` + ``check_text`` on 1 MB and on 4 MB. Linear work gives a ratio near 4;
quadratic work gives 16 or more.

    .venv/bin/python benchmarks/adversarial.py [--small]   # --small: 0.25 MB and 1 MB
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from mkdocs_evidence.core.bib.bibliography import Bibliography
from mkdocs_evidence.core.check import Located, check_text
from mkdocs_evidence.core.text.citations import find_citations
from mkdocs_evidence.core.text.prose import mask_non_prose

SHAPES = {
    "digits": "1",
    "digits and spaces": "1 ",
    "percent": "1% ",
    "decimals": "1.",
    "open brackets": "[",
    "brackets": "[]",
    "backticks": "` ",
    "citation opener": "[@",
    "at signs in a bracket": "@ ",  # prefixed with one "["
    "link opener": "](",
    "template opener": "{{ ",
    "raw block opener": "<pre ",
    "letters (no @)": "x",
    "mixed": "12.5% [@a ](x `1 in 5` ",
}


def text_of(shape: str, size: int) -> str:
    unit = SHAPES[shape]
    body = unit * (size // len(unit))
    return "[" + body if shape == "at signs in a bracket" else body


def seconds(text: str) -> float:
    start = time.perf_counter()
    masked = mask_non_prose(text)
    find_citations(masked)
    check_text(text, Located("adversarial.md"), Bibliography())
    return time.perf_counter() - start


def main() -> None:
    small, large = (250_000, 1_000_000) if "--small" in sys.argv else (1_000_000, 4_000_000)
    print(f"{'input':<24} {small / 1e6:>5.2f} MB  {large / 1e6:>5.2f} MB  ratio (4 = linear)")
    for shape in SHAPES:
        first = seconds(text_of(shape, small))
        second = seconds(text_of(shape, large))
        print(f"{shape:<24} {first:>7.2f} s {second:>7.2f} s  {second / max(first, 1e-3):>5.1f}", flush=True)


if __name__ == "__main__":
    main()
