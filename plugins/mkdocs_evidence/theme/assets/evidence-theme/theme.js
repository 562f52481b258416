/* mkdocs-evidence theme: progressive enhancement only. The site works without this file.
   1. Glossary terms (<abbr title>): the first use of each term on a page becomes focusable,
      so its explanation (Material's tooltip) opens with the keyboard as well as on hover.
   2. Printing: every <details> is opened before printing and restored afterwards, so care
      cards, evidence badges and "what the research says" boxes print in full.
   3. Wide tables: a table that has to scroll sideways becomes a focusable, named region, so
      keyboard users can scroll it (WCAG 2.1.1; axe scrollable-region-focusable).
   When done, <html data-ev-theme="ready"> (the browser tests wait for it). */
(function () {
  "use strict";

  function glossary() {
    var seen = {};
    var terms = document.querySelectorAll(".md-content abbr[title]");
    Array.prototype.forEach.call(terms, function (abbr) {
      var key = abbr.textContent.trim().toLowerCase();
      if (seen[key] || abbr.closest("a, button, summary, h1, h2, h3, h4, h5, h6")) return;
      seen[key] = true;
      abbr.setAttribute("tabindex", "0");
      abbr.classList.add("ev-term");
    });
  }

  var reopened = [];
  function openAll() {
    reopened = [];
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.setAttribute("open", "");
      reopened.push(d);
    });
  }
  function restore() {
    reopened.forEach(function (d) { d.removeAttribute("open"); });
    reopened = [];
  }

  function scrollables() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset .ev-scroll");
    Array.prototype.forEach.call(wraps, function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute("tabindex")) {
        var caption = el.querySelector("caption");
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", (caption ? caption.textContent.trim() + ": " : "") +
          "table, scroll sideways to see all of it");
        el.setAttribute("data-ev-scrollable", "");
      } else if (!scrolls && el.hasAttribute("data-ev-scrollable")) {
        ["tabindex", "role", "aria-label", "data-ev-scrollable"].forEach(function (a) { el.removeAttribute(a); });
      }
    });
  }

  function enhance() {
    glossary();
    scrollables();
    document.documentElement.setAttribute("data-ev-theme", "ready");
  }

  /* Material wraps tables and mounts tooltips from its own bundle; run after it. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setTimeout(enhance, 0); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
  var resizeTimer;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(scrollables, 200);
  });
  window.addEventListener("beforeprint", openAll);
  window.addEventListener("afterprint", restore);
  if (window.matchMedia) {
    var mq = window.matchMedia("print");
    var onChange = function (e) { (e.matches ? openAll : restore)(); };
    if (mq.addEventListener) mq.addEventListener("change", onChange);
  }

  /* Handout: a "Print this page" button (it needs JavaScript, so it is created here). */
  var slot = document.querySelector("[data-ev-print]");
  if (slot) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary ev-print-button";
    button.textContent = slot.getAttribute("data-ev-print") || "Print this page";
    button.addEventListener("click", function () { window.print(); });
    slot.appendChild(button);
  }
})();
