"""``mkdocs-evidence new-guide``: write a commented, schema-valid starting point for a guide.

The files come from templates in ``templates/scaffold/``: comments explain every field, and
the placeholders contain no figures and cite nothing, so a new guide builds with no error
findings before the author has written anything.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path

import jinja2

from .core.templating import template_environment

__all__ = ["ScaffoldError", "scaffold_guide", "slugify"]

EXAMPLE_TREATMENT = "example-treatment"


class ScaffoldError(Exception):
    """The guide cannot be created (bad name, or the folder already exists)."""


def slugify(name: str) -> str:
    """'Foot drop' -> 'foot-drop'; accents are folded, everything else becomes hyphens."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _yaml_str(value: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(" ".join(value.split()), ensure_ascii=False)


def _yaml_inner(value: str) -> str:
    """Text safe inside an existing double-quoted YAML scalar."""
    return _yaml_str(value)[1:-1]


def _environment() -> jinja2.Environment:
    # YAML output: autoescape off on purpose; values go through yaml_str.
    env = template_environment(subdir="scaffold", autoescape=False, trim_blocks=False, keep_trailing_newline=True)
    env.filters.update(yaml_str=_yaml_str, yaml_inner=_yaml_inner)
    return env


def scaffold_guide(name: str, content_dir: Path, *, today: date | None = None) -> list[Path]:
    """Create ``<content_dir>/<slug>/guide.yml`` and one example treatment; return the paths.

    Refuses to touch an existing folder so that a typo cannot overwrite an author's work.
    """
    name = " ".join(name.split())
    slug = slugify(name)
    if not slug:
        raise ScaffoldError(f"cannot make a folder name from {name!r}; use letters or digits, e.g. 'Foot drop'")
    folder = content_dir / slug
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists; choose another name or move the existing folder first")
    today = today or date.today()
    env = _environment()
    files = {
        folder / "guide.yml": env.get_template("guide.yml.j2").render(
            name=name, slug=slug, today=today
        ),
        folder / "treatments" / f"{EXAMPLE_TREATMENT}.yml": env.get_template("treatment.yml.j2").render(
            name=name, slug=EXAMPLE_TREATMENT
        ),
    }
    (folder / "treatments").mkdir(parents=True)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return list(files)
