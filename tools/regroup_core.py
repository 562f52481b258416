"""Group ``plugins/mkdocs_evidence/core/`` into sub-packages by concern, and the CLI-only modules
into a ``cli/`` package, rewriting every import and path that names them.

Run from the repository root, on a clean work tree (it uses ``git mv``)::

    python tools/regroup_core.py            # move, rewrite, print what it did
    python tools/regroup_core.py --dry-run  # print the plan only

Then run ruff, mypy and the tests, and commit. Idempotent: a module already at its new place is
skipped and nothing names an old place any more, so a second run changes nothing. It works on a
later main too: modules named in ``MOVES`` that no longer exist are skipped, and modules added to
``core/`` since are listed at the end as left where they are (add them to ``MOVES`` if they belong
to a group).

What it rewrites, for the moves it makes in this run:

* relative imports in ``plugins/`` (``from .x import y``, ``from . import x``), resolved against
  the file's old place and written again from its new one;
* dotted names (``mkdocs_evidence.core.x``) in Python files, ``pyproject.toml`` and docs, so
  absolute imports, ``monkeypatch`` strings, entry points and mypy overrides follow;
* paths (``core/x.py``, ``core/x/``, ``mkdocs_evidence/cli_add.py``, ``tests/core/test_x.py``)
  in docs, comments and CONTRIBUTING.md's module map; the map's "Package tree" block is
  regenerated from the new tree;
* in moved files, ``Path(__file__)`` expressions that climb out of the file's folder (tests:
  to ``fixtures/``; the package: to its root) get one ``.parent`` per level the file went down.
  Sibling data files (``scales.yml``, ``synonyms.yml``) move with their module and are left as
  written.

Tests move to mirror the tree: ``tests/core/test_<module>*.py`` goes to
``tests/core/<group>/``, the CLI's tests to ``tests/cli/``; ``tests/core/factories.py`` goes to
``tests/`` (on ``sys.path`` for every test, through ``tests/conftest.py``).
CHANGELOG.md, the test corpus, fixtures and content are never rewritten.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "mkdocs_evidence"
SRC = Path("plugins") / PACKAGE

# old module (dotted, under mkdocs_evidence) -> new module. A package moves with all its files.
MOVES: dict[str, str] = {
    # sources: bibliography files, their records and their formatting
    "core.bibliography": "core.bib.bibliography",
    "core.csljson": "core.bib.csljson",
    "core.references": "core.bib.references",
    "core.style": "core.bib.style",
    "core.intext": "core.bib.intext",
    "core.records": "core.bib.records",
    # claims: the finders (core/claims/ already) and the figures they compare
    "core.figures": "core.claims.figures",
    "core.quantities": "core.claims.quantities",
    "core.natural_frequencies": "core.claims.natural_frequencies",
    # a statistic against its cited source's own text
    "core.source_text": "core.source.source_text",
    "core.source_check": "core.source.source_check",
    "core.source_findings": "core.source.source_findings",
    "core.context": "core.source.context",
    "core.context_parts": "core.source.context_parts",
    "core.context_report": "core.source.context_report",
    "core.wording": "core.source.wording",
    "core.overstatement": "core.source.overstatement",
    # ratings (core/ratings/ already): scales and GRADE's reasons to rate down
    "core.scales": "core.ratings.scales",
    "core.rate_down": "core.ratings.rate_down",
    # condition guides: the YAML schema (core/content/), pages, clinic, placeholders, review dates
    "core.content": "core.guide.content",
    "core.guides": "core.guide.guides",
    "core.clinic": "core.guide.clinic",
    "core.placeholders": "core.guide.placeholders",
    "core.review": "core.guide.review",
    # outputs and editorial workflow: the report, SARIF, fixes, waivers, `check --since`
    "core.report": "core.report.editor_report",
    "core.sarif": "core.report.sarif",
    "core.fixes": "core.report.fixes",
    "core.waivers": "core.report.waivers",
    "core.waiver_errors": "core.report.waiver_errors",
    "core.changed_findings": "core.report.changed_findings",
    # shared text machinery
    "core.prose": "core.text.prose",
    "core.sentences": "core.text.sentences",
    "core.citations": "core.text.citations",
    "core.excerpt": "core.text.excerpt",
    "core.inert": "core.text.inert",
    "core.readability": "core.text.readability",
    # files and caches
    "core.atomic": "core.io.atomic",
    "core.diskcache": "core.io.diskcache",
    "core.datacodec": "core.io.datacodec",
    "core.yamldepth": "core.io.yamldepth",
    # the command line, outside core
    "cli": "cli",  # the module becomes the package cli/ (cli/__init__.py), see PACKAGE_FROM_MODULE
    "cli_add": "cli.add",
    "core.gitdiff": "cli.gitdiff",
    "core.progress": "cli.progress",
}
PACKAGE_FROM_MODULE = {"cli"}  # modules that become a package of the same name
PACKAGES = {"core.content"}  # entries of MOVES that are packages (folders), moved with all their files
DATA_FILES = {"core/scales.yml": "core/ratings/scales.yml", "core/synonyms.yml": "core/source/synonyms.yml"}
PACKAGE_DOCS = {
    "core.bib": "Sources: bibliography files (.bib, CSL-JSON), their records, formatting and in-text labels.",
    "core.source": "A statistic against its cited source's own text: sentences, context, wording, overstatement.",
    "core.guide": "Condition guides: the YAML schema, the generated pages, clinic settings, placeholders, review dates.",
    "core.report": "Outputs and editorial workflow: the editor report, SARIF, fix lines, waivers, `check --since`.",
    "core.text": "Shared text machinery: masking, sentences, the citation grammar, excerpts, reading level.",
    "core.io": "Files and caches: atomic writes, data-only caches, YAML depth limits.",
    "cli": None,  # cli/__init__.py is the old cli.py
}
# tests named after no module of their own: test_<name>*.py -> the group of this module
TEST_ALIASES = {"ratings": "core.ratings", "statistics": "core.claims", "attribution": "core.claims", "corpus": "core.claims",
                "rating_templates": "core.ratings", "source_caps": "core.ratings"}
NEVER_REWRITE = ("CHANGELOG.md", "tools/regroup_core.py", "tests/corpus/", "tests/fixtures/", "tests/hardening/cases/",
                 "content/", "citations/", "examples/")
TEXT_SUFFIXES = {".py", ".md", ".toml", ".yml", ".yaml", ".txt", ".cfg", ".ini", ".j2", ".html", ""}
TREE_START, TREE_END = "<!-- regroup:tree -->", "<!-- /regroup:tree -->"


@dataclass(frozen=True)
class Move:
    old: str  # dotted, under mkdocs_evidence
    new: str
    old_path: Path
    new_path: Path
    package: bool  # a package (folder) rather than one module


def _module_path(dotted: str, *, package: bool) -> Path:
    base = SRC.joinpath(*dotted.split("."))
    return base / "__init__.py" if package else base.with_suffix(".py")


def plan() -> list[Move]:
    moves = []
    for old, new in MOVES.items():
        folder = SRC.joinpath(*old.split("."))
        if old in PACKAGE_FROM_MODULE:
            old_file, new_file = folder.with_suffix(".py"), folder / "__init__.py"
            if old_file.is_file():
                moves.append(Move(old, new, old_file, new_file, package=False))
        elif old in PACKAGES:
            if folder.is_dir() and (folder / "__init__.py").is_file():
                moves.append(Move(old, new, folder, SRC.joinpath(*new.split(".")), package=True))
        elif folder.with_suffix(".py").is_file():
            moves.append(Move(old, new, folder.with_suffix(".py"), _module_path(new, package=False), package=False))
    return moves


# -- names -------------------------------------------------------------------------------------


def map_module(dotted: str, moves: list[Move]) -> str:
    """The new name of ``dotted`` (under mkdocs_evidence) after ``moves``."""
    for move in moves:
        if dotted == move.old:
            return move.new
        if move.package and dotted.startswith(move.old + "."):
            return move.new + dotted[len(move.old):]
    return dotted


def module_of(path: Path) -> tuple[str, bool]:
    """(dotted module under mkdocs_evidence, is a package's __init__) of a file in SRC."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    is_init = parts[-1] == "__init__"
    if is_init:
        parts = parts[:-1]
    return ".".join(parts), is_init


def new_location(path: Path, moves: list[Move]) -> Path:
    for move in moves:
        if move.package and (path == move.old_path or move.old_path in path.parents):
            return move.new_path / path.relative_to(move.old_path)
        if not move.package and path == move.old_path:
            return move.new_path
    return path


def _relative(target: str, package: str) -> str:
    """``target`` (dotted) written relative to ``package``: ``..x.y``."""
    t, p = target.split(".") if target else [], package.split(".") if package else []
    common = 0
    while common < min(len(t), len(p)) and t[common] == p[common]:
        common += 1
    return "." * (len(p) - common + 1) + ".".join(t[common:])


def _base(module: str, is_init: bool) -> str:
    return module if is_init else module.rpartition(".")[0]


def _names_from(source: str, names: list[ast.alias], moves: list[Move], where) -> list[tuple[str, str]]:
    """``from SOURCE import a, b as c`` where some names may be modules that moved: the
    statements to write instead, as (from-part, names) pairs, grouped by where they now live."""
    groups: dict[str, list[str]] = {}
    for alias in names:
        old = f"{source}.{alias.name}" if source else alias.name
        full = map_module(old, moves)
        parent, _, name = full.rpartition(".")
        if full == old:
            parent, name = source, alias.name
        was = alias.asname or alias.name
        groups.setdefault(where(parent), []).append(name if name == was else f"{name} as {was}")
    return list(groups.items())


def rewrite_absolute_imports(text: str, moves: list[Move]) -> str:
    """``from mkdocs_evidence.core import style``: a moved module imported by name from its
    package (dotted module names themselves are rewritten as text, before this)."""
    if f"from {PACKAGE}" not in text:
        return text
    tree = ast.parse(text)
    offsets = _offsets(text)
    edits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        if node.module != PACKAGE and not node.module.startswith(PACKAGE + "."):
            continue
        source = node.module[len(PACKAGE) + 1:]
        if not _any_moved(source, node.names, moves):
            continue
        groups = _names_from(source, node.names, moves, lambda parent: ".".join(filter(None, [PACKAGE, parent])))
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset
        indent = " " * node.col_offset
        edits.append((start, end, f"\n{indent}".join(f"from {where} import {', '.join(names)}" for where, names in groups)))
    for start, end, replaced in sorted(edits, reverse=True):
        text = text[:start] + replaced + text[end:]
    return text


def _any_moved(source: str, names: list[ast.alias], moves: list[Move]) -> bool:
    return any(map_module(f"{source}.{a.name}" if source else a.name, moves) != (f"{source}.{a.name}" if source else a.name) for a in names)


def _offsets(text: str) -> list[int]:
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    return offsets


def rewrite_relative_imports(text: str, old_file: Path, new_file: Path, moves: list[Move]) -> str:
    """Every relative import of a package file, resolved from its old place, from its new one."""
    old_module, old_init = module_of(old_file)
    new_module, new_init = module_of(new_file)
    old_base, new_base = _base(old_module, old_init), _base(new_module, new_init)
    tree = ast.parse(text)
    offsets = _offsets(text)
    edits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or not node.level:
            continue
        anchor = old_base.split(".") if old_base else []
        anchor = anchor[: len(anchor) - (node.level - 1)] if node.level > 1 else anchor
        source = ".".join([*anchor, *([node.module] if node.module else [])])
        start = offsets[node.lineno - 1] + node.col_offset
        end = offsets[node.end_lineno - 1] + node.end_col_offset
        indent = " " * node.col_offset
        if node.module:
            target = map_module(source, moves)
            new_from = _relative(target, new_base)
            statement = text[start:end]
            head = re.match(r"from\s+\.+[\w.]*", statement)
            if head is None:
                continue
            replaced = f"from {new_from}" + statement[head.end():]
        else:  # from . import a, b as c: each name may be a module that moved
            if not _any_moved(source, node.names, moves) and _relative(source, new_base) == "." * node.level:
                continue
            groups = _names_from(source, node.names, moves, lambda parent: _relative(parent, new_base))
            replaced = f"\n{indent}".join(f"from {where} import {', '.join(names)}" for where, names in groups)
        if replaced != text[start:end]:
            edits.append((start, end, replaced))
    for start, end, replaced in sorted(edits, reverse=True):
        text = text[:start] + replaced + text[end:]
    return text


_FILE_CHAIN = re.compile(r"Path\(__file__\)(\.resolve\(\))?(?:\.parents\[(\d+)\]|((?:\.parent\b)+))")


def deepen_file_paths(text: str, levels: int, *, is_test: bool) -> str:
    """``Path(__file__)`` climbing ``levels`` more (``.parent`` chains, ``.parents[n]``) where it
    climbs out of the file's folder: always in tests, above the file's own folder in the package."""
    if levels <= 0:
        return text

    def deeper(match: re.Match[str]) -> str:
        resolve = match.group(1) or ""
        if match.group(2) is not None:
            index = int(match.group(2))
            return match.group(0) if not is_test and index < 1 else f"Path(__file__){resolve}.parents[{index + levels}]"
        count = match.group(3).count(".parent")
        if not is_test and count < 2:
            return match.group(0)  # the file's own folder: data files move with their module
        return f"Path(__file__){resolve}" + ".parent" * (count + levels)

    return _FILE_CHAIN.sub(deeper, text)


# -- tests -------------------------------------------------------------------------------------


def test_moves(moves: list[Move]) -> list[tuple[Path, Path]]:
    moved = {m.old.rpartition(".")[2]: m.new for m in moves if not m.package or m.old in PACKAGE_FROM_MODULE}
    moved.update({m.old.rpartition(".")[2]: m.new for m in moves if m.package})
    groups = {name: new.rpartition(".")[0] or new for name, new in moved.items()}
    groups.update(TEST_ALIASES)
    groups["cli"] = groups["cli_add"] = "cli"
    out = []
    for folder in (Path("tests/core"), Path("tests")):
        for test in sorted(folder.glob("test_*.py")):
            name = test.stem.removeprefix("test_")
            owner = max((m for m in groups if name == m or name.startswith(m + "_")), key=len, default=None)
            if owner is None:
                continue
            group = groups[owner]
            if folder == Path("tests") and not group.startswith("cli"):
                continue  # tests of the top level stay there, except the CLI's
            target = Path("tests", *group.split(".")) / test.name
            if target != test and not target.exists():
                out.append((test, target))
    factories = Path("tests/core/factories.py")
    if factories.is_file() and not Path("tests/factories.py").exists() and out:
        out.append((factories, Path("tests/factories.py")))
    return out


# -- text --------------------------------------------------------------------------------------


def name_rewriter(moves: list[Move], tests: list[tuple[Path, Path]]):
    """One function that rewrites dotted names and paths for all moves at once."""
    dotted = {f"{PACKAGE}.{m.old}": f"{PACKAGE}.{m.new}" for m in moves if m.old != m.new}
    paths: dict[str, str] = {}
    for m in moves:
        old_rel, new_rel = m.old.replace(".", "/"), m.new.replace(".", "/")
        if m.package:
            paths[old_rel + "/"] = new_rel + "/"
        elif m.old in PACKAGE_FROM_MODULE:
            paths[old_rel + ".py"] = new_rel + "/__init__.py"
        else:
            paths[old_rel + ".py"] = new_rel + ".py"
    paths.update({k: v for k, v in DATA_FILES.items()})
    test_paths = {old.as_posix(): new.as_posix() for old, new in tests}
    dotted_re = re.compile("|".join(re.escape(k) for k in sorted(dotted, key=len, reverse=True)) + r"(?![\w])") if dotted else None
    core_paths = {k: v for k, v in paths.items() if k.startswith("core/")}
    top_paths = {k: v for k, v in paths.items() if not k.startswith("core/")}
    # core/x.py anywhere (also after mkdocs_evidence/); top-level files only after mkdocs_evidence/ or in backticks
    path_alternatives = [re.escape(k) for k in sorted(core_paths, key=len, reverse=True)]
    path_re = re.compile(r"(?<![\w/.])(?:(?:plugins/)?mkdocs_evidence/)?(" + "|".join(path_alternatives) + r")(?:(?<=/)|(?![\w]))") if path_alternatives else None
    top_re = re.compile(r"(?:(?<=mkdocs_evidence/)|(?<=[`(]))(" + "|".join(re.escape(k) for k in top_paths) + r")(?![\w])") if top_paths else None
    test_re = re.compile("|".join(re.escape(k) for k in sorted(test_paths, key=len, reverse=True)) + r"(?![\w])") if test_paths else None

    # a data file read by package name: resources.files("mkdocs_evidence.core").joinpath("scales.yml")
    data_re = re.compile(
        r"""(files\(\s*["'])""" + re.escape(PACKAGE) + r"""\.core(["']\s*\)\s*\.joinpath\(\s*["'])("""
        + "|".join(re.escape(Path(k).name) for k in DATA_FILES) + r")(?=[\"'])"
    )
    data_packages = {Path(k).name: PACKAGE + "." + ".".join(Path(v).parent.parts) for k, v in DATA_FILES.items()}

    def rewrite(text: str) -> str:
        text = data_re.sub(lambda m: m.group(1) + data_packages[m.group(3)] + m.group(2) + m.group(3), text)
        if dotted_re:
            text = dotted_re.sub(lambda m: dotted[m.group(0)], text)
        if path_re:
            text = path_re.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + core_paths[m.group(1)], text)
        if top_re:
            text = top_re.sub(lambda m: top_paths[m.group(1)], text)
        if test_re:
            text = test_re.sub(lambda m: test_paths[m.group(0)], text)
        return text

    return rewrite


def tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout.splitlines()
    out = []
    for name in names:
        if name.startswith(NEVER_REWRITE) or name in NEVER_REWRITE:
            continue
        path = Path(name)
        if path.suffix in TEXT_SUFFIXES and path.is_file() and (path.suffix or path.name == "Makefile"):
            out.append(path)
    return out


def package_tree() -> str:
    """The "Package tree" block of CONTRIBUTING.md, from the files on disk."""
    lines = [TREE_START, "", "```text", "plugins/mkdocs_evidence/"]
    lines.append("  " + " ".join(sorted(p.name for p in SRC.glob("*.py") if p.name != "__init__.py")))
    for folder in sorted([SRC / "cli", SRC / "render", SRC / "core", *sorted(p.parent for p in (SRC / "core").glob("*/__init__.py"))]):
        if not folder.is_dir():
            continue
        modules = sorted(p.name for p in folder.glob("*.py") if p.name != "__init__.py")
        data = sorted(p.name for p in folder.glob("*.yml"))
        subs = sorted(p.name + "/" for p in folder.iterdir() if (p / "__init__.py").is_file()) if folder.name != "core" else []
        lines.append(f"  {folder.relative_to(SRC).as_posix()}/  " + " ".join([*modules, *data, *subs]))
    lines += ["```", "", TREE_END]
    return "\n".join(lines)


def update_contributing(text: str) -> str:
    text = text.replace(
        "Tests mirror modules: `tests/core/test_<module>.py`,",
        "Tests mirror modules: `tests/core/<group>/test_<module>.py` (the module's sub-package), `tests/cli/`,",
    )
    block = package_tree()
    if TREE_START in text and TREE_END in text:
        start, end = text.index(TREE_START), text.index(TREE_END) + len(TREE_END)
        return text[:start] + block + text[end:]
    anchor = "## Module map"
    if anchor not in text:
        return text
    heading = "## Package tree\n\nGenerated by `tools/regroup_core.py` (run it again after moving a module).\n\n"
    return text.replace(anchor, heading + block + "\n\n" + anchor, 1)


# -- run ---------------------------------------------------------------------------------------


def git_mv(old: Path, new: Path, dry_run: bool) -> None:
    print(f"  git mv {old} {new}")
    if not dry_run:
        new.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "mv", str(old), str(new)], check=True)


def ensure_package(folder: Path, dry_run: bool) -> None:
    """``__init__.py`` for a new sub-package, with a one-line docstring."""
    init = folder / "__init__.py"
    if init.exists():
        return
    dotted = ".".join(folder.relative_to(SRC).parts)
    doc = PACKAGE_DOCS.get(dotted)
    if doc is None and dotted in PACKAGE_FROM_MODULE:
        return
    print(f"  create {init}")
    if not dry_run:
        folder.mkdir(parents=True, exist_ok=True)
        init.write_text(f'"""{doc or dotted}"""\n', encoding="utf-8")
        subprocess.run(["git", "add", str(init)], check=True)


def sort_imports() -> None:
    """Imports renamed by the moves are sorted again (ruff's isort rule), if ruff is at hand."""
    ruff = shutil.which("ruff") or (str(Path(".venv/bin/ruff")) if Path(".venv/bin/ruff").exists() else None)
    if ruff is None:
        print("ruff not found: run `ruff check --select I --fix plugins tests benchmarks tools`")
        return
    subprocess.run([ruff, "check", "--quiet", "--select", "I", "--fix", "plugins", "tests", "benchmarks", "tools"], check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    args = parser.parse_args(argv)
    if not SRC.is_dir():
        print("run from the repository root", file=sys.stderr)
        return 2
    moves = [m for m in plan() if m.old != m.new or m.old in PACKAGE_FROM_MODULE]
    tests = test_moves(moves)
    if not moves and not tests:
        print("nothing to move: core/ is already grouped")
    rewrite = name_rewriter(moves, tests)
    # 1. contents first, at the old places: relative imports, dotted names, paths, __file__ depth
    package_files = {p: new_location(p, moves) for p in sorted(SRC.rglob("*.py"))}
    test_targets = dict(tests)
    changed = 0
    for path in tracked_text_files():
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)  # dotted names and paths first: the import rewriting below reads new names
        if path in package_files and moves:
            target = package_files[path]
            new = rewrite_relative_imports(new, path, target, moves)
            new = deepen_file_paths(new, len(target.parts) - len(path.parts), is_test=False)
        if path.suffix == ".py" and moves:
            new = rewrite_absolute_imports(new, moves)
        if path in test_targets:
            target = test_targets[path]
            new = deepen_file_paths(new, len(target.parts) - len(path.parts), is_test=True)
        if new != text:
            changed += 1
            if not args.dry_run:
                path.write_text(new, encoding="utf-8")
    print(f"rewrote {changed} files")
    # 2. then the moves
    for move in moves:
        for folder in sorted({p.parent for p in [move.new_path] if not move.package} | ({move.new_path.parent} if move.package else set())):
            current = folder
            while current != SRC and current.relative_to(SRC).parts:
                ensure_package(current, args.dry_run)
                current = current.parent
        if move.package:
            for file in sorted(p for p in move.old_path.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
                git_mv(file, move.new_path / file.relative_to(move.old_path), args.dry_run)
        else:
            git_mv(move.old_path, move.new_path, args.dry_run)
    for old, new in DATA_FILES.items():
        if (SRC / old).is_file():
            git_mv(SRC / old, SRC / new, args.dry_run)
    if any(m.old in PACKAGE_FROM_MODULE for m in moves):
        for name in PACKAGE_FROM_MODULE:
            main_file = SRC / name / "__main__.py"
            if not main_file.exists():
                print(f"  create {main_file}")
                if not args.dry_run:
                    main_file.write_text(
                        f'"""``python -m {PACKAGE}.{name}``."""\n\nimport sys\n\nfrom . import main\n\nsys.exit(main())\n',
                        encoding="utf-8",
                    )
                    subprocess.run(["git", "add", str(main_file)], check=True)
    for old, new in tests:
        git_mv(old, new, args.dry_run)
    if not args.dry_run:
        for move in moves:  # a folder left with only __pycache__ would import as a namespace package
            if move.package and move.old_path.is_dir():
                shutil.rmtree(move.old_path / "__pycache__", ignore_errors=True)
                if not any(move.old_path.iterdir()):
                    move.old_path.rmdir()
        if moves or tests:
            sort_imports()
        contributing = Path("CONTRIBUTING.md")
        if contributing.is_file():  # the package tree, from the tree as it now is
            text = contributing.read_text(encoding="utf-8")
            if update_contributing(text) != text:
                contributing.write_text(update_contributing(text), encoding="utf-8")
                print("  updated the package tree in CONTRIBUTING.md")
    left = sorted(p.stem for p in (SRC / "core").glob("*.py") if p.stem != "__init__")
    print("left at core/:", ", ".join(left))
    return 0


if __name__ == "__main__":
    sys.exit(main())
