"""Issue 9: bad input never crashes, never loses a claim.

Every case of ``cases/manifest.yml`` goes through the CLI (``mkdocs-evidence check``) and a real
``mkdocs build --strict``, both as subprocesses, on a temporary site. Cases of a group share one
site (one CLI run and one build per group keep the suite fast); each case has its own files, so
each expected message is still tied to one case, and the sentinel page's uncited "23%" proves
the rest of the site was checked.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from hardening_helpers import (
    CASES,
    PROJECT_THEME,
    SENTINEL,
    Run,
    cli,
    copy_fixture_guide,
    has_message,
    mkdocs,
    run,
    write_base_site,
)

MANIFEST = yaml.safe_load((CASES / "manifest.yml").read_text(encoding="utf-8"))
GROUPS: dict = MANIFEST["groups"]
CASE_LIST: list[dict] = MANIFEST["cases"]


# -- generated inputs (too big or too regular to store) -------------------------------------

PARAGRAPH = "People with foot drop often catch their toes when they walk on uneven ground, so a physiotherapist may suggest exercises.\n"


def long_line() -> str:
    return "# Long line\n\n" + "word " * 200_000 + "and 44% of people walk.\n"


def big_file() -> str:
    count = 10_000_000 // (len(PARAGRAPH) + 1) // 2
    lines = ["# Big", "", "At the start, 11% of people walk.", *[PARAGRAPH] * count, "In the middle, 22% of people walk.\n", *[PARAGRAPH] * count, "At the end, 33% of people walk.\n"]
    return "\n".join(lines)


def nested_lists() -> str:
    return "# Nested lists\n\n" + "".join("    " * level + "- level\n" for level in range(100)) + "    " * 100 + "- About 61% of people.\n"


def nested_quotes() -> str:
    return "# Nested quotes\n\n" + "> " * 500 + "About 62% of people.\n"


def brackets() -> str:
    return "# Brackets\n\n" + "[" * 500 + "63% of people" + "]" * 500 + "\n\n" + "[" * 500 + "@deep" + "]" * 500 + "\n"


GENERATORS = {"long_line": long_line, "big_file": big_file, "nested_lists": nested_lists, "nested_quotes": nested_quotes, "brackets": brackets}


def add_case(root: Path, case: dict) -> None:
    for target, source in (case.get("files") or {}).items():
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CASES / source, root / target)
    for target, generator in (case.get("generate") or {}).items():
        (root / target).parent.mkdir(parents=True, exist_ok=True)
        (root / target).write_text(GENERATORS[generator](), encoding="utf-8")
    if "content" in case:
        folder = copy_fixture_guide(root, case["id"])
        name, old, new = case["content"]["replace"]
        new = new.replace("GENERATED_500_BRACKETS", "[" * 500 + "]" * 500)
        path = folder / name
        if old is None:
            text = new
        else:
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{case['id']}: {old!r} not in {name}"
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def group_runs(tmp_path_factory) -> dict[str, tuple[Run, Run]]:
    """Each group's site, checked by the CLI and built with --strict (two groups at a time)."""
    jobs = []
    for group in GROUPS:
        theme = PROJECT_THEME if GROUPS[group].get("theme") == "project" else None
        root = write_base_site(tmp_path_factory.mktemp(f"group-{group}"), theme=theme)
        for case in CASE_LIST:
            if case["group"] == group:
                add_case(root, case)
        jobs.append((group, root))
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            group: (pool.submit(run, cli("check"), root, 240), pool.submit(run, mkdocs("build", "--strict", "-d", str(root / "site")), root, 240))
            for group, root in jobs
        }
        return {group: (check.result(), build.result()) for group, (check, build) in futures.items()}


def _assert_run(result: Run, expected_exit: int, case: dict, what: str) -> None:
    assert "Traceback" not in result.output, f"{what} crashed:\n{result.output[-3000:]}"
    assert result.returncode == expected_exit, f"{what} exit {result.returncode}:\n{result.output[-3000:]}"
    assert has_message(result, *SENTINEL), f"{what}: the rest of the site was not checked:\n{result.output[-3000:]}"
    for expected in case.get("expect") or []:
        assert has_message(result, expected["at"], expected["says"]), f"{what}: no '{expected['at']}: ... {expected['says']}' in:\n{result.output[-3000:]}"
    for text in case.get("absent") or []:
        assert text not in result.output, f"{what}: unexpected '{text}' in:\n{result.output[-3000:]}"


@pytest.mark.parametrize("case", CASE_LIST, ids=[c["id"] for c in CASE_LIST])
def test_cli_reports_the_case_and_still_checks_the_rest(group_runs, case):
    group = GROUPS[case["group"]]
    check, _build = group_runs[case["group"]]
    _assert_run(check, group["cli_exit"], case, "mkdocs-evidence check")


@pytest.mark.parametrize("case", CASE_LIST, ids=[c["id"] for c in CASE_LIST])
def test_strict_build_reports_the_case_and_still_checks_the_rest(group_runs, case):
    group = GROUPS[case["group"]]
    _check, build = group_runs[case["group"]]
    _assert_run(build, group["build_exit"], case, "mkdocs build --strict")


def test_every_case_is_named_once_and_every_stored_input_is_used():
    ids = [c["id"] for c in CASE_LIST]
    assert len(ids) == len(set(ids))
    used = {source for case in CASE_LIST for source in (case.get("files") or {}).values()}
    stored = {p.relative_to(CASES).as_posix() for p in CASES.rglob("*") if p.is_file() and p.parent.name in ("markdown", "bibtex")}
    assert stored - used <= {"markdown/latin1.md"}  # used by the exit-2 tests below


# -- unreadable input: exit 2, one message with file and line, no traceback -----------------


def test_cli_path_that_does_not_exist_exits_2(tmp_path):
    root = write_base_site(tmp_path)
    result = run(cli("check", "docs/no-such-page.md"), root)
    assert result.returncode == 2 and "Traceback" not in result.output
    assert "docs/no-such-page.md: no such file or folder" in result.output


def test_cli_markdown_that_is_not_utf8_is_reported_with_file_and_line_and_check_carries_on(tmp_path):
    """Issue 17: one unreadable page no longer stops `check` (it was exit 2 and lost every
    other finding); it is an error finding at its line, and the rest is checked."""
    root = write_base_site(tmp_path)
    shutil.copyfile(CASES / "markdown" / "latin1.md", root / "docs" / "latin1.md")
    result = run(cli("check"), root)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert "docs/latin1.md:3:1: error: not valid UTF-8 (byte 0xe9" in result.output
    assert has_message(result, *SENTINEL)


def test_build_with_a_missing_bibliography_reports_it_and_checks_the_rest(tmp_path):
    root = write_base_site(tmp_path, plugin={"bibliography": "no-such-refs.bib"})
    result = run(mkdocs("build", "--strict", "-d", str(root / "site")), root)
    assert result.returncode == 1 and "Traceback" not in result.output
    assert has_message(result, "no-such-refs.bib:1:1", "bibliography not found")
    assert has_message(result, *SENTINEL)


def test_build_with_markdown_that_is_not_utf8_fails_cleanly_with_file_and_line(tmp_path):
    root = write_base_site(tmp_path)
    shutil.copyfile(CASES / "markdown" / "latin1.md", root / "docs" / "latin1.md")
    result = run(mkdocs("build", "--strict", "-d", str(root / "site")), root)
    assert result.returncode == 1
    assert "Traceback" not in result.output
    assert "latin1.md:3" in result.output


def test_yaml_alias_bomb_is_refused_quickly(tmp_path):
    import subprocess
    import sys

    lines = ['x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"x{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 7)]
    folder = copy_fixture_guide(tmp_path, "foot-drop")
    guide = folder / "guide.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("also_called: [drop foot]", "\n".join(lines) + "\nalso_called: [drop foot]"), encoding="utf-8")
    code = f"from mkdocs_evidence.core.guide.content import parse_guide; parse_guide(open({str(guide)!r}, encoding='utf-8').read())"
    try:
        subprocess.run([sys.executable, "-c", code], timeout=5, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("parsing a 1 KB guide.yml took more than 5 s")
