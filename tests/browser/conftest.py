"""Fixtures for the browser tests: build each site once, serve it locally, drive Chromium.

Sites (each built once per session into a temporary directory):

- ``site``: the real site from ``mkdocs.yml`` (or a prebuilt directory given in
  ``EVIDENCE_SITE_DIR``). When the evidence plugin cannot be imported yet, it is built with
  the search plugin only, so the theme can still be tested.
- ``fixture_site``: ``tests/browser/fixture/`` -- the main configuration with hand-written
  pages carrying the ``page.meta`` the plugin sets (provenance, glossary terms, handout).
- ``clinic_site``: the branded example ``examples/clinic/mkdocs.yml``.

No browser is ever downloaded: Chromium comes from the system (``/usr/bin/chromium``, or
``EVIDENCE_CHROMIUM``).
"""

from __future__ import annotations

import functools
import http.server
import importlib
import os
import shutil
import socketserver
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import (  # noqa: F401 - re-exported for fixtures below
    _CSP_REPORTER,
    ASSETS,
    CHROMIUM,
    CHROMIUM_ARGS,
    README_SCREENSHOTS,
    ROOT,
    SCREENSHOTS,
    RequestLog,
    new_context,
)

# The Content-Security-Policy documented in docs/for-clinics.md. The test server can send it
# so the tests prove the site works under it. Keep the two in sync.
CSP = (
    "default-src 'none'; "
    "script-src 'self'; "
    "style-src 'self'; "
    "img-src 'self' data:; "
    "font-src 'self'; "
    "connect-src 'self'; "
    "worker-src 'self'; "
    "manifest-src 'self'; "
    "base-uri 'none'; "
    "form-action 'none'; "
    "frame-ancestors 'none'; "
    "object-src 'none'"
)

# Stylesheets the plugin links (extra_css, in its on_config) and ships from
# plugins/mkdocs_evidence/assets/. Builds without the plugin link them explicitly.
THEME_CSS = ["assets/evidence/ratings.css", "assets/evidence/site.css", "assets/evidence/print.css"]


@functools.cache
def plugin_available() -> bool:
    """True when the evidence plugin imports. Set EVIDENCE_BROWSER_NO_PLUGIN=1 to test the theme
    with the search plugin only (e.g. while the plugin is being written)."""
    if os.environ.get("EVIDENCE_BROWSER_NO_PLUGIN") == "1":
        return False
    try:
        importlib.import_module("mkdocs_evidence.plugin")
    except Exception as exc:
        warnings.warn(f"evidence plugin not importable, building with search only: {exc!r}", stacklevel=2)
        return False
    return True


# --------------------------------------------------------------------------- building


def _build(config_file: Path, site_dir: Path, **overrides) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(str(config_file), site_dir=str(site_dir), **overrides)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()


def _ensure_theme_assets(site_dir: Path) -> None:
    """In builds without the plugin, put its stylesheets where extra_css points."""
    for rel in THEME_CSS:
        target = site_dir / rel
        source = ASSETS / Path(rel).name
        if not target.exists() and source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


@dataclass
class Site:
    name: str
    root: Path
    with_plugin: bool
    base_url: str = ""
    csp: bool = False
    server: socketserver.BaseServer | None = field(default=None, repr=False)

    def pages(self) -> list[str]:
        """Every HTML page of the built site, as URL paths relative to the root."""
        out = []
        for path in sorted(self.root.rglob("*.html")):
            rel = path.relative_to(self.root).as_posix()
            if rel.endswith("index.html"):
                rel = rel[: -len("index.html")]
            out.append(rel)
        return out

    def url(self, path: str = "") -> str:
        return f"{self.base_url}/{path.lstrip('/')}"

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc


class _Handler(http.server.SimpleHTTPRequestHandler):
    csp: str | None = None

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def _serve(site: Site, csp: bool = False) -> Site:
    handler = type("Handler", (_Handler,), {"csp": CSP if csp else None})
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site.root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site.server = server
    site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    site.csp = csp
    return site


def _built(tmp_path_factory, name: str, config_file: Path, *, plugin: bool, **overrides) -> Path:
    site_dir = tmp_path_factory.mktemp(name)
    if not plugin:
        overrides.setdefault("plugins", ["search"])
        overrides.setdefault("extra_css", THEME_CSS)
    _build(config_file, site_dir, **overrides)
    _ensure_theme_assets(site_dir)
    return site_dir


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> tuple[Path, bool]:
    prebuilt = os.environ.get("EVIDENCE_SITE_DIR")
    if prebuilt:
        return Path(prebuilt).resolve(), plugin_available()
    plugin = plugin_available()
    return _built(tmp_path_factory, "site", ROOT / "mkdocs.yml", plugin=plugin), plugin


@pytest.fixture(scope="session")
def site(site_dir):
    """The real site, served with the strict Content-Security-Policy clinics are told to use."""
    root, plugin = site_dir
    s = _serve(Site("site", root, plugin), csp=True)
    yield s
    s.server.shutdown()


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    root = _built(
        tmp_path_factory,
        "fixture",
        ROOT / "tests" / "browser" / "fixture" / "mkdocs.yml",
        plugin=False,
        extra_css=THEME_CSS,
    )
    s = _serve(Site("fixture", root, False), csp=True)
    yield s
    s.server.shutdown()


@pytest.fixture(scope="session")
def serve_dir():
    """``serve_dir(name, root)``: a built site folder served with the strict CSP (a fixture, as
    ``from conftest import`` is ambiguous across test folders)."""
    started: list[Site] = []

    def serve(name: str, root: Path) -> Site:
        started.append(_serve(Site(name, root, True), csp=True))
        return started[-1]

    yield serve
    for s in started:
        s.server.shutdown()


@pytest.fixture(scope="session")
def clinic_site(tmp_path_factory):
    plugin = plugin_available()
    root = _built(
        tmp_path_factory,
        "clinic",
        ROOT / "examples" / "clinic" / "mkdocs.yml",
        plugin=plugin,
    )
    s = _serve(Site("clinic", root, plugin), csp=True)
    yield s
    s.server.shutdown()


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no system Chromium at {CHROMIUM} (never downloaded by these tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def context(browser):
    ctx = new_context(browser)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


# --------------------------------------------------------------------------- crawls
#
# Visiting every page (axe, requests, CSP) is most of the suite's time, and axe is CPU-bound in
# the browser. All crawls therefore run once per session, concurrently, in a second browser
# driven by Playwright's async API on its own thread: two pages at a time use both cores.

CRAWL_WORKERS = int(os.environ.get("EVIDENCE_CRAWL_WORKERS", "2"))

# The dark scheme changes colours only, so in dark mode only the colour rules are run again.
AXE_OPTIONS = {
    "light": {"resultTypes": ["violations"]},
    "dark": {
        "resultTypes": ["violations"],
        "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    },
}


@dataclass
class Crawl:
    """One visit to each of `pages` in one colour scheme: axe results (serious and critical),
    every request made, and every CSP violation reported."""

    site: Site
    scheme: str
    pages: list[str]
    axe: dict[str, list[str]]
    log: RequestLog


def clinic_sample(site: Site) -> list[str]:
    """The clinic build has the same generated pages as the main site (crawled in full);
    check the clinic's own pages and one page of each generated kind in its colours."""
    pages = site.pages()
    own = [p for p in pages if not p.startswith(("foot-drop/", "editor/"))]
    kinds = ["foot-drop/", "foot-drop/glossary/", "foot-drop/treatments/", "foot-drop/when-to-get-help/"]
    treatment = next((p for p in pages if p.startswith("foot-drop/treatments/") and p != "foot-drop/treatments/"), None)
    return own + [p for p in kinds if p in pages] + ([treatment] if treatment else [])


async def _crawl_all(jobs: list[tuple[str, Site, str, list[str]]]) -> dict[tuple[str, str], Crawl]:
    import asyncio

    from axe_playwright_python.async_playwright import Axe
    from browser_helpers import BLOCKING_IMPACTS, describe
    from playwright.async_api import async_playwright

    axe = Axe()
    results: dict[tuple[str, str], Crawl] = {}
    queue: asyncio.Queue = asyncio.Queue()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        contexts = {}
        for which, site, scheme, pages in jobs:
            ctx = await browser.new_context(
                viewport={"width": 1280, "height": 900}, color_scheme=scheme,
                reduced_motion="reduce", service_workers="block",
            )
            log = RequestLog()
            ctx.on("request", lambda req, log=log: log.urls.append(req.url))
            await ctx.expose_binding("__evidenceCsp", lambda source, text, log=log: log.csp_violations.append(text))
            await ctx.add_init_script(_CSP_REPORTER)
            ctx.set_default_timeout(15_000)
            contexts[(which, scheme)] = ctx
            results[(which, scheme)] = Crawl(site, scheme, pages, {}, log)
            for path in pages:
                queue.put_nowait((which, scheme, path))

        async def worker():
            while not queue.empty():
                which, scheme, path = queue.get_nowait()
                crawl = results[(which, scheme)]
                page = await contexts[(which, scheme)].new_page()
                try:
                    await page.goto(crawl.site.url(path), wait_until="load")
                    await page.wait_for_function(_READY)
                    options = AXE_OPTIONS[scheme]
                    found = [v for v in (await axe.run(page, options=options)).response["violations"] if v["impact"] in BLOCKING_IMPACTS]
                    if found:
                        crawl.axe[path or "/"] = describe(found)
                except Exception as exc:
                    crawl.axe[path or "/"] = [f"could not check the page: {exc!r}"[:500]]
                finally:
                    await page.close()

        await asyncio.gather(*(worker() for _ in range(CRAWL_WORKERS)))
        for ctx in contexts.values():
            await ctx.close()
        await browser.close()
    return results


_READY = (
    "() => !document.documentElement.classList.contains('no-js')"
    " && document.documentElement.dataset.evTheme === 'ready'"
)



@pytest.fixture(scope="session")
def crawls(request) -> dict[tuple[str, str], Crawl]:
    """Every crawl of the session: (site fixture name, scheme) -> Crawl."""
    import asyncio

    jobs = []
    for which in ("site", "fixture_site", "clinic_site"):
        site = request.getfixturevalue(which)
        pages = clinic_sample(site) if which == "clinic_site" else site.pages()
        for scheme in ("light", "dark"):
            jobs.append((which, site, scheme, pages))
    out: dict = {}
    errors: list[BaseException] = []

    def run():
        try:
            out.update(asyncio.run(_crawl_all(jobs)))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return out


@pytest.fixture(scope="session")
def crawled(crawls):
    """crawled(site_fixture_name, scheme) -> Crawl."""
    return lambda which, scheme: crawls[(which, scheme)]
