/* Material for MkDocs' inline base script, moved to a file so the site works under a strict
   Content-Security-Policy (script-src 'self'). The site root is derived from this script's
   own URL (it lives at <root>/assets/evidence-theme/md-base.js). */
var __md_scope = new URL("../../", document.currentScript.src),
  __md_hash = function (e) { return [].reduce.call(e, function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); },
  __md_get = function (e, _, t) {
    _ = _ || localStorage; t = t || __md_scope;
    return JSON.parse(_.getItem(t.pathname + "." + e));
  },
  __md_set = function (e, _, t, a) {
    t = t || localStorage; a = a || __md_scope;
    try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (err) { /* storage off */ }
  };
