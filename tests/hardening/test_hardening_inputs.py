"""Issue 17: bad input is one message with file and line (exit 2 for usage and input errors in
the CLI), never a traceback; and the inputs the CLI used to skip are read."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hardening_helpers import SENTINEL, cli, copy_fixture_guide, has_message, mkdocs, run, write_base_site


def _site(tmp_path: Path, **plugin) -> Path:
    return write_base_site(tmp_path, plugin=plugin or None)


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output, result.output[-3000:]


@pytest.mark.parametrize(("char", "name"), [("\x00", "NUL"), ("\x0c", "form feed"), ("\x7f", "DEL"), ("\x0b", "vertical tab")])
def test_a_control_character_in_a_guide_is_one_located_message(tmp_path: Path, char: str, name: str):
    root = _site(tmp_path)
    folder = copy_fixture_guide(root, "foot-drop")
    guide = folder / "guide.yml"
    lines = guide.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    lines[index] = lines[index][:12] + char + lines[index][12:]
    guide.write_text("\n".join(lines), encoding="utf-8")
    for result in (run(cli("check"), root), run(mkdocs("build", "-d", str(root / "site")), root)):
        _no_traceback(result)
        assert has_message(result, f"content/foot-drop/guide.yml:{index + 1}:13", name)
        assert has_message(result, *SENTINEL)  # the rest of the site is still checked


@pytest.mark.parametrize(
    "config",
    ["site_name: x\nplugins: [evidence\n", "- a\n- b\n", "site_name: x\nplugins: 3\n", "site_name: x\ndocs_dir: [1]\n", "site_name: x\n\tplugins: []\n"],
)
def test_a_malformed_mkdocs_yml_in_check_exits_2(tmp_path: Path, config: str):
    root = _site(tmp_path)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = run(cli("check"), root)
    _no_traceback(result)
    assert result.returncode == 2 and "mkdocs.yml" in result.output


def test_a_non_utf8_page_is_reported_and_check_carries_on(tmp_path: Path):
    root = _site(tmp_path)
    (root / "docs" / "latin1.md").write_bytes("# Caf\xe9\n\nAbout 40% of people.\n".encode("latin-1"))
    result = run(cli("check"), root)
    _no_traceback(result)
    assert result.returncode == 1
    assert has_message(result, "docs/latin1.md:1:1", "not valid UTF-8")
    assert has_message(result, *SENTINEL)


@pytest.mark.parametrize("target", ["docs", "docs/index.md/x.txt", "/proc/version"])
def test_a_bad_output_path_is_one_message(tmp_path: Path, target: str):
    root = _site(tmp_path)
    result = run(cli("check", "--output", target), root)
    _no_traceback(result)
    assert result.returncode == 2 and "cannot write the output" in result.output


def test_report_to_a_file_instead_of_a_folder_is_one_message(tmp_path: Path):
    root = _site(tmp_path)
    result = run(cli("report", "--output-dir", "docs/index.md"), root)
    _no_traceback(result)
    assert result.returncode == 2 and "cannot write the report" in result.output


def test_new_guide_with_a_very_long_name_or_a_file_as_content_dir(tmp_path: Path):
    long = run(cli("new-guide", "a" * 300), tmp_path)
    _no_traceback(long)
    assert long.returncode == 2 and "cannot create the guide" in long.output
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    as_file = run(cli("new-guide", "foo", "--content-dir", "afile"), tmp_path)
    _no_traceback(as_file)
    assert as_file.returncode == 2 and "afile: --content-dir is a file" in as_file.output


def test_front_matter_review_line_that_is_not_a_number(tmp_path: Path):
    root = _site(tmp_path)
    (root / "docs" / "fm.md").write_text("---\nreview: {line: abc}\n---\n# T\n\nAbout 41% of people.\n", encoding="utf-8")
    for result in (run(cli("check"), root), run(mkdocs("build", "-d", str(root / "site")), root)):
        _no_traceback(result)
        assert has_message(result, "docs/fm.md:1:1", "review.line: 'abc' is not a line number")
        assert has_message(result, "docs/fm.md:6:1", "statistic 'About 41%' has no citation")


def test_the_cli_reads_markdown_pages_and_yaml_treatments(tmp_path: Path):
    root = _site(tmp_path)
    (root / "docs" / "page.markdown").write_text("# P\n\nAbout 42% of people.\n", encoding="utf-8")
    folder = copy_fixture_guide(root, "foot-drop")
    treatment = folder / "treatments" / "physiotherapy.yml"
    text = treatment.read_text(encoding="utf-8").replace("daily_life: Exercises at home.", "daily_life: About 43% do exercises at home.")
    treatment.unlink()
    (folder / "treatments" / "physiotherapy.yaml").write_text(text, encoding="utf-8")
    result = run(cli("check"), root)
    _no_traceback(result)
    assert has_message(result, "docs/page.markdown:3:1", "'About 42%' has no citation")
    assert has_message(result, "content/foot-drop/treatments/physiotherapy.yaml", "'About 43%' has no citation")


def test_cr_only_line_endings_give_the_right_lines_in_the_cli(tmp_path: Path):
    root = _site(tmp_path)
    (root / "docs" / "cr.md").write_bytes(b"# T\r\rText.\r\rAbout 44% of people.\r")
    result = run(cli("check"), root)
    assert has_message(result, "docs/cr.md:5:1", "'About 44%' has no citation")


@pytest.mark.parametrize("tool", ["check", "build"])
def test_a_misspelt_content_folder_is_an_error(tmp_path: Path, tool: str):
    root = _site(tmp_path, content="contnet")
    copy_fixture_guide(root, "foot-drop")
    args = cli("check") if tool == "check" else mkdocs("build", "--strict", "-d", str(root / "site"))
    result = run(args, root)
    _no_traceback(result)
    assert result.returncode == 1 and has_message(result, "mkdocs.yml:1:1", "plugins.evidence.content: 'contnet' does not exist")


def test_the_default_content_folder_may_be_absent(tmp_path: Path):
    root = _site(tmp_path)  # write_base_site sets content: content, which does not exist here
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text(encoding="utf-8").replace("    content: content\n", ""), encoding="utf-8")
    result = run(cli("check"), root)
    assert "content" not in result.output.split("claim check")[0] or "does not exist" not in result.output


def test_build_dirty_keeps_the_findings_of_unchanged_pages(tmp_path: Path):
    root = _site(tmp_path, cache=False)
    (root / "docs" / "other.md").write_text("# O\n\nAbout 45% of people.\n", encoding="utf-8")
    site = root / "site"
    first = run(mkdocs("build", "-d", str(site)), root)
    assert has_message(first, "docs/other.md:3:1", "'About 45%'")
    time.sleep(1.1)
    os.utime(root / "docs" / "index.md")  # only index.md changed
    dirty = run(mkdocs("build", "--dirty", "-d", str(site)), root)
    _no_traceback(dirty)
    assert has_message(dirty, "docs/other.md:3:1", "'About 45%'") and has_message(dirty, *SENTINEL)
    report = json.loads((site / "editor" / "report" / "report.json").read_text(encoding="utf-8"))
    assert {"docs/other.md", "docs/sentinel.md"} <= {f["path"] for f in report["findings"]}


def test_a_same_size_bib_edit_with_its_time_kept_is_seen(tmp_path: Path):
    root = _site(tmp_path, cache=True)
    bib = root / "citations" / "refs.bib"
    (root / "docs" / "cited.md").write_text("# C\n\nBraces help [@zzzzzzz2016].\n", encoding="utf-8")
    build = mkdocs("build", "-d", str(root / "site"))  # the build keeps the parsed .bib in .cache
    first = run(build, root)
    assert has_message(first, "docs/cited.md:3:13", "'zzzzzzz2016' is not in the bibliography")
    assert list((root / ".cache" / "plugin" / "evidence").glob("bib-*.json"))
    text = bib.read_text(encoding="utf-8")
    stat = bib.stat()
    bib.write_text(text.replace("prenton2016", "zzzzzzz2016", 1), encoding="utf-8")  # same size
    os.utime(bib, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert bib.stat().st_size == stat.st_size and bib.stat().st_mtime_ns == stat.st_mtime_ns
    second = run(build, root)
    assert not has_message(second, "docs/cited.md:3:13", "is not in the bibliography")


def test_ampersands_and_code_in_yaml_show_as_written(tmp_path: Path):
    """`Shoes & socks` is never double-escaped (no "&amp;amp;" anywhere, aria-labels included)
    and `a < b` in a YAML code span shows "a < b", not "&lt;"."""
    from hardening_helpers import PROJECT_THEME

    extensions = ["admonition", "attr_list", "abbr", "def_list", "md_in_html", "tables", "pymdownx.details"]
    root = write_base_site(tmp_path, theme=dict(PROJECT_THEME), extra_config={"site_name": "Shoes & socks", "markdown_extensions": extensions})
    folder = copy_fixture_guide(root, "foot-drop")
    treatment = folder / "treatments" / "ankle-foot-orthosis.yml"
    text = treatment.read_text(encoding="utf-8")
    name_line = next(line for line in text.splitlines() if line.startswith("name: "))
    treatment.write_text(text.replace(name_line, "name: Shoes & socks", 1), encoding="utf-8")
    guide = folder / "guide.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("  It can affect one foot or both.\n", "  It can affect one foot or both, when `a < b`.\n", 1), encoding="utf-8")
    result = run(mkdocs("build", "-d", str(root / "site")), root)
    _no_traceback(result)
    pages = {p: p.read_text(encoding="utf-8") for p in (root / "site").rglob("*.html")}
    assert not [str(p) for p, html in pages.items() if "&amp;amp;" in html]
    assert any("Shoes &amp; socks" in html for html in pages.values())
    what = (root / "site" / "foot-drop" / "what-is-it" / "index.html").read_text(encoding="utf-8")
    assert "<code>a &lt; b</code>" in what and "&amp;lt;" not in what
