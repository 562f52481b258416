"""Issue 9: script payloads from .bib and YAML fields never execute in Chromium, and the payload
site works under a strict Content-Security-Policy (zero violations on every page).

Self-contained: builds tests/hardening/xss_site.py's site in a temporary folder and serves it
with a small threaded http.server on 127.0.0.1 (with or without the CSP header).
"""

from __future__ import annotations

import functools
import http.server
import socketserver
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hardening"))

import contextlib

from xss_site import build_xss_site

# The policy from issue 9, and the stricter one docs/for-clinics.md documents.
POLICIES = {
    "issue": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    "documented": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
}

pytestmark = pytest.mark.browser


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def _serve(root: Path, csp: str | None):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            if csp:
                self.send_header("Content-Security-Policy", csp)
            super().end_headers()

        def log_message(self, *args):
            pass

    server = _Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def xss_built(tmp_path_factory) -> Path:
    return build_xss_site(tmp_path_factory.mktemp("xss-browser"))


@pytest.fixture
def chromium(browser):
    """The session's Chromium (tests/browser/conftest.py): one Playwright per process, since a
    second sync Playwright cannot start while the first one's event loop is alive."""
    return browser


def _visit_all(chromium, site: Path, csp: str | None) -> tuple[list[str], list[str], list[str]]:
    server = _serve(site, csp)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    dialogs: list[str] = []
    violations: list[str] = []
    executed: list[str] = []
    context = chromium.new_context(service_workers="block")
    context.expose_binding("__reportCsp", lambda source, text: violations.append(text))
    context.add_init_script(
        "window.__xss = 0; document.addEventListener('securitypolicyviolation', e => "
        "window.__reportCsp(location.pathname + ' ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"
    )
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    try:
        for html in sorted(site.rglob("*.html")):
            rel = html.relative_to(site).as_posix()
            page.goto(f"{base}/{rel}", wait_until="load")
            # Hover and focus what a reader would: citations (previews), evidence badges, links
            # and glossary terms; open every closed <details>. Visible elements only (fast).
            for selector in (".ev-cite__link:visible", "[class*=badge]:visible", "abbr:visible", "a[href^=http]:visible"):
                for handle in page.locator(selector).all()[:8]:
                    try:
                        handle.hover(timeout=300)
                        handle.focus(timeout=300)
                    except Exception:  # covered or detached: nothing to hover
                        pass
            for summary in page.locator("details:not([open]) > summary:visible").all()[:5]:
                with contextlib.suppress(Exception):
                    summary.click(timeout=300)
            if page.evaluate("window.__xss"):
                executed.append(rel)
            bad = page.evaluate(
                "() => [...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src'))"
                ".filter(u => /^\\s*(javascript|data:text|vbscript)/i.test(u || ''))"
            )
            if bad:
                executed.append(f"{rel}: unsafe links {bad}")
    finally:
        context.close()
        server.shutdown()
    return dialogs, executed, violations


def test_no_payload_executes_without_csp(chromium, xss_built):
    dialogs, executed, _ = _visit_all(chromium, xss_built, None)
    assert dialogs == [] and executed == []


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_every_page_works_under_a_strict_csp(chromium, xss_built, policy):
    dialogs, executed, violations = _visit_all(chromium, xss_built, POLICIES[policy])
    assert dialogs == [] and executed == []
    assert violations == [], "Content-Security-Policy violations"


# Issue 17: the evasion corpus (tests/hardening/xss_corpus.py) in Chromium.
HANDLERS_JS = (
    "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
    ".filter(a => a.name.toLowerCase().startsWith('on')).map(a => e.tagName + ' ' + a.name))"
)


@pytest.fixture(scope="module")
def corpus_built(tmp_path_factory) -> Path:
    from xss_corpus import build_corpus_site

    return build_corpus_site(tmp_path_factory.mktemp("xss-corpus-browser"))


def test_no_evasion_form_runs_or_adds_a_handler(chromium, corpus_built):
    dialogs, executed, _ = _visit_all(chromium, corpus_built, None)
    assert dialogs == [] and executed == []
    server = _serve(corpus_built, None)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    context = chromium.new_context(service_workers="block")
    try:
        page = context.new_page()
        for rel in ("forms/index.html", "foot-drop/what-is-it/index.html", "foot-drop/treatments/physiotherapy/index.html"):
            page.goto(f"{base}/{rel}", wait_until="load")
            assert page.evaluate(HANDLERS_JS) == [], rel
            if rel.startswith("foot-drop"):  # YAML prose shows every form as text
                assert page.locator("article").inner_text().count("window.__xss") >= 10, rel
    finally:
        context.close()
        server.shutdown()
