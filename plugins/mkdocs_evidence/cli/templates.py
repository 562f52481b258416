"""``mkdocs-evidence template [NAME ...]``: list the templates a site can override, or copy some
into the site's override folder (``<custom_dir>/evidence/``) to edit them.

With no name it lists every template and where the site's own copy is, if it has one. With names
(``citations/cite.html``) it copies the package's file to the same path under the override
folder, never over an existing file. The folder comes from ``theme.custom_dir`` in the site's
``mkdocs.yml`` (``-f``), as the build reads it (docs/templates.md).
"""

from __future__ import annotations

import argparse
import difflib
import shutil
from pathlib import Path

from ..render.environment import OVERRIDE_FOLDER, TEMPLATES_DIR, legacy_override_files, overridable_templates

__all__ = ["register"]


def register(commands, usage_error: type[Exception]) -> None:
    """Add the ``template`` sub-command; errors are raised as ``usage_error`` (exit 2)."""
    template = commands.add_parser("template", help="list the templates a site can override, or copy some to edit")
    template.add_argument("names", nargs="*", metavar="NAME", help="a template to copy, e.g. citations/cite.html")
    template.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    template.set_defaults(handler=lambda args: cmd_template(args, usage_error))


def cmd_template(args: argparse.Namespace, usage_error: type[Exception]) -> int:
    from . import _site  # the site as `check` and `report` read it

    site = _site(args)
    custom_dir = getattr(site, "custom_dir", None) if site is not None else None
    names = overridable_templates()
    if not args.names:
        _list(names, custom_dir)
        return 0
    if site is None:
        raise usage_error(f"no {args.config_file} here: run 'template' in the folder of a site's mkdocs.yml, or pass -f path/to/mkdocs.yml")
    if custom_dir is None:
        if not Path(args.config_file).is_file():  # a Zensical site
            raise usage_error("zensical.toml: the extension has no 'templates' folder: set one (e.g. templates = \"overrides\") and run again")
        raise usage_error(f"{args.config_file}: no theme.custom_dir: add 'custom_dir: overrides' under 'theme:' and run again")
    for name in args.names:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else " (run 'mkdocs-evidence template' for the list)"
            raise usage_error(f"{name}: no such template{hint}")
    targets = [(name, Path(custom_dir) / OVERRIDE_FOLDER / name) for name in args.names]
    for _name, target in targets:
        if target.exists():
            raise usage_error(f"{_shown(target)}: already there; not copying over it (nothing was copied)")
    for name, target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TEMPLATES_DIR / name, target)
        print(f"created {_shown(target)}")
    return 0


def _list(names: tuple[str, ...], custom_dir: Path | None) -> None:
    old = {moved.removeprefix(f"{OVERRIDE_FOLDER}/"): path for path, moved in legacy_override_files(custom_dir)}
    for name in names:
        own = Path(custom_dir) / OVERRIDE_FOLDER / name if custom_dir is not None else None
        if own is not None and own.is_file():
            print(f"{name}  (yours: {_shown(own)})")
        elif name in old:
            print(f"{name}  (yours, in the old place: {_shown(old[name])})")
        else:
            print(name)


def _shown(path: Path) -> str:
    """A path as the user typed the command: relative to the current folder when inside it."""
    try:
        return path.absolute().relative_to(Path.cwd().absolute()).as_posix()
    except ValueError:
        return path.as_posix()
