"""Lines changed since a git ref, so ``check --since REF`` reports only what an edit touched.

Used by the pre-commit hook and pull-request CI: an editor fixing one sentence should not be
blocked by old findings elsewhere. ``git diff REF`` compares the working tree (staged and
unstaged edits) with REF; untracked files are new, so all their lines count as changed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..core.findings import Finding


class GitError(Exception):
    """``--since`` cannot be honoured; the CLI reports it and exits 2 (usage/input error)."""


class GitUnavailableError(GitError):
    """The ``git`` executable is not installed or not on PATH."""


class NotAGitRepositoryError(GitError):
    """The project folder is not inside a git work tree."""


class UnknownRefError(GitError):
    """The ref given to ``--since`` does not name a commit."""


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def _git(repo_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise GitUnavailableError("git is not installed or not on PATH; --since needs git")
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        return subprocess.run(
            [git, "-c", "core.quotePath=false", *args],
            cwd=repo_dir,
            env=env,
            capture_output=True,
            check=False,
        )
    except OSError as exc:  # e.g. repo_dir does not exist
        raise GitError(f"cannot run git in {repo_dir}: {exc}") from exc


def unquote_git_path(raw: str) -> str:
    """Undo git's C-style quoting of unusual paths (``"a\\tb.md"``, octal UTF-8 bytes)."""
    if not (len(raw) >= 2 and raw[0] == raw[-1] == '"'):
        return raw
    body, out, i = raw[1:-1], bytearray(), 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "01234567" and re.fullmatch(r"[0-7]{3}", body[i + 1 : i + 4]):
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
                continue
        out.extend(ch.encode("utf-8"))
        i += 1
    return out.decode("utf-8", errors="surrogateescape")


def parse_unified_diff(diff: str) -> dict[str, set[int]]:
    """New-side line numbers touched by each file of a ``--unified=0`` diff (pure).

    Added or changed lines count; a pure deletion marks the lines either side of it, so that
    a sentence that lost a clause still counts as edited. Deleted files are left out.
    """
    changed: dict[str, set[int]] = {}
    current: str | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":
                current = None
                continue
            target = unquote_git_path(target)
            current = target[2:] if target.startswith("b/") else target
            changed.setdefault(current, set())
            continue
        if current is None or not line.startswith("@@"):
            continue
        match = _HUNK.match(line)
        if match is None:
            continue
        start = int(match.group(1))
        count = int(match.group(2)) if match.group(2) is not None else 1
        if count:
            changed[current].update(range(start, start + count))
        else:
            changed[current].update(n for n in (start, start + 1) if n >= 1)
    return changed


def _count_lines(path: Path) -> int:
    try:
        data = path.read_bytes()
    except OSError:
        return 1
    return max(data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1), 1)


def changed_lines(repo_dir: Path, since_ref: str, paths: Sequence[str | Path] | None = None) -> dict[str, set[int]]:
    """Changed line numbers per file since ``since_ref``, paths relative to ``repo_dir``.

    ``repo_dir`` is the project folder (it may be a subfolder of the repository: paths are
    then relative to it, like finding paths). ``paths`` limits the diff. Raises a
    :class:`GitError` subclass when git, the repository or the ref is missing.
    """
    repo_dir = Path(repo_dir)
    inside = _git(repo_dir, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != b"true":
        raise NotAGitRepositoryError(f"{repo_dir} is not inside a git work tree; --since needs one")
    if since_ref.startswith("-"):
        raise UnknownRefError(f"{since_ref!r} is not a git ref")
    ref = _git(repo_dir, "rev-parse", "--verify", "--quiet", f"{since_ref}^{{commit}}")
    if ref.returncode != 0:
        raise UnknownRefError(f"{since_ref!r} does not name a commit in this repository")
    commit = ref.stdout.decode().strip()

    pathspec = ["--", *(os.fspath(p) for p in paths or ())]
    diff = _git(
        repo_dir,
        "diff",
        "--unified=0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--find-renames",
        "--relative",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        commit,
        *pathspec,
    )
    if diff.returncode != 0:
        raise GitError(f"git diff failed: {diff.stderr.decode(errors='replace').strip()}")
    changed = parse_unified_diff(diff.stdout.decode("utf-8", errors="surrogateescape"))

    untracked = _git(repo_dir, "ls-files", "--others", "--exclude-standard", "-z", *pathspec)
    if untracked.returncode != 0:
        raise GitError(f"git ls-files failed: {untracked.stderr.decode(errors='replace').strip()}")
    for name in untracked.stdout.decode("utf-8", errors="surrogateescape").split("\0"):
        if name:
            changed[name] = set(range(1, _count_lines(repo_dir / name) + 1))
    return changed


def _norm(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def filter_findings_to_changed(findings: Iterable[Finding], changed: dict[str, set[int]]) -> list[Finding]:
    """Keep findings whose span touches a changed line of their file."""
    lines = {_norm(path): numbers for path, numbers in changed.items()}
    kept = []
    for finding in findings:
        numbers = lines.get(_norm(finding.path))
        if not numbers:
            continue
        last = max(finding.end_line, finding.line)
        if any(n in numbers for n in range(finding.line, last + 1)):
            kept.append(finding)
    return kept
