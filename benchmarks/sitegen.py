"""Deterministic synthetic site for the build benchmarks (no network, seeded random).

Usage: python benchmarks/sitegen.py OUT_DIR [--pages 200] [--refs 2000] [--citations 10]
                                            [--ratings 1] [--seed 7]

Writes into OUT_DIR:

- ``docs/``: ``index.md`` and N hand-written pages of English health prose (~700 words each)
  in topic folders, with statistics (percentages, "1 in 5", "126 of 135 patients", counts of
  participants and trials, ranges, p-values, ratios), K citation markers ``[@key]`` per page
  (some ``[@a; @b]``), inline rating markers ``{rating: LEVEL | treatment -> outcome | @a; @b}``,
  a table, lists and an admonition. Most statistics state a figure the cited entry records in
  its ``figures`` field (exactly or honestly rounded), so the claim checker does real matching
  work; about 1 in 7 do not (they become ``figure-not-in-source`` findings), a few are uncited.
- ``citations/refs.bib``: M BibTeX entries (LaTeX accents such as ``M{\\"u}ller``,
  journals, years, volumes, pages, DOIs, PMIDs, ``design``, ``figures``) plus the entries of the
  repository's foot drop guide. One file, because mkdocs-bibtex reads a single ``bib_file``.
- ``content/foot-drop/``: a copy of the repository's structured guide (``guide.yml`` and
  ``treatments/*.yml``).
- ``docs-plain/``: the same pages as ``docs/`` plus the Markdown our plugin generates from the
  guide (rendered once here with ``mkdocs_evidence.core.guide.guides``), so the plain and mkdocs-bibtex
  builds render the same number of pages as the plugin build.
- ``overrides/``: a copy of the package's theme (plugins/mkdocs_evidence/theme/) (the guide's handout page needs
  ``handout.html``), used as ``custom_dir`` by every variant.
- ``mkdocs-plain.yml`` (a), ``mkdocs-evidence.yml`` (b), ``mkdocs-bibtex.yml`` (c): Material +
  search, the same theme and ``markdown_extensions``; (b) adds our plugin, (c) adds mkdocs-bibtex.

The same arguments always give byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# -- word pools ------------------------------------------------------------------------------

SURNAMES = [
    ("M{\\\"u}ller", "Muller"), ("Garc{\\'\\i}a", "Garcia"), ("Smith", "Smith"), ("Nguyen", "Nguyen"),
    ("O'Brien", "OBrien"), ("Kowalski", "Kowalski"), ("Johansson", "Johansson"), ("Rossi", "Rossi"),
    ("Dupr{\\'e}", "Dupre"), ("Sch{\\\"o}nberg", "Schonberg"), ("Patel", "Patel"), ("Chen", "Chen"),
    ("Ó Súilleabháin", "OSuilleabhain"), ("Bj{\\o}rnsson", "Bjornsson"), ("Williams", "Williams"),
    ("Fern{\\'a}ndez", "Fernandez"), ("Kim", "Kim"), ("Okafor", "Okafor"), ("Nakamura", "Nakamura"),
    ("Lef{\\`e}vre", "Lefevre"), ("Hansen", "Hansen"), ("Brown", "Brown"), ("Silva", "Silva"),
    ("Jim{\\'e}nez", "Jimenez"), ("Taylor", "Taylor"), ("Ahmed", "Ahmed"), ("Novak", "Novak"),
    ("Gon{\\c{c}}alves", "Goncalves"), ("Andersen", "Andersen"), ("Walker", "Walker"),
    ("Kr{\\\"a}mer", "Kramer"), ("Murphy", "Murphy"), ("Singh", "Singh"), ("Wang", "Wang"),
]
GIVEN = ["Anna", "J{\\\"o}rg", "Maria", "Sarah", "Kristen L.", "Peter", "Laurence P. J.", "Ana",
         "Jos{\\'e}", "Li", "Fran{\\c{c}}ois", "Emma", "Ravi", "Ingrid", "Tom{\\'a}s", "Chloe", "Ole"]
JOURNALS = [
    "Journal of Rehabilitation Medicine", "Clinical Rehabilitation", "Archives of Physical Medicine and Rehabilitation",
    "Stroke", "Gait \\& Posture", "Muscle \\& Nerve", "Journal of Neurology", "BMJ Open", "Physical Therapy",
    "Disability and Rehabilitation", "Neurorehabilitation and Neural Repair", "The Lancet Neurology",
    "Cochrane Database of Systematic Reviews", "Foot \\& Ankle International", "Journal of Neurosurgery: Spine",
    "Prosthetics and Orthotics International", "European Spine Journal", "PLoS ONE",
]
DESIGNS = ["systematic-review", "meta-analysis", "rct", "rct", "rct", "non-randomised-trial", "cohort", "cohort",
           "case-control", "case-series", "case-report", "guideline", "narrative-review", "expert-opinion", "mechanistic"]
TREATMENTS = ["an ankle-foot orthosis", "functional electrical stimulation", "physiotherapy", "balance training",
              "strength exercises", "nerve decompression surgery", "tendon transfer surgery", "acupuncture",
              "a walking stick", "treadmill training", "mirror therapy", "splinting at night", "a home exercise plan",
              "hydrotherapy", "peroneal nerve stimulation", "steroid injections", "tai chi", "custom footwear"]
OUTCOMES = ["walking speed", "falls", "balance", "ankle strength", "pain", "quality of life", "step length",
            "confidence when walking", "time to recovery", "daily activities", "fatigue", "toe clearance"]
CONDITIONS = ["stroke", "multiple sclerosis", "sciatica", "a slipped disc", "peroneal nerve injury", "diabetes",
              "cerebral palsy", "a knee injury", "hip surgery", "motor neurone disease", "Charcot-Marie-Tooth disease"]
GROUPS = ["adults", "people", "patients", "older adults", "children", "women", "men", "walkers", "participants"]
TOPICS = ["walking", "braces", "exercise", "nerves", "surgery", "falls", "daily-life", "recovery", "pain", "stroke"]
TITLE_WORDS = ["effect", "of", "on", "after", "in", "with", "gait", "orthosis", "stimulation", "trial", "randomised",
               "outcomes", "rehabilitation", "peroneal", "nerve", "palsy", "ankle", "dorsiflexion", "weakness",
               "recovery", "long-term", "follow-up", "adults", "stroke", "review", "systematic", "cohort", "balance"]

FILLER_SUBJECTS = [
    "Your physiotherapist", "A brace", "Regular walking", "Your GP", "A good pair of shoes", "Gentle stretching",
    "The nurse", "Your family", "A short rest", "Keeping active", "A walking aid", "Your foot", "The weak muscle",
    "Many people", "Some people", "A home visit", "The orthotist", "A daily routine", "Your care team",
]
FILLER_VERBS = [
    "can help you", "may make it easier to", "is a good way to", "will often help you", "can show you how to",
    "may help you", "is there to help you", "can make it safer to", "is worth trying if you want to",
]
FILLER_OBJECTS = [
    "walk with more confidence", "lift your toes as you step", "keep your ankle moving", "get up from a chair",
    "plan your day around rests", "climb the stairs at home", "spot the early signs of a problem",
    "look after the skin on your foot", "stay steady on uneven ground", "keep doing the things you enjoy",
    "find a brace that fits well", "build up your walking slowly", "talk about how you feel",
    "keep the floor clear of things you could trip on", "check your feet for red marks each evening",
]
FILLER_TAILS = [
    "", "", "", " at home", " over the next few weeks", " when you feel ready", " after a long day",
    " before you go out", " with a little practice", " if your foot feels tired",
]
PLAIN_SENTENCES = [
    "Foot drop makes it hard to lift the front of your foot when you walk.",
    "You may find that your toes catch on the ground or on the edge of a step.",
    "Some people lift their knee higher than usual so that the foot clears the floor.",
    "Tell your GP if the weakness gets worse or spreads to the other leg.",
    "It can take time to get used to a new brace, so build up slowly.",
    "Ask the orthotist to check the fit if you notice red marks on the skin.",
    "Wear shoes with a firm sole and avoid loose slippers around the house.",
    "Write down your questions before each appointment so you do not forget them.",
    "Recovery is different for everyone, and it can be slow.",
    "If something does not feel right, stop and ask for advice.",
]


# -- figures and the prose that states them --------------------------------------------------


def _pct(rng: random.Random) -> float:
    """A percentage with one decimal whose rounding is unambiguous (no x.5)."""
    while True:
        value = round(rng.uniform(3, 92), 1)
        if round(value * 10) % 10 != 5:
            return value


def make_figure(rng: random.Random, design: str) -> tuple[str, list[str], list[str]]:
    """One figure for a ``.bib`` entry, prose sentences that state it (matching) and sentences that
    state a number the source does not record (mismatching). The bib text is LaTeX (``\\%``)."""
    kind = rng.choice(["participants", "participants", "trials", "percent", "percent", "frequency", "of",
                       "range", "p", "ratio", "mean"])
    group = rng.choice(GROUPS)
    outcome = rng.choice(OUTCOMES)
    condition = rng.choice(CONDITIONS)
    if kind == "trials" and design not in ("systematic-review", "meta-analysis"):
        kind = "participants"
    if kind == "participants":
        n = rng.randint(12, 3200)
        wrong = n + rng.randint(7, 90)
        fig = f"{n:,} participants" if n >= 1000 else f"{n} participants"
        def say(v):
            return f"{v:,}" if v >= 1000 else str(v)
        return fig, [
            f"The study followed {say(n)} participants with {condition} for a year.",
            f"In total, {say(n)} participants took part in the trial.",
        ], [f"The study enrolled {say(wrong)} participants with {condition}."]
    if kind == "trials":
        n = rng.randint(3, 40)
        return f"{n} randomised trials", [
            f"A review pooled {n} randomised trials of {rng.choice(TREATMENTS)}.",
            f"The authors found {n} randomised trials that looked at {outcome}.",
        ], [f"A review pooled {n + rng.randint(2, 9)} randomised trials of {rng.choice(TREATMENTS)}."]
    if kind == "percent":
        p = _pct(rng)
        return f"{p}\\% improved {outcome}", [
            f"In all, {p:.1f}% of {group} with {condition} had better {outcome}.",
            f"Overall, {round(p)}% of {group} reported better {outcome} after treatment.",
            f"Better {outcome} was seen in {p:.1f}% of {group}.",
        ], [f"Better {outcome} was seen in {round(p) + rng.choice([-9, -6, 6, 11])}% of {group}."]
    if kind == "frequency":
        n = rng.choice([2, 3, 4, 5, 6, 8, 10])
        p = round(100 / n + rng.choice([-0.3, -0.1, 0.1, 0.2]), 1)
        wrong = n + rng.choice([2, 3])
        return f"{p}\\% had {outcome} problems", [
            f"Around 1 in {n} {group} had problems with {outcome}.",
            f"Problems with {outcome} affected 1 in {n} {group} in the study.",
        ], [f"Problems with {outcome} affected 1 in {wrong} {group}."]
    if kind == "of":
        total = rng.randint(20, 400)
        part = rng.randint(3, total - 1)
        return f"{part} of {total} patients recovered", [
            f"In one study, {part} of {total} patients recovered within a year.",
        ], [f"In one study, {part + rng.randint(2, 5)} of {total} patients recovered."]
    if kind == "range":
        low = rng.randint(5, 30)
        high = low + rng.randint(5, 40)
        return f"{low}\\% to {high}\\% of {group}", [
            f"Between {low}% and {high}% of {group} with {condition} notice {outcome} changes.",
        ], [f"Between {low + 10}% and {high + 10}% of {group} notice {outcome} changes."]
    if kind == "p":
        p = rng.choice(["0.01", "0.02", "0.03", "0.04", "0.003", "0.001"])
        return f"p = {p}", [
            f"{outcome.capitalize()} improved more with {rng.choice(TREATMENTS)} than with usual care (p = {p}).",
        ], [f"{outcome.capitalize()} improved more with treatment (p = 0.0{rng.randint(5, 9)})."]
    if kind == "ratio":
        r = round(rng.uniform(0.35, 0.9), 2)
        return f"RR {r}", [
            f"Treatment was linked to fewer problems with {outcome} (RR {r}).",
        ], [f"Treatment was linked to fewer problems with {outcome} (RR {round(r + 0.07, 2)})."]
    d = round(rng.uniform(0.03, 0.3), 2)
    return f"mean difference of {d} m/s", [
        f"A mean difference of {d} m/s favoured the treatment group.",
    ], [f"A mean difference of {round(d + 0.05, 2)} m/s favoured the treatment group."]


class Ref:
    __slots__ = ("design", "key", "statements", "wrong", "year")

    def __init__(self, key: str, design: str, year: int) -> None:
        self.key = key
        self.design = design
        self.year = year
        self.statements: list[str] = []
        self.wrong: list[str] = []


def _latex_title(rng: random.Random) -> str:
    words = [rng.choice(TITLE_WORDS) for _ in range(rng.randint(6, 14))]
    title = " ".join(words)
    return title[0].upper() + title[1:] + rng.choice(["", ": a randomised controlled trial", ": a systematic review"])


def foot_drop_keys() -> set[str]:
    """Keys of the repository's bibliography: synthetic keys must not repeat them (pybtex keys
    are case-insensitive, and mkdocs-bibtex stops at a repeated key)."""
    keys: set[str] = set()
    for path in sorted((ROOT / "citations").glob("*.bib")):
        keys.update(m.lower() for m in re.findall(r"@\s*\w+\s*[{(]\s*([^,\s]+)\s*,", path.read_text("utf-8")))
    return keys


def make_bib(rng: random.Random, count: int) -> tuple[str, list[Ref]]:
    refs: list[Ref] = []
    chunks: list[str] = []
    used: set[str] = foot_drop_keys()
    for index in range(count):
        first = rng.choice(SURNAMES)
        year = rng.randint(1995, 2025)
        key = f"{first[1].lower()}{year}"
        suffix = index
        while key in used:
            key = f"{first[1].lower()}{year}{chr(97 + suffix % 26)}{suffix // 26 or ''}"
            suffix += 1
        used.add(key)
        design = rng.choice(DESIGNS)
        ref = Ref(key, design, year)
        authors = [first] + [rng.choice(SURNAMES) for _ in range(rng.randint(0, 5))]
        author_text = " and ".join(f"{s[0]}, {rng.choice(GIVEN)}" for s in authors)
        figures = []
        for _ in range(rng.randint(2, 5)):
            fig, statements, wrong = make_figure(rng, design)
            figures.append(fig)
            ref.statements.extend(statements)
            ref.wrong.extend(wrong)
        volume = rng.randint(1, 120)
        start = rng.randint(1, 1800)
        pmid = rng.randint(10_000_000, 39_999_999)
        doi = f"10.{rng.randint(1000, 9999)}/{first[1].lower()}.{year}.{rng.randint(100, 99999)}"
        entry_type = "article" if design not in ("guideline",) else "misc"
        lines = [f"@{entry_type}{{{key},",
                 f"  author  = {{{author_text}}},",
                 f"  title   = {{{_latex_title(rng)}}},"]
        if entry_type == "article":
            lines += [f"  journal = {{{rng.choice(JOURNALS)}}},",
                      f"  volume  = {{{volume}}},",
                      f"  number  = {{{rng.randint(1, 12)}}},",
                      f"  pages   = {{{start}--{start + rng.randint(4, 20)}}},"]
        else:
            lines += ["  howpublished = {National Institute for Health and Care Excellence},",
                      f"  url     = {{https://www.nice.org.uk/guidance/ng{rng.randint(1, 250)}}},"]
        lines += [f"  year    = {{{year}}},",
                  f"  doi     = {{{doi}}},",
                  f"  pmid    = {{{pmid}}},",
                  f"  design  = {{{design}}},",
                  f"  figures = {{{'; '.join(figures)}}}",
                  "}", ""]
        chunks.append("\n".join(lines))
        refs.append(ref)
    return "\n".join(chunks), refs


# -- pages -------------------------------------------------------------------------------------


def filler(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return rng.choice(PLAIN_SENTENCES)
    return f"{rng.choice(FILLER_SUBJECTS)} {rng.choice(FILLER_VERBS)} {rng.choice(FILLER_OBJECTS)}{rng.choice(FILLER_TAILS)}."


def cited_sentence(rng: random.Random, refs: list[Ref], stats: dict[str, int]) -> str:
    ref = rng.choice(refs)
    roll = rng.random()
    if roll < 0.12 and ref.wrong:
        sentence, keys = rng.choice(ref.wrong), [ref.key]
        stats["mismatch"] += 1
    elif roll < 0.80 and ref.statements:
        sentence, keys = rng.choice(ref.statements), [ref.key]
        stats["match"] += 1
    else:
        sentence = f"{rng.choice(TREATMENTS).capitalize()} may help with {rng.choice(OUTCOMES)} after {rng.choice(CONDITIONS)}."
        keys = [ref.key]
        stats["no-statistic"] += 1
    if rng.random() < 0.2:
        keys.append(rng.choice(refs).key)
    marker = "[" + "; ".join(f"@{k}" for k in keys) + "]"
    return f"{sentence[:-1]} {marker}{sentence[-1]}"


def rating_marker(rng: random.Random, refs: list[Ref]) -> str:
    level = rng.choice(["high", "moderate", "moderate", "low", "low", "very-low"])
    keys = "; ".join(f"@{rng.choice(refs).key}" for _ in range(rng.randint(1, 3)))
    return f"{{rating: {level} | {rng.choice(TREATMENTS)[0:].removeprefix('an ').removeprefix('a ')} -> {rng.choice(OUTCOMES)} | {keys}}}"


UNCITED_TEMPLATES = [
    "About {pct}% of {group} say {outcome} gets better.",
    "Around 1 in {n} {group} notice a change in {outcome}.",
    "In one clinic, {count} {group} tried {treatment} last year.",
    "Roughly {pct}% of {group} stop using {treatment} within a year.",
    "{count} of {total} {group} said {outcome} improved.",
]


def uncited_statistic(rng: random.Random) -> str:
    """A statistic with no citation, as editors write them (an ``uncited-statistic`` finding)."""
    count = rng.randint(12, 400)
    text = rng.choice(UNCITED_TEMPLATES).format(
        pct=rng.randint(11, 80), n=rng.randint(3, 9), group=rng.choice(GROUPS), outcome=rng.choice(OUTCOMES),
        treatment=rng.choice(TREATMENTS), count=count, total=count + rng.randint(5, 200))
    return text[0].upper() + text[1:]


def make_page(rng: random.Random, number: int, refs: list[Ref], citations: int, ratings: int, stats: dict[str, int],
              uncited: random.Random | None = None, uncited_share: float = 0.0) -> str:
    condition = rng.choice(CONDITIONS)
    treatment = rng.choice(TREATMENTS)
    title = f"{treatment.removeprefix('an ').removeprefix('a ').capitalize()} after {condition} ({number})"
    # Plan ~700 words: about 60 sentences of ~11 words; K of them cited.
    sentences: list[str] = [filler(rng) for _ in range(50)]
    slots = sorted(rng.sample(range(len(sentences)), citations))
    for slot in slots:
        sentences[slot] = cited_sentence(rng, refs, stats)
    if uncited is not None:  # the many-uncited site: its own random stream, so the rest of the page is unchanged
        for index in sorted(set(range(len(sentences))) - set(slots)):
            if uncited.random() < uncited_share:
                sentences[index] = uncited_statistic(uncited)
                stats["uncited"] += 1
    if rng.random() < 0.5:  # an uncited statistic, as editors write them
        sentences[rng.randrange(len(sentences))] = f"About {rng.randint(11, 80)}% of {rng.choice(GROUPS)} say {rng.choice(OUTCOMES)} gets better."
        stats["uncited"] += 1
    if rng.random() < 0.3:
        sentences[rng.randrange(len(sentences))] = "Studies show that staying active helps most people recover."
    rating_after = set(rng.sample(range(len(sentences)), ratings)) if ratings else set()

    out = [f"# {title}", ""]
    headings = ["What it is", "How it may help", "What the research says", "Living with it", "When to get help"]
    per_section = len(sentences) // len(headings)
    for section, heading in enumerate(headings):
        out += [f"## {heading}", ""]
        block = sentences[section * per_section : (section + 1) * per_section if section < len(headings) - 1 else None]
        style = section % 3
        if style == 0 or section == 2:
            paragraph: list[str] = []
            for offset, sentence in enumerate(block):
                paragraph.append(sentence)
                index = section * per_section + offset
                if index in rating_after:
                    out += [" ".join(paragraph), rating_marker(rng, refs), ""]
                    paragraph = []
                elif len(paragraph) >= rng.randint(3, 6):
                    out += [" ".join(paragraph), ""]
                    paragraph = []
            if paragraph:
                out += [" ".join(paragraph), ""]
        elif style == 1:
            half = len(block) // 2
            out += [" ".join(block[:half]), ""]
            out += [f"- {s}" for s in block[half:]] + [""]
        else:
            out += [" ".join(block[:3]), ""]
            out += ["| Question | What we know |", "| --- | --- |"]
            out += [f"| {q} | {s} |" for q, s in zip(["How long?", "Who?", "Is it safe?", "Cost?"], block[3:7], strict=False)] + [""]
            out += [" ".join(block[7:]), ""]
            out += ['!!! note "Talk to your care team"', "", f"    {filler(rng)} {filler(rng)}", ""]
    return "\n".join(out) + "\n"


# -- site ----------------------------------------------------------------------------------------

MARKDOWN_EXTENSIONS = """markdown_extensions:
  - admonition
  - attr_list
  - abbr
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: false
  - pymdownx.details
"""


def mkdocs_yml(name: str, docs_dir: str, site_dir: str, plugins: str) -> str:
    return f"""# Generated by benchmarks/sitegen.py
site_name: Synthetic guide ({name})
docs_dir: {docs_dir}
site_dir: {site_dir}
theme:
  name: material
  custom_dir: overrides      # the project's theme overrides (copied), the same for every variant
  static_templates:
    - assets/evidence-theme/clinic.css
  font: false
  language: en
  features:
    - navigation.sections
    - navigation.top
    - search.highlight
{MARKDOWN_EXTENSIONS}
extra:
  generator: false
  clinic:
    name: Synthetic clinic
    disclaimer: Generated for benchmarks.

plugins:
  - search
{plugins}"""


VARIANTS = {
    "a": ("mkdocs-plain.yml", "plain Material", "docs-plain", "site-a", ""),
    "b": ("mkdocs-evidence.yml", "mkdocs-evidence", "docs", "site-b",
          "  - evidence:\n      bibliography: citations\n      content: content\n      cache: true\n      fail_on: never\n"),
    "c": ("mkdocs-bibtex.yml", "mkdocs-bibtex", "docs-plain", "site-c",
          "  - bibtex:\n      bib_file: citations/refs.bib\n"),
}


def foot_drop_bib() -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "citations").glob("*.bib")))


def guide_pages(content: Path) -> list[tuple[str, str]]:
    """The Markdown our plugin generates from the guide, for the builds without our plugin."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from mkdocs_evidence.core.guide.content import load_guide
    from mkdocs_evidence.core.guide.guides import render_guide_pages

    loaded = load_guide(content / "foot-drop", content.parent)
    if loaded.guide is None:
        return []
    return [(page.src_uri, page.markdown) for page in render_guide_pages(loaded.guide, loaded.treatments, base_uri="")]


def generate(out: Path, pages: int, refs: int, citations: int = 10, ratings: int = 1, seed: int = 7,
             uncited_share: float = 0.0) -> dict[str, int]:
    """Write the site; ``uncited_share`` > 0 turns that share of the uncited sentences into uncited
    statistics (0.2: the "many uncited" site, thousands of findings in the editor report)."""
    rng = random.Random(seed)
    uncited = random.Random(seed + 1) if uncited_share > 0 else None
    for sub in ("docs", "docs-plain", "citations", "content", "overrides"):
        shutil.rmtree(out / sub, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    bib_text, ref_list = make_bib(rng, refs)
    (out / "citations").mkdir()
    (out / "citations" / "refs.bib").write_text(bib_text + "\n" + foot_drop_bib(), "utf-8")
    shutil.copytree(ROOT / "content" / "foot-drop", out / "content" / "foot-drop")
    shutil.copytree(ROOT / "plugins" / "mkdocs_evidence" / "theme", out / "overrides")  # the packaged theme, for the plain variant too

    stats = {"match": 0, "mismatch": 0, "no-statistic": 0, "uncited": 0}
    docs = out / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Synthetic guide\n\nThis site is generated by `benchmarks/sitegen.py` for build benchmarks.\n\n"
        + " ".join(filler(rng) for _ in range(12)) + "\n", "utf-8")
    for number in range(pages):
        topic = TOPICS[number % len(TOPICS)]
        (docs / topic).mkdir(exist_ok=True)
        (docs / topic / f"page-{number:04d}.md").write_text(make_page(rng, number, ref_list, citations, ratings, stats, uncited, uncited_share), "utf-8")

    shutil.copytree(docs, out / "docs-plain")
    for src_uri, markdown in guide_pages(out / "content"):
        target = out / "docs-plain" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, "utf-8")

    for filename, name, docs_dir, site_dir, plugins in VARIANTS.values():
        (out / filename).write_text(mkdocs_yml(name, docs_dir, site_dir, plugins), "utf-8")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--refs", type=int, default=2000)
    parser.add_argument("--citations", type=int, default=10, help="citation markers per page")
    parser.add_argument("--ratings", type=int, default=1, help="inline rating markers per page")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--uncited-share", type=float, default=0.0,
                        help="share of the uncited sentences that become uncited statistics (0.2: the many-uncited site)")
    args = parser.parse_args(argv)
    stats = generate(args.out, args.pages, args.refs, args.citations, args.ratings, args.seed, args.uncited_share)
    print(f"{args.out}: {args.pages} pages, {args.refs} refs; cited sentences: {stats}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def write_result(lines: list[str], output: Path) -> None:
    """Print a benchmark's table and keep it in ``benchmarks/results/`` for the README."""
    text = "\n".join(lines) + "\n"
    print(text, end="")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, "utf-8")
