/* Material for MkDocs' inline content script, moved to a file (strict CSP). */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
