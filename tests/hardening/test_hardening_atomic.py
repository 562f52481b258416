"""Issue 9: a build killed half-way never leaves a state that breaks the next build.

(The corrupt-cache unit test in tests/core/bib/test_bibliography.py writes garbage; the tests here
extend it with a truncated file and a cache from another version; tests/hardening/
test_hardening_cache_safety.py covers crafted pickles and every cache file.)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

from hardening_helpers import ENV, SENTINEL, has_message, mkdocs, run, write_base_site
from mkdocs_evidence.core.bib.bibliography import BibliographyCache
from mkdocs_evidence.core.io.datacodec import loads
from mkdocs_evidence.core.io.diskcache import CACHE_VERSION, load_blob

PAGE = "# Page {n}\n\n" + ("People with foot drop often catch their toes, so a physiotherapist may suggest exercises. " * 40 + "\n\n") * 6 + "In one study, 7 RCTs were pooled [@prenton2016].\n"


def test_a_killed_build_is_followed_by_a_correct_build(tmp_path: Path):
    root = write_base_site(tmp_path, plugin={"cache": True})
    for n in range(150):
        (root / "docs" / f"page-{n:03}.md").write_text(PAGE.format(n=n), encoding="utf-8")
    site = root / "site"
    process = subprocess.Popen(mkdocs("build", "-d", str(site)), cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    for _poll in range(1200):  # a bounded number of polls, not a clock
        if process.poll() is not None:
            break
        if site.is_dir() and any(site.rglob("page-*/index.html")):
            break  # it has started writing pages
        time.sleep(0.05)
    killed = process.poll() is None
    if killed:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    cache = root / ".cache" / "plugin" / "evidence"
    result = run(mkdocs("build", "--strict", "-d", str(site)), root)
    assert "Traceback" not in result.output
    assert result.returncode == 1 and has_message(result, *SENTINEL)  # every page checked again
    report = json.loads((site / "editor" / "report" / "report.json").read_text(encoding="utf-8"))
    assert report  # parses
    assert len(list(site.glob("page-*/index.html"))) == 150
    assert list(cache.glob("bib-*.json")), "the bibliography cache was written"
    for stored in cache.glob("bib-*.json"):
        stored_bib = load_blob(stored)  # a header line, then the references as rows
        assert stored_bib is not None and b'"prenton2016"' in stored_bib[1]
    assert killed or process.returncode is not None


def test_truncated_and_foreign_cache_files_are_rebuilt(tmp_path: Path):
    source = tmp_path / "refs.bib"
    source.write_text("@article{a2020,\n title={A}, year={2020}}\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    BibliographyCache(cache_dir).load([source], tmp_path)
    (cached,) = cache_dir.glob("bib-*.json")
    whole = cached.read_bytes()
    for broken in (whole[: len(whole) // 2], json.dumps([["T", -1, "x"], "foreign"]).encode(), b'"not a tuple"', b""):
        cached.write_bytes(broken)
        fresh = BibliographyCache(cache_dir)
        assert "a2020" in fresh.load([source], tmp_path).references
        assert fresh.parsed == 1  # detected and parsed again
        assert loads(cached.read_bytes().partition(b"\n")[0])[0][0] == CACHE_VERSION  # and the cache file was rewritten
