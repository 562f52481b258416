"""Throughput and linearity of the claim finders.

Usage: python benchmarks/finder_speed.py [--mb 4]

Prose: realistic Markdown pages assembled from the labelled corpus sentences diluted with
plain sentences to about 10 statistics per 740 words (the density of a guide page), in
paragraphs, bullet lists and table rows. Prints MB/s per finder (best of 3 runs, CPU time of
this one process, so other load on the machine does not distort it),
then, for adversarial inputs, the time for 1 MB and for 4 MB and their ratio: a ratio near 4
shows linear time (a quadratic finder would show about 16).
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

import yaml
from mkdocs_evidence.core.attribution import find_attributions
from mkdocs_evidence.core.statistics import find_statistics
from mkdocs_evidence.core.text.sentences import split_sentences

PLAIN = [
    "Foot drop makes it hard to lift the front of your foot when you walk.",
    "You may find that your toes catch on the ground or on the edge of a step.",
    "Some people lift their knee higher than usual so that the foot clears the floor.",
    "A physiotherapist can show you exercises that keep your ankle moving.",
    "Wear shoes with a firm sole and avoid loose slippers around the house.",
    "Keep the floor clear of rugs, cables and clutter to lower your chance of tripping.",
    "Tell your GP if the weakness gets worse or spreads to the other leg.",
    "A brace holds the foot up so that it does not drop as you step forward.",
    "It can take time to get used to a new brace, so build up slowly.",
    "Ask the orthotist to check the fit if you notice red marks on the skin.",
]


def realistic_prose(size: int, seed: int = 7) -> str:
    corpus = yaml.safe_load((ROOT / "tests" / "corpus" / "statistics.yml").read_text("utf-8"))
    sentences = [item["t"] for section in corpus.values() for item in section]
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        block = []
        for _ in range(rng.randint(3, 7)):
            pool = sentences if rng.random() < 0.3 else PLAIN
            block.append(rng.choice(pool))
        style = rng.random()
        if style < 0.6:
            text = " ".join(block) + "\n\n"
        elif style < 0.85:
            text = "".join(f"- {s}\n" for s in block) + "\n"
        else:
            text = "".join(f"| {s} | [@key{n}] |\n" for n, s in enumerate(block)) + "\n"
        parts.append(text)
        length += len(text)
    return "".join(parts)[:size]


def best_of(func, text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()  # collector pauses on large result lists are noise, not finder time
        try:
            started = time.process_time()  # CPU time: robust to other load on the machine
            func(text)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


ADVERSARIAL = {
    "digits": "1",
    "percent signs": "%",
    "open brackets": "[",
    "'1 in ' repeated": "1 in ",
    "'1 of ' repeated": "1 of ",
    "spaces": " ",
    "'one ' repeated": "one ",
    "'p = ' repeated": "p = ",
    "'studies show ' repeated": "studies show ",
    "'a. ' repeated": "a. ",
    "digits and dots": "9.",
    # the second pass and the generalised appeals (issue 13): many findings on one line
    "many statistics, one line": "About 23% of 1,200 adults, 14 per 100,000 people and 3:1 women to men; ",
    "'most people ' repeated": "most people ",
    "'aged 65 and over ' repeated": "aged 65 and over ",
    "'the third most common ' rep.": "the third most common ",
    "'thousands of ' repeated": "thousands of ",
    "'a ' repeated": "a ",
    "'The ' repeated": "The ",
    "'It is estimated that ' rep.": "It is estimated that ",
    "'(Smith 2019) ' repeated": "(Smith 2019) ",
    "'According to Xy ' repeated": "According to Xy ",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="size of the prose sample")
    args = parser.parse_args(argv)
    size = int(args.mb * 1_000_000)
    prose = realistic_prose(size)
    stats = len(find_statistics(prose))
    words = len(prose.split())
    print(f"prose sample: {len(prose) / 1e6:.1f} MB, {words} words, {stats} statistics "
          f"({stats / words * 740:.1f} per 740 words)")
    finders = {
        "find_statistics": find_statistics,
        "find_attributions": find_attributions,
        "split_sentences": split_sentences,
    }
    for name, func in finders.items():
        seconds = best_of(func, prose)
        print(f"{name:18} {len(prose) / seconds / 1e6:7.2f} MB/s")
    print()
    print(f"{'adversarial input':26} {'finder':18} {'1 MB s':>8} {'4 MB s':>8} {'ratio':>6}")
    worst = 0.0
    for label, unit in ADVERSARIAL.items():
        one = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
        four = one * 4
        for name, func in finders.items():
            t1, t4 = best_of(func, one, 3), best_of(func, four, 3)
            ratio = t4 / t1 if t1 > 0 else float("nan")
            worst = max(worst, ratio)
            print(f"{label:26} {name:18} {t1:8.3f} {t4:8.3f} {ratio:6.2f}")
    print(f"\nworst 4 MB / 1 MB time ratio: {worst:.2f} (linear = 4, quadratic = 16)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
