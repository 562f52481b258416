"""Names the browser tests share. A module of its own (not conftest.py), because
``from conftest import ...`` picks whichever conftest was imported first when several test
folders have one."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "plugins" / "mkdocs_evidence" / "assets"
SCREENSHOTS = ROOT / "tests" / "screenshots"
README_SCREENSHOTS = ROOT / "docs" / "assets" / "screenshots"

CHROMIUM = os.environ.get("EVIDENCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

class RequestLog:
    """Every request a browser context makes, and every CSP violation its pages report."""

    def __init__(self):
        self.urls: list[str] = []
        self.csp_violations: list[str] = []
        self.console_errors: list[str] = []

    def foreign(self, allowed_host: str) -> list[str]:
        out = []
        for url in self.urls:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.netloc != allowed_host:
                out.append(url)
        return out


def new_context(browser, *, scheme: str = "light", viewport=(1280, 900), **kwargs):
    ctx = browser.new_context(
        viewport={"width": viewport[0], "height": viewport[1]},
        color_scheme=scheme,
        reduced_motion="reduce",
        service_workers="block",
        **kwargs,
    )
    log = RequestLog()
    ctx.on("request", lambda req: log.urls.append(req.url))
    ctx.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    # Report CSP violations from the page into the log (installed as an init script, which
    # the CSP does not govern because it is injected by the browser, not the page).
    ctx.expose_binding("__evidenceCsp", lambda source, text: log.csp_violations.append(text))
    ctx.add_init_script(_CSP_REPORTER)
    ctx.set_default_timeout(10_000)
    ctx.request_log = log
    return ctx


@contextmanager
def open_page(browser, **context_options):
    """One page in a fresh context (:func:`new_context`), closed with the context afterwards;
    the context's request log is ``page.request_log``."""
    ctx = new_context(browser, **context_options)
    try:
        page = ctx.new_page()
        page.request_log = ctx.request_log
        yield page
    finally:
        ctx.close()


_CSP_REPORTER = (
    "document.addEventListener('securitypolicyviolation', e => "
    "window.__evidenceCsp(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + "
    "' ' + e.sourceFile + ':' + e.lineNumber));"
)
