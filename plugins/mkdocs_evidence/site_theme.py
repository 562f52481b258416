"""What a site gets from the package, set up by the plugin in ``on_config``.

- The theme (``theme/``: header, footer, provenance box, JSON-LD, the clinic stylesheet
  rendered from configuration, the CSP-safe scripts, the printable summary) joins the theme's
  template search path right after the site's ``custom_dir``, the way Material's own plugins
  bring templates: a site can still override any file, and needs no ``overrides/`` folder.
- The Markdown extensions the generated pages are written for are switched on.
- ``extra.clinic`` is validated (unknown settings are errors that name them).
- No third-party request by default: Material's Google Fonts are turned off unless the site
  asks for them, and a configured font, stylesheet, script or picture from another website is
  a ``third-party-asset`` finding.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from .core.bib.bibliography import display
from .core.findings import Finding, make_finding
from .core.guide.clinic import ClinicError, validate_clinic
from .core.templating import PACKAGE_DIR

__all__ = ["CLINIC_STYLESHEET", "REQUIRED_EXTENSIONS", "THEME_DIR", "SetupError", "set_up_site", "third_party_findings"]

THEME_DIR = PACKAGE_DIR / "theme"
CLINIC_STYLESHEET = "assets/evidence-theme/clinic.css"
# What the generated guide pages use: care cards are admonitions, glossary terms are
# abbreviations. (toc and tables are MkDocs built-ins.)
REQUIRED_EXTENSIONS = ("admonition", "abbr")
_REMOTE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//")


class SetupError(Exception):
    """The configuration cannot give a working site: one message saying what to change."""


def set_up_site(config: MkDocsConfig) -> None:
    """Theme, extensions, clinic settings and fonts, in place on ``config``."""
    try:
        extra: dict[str, Any] = dict(config.extra or {})
        validate_clinic(extra.get("clinic"))
    except ClinicError as error:
        raise SetupError(f"mkdocs.yml: {error}") from None
    _enable_extensions(config)
    if config.theme.name != "material":
        # Our templates extend Material's; with another theme only the pages and their
        # citations, badges and checks are provided.
        return
    _add_theme(config)
    if not _font_configured(config):
        config.theme["font"] = False


def _add_theme(config: MkDocsConfig) -> None:
    dirs = config.theme.dirs
    if str(THEME_DIR) not in dirs:
        custom_dir = config.theme.custom_dir
        position = 1 if custom_dir and dirs and Path(dirs[0]) == Path(custom_dir) else 0
        dirs.insert(position, str(THEME_DIR))
    config.theme.static_templates.add(CLINIC_STYLESHEET)


def _enable_extensions(config: MkDocsConfig) -> None:
    names = {_extension_name(e) for e in config.markdown_extensions}
    for name in REQUIRED_EXTENSIONS:
        if name not in names and f"markdown.extensions.{name}" not in names:
            config.markdown_extensions.append(name)


def _extension_name(extension: object) -> str:
    if isinstance(extension, str):
        return extension
    return type(extension).__module__.rsplit(".", 1)[-1] if extension is not None else ""


def _font_configured(config: MkDocsConfig) -> bool:
    """Whether the site's own configuration (not Material's defaults) sets ``theme.font``."""
    from mkdocs.utils.yaml import yaml_load  # follows INHERIT as MkDocs does

    if not config.config_file_path:
        return False
    try:
        with open(config.config_file_path, encoding="utf-8") as handle:
            raw = yaml_load(handle) or {}
    except Exception:
        return False
    theme = raw.get("theme") if isinstance(raw, dict) else None
    return isinstance(theme, dict) and "font" in theme


def third_party_findings(config: MkDocsConfig, root: Path) -> list[Finding]:
    """A finding for each configured font or asset that pages would load from another website,
    located in the site's configuration file (shown relative to ``root``)."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    config_path = display(config_file, root) if config_file else "mkdocs.yml"
    found: list[tuple[str, str]] = []
    font = config.theme.get("font") if config.theme.name == "material" else False
    if font:
        names = ", ".join(str(v) for v in font.values()) if isinstance(font, dict) else str(font)
        found.append(("theme.font", f"the web font ({names}) is downloaded from Google Fonts on every page"))
    for key in ("logo", "favicon"):
        value = config.theme.get(key)
        if isinstance(value, str) and _REMOTE.match(value):
            found.append((f"theme.{key}", f"{value} is loaded from another website"))
    for option in ("extra_css", "extra_javascript"):
        for item in getattr(config, option, None) or ():
            path = str(getattr(item, "path", item))
            if _REMOTE.match(path):
                found.append((option, f"{path} is loaded from another website"))
    return [_third_party(config_path, where, what) for where, what in found]


def _third_party(path: str, where: str, what: str) -> Finding:
    return make_finding(
        "third-party-asset",
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        text=where,
        sentence="",
        message=f"{where}: {what}, which tells that website who reads which page",
    )
