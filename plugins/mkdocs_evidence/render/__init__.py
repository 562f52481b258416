"""Everything the adapter renders into pages and reports, and where its templates come from.

- :mod:`.environment`: the one Jinja2 environment factory and the one override folder
  (``<custom_dir>/evidence/``, mirroring the package's ``templates/``), read by the plugin and
  the command line alike;
- :mod:`.citations`: citations and reference lists in the site's citation style;
- :mod:`.ratings`: evidence badges, comparison and range tables;
- :mod:`.bibliography_page`: the site-wide bibliography page;
- :mod:`.search_view`: the parts of a page the search index skips (marked by the templates).

Nothing here imports MkDocs; HTML comes only from the templates, with autoescape on. The
sub-modules are imported by name (this file imports nothing, so ``rendering`` and the core can
import :mod:`.environment` without a cycle).
"""
