"""Shared helpers for the browser tests (axe, keyboard, waiting)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()  # ships axe-core's axe.min.js; injected into the page, no network involved

BLOCKING_IMPACTS = {"serious", "critical"}


def goto(page, url: str) -> None:
    page.goto(url, wait_until="load")
    # Material mounts its components after load; wait for the bundle to have run.
    page.wait_for_function("() => !document.documentElement.classList.contains('no-js')")
    # theme.js marks <html data-ev-theme="ready"> once glossary terms and tables are enhanced.
    page.wait_for_function("() => document.documentElement.dataset.evTheme === 'ready'")


def axe_violations(page, impacts=BLOCKING_IMPACTS) -> list[dict]:
    """axe-core violations of the given impacts on the current page (WCAG 2.x A/AA and best
    practices, as axe runs by default)."""
    results = _AXE.run(page)
    return [v for v in results.response["violations"] if v["impact"] in impacts]


def describe(violations: list[dict]) -> list[str]:
    out = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:4])
        out.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes: {targets}): {v['help']}")
    return out


def tab_to(page, selector: str, max_presses: int = 250):
    """Press Tab until the focused element matches `selector`; return its handle or None.

    This proves the element is reachable in the keyboard tab order, not only focusable.
    """
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.mouse.click(1, 1)  # start from the document, not from the address bar
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if page.evaluate("sel => !!document.activeElement && document.activeElement.matches(sel)", selector):
            return page.evaluate_handle("() => document.activeElement")
    return None


def is_visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def search(page, query: str):
    """Type `query` into Material's search (header field on desktop, dialog on phones) and
    return the locator of the result items once the first is visible."""
    toggle = page.locator("label.md-header__button[for='__search']")
    if toggle.is_visible():
        toggle.click()
    field = page.locator(".md-search__input")
    field.click()
    field.fill("")
    field.press_sequentially(query, delay=20)  # Material reads key events, not `input`
    items = page.locator(".md-search-result__item")
    items.first.wait_for(state="visible")
    return items
