"""One way to make a Jinja2 environment over the package's templates (and the site's own).

Every template lives under ``plugins/mkdocs_evidence/templates``. HTML is rendered with
autoescape on; Markdown and YAML output turn it off and escape values with their own filters.
Folders given in ``extra_dirs`` are searched first, so a clinic can override any template
without forking; which folders those are (``<custom_dir>/evidence/``) is decided in one place,
``render/environment.py``, for the plugin and the CLI alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jinja2

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
ASSETS_DIR = PACKAGE_DIR / "assets"


def template_environment(
    *,
    extra_dirs: Sequence[Path] = (),
    subdir: str = "",
    autoescape: bool = True,
    trim_blocks: bool = True,
    keep_trailing_newline: bool = False,
) -> jinja2.Environment:
    """A strict-undefined environment; ``subdir`` roots template names in one folder.

    No bytecode cache: compiled templates are code (marshal), and the cache folder may be
    restored from shared storage, so templates are compiled in each process."""
    package = jinja2.FileSystemLoader(str(TEMPLATES_DIR / subdir))
    user = [str(d / subdir) for d in extra_dirs if (d / subdir).is_dir()]
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(user), package]) if user else package
    return jinja2.Environment(
        loader=loader,
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=trim_blocks,
        lstrip_blocks=trim_blocks,
        keep_trailing_newline=keep_trailing_newline,
        auto_reload=False,
    )
