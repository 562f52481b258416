"""Known XSS evasion forms, put where content can reach a page (issue 17).

Two places: a hand-written page (Markdown syntax only: links, images, attribute lists,
autolinks, reference definitions; raw HTML in docs/ is the page author's by design) and YAML
prose fields of a guide (every form, raw HTML included: YAML prose must show it as text).
Every payload sets ``window.__xss`` and would open a dialog; tests check that neither happens,
that no element has an ``on*`` attribute and that no link or source has an unsafe scheme.
The forms are the usual families: scheme case and encodings (decimal, hex, padded, named
entities, tabs and newlines inside the scheme), attribute lists adding handlers or replacing
``href``/``src``, data: and vbscript: URIs, SVG, nested and broken tags.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hardening_helpers import PROJECT_THEME, copy_fixture_guide, mkdocs, run, write_base_site

RUN = "window.__xss=1;alert(1)"

MARKDOWN_FORMS = [
    f"[plain](javascript:{RUN})",
    f"[case](JaVaScRiPt:{RUN})",
    f"[decimal](&#106;avascript:{RUN})",
    f"[hex](&#x6A;avascript:{RUN})",
    f"[padded](&#0000106;avascript:{RUN})",
    f"[named colon](javascript&colon;{RUN})",
    f"[tab entity](java&Tab;script:{RUN})",
    f"[hex tab](java&#x09;script:{RUN})",
    f"[newline entity](java&#10;script:{RUN})",
    f"[angle](<javascript:{RUN}>)",
    f"<javascript:{RUN}>",
    "[vb](vbscript:msgbox(1))",
    "[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
    "[reference][bad]",
    f"![p](data:,x){{: onerror=\"{RUN}\" }}",
    f"![p](x){{: onerror={RUN} }}",
    f"![p](x){{ onerror=\"{RUN}\" }}",
    f"![p](x){{: OnErRoR=\"{RUN}\" }}",
    f"![p](x){{: src=\"javascript:{RUN}\" }}",
    f"[click](#top){{: onclick=\"{RUN}\" }}",
    f"[ok](https://example.org/){{: href=\"javascript:{RUN}\" }}",
    f"[ok](https://example.org/){{: href=\"&#106;avascript:{RUN}\" }}",
    "![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz0xIi8+)",
    "[tracker](https://example.org/){: style=\"background:url(https://evil.example/x)\" }",
    f"A paragraph with a handler.\n{{: onmouseover=\"{RUN}\" }}",
]
REFERENCE_DEFINITIONS = f"[bad]: javascript:{RUN}\n"

HTML_FORMS = [
    f"<script>{RUN}</script>",
    f"<ScRiPt>{RUN}</sCrIpT>",
    f"<scr<script>ipt>{RUN}</script>",
    f"<<script>script>{RUN}<</script>/script>",
    f"<img src=x onerror=\"{RUN}\">",
    f"<img/src=x/onerror={RUN}>",
    f"<img src=x onerror={RUN}//",
    f"<svg onload=\"{RUN}\">",
    f"<svg><script>{RUN}</script></svg>",
    f"<iframe src=\"javascript:{RUN}\"></iframe>",
    f"<a href=\"jav&#x0A;ascript:{RUN}\">x</a>",
    f"<details open ontoggle=\"{RUN}\">x</details>",
    f"<body onload=\"{RUN}\">",
    f"<math><mtext><table><mglyph><style><img src=x onerror=\"{RUN}\">",
    f"[<img src=x onerror=\"{RUN}\">](https://example.org/)",
    f"`<script>{RUN}</script>` in code",
    f"```\n<script>{RUN}</script>\n```",
]

PAGE = "# Evasion forms\n\n" + "\n\n".join(MARKDOWN_FORMS) + "\n\n" + REFERENCE_DEFINITIONS


def _block(lines: list[str], indent: str = "  ") -> str:
    body = "\n\n".join(lines)
    return "|\n" + "\n".join(indent + line if line else "" for line in body.split("\n")) + "\n"


def build_corpus_site(root: Path) -> Path:
    """A site with every form on a page and in guide and treatment prose; returns site/."""
    extensions = ["admonition", "attr_list", "abbr", "def_list", "md_in_html", "tables", "pymdownx.details"]  # the project's
    write_base_site(root, theme=dict(PROJECT_THEME), extra_config={"extra": {"generator": False}, "markdown_extensions": extensions})
    (root / "docs" / "forms.md").write_text(PAGE, encoding="utf-8")
    folder = copy_fixture_guide(root, "foot-drop")
    guide = folder / "guide.yml"
    text = guide.read_text(encoding="utf-8")
    old = "what_it_is: |\n  Foot drop means you cannot lift the front of your foot properly [@stewart2008].\n\n  It can affect one foot or both.\n"
    assert old in text
    text = text.replace(old, "what_it_is: " + _block([*MARKDOWN_FORMS, *HTML_FORMS, REFERENCE_DEFINITIONS.strip()]), 1)
    guide.write_text(text, encoding="utf-8")
    treatment = folder / "treatments" / "physiotherapy.yml"
    old = "what_it_is: A physiotherapist teaches exercises.\n"
    source = treatment.read_text(encoding="utf-8")
    assert old in source
    treatment.write_text(source.replace(old, "what_it_is: " + _block(HTML_FORMS + MARKDOWN_FORMS[:12]), 1), encoding="utf-8")
    site = root / "site"
    if site.exists():
        shutil.rmtree(site)
    result = run(mkdocs("build", "-d", str(site)), root)
    assert result.returncode == 0 and "Traceback" not in result.output, result.output[-3000:]
    return site
