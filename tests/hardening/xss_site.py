"""A site full of script payloads in every field a clinic or an editor fills in (issue 9).

Used by test_hardening_output_safety.py (string checks on the built HTML) and by
tests/browser/test_xss.py (nothing executes in Chromium, strict CSP). Plain-text fields (bib
fields, YAML names, titles, terms) must come out escaped; links must be http(s) only.

``known_bugs=True`` also puts payloads where they get through today (tested as xfail): the
guide's title and a treatment's name (page titles and navigation), a glossary term (the
generated abbreviation line), a question to ask (rendered unescaped) and raw HTML in a glossary definition (a Markdown field).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hardening_helpers import PROJECT_THEME, copy_fixture_guide, mkdocs, run, write_base_site

SCRIPT = "<script>window.__xss=(window.__xss||0)+1;alert(1)</script>"
ATTRIBUTE = '" onmouseover="window.__xss=1;alert(1)" x="'
IMG = "<img src=x onerror=\"window.__xss=1;alert(1)\">"
JS_URL = "javascript:window.__xss=1;alert(1)"
DATA_URL = "data:text/html,<script>alert(1)</script>"

BIB = r"""
@article{xss2020,
  author  = {SCRIPT and {ATTR} and Doe, Jane},
  title   = {SCRIPT title ATTR},
  journal = {IMG},
  year    = {2020},
  url     = {JSURL},
  note    = {SCRIPT},
  design  = {cohort}
}

@misc{xss2021,
  title   = {Data url SCRIPT},
  year    = {2021},
  url     = {DATAURL},
  doi     = {10.1234/"><script>alert(1)</script>},
  pmid    = {123" onmouseover="alert(1)},
  design  = {cohort}
}

@misc{xss2022,
  title   = {JSURL},
  year    = {2022},
  url     = {https://example.org/" onmouseover="alert(1)},
  howpublished = {IMG},
  design  = {cohort}
}

@article{ext2023,
  author  = {Roe, Richard},
  title   = {A safe external link},
  journal = {Journal of Links},
  year    = {2023},
  url     = {https://example.org/page?a=1&b=2},
  design  = {cohort}
}

@article{doi2024,
  author  = {Poe, Edgar},
  title   = {A DOI and a PMID},
  journal = {Journal of Links},
  year    = {2024},
  doi     = {10.1234/abc.def},
  pmid    = {12345678},
  design  = {cohort}
}
""".replace("SCRIPT", SCRIPT).replace("ATTR", ATTRIBUTE).replace("IMG", IMG).replace("JSURL", JS_URL).replace("DATAURL", DATA_URL)

PAGE = f"""# Payloads

Cited [@xss2020]. Also [@xss2021; @xss2022], [@ext2023] and [@doi2024].

A link [click me](javascript:window.__xss=1;alert(1)), [data link]({DATA_URL.replace("<", "%3C").replace(">", "%3E")}),
[tabbed](JaVa\tScRiPt:window.__xss=1) and [a site](https://example.org/).

Unknown key with a quote [@a"onmouseover=alert(1)].
"""


def _yaml_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def build_xss_site(root: Path, *, known_bugs: bool = False) -> Path:
    """Write and build the payload site; returns the built site folder."""
    write_base_site(root, theme=dict(PROJECT_THEME), extra_config={"extra": {"generator": False, "clinic": {"name": "Clinic " + SCRIPT}}})
    (root / "citations" / "xss.bib").write_text(BIB, encoding="utf-8")
    (root / "docs" / "xss.md").write_text(PAGE, encoding="utf-8")
    folder = copy_fixture_guide(root, "foot-drop")
    guide = folder / "guide.yml"
    text = guide.read_text(encoding="utf-8")
    replacements = {
        "  - name: Stroke <Association>\n    description: Help for people after a stroke.\n    url: https://www.stroke.org.uk/": (
            f"  - name: {_yaml_string('Stroke ' + SCRIPT + ATTRIBUTE)}\n    description: Help for people after a stroke.\n    url: https://example.org/?q={ATTRIBUTE.replace(' ', '')}"
        ),
        "    - name: Alex Writer\n      qualifications: MSc": f"    - name: {_yaml_string('Alex ' + SCRIPT)}\n      qualifications: {_yaml_string(ATTRIBUTE)}",
        "    title: Call 999 or go to A&E if\n": f"    title: {_yaml_string('Call 999 ' + SCRIPT)}\n",
        "    - name: Nerve injury in the leg\n": f"    - name: {_yaml_string('Nerve ' + IMG)}\n",
    }
    if known_bugs:
        replacements["  - What is causing my foot drop?\n"] = f"  - {_yaml_string('What ' + SCRIPT + '?')}\n"
        replacements["  - term: Peroneal nerve\n"] = f"  - term: {_yaml_string('Peroneal ' + SCRIPT + ATTRIBUTE)}\n"
        replacements["title: Foot drop\n"] = f"title: {_yaml_string('Foot drop ' + SCRIPT + ATTRIBUTE)}\n"
    if known_bugs:
        replacements["    definition: The nerve that lifts the foot."] = f"    definition: {_yaml_string('The nerve. ' + IMG + SCRIPT)}"
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    guide.write_text(text, encoding="utf-8")
    if known_bugs:
        treatment = folder / "treatments" / "physiotherapy.yml"
        treatment.write_text(treatment.read_text(encoding="utf-8").replace("name: Physiotherapy and exercise", f"name: {_yaml_string('Physio ' + SCRIPT)}"), encoding="utf-8")
    site = root / "site"
    if site.exists():
        shutil.rmtree(site)
    result = run(mkdocs("build", "-d", str(site)), root)
    assert result.returncode == 0 and "Traceback" not in result.output, result.output[-3000:]
    return site
