"""One page in four citation styles (Vancouver, AMA, APA, a local .csl file), in Chromium.

Screenshots go to tests/screenshots/citation-style-*.png; with EVIDENCE_UPDATE_SCREENSHOTS=1
they are also copied to docs/assets/screenshots/ for the README. The page cites the project's
own bibliography (citations/), and its sentences are ours, with figures from those sources.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import textwrap
import threading

import pytest
import yaml
from browser_support import README_SCREENSHOTS, ROOT, SCREENSHOTS, open_page

pytestmark = pytest.mark.browser

PAGE = """\
# How we show our sources

A nerve near the knee can be squashed when someone stays in one position for a long time.
In one study of 69 people with this nerve problem, 23% had been in one position for a long
time [@aprile2005].

@prenton2016 pooled trials with 815 people after a stroke. Braces and electrical stimulation
helped people walk faster by about the same amount [see @prenton2016, p. 646].
"""

# The same house style as the Markdown extension's tests (one copy of it).
HOUSE_CSL = (ROOT / "tests" / "test_markdown_ext.py").read_text(encoding="utf-8")
HOUSE_CSL = HOUSE_CSL.split('HOUSE_CSL = """', 1)[1].split('"""', 1)[0]

EXPECTED = {
    "vancouver": ("time1.", "Prenton et al. [2] pooled", "see [2], p. 646."),
    "ama": ("time1.", "Prenton et al. [2] pooled", "see [2], p. 646."),
    "apa": ("time (Aprile et al., 2005).", "Prenton et al. (2016) pooled", "(see Prenton et al., 2016, p. 646)."),
    "house": ("time [1].", "Prenton et al. [2] pooled", "see [2], p. 646."),
}


# The article's text as a sighted reader sees it: no screen-reader-only words, no hover previews.
SEEN = """() => {
  const copy = document.querySelector("article").cloneNode(true);
  copy.querySelectorAll(".ev-visually-hidden, .ev-cite__preview").forEach(n => n.remove());
  return copy.textContent.replace(/\\s+/g, " ");
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _build(root, style: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text(textwrap.dedent(PAGE), encoding="utf-8")
    shutil.copytree(ROOT / "citations", root / "citations", ignore=shutil.ignore_patterns("notes"))
    (root / "house.csl").write_text(HOUSE_CSL, encoding="utf-8")
    options = {"bibliography": "citations", "cache": False, "report": False, "today": "2026-11-22",
               "citation_style": "./house.csl" if style == "house" else style}
    config = {"site_name": f"Citation style: {style}", "theme": {"name": "material", "font": False},
              "plugins": [{"evidence": options}], "markdown_extensions": ["attr_list", "md_in_html"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))


@pytest.mark.parametrize("style", list(EXPECTED))
def test_one_page_in_four_citation_styles(browser, tmp_path, style):
    _build(tmp_path, style)
    handler = functools.partial(_Quiet, directory=str(tmp_path / "site"))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with open_page(browser, viewport=(1000, 900), device_scale_factor=1) as page:
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="load")
            text = page.evaluate(SEEN)
            for expected in EXPECTED[style]:
                assert expected in text
            assert page.locator(".ev-references li").count() == 2
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            out = SCREENSHOTS / f"citation-style-{style}.png"
            page.locator("article").screenshot(path=str(out), animations="disabled", caret="hide")
            assert out.stat().st_size > 5_000
            if os.environ.get("EVIDENCE_UPDATE_SCREENSHOTS") == "1":
                README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(out, README_SCREENSHOTS / out.name)
    finally:
        server.shutdown()
        server.server_close()
